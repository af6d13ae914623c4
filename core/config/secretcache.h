// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QReadWriteLock>
#include <QString>

namespace Switchyard {

/// Resolved secrets by reference (`env:VAR`, `keychain:NAME`), filled off the hot path by
/// whoever resolves them (SecretResolver is asynchronous) and read by the gateway workers
/// for every upstream call. Values never leave this object except to an upstream request.
/// Any thread.
class SecretCache
{
public:
    void set(const QString &reference, const QByteArray &value);
    void remove(const QString &reference);
    /// Empty when the reference is unknown or could not be resolved.
    QByteArray value(const QString &reference) const;
    bool contains(const QString &reference) const;

private:
    mutable QReadWriteLock m_lock;
    QHash<QString, QByteArray> m_values;
};

} // namespace Switchyard
