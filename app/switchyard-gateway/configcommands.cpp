// SPDX-License-Identifier: MIT
#include "app/switchyard-gateway/configcommands.h"
#include "app/switchyard-gateway/cliutil.h"
namespace Switchyard::Cli {
int runInit(const QStringList &) { return fail(QStringLiteral("init: not built yet")); }
int runCheckConfig(const QStringList &) { return fail(QStringLiteral("check-config: not built yet")); }
}
