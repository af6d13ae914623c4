// SPDX-License-Identifier: MIT
#pragma once

#include "core/gateway/httprequest.h"

#include <QJsonObject>
#include <QString>

namespace Switchyard {

/// What routing looks at in a client request, extracted once per request.
struct RoutingRequest {
    QString model;              ///< the `model` the client asked for
    QString task;               ///< X-Switchyard-Task, else metadata.task
    QString pinnedNode;         ///< X-Switchyard-Node
    qint64 estimatedPromptTokens = 0; ///< rough: characters / 4 of all message text
    bool hasTools = false;
    bool jsonMode = false;      ///< response_format json_object or json_schema
    bool stream = false;        ///< `stream: true`
    bool includeUsage = false;  ///< `stream_options.include_usage: true`
    QString lastUserMessage;
    const HttpRequest *http = nullptr; ///< for header rules; may be null in tests

    /// Reads the fields above from a chat/completions/embeddings body and its HTTP request.
    /// `json` is the body's text as JsonScanner::validate() accepted it (an object); read
    /// without building a document, since every request passes through here.
    static RoutingRequest from(QByteArrayView json, const HttpRequest *http);
    /// The same for a body already parsed (tests, callers that build requests).
    static RoutingRequest from(const QJsonObject &body, const HttpRequest *http);
};

} // namespace Switchyard
