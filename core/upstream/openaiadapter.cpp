// SPDX-License-Identifier: MIT
#include "core/upstream/openaiadapter.h"

#include "core/common/jsonscanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVarLengthArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Switchyard {

QJsonObject OpenAiAdapter::requestBody(const UpstreamCall &call)
{
    QJsonObject body = call.requestObject();
    if (call.stream && call.endpoint != UpstreamEndpoint::Embeddings) {
        body.insert(u"stream"_s, true);
        QJsonObject options = body.value(u"stream_options"_s).toObject();
        options.insert(u"include_usage"_s, true);
        body.insert(u"stream_options"_s, options);
    }
    return body;
}

HttpUpstreamCall::Prepared OpenAiAdapter::prepare()
{
    Prepared prepared;
    QStringView path;
    switch (m_call.endpoint) {
    case UpstreamEndpoint::ChatCompletions: path = u"/chat/completions"; break;
    case UpstreamEndpoint::Completions: path = u"/completions"; break;
    case UpstreamEndpoint::Embeddings: path = u"/embeddings"; break;
    }
    if (!setEndpoint(&prepared, path))
        return prepared;
    if (!m_call.apiKey.isEmpty())
        prepared.addHeader("Authorization", QByteArray("Bearer " + m_call.apiKey));
    if (m_call.json.isEmpty() || !splice(m_call, &prepared.body))
        prepared.body = QJsonDocument(requestBody(m_call)).toJson(QJsonDocument::Compact);
    return prepared;
}

bool OpenAiAdapter::splice(const UpstreamCall &call, QByteArray *out)
{
    // Model names are plain text in practice; anything that would need escaping takes the
    // object path, which quotes it properly.
    const QByteArray model = call.target.model.toUtf8();
    for (const char c : model) {
        if (c == '"' || c == '\\' || uchar(c) < 0x20)
            return false;
    }
    const QByteArrayView root = QByteArrayView(call.json).trimmed();
    QByteArrayView modelValue, streamValue, streamOptions;
    // A repeated key is read differently by different upstreams (first wins, last wins, an
    // error), and an escaped one could repeat another unseen: the object path settles both
    // as QJsonObject does, which is how the gateway itself read the request.
    QVarLengthArray<QByteArrayView, 16> keys;
    bool plain = true;
    JsonScanner::forEachMember(root, [&](QByteArrayView key, QByteArrayView value) {
        if (key.contains('\\') || std::find(keys.cbegin(), keys.cend(), key) != keys.cend())
            plain = false;
        keys.append(key);
        if (key == "model")
            modelValue = value;
        else if (key == "stream")
            streamValue = value;
        else if (key == "stream_options")
            streamOptions = value;
    });
    if (!plain || modelValue.isEmpty())
        return false;
    const bool forceUsage = call.stream && call.endpoint != UpstreamEndpoint::Embeddings;
    if (forceUsage && streamValue != "true")
        return false;
    const bool addOptions = forceUsage && streamOptions.isEmpty();
    if (forceUsage && !addOptions && JsonScanner::member(streamOptions, "include_usage") != "true")
        return false; // merging into the client's options: the object path does it

    static constexpr QByteArrayView kOptions = R"("stream_options":{"include_usage":true},)";
    const qsizetype modelAt = modelValue.data() - root.data();
    out->clear();
    out->reserve(root.size() + model.size() + (addOptions ? kOptions.size() : 0));
    out->append('{');
    if (addOptions)
        out->append(kOptions);
    out->append(root.sliced(1, modelAt - 1));
    out->append('"').append(model).append('"');
    out->append(root.sliced(modelAt + modelValue.size()));
    return true;
}

void OpenAiAdapter::readChoices(const QJsonObject &json, bool delta)
{
    if (m_result.servedModel.isEmpty()) {
        const QString model = json.value(u"model"_s).toString();
        if (!model.isEmpty())
            m_result.servedModel = model;
    }
    const QJsonArray choices = json.value(u"choices"_s).toArray();
    for (const QJsonValue &value : choices) {
        const QJsonObject choice = value.toObject();
        // The quality checks look at the first choice only; n > 1 is rare through a gateway.
        if (choice.value(u"index"_s).toInt() != 0)
            continue;
        const QJsonValue reason = choice.value(u"finish_reason"_s);
        if (reason.isString() && !reason.toString().isEmpty())
            m_result.finishReason = reason.toString();
        if (m_call.endpoint == UpstreamEndpoint::Completions) {
            m_result.content += choice.value(u"text"_s).toString();
            continue;
        }
        const QJsonValue content = choice.value(delta ? u"delta"_s : u"message"_s).toObject().value(u"content"_s);
        if (content.isString())
            m_result.content += content.toString();
    }
}

void OpenAiAdapter::readChoices(QByteArrayView model, QByteArrayView choices, bool delta)
{
    // The same reading as the QJsonObject overload, on the spans of a validated text.
    if (m_result.servedModel.isEmpty()) {
        const QString name = JsonScanner::toString(model);
        if (!name.isEmpty())
            m_result.servedModel = name;
    }
    const QByteArrayView contentKey = delta ? QByteArrayView("delta") : QByteArrayView("message");
    JsonScanner::forEachElement(choices, [&](QByteArrayView choice) {
        QByteArrayView index, reason, text, message;
        JsonScanner::forEachMember(choice, [&](QByteArrayView key, QByteArrayView value) {
            if (JsonScanner::keyIs(key, "index"))
                index = value;
            else if (JsonScanner::keyIs(key, "finish_reason"))
                reason = value;
            else if (JsonScanner::keyIs(key, "text"))
                text = value;
            else if (JsonScanner::keyIs(key, contentKey))
                message = value;
        });
        if (JsonScanner::toInt(index) != 0)
            return;
        const QString finish = JsonScanner::toString(reason);
        if (!finish.isEmpty())
            m_result.finishReason = finish;
        if (m_call.endpoint == UpstreamEndpoint::Completions) {
            m_result.content += JsonScanner::toString(text);
            return;
        }
        const QByteArrayView content = JsonScanner::member(message, "content");
        if (JsonScanner::typeOf(content) == JsonScanner::Type::String)
            m_result.content += JsonScanner::toString(content);
    });
}

