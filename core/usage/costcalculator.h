// SPDX-License-Identifier: MIT
#pragma once

#include "core/config/config.h"
#include "core/usage/costbreakdown.h"
#include "core/usage/tokenusage.h"
#include "core/usage/usagerecord.h"

#include <QDateTime>

#include <memory>

namespace Switchyard {

class PriceCatalog;

/// Prices calls: user prices from the configuration first, then the built-in catalog;
/// local nodes cost their energy only. Immutable after construction; any thread.
class CostCalculator
{
public:
    CostCalculator(std::shared_ptr<const PriceCatalog> catalog, Config config);

    /// `providerId` is a configured provider id or a catalog provider id (`openai`, `google`...).
    CostBreakdown providerCost(const QString &providerId, const QString &model, const TokenUsage &usage,
                               const QDateTime &at) const;
    CostBreakdown nodeCost(const QString &nodeId, const TokenUsage &usage, qint64 latencyMs) const;
    /// Dispatches on `record.node` / `record.provider`, priced at `record.time`.
    CostBreakdown cost(const RequestRecord &record) const;
    /// One ladder attempt with its own target and tokens, priced at `at`.
    CostBreakdown cost(const AttemptRecord &attempt, const QDateTime &at) const;

private:
    std::shared_ptr<const PriceCatalog> m_catalog;
    Config m_config;
};

} // namespace Switchyard
