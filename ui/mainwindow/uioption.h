// SPDX-License-Identifier: MIT
#pragma once

#include <QSettings>
#include <QString>
#include <QVariant>

namespace Switchyard {

/// A typed UI-state option in QSettings, declared beside the feature that uses it
/// (window geometry, splitters, last page). Product configuration never goes here.
template<typename T>
class UiOption
{
public:
    UiOption(const char *key, T fallback)
        : m_key(QString::fromLatin1(key))
        , m_fallback(std::move(fallback))
    {
    }

    T get() const
    {
        const QVariant v = QSettings().value(m_key);
        return v.isValid() ? v.value<T>() : m_fallback;
    }
    void set(const T &value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }

private:
    QString m_key;
    T m_fallback;
};

} // namespace Switchyard
