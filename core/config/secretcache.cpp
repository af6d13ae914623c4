// SPDX-License-Identifier: MIT
#include "core/config/secretcache.h"

namespace Switchyard {

void SecretCache::set(const QString &reference, const QByteArray &value)
{
    QWriteLocker lock(&m_lock);
    m_values.insert(reference, value);
}

void SecretCache::remove(const QString &reference)
{
    QWriteLocker lock(&m_lock);
    m_values.remove(reference);
}

QByteArray SecretCache::value(const QString &reference) const
{
    QReadLocker lock(&m_lock);
    return m_values.value(reference);
}

bool SecretCache::contains(const QString &reference) const
{
    QReadLocker lock(&m_lock);
    return m_values.contains(reference);
}

} // namespace Switchyard
