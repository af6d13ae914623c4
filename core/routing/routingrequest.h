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
    QString lastUserMessage;
    const HttpRequest *http = nullptr; ///< for header rules; may be null in tests

    /// Reads the fields above from a chat/completions/embeddings body and its HTTP request.
    static RoutingRequest from(const QJsonObject &body, const HttpRequest *http);
};

} // namespace Switchyard
