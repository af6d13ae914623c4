// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace Switchyard::Cli {

/// `cost --provider P --model M [--flavor chat|anthropic] [--at TIME] [--usage FILE|-] [--json] [--config FILE]`
int runCost(const QStringList &args);
/// `catalog build --from data.json --out FILE` and `catalog show PROVIDER/MODEL`
int runCatalog(const QStringList &args);

} // namespace Switchyard::Cli
