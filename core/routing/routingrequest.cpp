// SPDX-License-Identifier: MIT
#include "core/routing/routingrequest.h"

#include <QJsonArray>

namespace Switchyard {

namespace {

/// Text of a message's content, whether a string or an array of parts.
qsizetype contentLength(const QJsonValue &content, QString *text)
{
    if (content.isString()) {
        if (text)
            *text = content.toString();
        return content.toString().size();
    }
    qsizetype n = 0;
    QString joined;
    const QJsonArray parts = content.toArray();
    for (const QJsonValue &part : parts) {
        const QString t = part.toObject().value(u"text").toString();
        n += t.size();
        if (text)
            joined += t;
    }
    if (text)
        *text = joined;
    return n;
}

} // namespace

RoutingRequest RoutingRequest::from(const QJsonObject &body, const HttpRequest *http)
{
    RoutingRequest r;
    r.http = http;
    r.model = body.value(u"model").toString();
    if (http) {
        r.task = QString::fromUtf8(http->header("x-switchyard-task")).trimmed();
        r.pinnedNode = QString::fromUtf8(http->header("x-switchyard-node")).trimmed();
    }
    if (r.task.isEmpty())
        r.task = body.value(u"metadata").toObject().value(u"task").toString();

    qsizetype chars = 0;
    const QJsonArray messages = body.value(u"messages").toArray();
    for (const QJsonValue &m : messages) {
        const QJsonObject message = m.toObject();
        const bool user = message.value(u"role").toString() == u"user";
        QString text;
        chars += contentLength(message.value(u"content"), user ? &text : nullptr);
        if (user)
            r.lastUserMessage = text;
    }
    // Legacy completions and embeddings carry `prompt` / `input`.
    for (const char *key : {"prompt", "input"}) {
        const QJsonValue v = body.value(QLatin1StringView(key));
        if (v.isString())
            chars += v.toString().size();
        else if (v.isArray())
            for (const QJsonValue &item : v.toArray())
                chars += item.toString().size();
    }
    r.estimatedPromptTokens = (chars + 3) / 4;
    r.hasTools = !body.value(u"tools").toArray().isEmpty() || !body.value(u"functions").toArray().isEmpty();
    const QString format = body.value(u"response_format").toObject().value(u"type").toString();
    r.jsonMode = format == u"json_object" || format == u"json_schema";
    return r;
}

} // namespace Switchyard
