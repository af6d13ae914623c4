// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace Switchyard {

/// Token counts of one call, normalised from a provider's usage block.
///
/// Follows the price catalog's convention: `inputTokens` is the whole prompt, cached and
/// cache-written tokens included; `outputTokens` includes reasoning tokens. The parts are
/// what the cost engine prices differently.
struct TokenUsage {
    qint64 inputTokens = 0;        ///< whole prompt, cache reads and writes included
    qint64 cacheReadTokens = 0;    ///< part of the prompt read from the provider's cache
    qint64 cacheWriteTokens = 0;   ///< part of the prompt written to the cache (all TTLs)
    qint64 cacheWrite1hTokens = 0; ///< part of cacheWriteTokens written with a one-hour TTL
    qint64 outputTokens = 0;       ///< whole completion, reasoning included
    qint64 reasoningTokens = 0;    ///< part of outputTokens spent on reasoning
    qint64 inputAudioTokens = 0;
    qint64 outputAudioTokens = 0;

    TokenUsage &operator+=(const TokenUsage &o)
    {
        inputTokens += o.inputTokens;
        cacheReadTokens += o.cacheReadTokens;
        cacheWriteTokens += o.cacheWriteTokens;
        cacheWrite1hTokens += o.cacheWrite1hTokens;
        outputTokens += o.outputTokens;
        reasoningTokens += o.reasoningTokens;
        inputAudioTokens += o.inputAudioTokens;
        outputAudioTokens += o.outputAudioTokens;
        return *this;
    }

    qint64 uncachedInputTokens() const { return qMax<qint64>(0, inputTokens - cacheReadTokens - cacheWriteTokens); }
    friend bool operator==(const TokenUsage &, const TokenUsage &) = default;
};

} // namespace Switchyard
