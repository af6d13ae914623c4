// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace Switchyard::Cli {

/// `keys add NAME | list | revoke NAME [--config FILE]`: the gateway's local API keys.
/// `add` prints the new key once on stdout; the configuration keeps only its SHA-256.
int runKeys(const QStringList &args);

} // namespace Switchyard::Cli
