// SPDX-License-Identifier: MIT
#include "core/common/jsonreader.h"

#include "core/common/jsonpath.h"

#include <cmath>

namespace Switchyard {

JsonReader::JsonReader(const QJsonObject &object, QString path, Errors &errors)
    : m_object(object)
    , m_path(std::move(path))
    , m_errors(errors)
{
}

QString JsonReader::memberPath(QLatin1StringView key) const
{
    return JsonPath::member(m_path, key);
}

bool JsonReader::has(QLatin1StringView key) const
{
    return m_object.contains(key);
}

QJsonValue JsonReader::take(QLatin1StringView key)
{
    m_seen.insert(QString(key));
    return m_object.value(key);
}

QString JsonReader::typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return JsonReader::tr("a boolean");
    case QJsonValue::Double: return JsonReader::tr("a number");
    case QJsonValue::String: return JsonReader::tr("a string");
    case QJsonValue::Array: return JsonReader::tr("an array");
    case QJsonValue::Object: return JsonReader::tr("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

void JsonReader::wrongType(QLatin1StringView key, const QJsonValue &value, const char *expected)
{
    m_errors.append({memberPath(key),
                     JsonReader::tr("expected %1, got %2").arg(JsonReader::tr(expected), typeName(value))});
}

QString JsonReader::string(QLatin1StringView key, const QString &fallback)
{
    const QJsonValue v = take(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isString()) {
        wrongType(key, v, QT_TRANSLATE_NOOP("JsonReader", "a string"));
        return fallback;
    }
    return v.toString();
}

QString JsonReader::requiredString(QLatin1StringView key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined()) {
        m_errors.append({memberPath(key), JsonReader::tr("is required")});
        return {};
    }
    if (!v.isString()) {
        wrongType(key, v, QT_TRANSLATE_NOOP("JsonReader", "a string"));
        return {};
    }
    return v.toString();
}

std::optional<double> JsonReader::number(QLatin1StringView key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isDouble()) {
        wrongType(key, v, QT_TRANSLATE_NOOP("JsonReader", "a number"));
        return std::nullopt;
    }
    return v.toDouble();
}

std::optional<qint64> JsonReader::integer(QLatin1StringView key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined())
        return std::nullopt;
    const double d = v.toDouble();
    if (!v.isDouble()) {
        wrongType(key, v, QT_TRANSLATE_NOOP("JsonReader", "a whole number"));
        return std::nullopt;
    }
    if (std::trunc(d) != d || std::abs(d) > 9.0e15) {
        m_errors.append({memberPath(key), JsonReader::tr("expected a whole number, got %1").arg(d)});
        return std::nullopt;
    }
    return qint64(d);
}

std::optional<bool> JsonReader::boolean(QLatin1StringView key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isBool()) {
        wrongType(key, v, QT_TRANSLATE_NOOP("JsonReader", "true or false"));
        return std::nullopt;
    }
    return v.toBool();
}

QStringList JsonReader::stringList(QLatin1StringView key)
{
    const QJsonValue v = take(key);
    QStringList result;
    if (v.isUndefined())
        return result;
    if (!v.isArray()) {
        wrongType(key, v, QT_TRANSLATE_NOOP("JsonReader", "an array of strings"));
        return result;
    }
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a.at(i).isString()) {
            m_errors.append({JsonPath::index(memberPath(key), i),
                             JsonReader::tr("expected a string, got %1").arg(typeName(a.at(i)))});
            continue;
        }
        result.append(a.at(i).toString());
    }
    return result;
}

std::optional<QJsonObject> JsonReader::object(QLatin1StringView key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isObject()) {
        wrongType(key, v, QT_TRANSLATE_NOOP("JsonReader", "an object"));
        return std::nullopt;
    }
    return v.toObject();
}

std::optional<QJsonArray> JsonReader::array(QLatin1StringView key)
{
    const QJsonValue v = take(key);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isArray()) {
        wrongType(key, v, QT_TRANSLATE_NOOP("JsonReader", "an array"));
        return std::nullopt;
    }
    return v.toArray();
}

void JsonReader::finish()
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!m_seen.contains(it.key()))
            m_errors.append({JsonPath::member(m_path, it.key()),
                             JsonReader::tr("unknown field '%1'").arg(it.key())});
    }
}

} // namespace Switchyard
