// SPDX-License-Identifier: MIT
#include "core/upstream/anthropicadapter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Switchyard {

AnthropicAdapter::AnthropicAdapter(UpstreamPool *pool, const UpstreamCall &call, QObject *parent)
    : HttpUpstreamCall(pool, call, parent)
    , m_stream(QDateTime::currentSecsSinceEpoch(), call.target.model)
{
}

HttpUpstreamCall::Prepared AnthropicAdapter::prepare()
{
    Prepared prepared;
    if (m_call.endpoint != UpstreamEndpoint::ChatCompletions) {
        prepared.error = u"%1 serves chat completions only (Anthropic Messages API)"_s.arg(m_call.target.owner());
        return prepared;
    }
    // Both "https://api.anthropic.com" and ".../v1" are common in configurations.
    const bool hasV1 = m_call.target.baseUrl.endsWith(u"/v1") || m_call.target.baseUrl.endsWith(u"/v1/");
    if (!setEndpoint(&prepared, hasV1 ? u"/messages" : u"/v1/messages"))
        return prepared;
    QString error;
    QJsonObject body = AnthropicTranslator::toMessagesRequest(m_call.body, &error);
    if (!error.isEmpty()) {
        prepared.error = error;
        return prepared;
    }
    if (m_call.stream)
        body.insert(u"stream"_s, true);
    else
        body.remove(u"stream"_s);
    if (!m_call.apiKey.isEmpty())
        prepared.addHeader("x-api-key", m_call.apiKey);
    prepared.addHeader("anthropic-version", "2023-06-01");
    prepared.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return prepared;
}

void AnthropicAdapter::onStreamEvent(const SseParser::Event &event)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(event.data, &parseError);
    if (!doc.isObject()) {
        failWith(UpstreamFailure::InvalidResponse,
                 u"stream event '%1' is not a JSON object: %2"_s.arg(QString::fromLatin1(event.type), parseError.errorString()));
        return;
    }
    const QList<QJsonObject> chunks = m_stream.translateEvent(event.type, doc.object());
    if (event.type == "message_start" || doc.object().value(u"type"_s).toString() == u"message_start")
        takeUsage(u"anthropic"_s, m_stream.usage(), false); // the input and cache counts, should the stream break
    if (m_stream.hasError()) {
        const QJsonObject error = m_stream.error();
        const QString type = error.value(u"type"_s).toString();
        m_result.httpStatus = AnthropicTranslator::httpStatusForErrorType(type);
        m_result.body = event.data;
        failWith(UpstreamFailure::HttpStatus, u"the upstream reported %1 mid-stream: %2"_s.arg(
                                                  type, error.value(u"message"_s).toString().left(300)));
        return;
    }
    for (const QJsonObject &chunk : chunks) {
        const QJsonArray choices = chunk.value(u"choices"_s).toArray();
        if (!choices.isEmpty()) {
            const QJsonValue content = choices.at(0)[u"delta"_s][u"content"_s];
            if (content.isString())
                m_result.content += content.toString();
        }
        if (!deliverChunk(QJsonDocument(chunk).toJson(QJsonDocument::Compact)))
            return;
    }
    if (m_stream.isComplete()) {
        m_result.servedModel = m_stream.model();
        m_result.finishReason = m_stream.finishReason().toString();
        takeUsage(u"anthropic"_s, m_stream.usage());
        markStreamDone();
    }
}

void AnthropicAdapter::onStreamEnd()
{
    if (m_stream.isComplete())
        succeed();
    else
        failWith(UpstreamFailure::Reset, u"the stream ended before message_stop"_s);
}

void AnthropicAdapter::onBody(QByteArray body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (!doc.isObject() || doc.object().value(u"type"_s).toString() != u"message") {
        m_result.body = std::move(body);
        failWith(UpstreamFailure::InvalidResponse, doc.isObject()
                     ? u"the answer is not a Messages API message"_s
                     : u"the answer is not a JSON object: %1"_s.arg(parseError.errorString()));
        return;
    }
    const QJsonObject message = doc.object();
    const QJsonObject completion = AnthropicTranslator::toChatCompletion(message, QDateTime::currentSecsSinceEpoch());
    const QJsonObject choice = completion.value(u"choices"_s).toArray().at(0).toObject();
    m_result.content = choice.value(u"message"_s)[u"content"_s].toString();
    m_result.finishReason = choice.value(u"finish_reason"_s).toString();
    m_result.servedModel = message.value(u"model"_s).toString();
    takeUsage(u"anthropic"_s, message.value(u"usage"_s).toObject());
    m_result.body = QJsonDocument(completion).toJson(QJsonDocument::Compact);
    succeed();
}

} // namespace Switchyard
