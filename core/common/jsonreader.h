// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>

#include "core/common/error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Switchyard {

/// Reads typed members of one JSON object and collects every problem with its JSON path,
/// so one pass over a document reports all errors instead of stopping at the first.
/// Members never asked for are reported as unknown by finish(): a typo such as
/// `escalteOn` must not be silently ignored.
class JsonReader
{
    Q_DECLARE_TR_FUNCTIONS(JsonReader)

public:
    JsonReader(const QJsonObject &object, QString path, Errors &errors);

    QString path() const { return m_path; }
    QString memberPath(QLatin1StringView key) const;
    bool has(QLatin1StringView key) const;

    QString string(QLatin1StringView key, const QString &fallback = {});
    QString requiredString(QLatin1StringView key);
    std::optional<double> number(QLatin1StringView key);
    std::optional<qint64> integer(QLatin1StringView key);
    std::optional<bool> boolean(QLatin1StringView key);
    QStringList stringList(QLatin1StringView key);
    /// Returns the member if it is an object (empty when absent or wrong type, with an error for the latter).
    std::optional<QJsonObject> object(QLatin1StringView key);
    std::optional<QJsonArray> array(QLatin1StringView key);

    /// Reports members that were never read.
    void finish();

    static QString typeName(const QJsonValue &value);

private:
    QJsonValue take(QLatin1StringView key);
    void wrongType(QLatin1StringView key, const QJsonValue &value, const char *expected);

    QJsonObject m_object;
    QString m_path;
    Errors &m_errors;
    QSet<QString> m_seen;
};

} // namespace Switchyard
