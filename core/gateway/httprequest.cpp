// SPDX-License-Identifier: MIT
#include "core/gateway/httprequest.h"

namespace Switchyard {

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArrayView HttpRequest::path() const
{
    const qsizetype q = target.indexOf('?');
    return QByteArrayView(target).first(q < 0 ? target.size() : q);
}

} // namespace Switchyard
