// SPDX-License-Identifier: MIT
#pragma once

#include "core/upstream/httpupstreamcall.h"

namespace Switchyard {

/// An OpenAI-compatible upstream (OpenAI, OpenRouter, DeepSeek, vLLM, LM Studio, the /v1 of
/// Ollama and llama.cpp): POST {baseUrl}/chat/completions, /completions or /embeddings.
///
/// The body goes out as the client sent it; streams get `stream_options.include_usage`
/// forced on so the cost of a call is never lost. Chunks are emitted as received, byte for
/// byte. Lives on the thread of the UpstreamClient that started it.
class OpenAiAdapter : public HttpUpstreamCall
{
    Q_OBJECT
public:
    using HttpUpstreamCall::HttpUpstreamCall;

    /// The body sent upstream for `call` (stream flags forced for streams).
    static QJsonObject requestBody(const UpstreamCall &call);

protected:
    Prepared prepare() override;
    void onStreamEvent(const SseParser::Event &event) override;
    void onBody(QByteArray body) override;

private:
    /// Content, finish reason and model of one chunk or answer into m_result.
    void readChoices(const QJsonObject &json, bool delta);
    /// The same from spans of a text JsonScanner validated (`model` and `choices` values).
    void readChoices(QByteArrayView model, QByteArrayView choices, bool delta);
    /// The full QJsonDocument path, for what the scanner refuses or does not handle.
    void onParsedStreamEvent(const SseParser::Event &event);
    void onParsedBody(QByteArray body);
    /// `usage` of an answer (a validated object span), with the embeddings fallback.
    void takeUsageOf(QByteArrayView usage);
    /// The body for `call.json` as text: the client's text with the target's model spliced
    /// in (and `stream_options.include_usage` for streams). False when only the object path
    /// can do it right (a repeated or escaped key, options to merge, a model name to escape).
    static bool splice(const UpstreamCall &call, QByteArray *out);
};

} // namespace Switchyard
