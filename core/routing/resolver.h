// SPDX-License-Identifier: MIT
#pragma once

#include "core/routing/plan.h"
#include "core/routing/routingrequest.h"

#include <variant>

namespace Switchyard {

/// Resolves the `model` of a request to a Plan (DESIGN.md, "Model names"):
/// `provider/model`; `node/model`; bare names served by nodes (local nodes first) or by
/// providers that list them; `route/NAME` and aliases, rewritten by rules first; nested
/// routes expanded in place. X-Switchyard-Node pins the request to one node.
/// Pure function of the configuration snapshot; any thread.
class Resolver
{
public:
    static std::variant<Plan, RoutingError> resolve(const Config &config, const RoutingRequest &request);

    /// Escalation causes a rung uses when its configuration lists none.
    static QStringList defaultEscalateOn();
    /// Whether `rule` applies to a request currently asking for `model`.
    static bool ruleMatches(const Config &config, const RuleConfig &rule, const QString &model,
                            const RoutingRequest &request);
};

} // namespace Switchyard
