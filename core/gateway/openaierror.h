// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace Switchyard {

/// Errors in OpenAI's wire shape: `{"error": {"message", "type", "param", "code"}}`, which
/// the official SDKs turn into their typed exceptions. Messages stay English on the wire.
struct OpenAiError {
    int httpStatus = 500;
    QString message;
    QString type;   ///< invalid_request_error, authentication_error, rate_limit_error, api_error, ...
    QString param;  ///< empty: null
    QString code;   ///< empty: null

    QByteArray toJson() const;
    /// The same error as one SSE event, for failures after a stream has begun.
    QByteArray toSseEvent() const;
    /// The type OpenAI uses for a status.
    static QString typeFor(int httpStatus);
    static OpenAiError make(int httpStatus, const QString &message, const QString &code = {}, const QString &param = {});
};

} // namespace Switchyard
