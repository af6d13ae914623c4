// SPDX-License-Identifier: MIT
#pragma once

#include "core/config/config.h"
#include "core/usage/tokenusage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

namespace Switchyard {

/// Where one attempt goes: a configured provider or node and the concrete model name.
struct UpstreamTarget {
    QString provider;            ///< configured provider id; empty when a node serves
    QString node;                ///< configured node id; empty when a provider serves
    QString model;               ///< model name as the upstream knows it
    QString kind;                ///< wire protocol: "openai", "anthropic" or "simulated"
    QString baseUrl;             ///< provider/node baseUrl from the configuration
    QString apiKeyRef;           ///< env:/keychain: reference, empty when none
    QString pricingProvider;     ///< catalog provider id used for pricing and usage extraction
    SimulatedSettings simulated; ///< only for kind "simulated"

    QString owner() const { return provider.isEmpty() ? node : provider; }
    QString label() const { return owner() + u'/' + model; }
};

enum class UpstreamEndpoint { ChatCompletions, Completions, Embeddings };

struct UpstreamTimeouts {
    int connectMs = 10'000;   ///< until the upstream accepted the connection / sent response headers
    int firstTokenMs = 0;     ///< streaming: until the first content chunk; 0 = no limit
    int totalMs = 0;          ///< whole call; 0 = no limit
};

/// One upstream request. The client's JSON comes either as `json`, its text as the gateway
/// received it, or as `body`, an object; adapters translate it for their wire protocol and
/// pass every field they do not understand through untouched. The model sent upstream is
/// always `target.model`.
struct UpstreamCall {
    UpstreamTarget target;
    UpstreamEndpoint endpoint = UpstreamEndpoint::ChatCompletions;
    QJsonObject body;         ///< used when `json` is empty
    /// The text of a JSON object: as the client sent it (JsonScanner accepted it), or Qt's
    /// serialisation of what only Qt's more lenient parser accepts; `model` still the
    /// client's. Kept as text so an OpenAI-compatible upstream gets it with only the model
    /// spliced in, without a parse and re-serialisation per call.
    QByteArray json;
    bool stream = false;
    UpstreamTimeouts timeouts;
    QByteArray apiKey;        ///< the resolved secret; never log it
    QByteArray requestId;     ///< X-Request-Id of the client request, for upstream logs

    /// The request as an object (`json` parsed, else `body`) with `model` = target.model.
    QJsonObject requestObject() const;
};

enum class UpstreamFailure {
    None,              ///< 2xx answer, complete
    HttpStatus,        ///< the upstream answered with a non-2xx status (see httpStatus, body)
    Connect,           ///< could not connect (refused, DNS, TLS) or no response headers in connectMs
    Timeout,           ///< totalMs elapsed
    FirstTokenTimeout, ///< streaming: no first chunk within firstTokenMs
    Reset,             ///< the connection broke after the answer began
    InvalidResponse,   ///< the answer is not what the protocol promises (malformed JSON or SSE)
    Cancelled,         ///< abort() was called
};

/// Outcome of one upstream call, reported exactly once.
struct UpstreamResult {
    UpstreamFailure failure = UpstreamFailure::None;
    int httpStatus = 0;          ///< 0 when no HTTP answer arrived
    int retryAfterMs = -1;       ///< from Retry-After on 429/503, -1 when absent
    QByteArray body;             ///< non-streaming: the OpenAI-format response JSON (translated for
                                 ///< Anthropic); on HttpStatus: the upstream's error body as received
    QString errorMessage;        ///< plain words for logs and the usage row; no secrets
    bool hasUsage = false;       ///< the upstream reported the call's whole usage
    /// With hasUsage, the call's usage. Without, what the upstream reported before it broke
    /// off, if anything (Anthropic's input and cache counts from message_start).
    TokenUsage usage;
    QString finishReason;        ///< "stop", "length", "tool_calls", ... (OpenAI vocabulary)
    QString content;             ///< assistant text (concatenated deltas for streams), for quality checks
    QString servedModel;         ///< `model` reported by the upstream, when it reported one
    qint64 latencyMs = 0;
    qint64 ttftMs = -1;          ///< streaming: time to the first chunk; -1 when none
    int chunks = 0;              ///< streaming: chunks emitted
};

} // namespace Switchyard

Q_DECLARE_METATYPE(Switchyard::UpstreamResult)
