// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace Switchyard {

/// Money is counted in nano-USD (1e-9 USD) as integers: one token of a $0.10/MTok model
/// is 100 nano-USD, so sums stay exact down to single tokens of the cheapest models.
using NanoUsd = qint64;
constexpr NanoUsd kNanoPerUsd = 1'000'000'000;

/// The priced parts of one call. When `priced` is false no price was known for the model
/// and every amount is zero: callers must show "unpriced", never $0.
struct CostBreakdown {
    bool priced = false;
    NanoUsd input = 0;       ///< uncached prompt tokens
    NanoUsd cacheRead = 0;
    NanoUsd cacheWrite = 0;
    NanoUsd output = 0;      ///< completion tokens other than reasoning when reasoning has its own price
    NanoUsd reasoning = 0;   ///< only non-zero when the price list prices reasoning separately
    NanoUsd audio = 0;
    NanoUsd requests = 0;    ///< per-request fees
    NanoUsd energy = 0;      ///< local nodes with an energy cost
    QString priceSource;     ///< e.g. "catalog:openai/gpt-4o", "config:openai/gpt-4o", "node:workstation-01"
    QString matchedModel;    ///< catalog model id the name matched, empty when unpriced

    NanoUsd total() const { return input + cacheRead + cacheWrite + output + reasoning + audio + requests + energy; }
    /// Adds the amounts of `other` part by part; `priced` and the sources stay as they are.
    CostBreakdown &operator+=(const CostBreakdown &other)
    {
        input += other.input;
        cacheRead += other.cacheRead;
        cacheWrite += other.cacheWrite;
        output += other.output;
        reasoning += other.reasoning;
        audio += other.audio;
        requests += other.requests;
        energy += other.energy;
        return *this;
    }
    double totalUsd() const { return double(total()) / double(kNanoPerUsd); }
    /// The exact total in dollars with nine decimals ("0.004500000"), or "unpriced": what the
    /// X-Switchyard-Cost-USD header says.
    QByteArray usdText() const;
};

} // namespace Switchyard
