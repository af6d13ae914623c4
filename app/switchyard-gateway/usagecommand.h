// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace Switchyard::Cli {

/// `usage summary|export|reprice ...`
int runUsage(const QStringList &args);

} // namespace Switchyard::Cli
