// SPDX-License-Identifier: MIT
#include "core/gateway/openaierror.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Switchyard {

QByteArray OpenAiError::toJson() const
{
    const QJsonObject error{{QStringLiteral("message"), message},
                            {QStringLiteral("type"), type},
                            {QStringLiteral("param"), param.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(param)},
                            {QStringLiteral("code"), code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(code)}};
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact);
}

QByteArray OpenAiError::toSseEvent() const
{
    return QByteArray("data: ") + toJson() + "\n\n";
}

QString OpenAiError::typeFor(int httpStatus)
{
    switch (httpStatus) {
    case 401: return QStringLiteral("authentication_error");
    case 403: return QStringLiteral("permission_error");
    case 404: return QStringLiteral("invalid_request_error");
    case 429: return QStringLiteral("rate_limit_error");
    default: break;
    }
    return httpStatus < 500 ? QStringLiteral("invalid_request_error") : QStringLiteral("api_error");
}

OpenAiError OpenAiError::make(int httpStatus, const QString &message, const QString &code, const QString &param)
{
    return {httpStatus, message, typeFor(httpStatus), param, code};
}

} // namespace Switchyard
