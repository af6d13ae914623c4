// SPDX-License-Identifier: MIT
#pragma once

#include "core/config/config.h"

#include <QByteArray>

namespace Switchyard {

/// The configuration a new user starts with: loopback listener, the common cloud providers
/// with `env:` key references (inactive until the variable exists) and the built-in
/// `simulated` provider behind a `demo`/`auto` route, so everything works without a key.
class DefaultConfig
{
public:
    static QByteArray json();
    static Config config();
};

} // namespace Switchyard
