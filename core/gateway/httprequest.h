// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace Switchyard {

/// One parsed HTTP/1.x request. Header names keep their case; lookups ignore it.
struct HttpRequest {
    QByteArray method;
    QByteArray target;           ///< request-target as sent, e.g. "/v1/chat/completions?x=1"
    int versionMinor = 1;        ///< HTTP/1.<versionMinor>
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool keepAlive = true;       ///< after this request, may the connection serve another?

    /// Value of the first header named `name` (ASCII case-insensitive), empty if absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    /// The path part of the target, without query.
    QByteArrayView path() const;
};

} // namespace Switchyard
