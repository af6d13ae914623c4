// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace Switchyard::Cli {

/// `init [--config FILE] [--db FILE]`
int runInit(const QStringList &args);
/// `check-config FILE`
int runCheckConfig(const QStringList &args);

} // namespace Switchyard::Cli