void OpenAiAdapter::onStreamEvent(const SseParser::Event &event)
{
    if (event.isDone()) {
        markStreamDone();
        return;
    }
    // Every chunk passes through here: read the few fields needed without building a
    // QJsonDocument. Anything unusual (an error object, text the scanner refuses) takes the
    // full parse, which also words the error.
    QByteArrayView root;
    if (!JsonScanner::validate(event.data, &root) || JsonScanner::typeOf(root) != JsonScanner::Type::Object) {
        onParsedStreamEvent(event);
        return;
    }
    QByteArrayView model, choices, usage;
    bool hasChoices = false;
    bool hasError = false;
    JsonScanner::forEachMember(root, [&](QByteArrayView key, QByteArrayView value) {
        if (JsonScanner::keyIs(key, "choices")) {
            choices = value;
            hasChoices = true;
        } else if (JsonScanner::keyIs(key, "model")) {
            model = value;
        } else if (JsonScanner::keyIs(key, "usage")) {
            usage = value;
        } else if (JsonScanner::keyIs(key, "error")) {
            hasError = true;
        }
    });
    if (hasError && !hasChoices) {
        onParsedStreamEvent(event);
        return;
    }
    readChoices(model, choices, true);
    if (JsonScanner::typeOf(usage) == JsonScanner::Type::Object)
        takeUsage(u"chat"_s, usage);
    deliverChunk(event.data);
}

void OpenAiAdapter::onParsedStreamEvent(const SseParser::Event &event)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(event.data, &parseError);
    if (!doc.isObject()) {
        failWith(UpstreamFailure::InvalidResponse,
                 u"stream chunk %1 is not a JSON object: %2"_s.arg(m_result.chunks + 1).arg(parseError.errorString()));
        return;
    }
    const QJsonObject json = doc.object();
    if (json.contains(u"error"_s) && !json.contains(u"choices"_s)) {
        // An error in the middle of a 200 stream (OpenRouter, vLLM do this): report it as the
        // HTTP failure it stands for, so the ladder can escalate when nothing was sent yet.
        const QJsonObject error = json.value(u"error"_s).toObject();
        const int code = error.value(u"code"_s).toInt();
        m_result.httpStatus = code >= 400 && code < 600 ? code : 502;
        m_result.body = event.data;
        failWith(UpstreamFailure::HttpStatus,
                 u"the upstream reported an error mid-stream: %1"_s.arg(error.value(u"message"_s).toString().left(300)));
        return;
    }
    readChoices(json, true);
    const QJsonValue usage = json.value(u"usage"_s);
    if (usage.isObject())
        takeUsage(u"chat"_s, usage.toObject());
    deliverChunk(event.data);
}

void OpenAiAdapter::onBody(QByteArray body)
{
    QByteArrayView root;
    if (!JsonScanner::validate(body, &root) || JsonScanner::typeOf(root) != JsonScanner::Type::Object) {
        onParsedBody(std::move(body));
        return;
    }
    QByteArrayView model, choices, usageSpan;
    JsonScanner::forEachMember(root, [&](QByteArrayView key, QByteArrayView value) {
        if (JsonScanner::keyIs(key, "choices"))
            choices = value;
        else if (JsonScanner::keyIs(key, "model"))
            model = value;
        else if (JsonScanner::keyIs(key, "usage"))
            usageSpan = value;
    });
    readChoices(model, choices, false);
    if (JsonScanner::typeOf(usageSpan) == JsonScanner::Type::Object)
        takeUsageOf(usageSpan);
    m_result.body = std::move(body);
    succeed();
}

void OpenAiAdapter::onParsedBody(QByteArray body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (!doc.isObject()) {
        m_result.body = std::move(body);
        failWith(UpstreamFailure::InvalidResponse, u"the answer is not a JSON object: %1"_s.arg(parseError.errorString()));
        return;
    }
    const QJsonObject json = doc.object();
    readChoices(json, false);
    const QJsonValue usage = json.value(u"usage"_s);
    if (usage.isObject())
        takeUsageOf(QJsonDocument(usage.toObject()).toJson(QJsonDocument::Compact));
    m_result.body = std::move(body);
    succeed();
}

void OpenAiAdapter::takeUsageOf(QByteArrayView usage)
{
    takeUsage(u"chat"_s, usage);
    if (!m_result.hasUsage && m_call.endpoint == UpstreamEndpoint::Embeddings) {
        // Embeddings report prompt tokens only; the chat extractor requires completion ones.
        const QByteArrayView prompt = JsonScanner::member(usage, "prompt_tokens");
        m_result.hasUsage = JsonScanner::typeOf(prompt) == JsonScanner::Type::Number;
        m_result.usage.inputTokens = JsonScanner::toInteger(prompt);
    }
}

} // namespace Switchyard
