// SPDX-License-Identifier: MIT
#include "core/config/config.h"

namespace Switchyard {

const ProviderConfig *Config::provider(const QString &id) const
{
    for (const ProviderConfig &p : providers) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

const NodeConfig *Config::node(const QString &id) const
{
    for (const NodeConfig &n : nodes) {
        if (n.id == id)
            return &n;
    }
    return nullptr;
}

const RouteConfig *Config::route(const QString &nameOrAlias) const
{
    for (const RouteConfig &r : routes) {
        if (r.name == nameOrAlias || r.aliases.contains(nameOrAlias))
            return &r;
    }
    return nullptr;
}

} // namespace Switchyard
