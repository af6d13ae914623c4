// SPDX-License-Identifier: MIT
#include "app/switchyard-gateway/usagecommand.h"
#include "app/switchyard-gateway/cliutil.h"
namespace Switchyard::Cli {
int runUsage(const QStringList &) { return fail(QStringLiteral("usage: not built yet")); }
}
