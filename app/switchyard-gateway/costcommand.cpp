// SPDX-License-Identifier: MIT
#include "app/switchyard-gateway/costcommand.h"
#include "app/switchyard-gateway/cliutil.h"
namespace Switchyard::Cli {
int runCost(const QStringList &) { return fail(QStringLiteral("cost: not built yet")); }
int runCatalog(const QStringList &) { return fail(QStringLiteral("catalog: not built yet")); }
}
