// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace Switchyard::Cli {

/// `demo-data --db FILE [--weeks 12] [--seed N] [--until YYYY-MM-DD] [--replace]`: writes
/// synthetic traffic (DemoData) into its own database for screenshots and benchmarks.
/// Refuses an existing file unless --replace, so demo rows never land in real usage.
int runDemoData(const QStringList &args);

} // namespace Switchyard::Cli
