// SPDX-License-Identifier: MIT
#pragma once

#include "core/upstream/anthropictranslator.h"
#include "core/upstream/httpupstreamcall.h"

namespace Switchyard {

/// An Anthropic Messages upstream: POST {baseUrl}/v1/messages with x-api-key and
/// anthropic-version. Chat completions go out translated by AnthropicTranslator and come
/// back in the OpenAI format, streams included (chunks, then a usage chunk). Usage is read
/// from Anthropic's own counts, so cache writes are priced. Only chat completions are
/// served; completions and embeddings fail with HTTP 400 without a request.
/// Lives on the thread of the UpstreamClient that started it.
class AnthropicAdapter : public HttpUpstreamCall
{
    Q_OBJECT
public:
    AnthropicAdapter(UpstreamPool *pool, const UpstreamCall &call, QObject *parent);

protected:
    Prepared prepare() override;
    void onStreamEvent(const SseParser::Event &event) override;
    void onStreamEnd() override;
    void onBody(QByteArray body) override;

private:
    AnthropicTranslator m_stream;
};

} // namespace Switchyard
