// SPDX-License-Identifier: MIT
#include "core/upstream/upstreamcall.h"

#include <QJsonDocument>

namespace Switchyard {

QJsonObject UpstreamCall::requestObject() const
{
    QJsonObject object = json.isEmpty() ? body : QJsonDocument::fromJson(json).object();
    object.insert(u"model", target.model);
    return object;
}

} // namespace Switchyard
