// SPDX-License-Identifier: MIT
#include "core/routing/routingrequest.h"

#include "core/common/jsonscanner.h"

#include <QJsonDocument>

namespace Switchyard {

namespace {

using Json = JsonScanner;

/// Length of a message's content, whether a string or an array of parts; `text` gets the
/// decoded text when asked for (only the last user message is ever kept).
qsizetype contentLength(QByteArrayView content, QString *text)
{
    if (Json::typeOf(content) == Json::Type::String) {
        if (text)
            *text = Json::toString(content);
        return Json::textLength(content);
    }
    qsizetype n = 0;
    if (text)
        text->clear();
    Json::forEachElement(content, [&](QByteArrayView part) {
        const QByteArrayView partText = Json::member(part, "text");
        n += Json::textLength(partText);
        if (text)
            *text += Json::toString(partText);
    });
    return n;
}

} // namespace

RoutingRequest RoutingRequest::from(QByteArrayView json, const HttpRequest *http)
{
    RoutingRequest r;
    r.http = http;
    QByteArrayView model, metadata, messages, prompt, input, tools, functions, responseFormat, stream, streamOptions;
    // One pass over the top level; a repeated key keeps its last value, as in QJsonObject.
    Json::forEachMember(json.trimmed(), [&](QByteArrayView key, QByteArrayView value) {
        if (Json::keyIs(key, "model"))
            model = value;
        else if (Json::keyIs(key, "messages"))
            messages = value;
        else if (Json::keyIs(key, "metadata"))
            metadata = value;
        else if (Json::keyIs(key, "prompt"))
            prompt = value;
        else if (Json::keyIs(key, "input"))
            input = value;
        else if (Json::keyIs(key, "tools"))
            tools = value;
        else if (Json::keyIs(key, "functions"))
            functions = value;
        else if (Json::keyIs(key, "response_format"))
            responseFormat = value;
        else if (Json::keyIs(key, "stream"))
            stream = value;
        else if (Json::keyIs(key, "stream_options"))
            streamOptions = value;
    });
    r.stream = stream == "true";
    r.includeUsage = Json::member(streamOptions, "include_usage") == "true";
    r.model = Json::toString(model);
    if (http) {
        r.task = QString::fromUtf8(http->header("x-switchyard-task")).trimmed();
        r.pinnedNode = QString::fromUtf8(http->header("x-switchyard-node")).trimmed();
    }
    if (r.task.isEmpty())
        r.task = Json::toString(Json::member(metadata, "task"));

    qsizetype chars = 0;
    Json::forEachElement(messages, [&](QByteArrayView message) {
        QByteArrayView role, content;
        Json::forEachMember(message, [&](QByteArrayView key, QByteArrayView value) {
            if (Json::keyIs(key, "role"))
                role = value;
            else if (Json::keyIs(key, "content"))
                content = value;
        });
        const bool user = role == "\"user\"" || (role.contains('\\') && Json::toString(role) == u"user");
        chars += contentLength(content, user ? &r.lastUserMessage : nullptr);
    });
    // Legacy completions and embeddings carry `prompt` / `input`.
    for (const QByteArrayView text : {prompt, input}) {
        if (Json::typeOf(text) == Json::Type::String)
            chars += Json::textLength(text);
        else
            Json::forEachElement(text, [&](QByteArrayView item) { chars += Json::textLength(item); });
    }
    r.estimatedPromptTokens = (chars + 3) / 4;
    const auto nonEmptyArray = [](QByteArrayView v) {
        bool any = false;
        Json::forEachElement(v, [&](QByteArrayView) { any = true; });
        return any;
    };
    r.hasTools = nonEmptyArray(tools) || nonEmptyArray(functions);
    const QString format = Json::toString(Json::member(responseFormat, "type"));
    r.jsonMode = format == u"json_object" || format == u"json_schema";
    return r;
}

RoutingRequest RoutingRequest::from(const QJsonObject &body, const HttpRequest *http)
{
    return from(QJsonDocument(body).toJson(QJsonDocument::Compact), http);
}

} // namespace Switchyard
