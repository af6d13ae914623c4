// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Switchyard::JsonPath {

/// `parent.key`, or `key` at the root.
inline QString member(const QString &parent, QLatin1StringView key)
{
    return parent.isEmpty() ? QString(key) : parent + u'.' + key;
}
inline QString member(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent + u'.' + key;
}
/// `parent[index]`.
inline QString index(const QString &parent, qsizetype i)
{
    return parent + u'[' + QString::number(i) + u']';
}

} // namespace Switchyard::JsonPath
