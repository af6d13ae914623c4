// SPDX-License-Identifier: MIT
#include "core/usage/costcalculator.h"

#include "core/usage/pricecatalog.h"

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {

/// USD per million tokens for each part, resolved for one call (tier and date applied).
/// An unset optional means "no separate price": the tokens stay in their parent part.
struct Rates {
    double input = 0.0;
    double cacheRead = 0.0;
    double cacheWrite = 0.0;
    double cacheWrite1h = 0.0;
    double output = 0.0;
    std::optional<double> reasoning;
    std::optional<double> inputAudio;
    std::optional<double> outputAudio;
    double requestsPerK = 0.0; ///< USD per thousand requests
};

NanoUsd nano(qint64 tokens, double usdPerMTok)
{
    // tokens * usd/1e6 * 1e9 nano-USD per USD
    return std::llround(double(tokens) * usdPerMTok * 1000.0);
}

Rates ratesFrom(const PriceSet &set, qint64 totalInputTokens)
{
    const auto rate = [&](QStringView key) -> std::optional<double> {
        const UnitPrice *p = set.unit(key);
        return p ? std::optional(p->rateFor(totalInputTokens)) : std::nullopt;
    };
    Rates r;
    r.input = rate(u"input_mtok").value_or(0.0);
    // Missing cache prices fall back to the input price: cached tokens are never free by
    // accident, and providers that do not discount writes bill them as plain input.
    r.cacheRead = rate(u"cache_read_mtok").value_or(r.input);
    r.cacheWrite = rate(u"cache_write_mtok").value_or(r.input);
    r.cacheWrite1h = rate(u"cache_write_1h_mtok").value_or(r.cacheWrite);
    r.output = rate(u"output_mtok").value_or(0.0);
    r.reasoning = rate(u"output_reasoning_mtok");
    r.inputAudio = rate(u"input_audio_mtok");
    r.outputAudio = rate(u"output_audio_mtok");
    r.requestsPerK = rate(u"requests_kcount").value_or(0.0);
    return r;
}

Rates ratesFrom(const PriceEntry &entry)
{
    // A configured price is the whole price of the model: nothing is merged from the catalog.
    Rates r;
    r.input = entry.input.value_or(0.0);
    r.output = entry.output.value_or(0.0);
    r.cacheRead = entry.cachedInput.value_or(r.input);
    r.cacheWrite = entry.cacheWrite.value_or(r.input);
    r.cacheWrite1h = r.cacheWrite;
    return r;
}

CostBreakdown price(const Rates &r, const TokenUsage &u)
{
    CostBreakdown c;
    c.priced = true;
    const qint64 inputAudio = r.inputAudio ? u.inputAudioTokens : 0;
    const qint64 outputAudio = r.outputAudio ? u.outputAudioTokens : 0;
    const qint64 reasoning = r.reasoning ? u.reasoningTokens : 0;
    const qint64 write1h = qMin(u.cacheWrite1hTokens, u.cacheWriteTokens);

    c.input = nano(qMax<qint64>(0, u.uncachedInputTokens() - inputAudio), r.input);
    c.cacheRead = nano(u.cacheReadTokens, r.cacheRead);
    c.cacheWrite = nano(u.cacheWriteTokens - write1h, r.cacheWrite) + nano(write1h, r.cacheWrite1h);
    c.output = nano(qMax<qint64>(0, u.outputTokens - reasoning - outputAudio), r.output);
    if (r.reasoning)
        c.reasoning = nano(reasoning, *r.reasoning);
    c.audio = (r.inputAudio ? nano(inputAudio, *r.inputAudio) : 0) + (r.outputAudio ? nano(outputAudio, *r.outputAudio) : 0);
    c.requests = std::llround(r.requestsPerK * double(kNanoPerUsd) / 1000.0); // one request
    return c;
}

} // namespace

CostCalculator::CostCalculator(std::shared_ptr<const PriceCatalog> catalog, Config config)
    : m_catalog(std::move(catalog)), m_config(std::move(config))
{
}

CostBreakdown CostCalculator::providerCost(const QString &providerId, const QString &model, const TokenUsage &usage,
                                           const QDateTime &at) const
{
    for (const QString &key : {QString(providerId + u'/' + model), model}) {
        const auto it = m_config.prices.constFind(key);
        if (it != m_config.prices.cend()) {
            CostBreakdown c = price(ratesFrom(it.value()), usage);
            c.priceSource = u"config:"_s + key;
            c.matchedModel = model;
            return c;
        }
    }
    if (!m_catalog)
        return {};
    const ProviderConfig *configured = m_config.provider(providerId);
    const QString catalogProvider = configured ? configured->pricingProvider() : providerId;
    const auto match = m_catalog->findModel(catalogProvider, model);
    if (!match)
        return {};
    // Prices in force when the request arrived; an unknown time means now.
    const QDateTime when = at.isValid() ? at : QDateTime::currentDateTimeUtc();
    const PriceSet &set = match->model->prices.at(match->model->priceIndexAt(when)).prices;
    CostBreakdown c = price(ratesFrom(set, usage.inputTokens), usage);
    c.priceSource = u"catalog:%1/%2"_s.arg(match->provider->id, match->model->id);
    c.matchedModel = match->model->id;
    return c;
}

CostBreakdown CostCalculator::nodeCost(const QString &nodeId, const TokenUsage &usage, qint64 latencyMs) const
{
    Q_UNUSED(usage) // local inference is not billed per token
    const NodeConfig *node = m_config.node(nodeId);
    if (!node)
        return {};
    CostBreakdown c;
    c.priced = true;
    c.priceSource = u"node:"_s + nodeId;
    if (node->energyUsdPerHour > 0 && latencyMs > 0)
        c.energy = std::llround(double(latencyMs) / 3'600'000.0 * node->energyUsdPerHour * double(kNanoPerUsd));
    return c;
}

CostBreakdown CostCalculator::cost(const RequestRecord &record) const
{
    if (!record.node.isEmpty())
        return nodeCost(record.node, record.tokens, record.latencyMs);
    if (!record.provider.isEmpty())
        return providerCost(record.provider, record.model, record.tokens, record.time);
    return {};
}

CostBreakdown CostCalculator::cost(const AttemptRecord &attempt, const QDateTime &at) const
{
    RequestRecord one;
    one.time = at;
    one.provider = attempt.provider;
    one.node = attempt.node;
    one.model = attempt.model;
    one.tokens = attempt.tokens;
    one.latencyMs = attempt.latencyMs;
    return cost(one);
}

} // namespace Switchyard
