// SPDX-License-Identifier: MIT
#include "core/usage/catalogbuilder.h"

#include "core/common/jsonpath.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QTime>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {

/// One pass over the feed; every check appends to `errors` and carries on, so a broken
/// feed reports all its problems at once.
class Checker
{
public:
    explicit Checker(Errors &errors) : m_errors(errors) {}

    QJsonArray providers(const QJsonArray &in, const QString &path);

private:
    void error(const QString &path, const QString &message) { m_errors.append({path, message}); }
    bool clause(const QJsonValue &value, const QString &path);
    bool usagePath(const QJsonValue &value, const QString &path);
    std::optional<QJsonValue> prices(const QJsonValue &value, const QString &path);
    bool modelPrice(const QJsonValue &value, const QString &path);
    bool priceValue(const QJsonValue &value, const QString &path);
    bool constraint(const QJsonValue &value, const QString &path);
    std::optional<QJsonObject> extractor(const QJsonValue &value, const QString &path);
    std::optional<QJsonObject> model(const QJsonValue &value, const QString &path);
    std::optional<QJsonObject> provider(const QJsonValue &value, const QString &path);

    Errors &m_errors;
};

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Bool: return u"a boolean"_s;
    case QJsonValue::Double: return u"a number"_s;
    case QJsonValue::String: return u"a string"_s;
    case QJsonValue::Array: return u"an array"_s;
    case QJsonValue::Object: return u"an object"_s;
    case QJsonValue::Undefined: break;
    }
    return u"missing"_s;
}

bool Checker::clause(const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        error(path, u"match clause must be an object, not %1"_s.arg(typeName(value)));
        return false;
    }
    const QJsonObject o = value.toObject();
    if (o.size() != 1) {
        error(path, u"match clause must have exactly one of equals, starts_with, ends_with, contains, regex, or, and"_s);
        return false;
    }
    const QString key = o.begin().key();
    const QJsonValue arg = o.begin().value();
    const QString argPath = JsonPath::member(path, key);
    if (key == u"or" || key == u"and") {
        if (!arg.isArray() || arg.toArray().isEmpty()) {
            error(argPath, u"must be a non-empty array of clauses"_s);
            return false;
        }
        bool ok = true;
        const QJsonArray items = arg.toArray();
        for (qsizetype i = 0; i < items.size(); ++i)
            ok = clause(items.at(i), JsonPath::index(argPath, i)) && ok;
        return ok;
    }
    static const QSet<QString> textKeys{u"equals"_s, u"starts_with"_s, u"ends_with"_s, u"contains"_s, u"regex"_s};
    if (!textKeys.contains(key)) {
        error(path, u"unknown match clause '%1'"_s.arg(key));
        return false;
    }
    if (!arg.isString()) {
        error(argPath, u"must be a string, not %1"_s.arg(typeName(arg)));
        return false;
    }
    if (key == u"regex") {
        const QRegularExpression re(arg.toString());
        if (!re.isValid()) {
            error(argPath, u"invalid regular expression: %1"_s.arg(re.errorString()));
            return false;
        }
    }
    return true;
}

bool Checker::usagePath(const QJsonValue &value, const QString &path)
{
    if (value.isString() && !value.toString().isEmpty())
        return true;
    if (!value.isArray() || value.toArray().isEmpty()) {
        error(path, u"must be a member name or a non-empty array of steps"_s);
        return false;
    }
    bool ok = true;
    const QJsonArray steps = value.toArray();
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QJsonValue step = steps.at(i);
        const QString stepPath = JsonPath::index(path, i);
        if (step.isString())
            continue;
        const QJsonObject o = step.toObject();
        if (!step.isObject() || o.value("type"_L1).toString() != u"array-match" || !o.value("field"_L1).isString()) {
            error(stepPath, u"a path step must be a member name or {\"type\": \"array-match\", \"field\", \"match\"}"_s);
            ok = false;
            continue;
        }
        ok = clause(o.value("match"_L1), JsonPath::member(stepPath, "match"_L1)) && ok;
    }
    return ok;
}

bool Checker::priceValue(const QJsonValue &value, const QString &path)
{
    if (value.isDouble()) {
        if (!std::isfinite(value.toDouble()) || value.toDouble() < 0) {
            error(path, u"price must be a non-negative number"_s);
            return false;
        }
        return true;
    }
    if (!value.isObject()) {
        error(path, u"bad price value: expected a number or {\"base\", \"tiers\"}, got %1"_s.arg(typeName(value)));
        return false;
    }
    const QJsonObject o = value.toObject();
    bool ok = priceValue(o.value("base"_L1), JsonPath::member(path, "base"_L1));
    if (!o.value("tiers"_L1).isArray()) {
        error(JsonPath::member(path, "tiers"_L1), u"must be an array of {\"start\", \"price\"}"_s);
        return false;
    }
    const QJsonArray tiers = o.value("tiers"_L1).toArray();
    double previousStart = -1;
    for (qsizetype i = 0; i < tiers.size(); ++i) {
        const QString tierPath = JsonPath::index(JsonPath::member(path, "tiers"_L1), i);
        const QJsonObject tier = tiers.at(i).toObject();
        const QJsonValue start = tier.value("start"_L1);
        if (!start.isDouble() || start.toDouble() < 0 || start.toDouble() != std::floor(start.toDouble())) {
            error(JsonPath::member(tierPath, "start"_L1), u"must be a non-negative integer"_s);
            ok = false;
        } else if (start.toDouble() <= previousStart) {
            error(JsonPath::member(tierPath, "start"_L1), u"tiers must be in ascending order of start"_s);
            ok = false;
        } else {
            previousStart = start.toDouble();
        }
        ok = priceValue(tier.value("price"_L1), JsonPath::member(tierPath, "price"_L1)) && ok;
    }
    return ok;
}

bool Checker::modelPrice(const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        error(path, u"prices must be an object, not %1"_s.arg(typeName(value)));
        return false;
    }
    bool ok = true;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        ok = priceValue(it.value(), JsonPath::member(path, it.key())) && ok;
    return ok;
}

bool Checker::constraint(const QJsonValue &value, const QString &path)
{
    const QJsonObject o = value.toObject();
    if (value.isObject() && o.size() == 1 && o.value("start_date"_L1).isString()) {
        if (!QDate::fromString(o.value("start_date"_L1).toString(), Qt::ISODate).isValid()) {
            error(JsonPath::member(path, "start_date"_L1), u"must be a date, YYYY-MM-DD"_s);
            return false;
        }
        return true;
    }
    if (value.isObject() && o.size() == 2 && o.contains("start_time"_L1) && o.contains("end_time"_L1)) {
        bool ok = true;
        for (const auto key : {"start_time"_L1, "end_time"_L1}) {
            QString text = o.value(key).toString();
            if (text.endsWith(u'Z'))
                text.chop(1);
            if (!QTime::fromString(text, Qt::ISODate).isValid()) {
                error(JsonPath::member(path, key), u"must be a UTC time, HH:MM:SS or HH:MM:SSZ"_s);
                ok = false;
            }
        }
        return ok;
    }
    error(path, u"constraint must be {\"start_date\"} or {\"start_time\", \"end_time\"}"_s);
    return false;
}

std::optional<QJsonValue> Checker::prices(const QJsonValue &value, const QString &path)
{
    if (value.isObject())
        return modelPrice(value, path) ? std::optional(value) : std::nullopt;
    if (!value.isArray() || value.toArray().isEmpty()) {
        error(path, u"prices must be an object or a non-empty array of {\"constraint\", \"prices\"}"_s);
        return std::nullopt;
    }
    bool ok = true;
    const QJsonArray entries = value.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString entryPath = JsonPath::index(path, i);
        const QJsonObject entry = entries.at(i).toObject();
        if (!entries.at(i).isObject()) {
            error(entryPath, u"conditional price must be an object"_s);
            ok = false;
            continue;
        }
        if (entry.contains("constraint"_L1))
            ok = constraint(entry.value("constraint"_L1), JsonPath::member(entryPath, "constraint"_L1)) && ok;
        ok = modelPrice(entry.value("prices"_L1), JsonPath::member(entryPath, "prices"_L1)) && ok;
    }
    return ok ? std::optional(value) : std::nullopt;
}

std::optional<QJsonObject> Checker::extractor(const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        error(path, u"extractor must be an object"_s);
        return std::nullopt;
    }
    const QJsonObject in = value.toObject();
    QJsonObject out;
    bool ok = true;
    const QJsonValue flavor = in.value("api_flavor"_L1);
    if (!flavor.isUndefined() && !flavor.isString()) {
        error(JsonPath::member(path, "api_flavor"_L1), u"must be a string"_s);
        ok = false;
    }
    out.insert("api_flavor"_L1, flavor.isString() ? flavor.toString() : u"default"_s);
    ok = usagePath(in.value("root"_L1), JsonPath::member(path, "root"_L1)) && ok;
    out.insert("root"_L1, in.value("root"_L1));
    if (in.contains("model_path"_L1)) {
        ok = usagePath(in.value("model_path"_L1), JsonPath::member(path, "model_path"_L1)) && ok;
        out.insert("model_path"_L1, in.value("model_path"_L1));
    }
    const QString mappingsPath = JsonPath::member(path, "mappings"_L1);
    const QJsonArray mappings = in.value("mappings"_L1).toArray();
    if (!in.value("mappings"_L1).isArray()) {
        error(mappingsPath, u"must be an array"_s);
        ok = false;
    }
    for (qsizetype i = 0; i < mappings.size(); ++i) {
        const QString mappingPath = JsonPath::index(mappingsPath, i);
        const QJsonObject mapping = mappings.at(i).toObject();
        ok = usagePath(mapping.value("path"_L1), JsonPath::member(mappingPath, "path"_L1)) && ok;
        if (!mapping.value("dest"_L1).isString()) {
            error(JsonPath::member(mappingPath, "dest"_L1), u"must be a string"_s);
            ok = false;
        }
        const QJsonValue required = mapping.value("required"_L1);
        if (!required.isUndefined() && !required.isBool()) {
            error(JsonPath::member(mappingPath, "required"_L1), u"must be true or false"_s);
            ok = false;
        }
    }
    out.insert("mappings"_L1, mappings);
    return ok ? std::optional(out) : std::nullopt;
}

std::optional<QJsonObject> Checker::model(const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        error(path, u"model must be an object, not %1"_s.arg(typeName(value)));
        return std::nullopt;
    }
    const QJsonObject in = value.toObject();
    QJsonObject out;
    bool ok = true;
    if (!in.value("id"_L1).isString() || in.value("id"_L1).toString().isEmpty()) {
        error(JsonPath::member(path, "id"_L1), u"model without id"_s);
        ok = false;
    }
    out.insert("id"_L1, in.value("id"_L1));
    if (in.value("name"_L1).isString())
        out.insert("name"_L1, in.value("name"_L1));
    if (!in.contains("match"_L1)) {
        error(path, u"model without a match clause"_s);
        ok = false;
    } else {
        ok = clause(in.value("match"_L1), JsonPath::member(path, "match"_L1)) && ok;
        out.insert("match"_L1, in.value("match"_L1));
    }
    if (in.contains("context_window"_L1)) {
        if (!in.value("context_window"_L1).isDouble()) {
            error(JsonPath::member(path, "context_window"_L1), u"must be an integer"_s);
            ok = false;
        }
        out.insert("context_window"_L1, in.value("context_window"_L1));
    }
    if (in.contains("deprecated"_L1)) {
        if (!in.value("deprecated"_L1).isBool()) {
            error(JsonPath::member(path, "deprecated"_L1), u"must be true or false"_s);
            ok = false;
        } else if (in.value("deprecated"_L1).toBool()) {
            out.insert("deprecated"_L1, true); // false is the default: leave it out of the slim file
        }
    }
    if (!in.contains("prices"_L1)) {
        error(path, u"model without prices"_s);
        ok = false;
    } else if (const auto p = prices(in.value("prices"_L1), JsonPath::member(path, "prices"_L1))) {
        out.insert("prices"_L1, *p);
    } else {
        ok = false;
    }
    return ok ? std::optional(out) : std::nullopt;
}

std::optional<QJsonObject> Checker::provider(const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        error(path, u"provider must be an object, not %1"_s.arg(typeName(value)));
        return std::nullopt;
    }
    const QJsonObject in = value.toObject();
    QJsonObject out;
    bool ok = true;
    const QString id = in.value("id"_L1).toString();
    if (id.isEmpty()) {
        error(JsonPath::member(path, "id"_L1), u"provider without id"_s);
        ok = false;
    }
    out.insert("id"_L1, id);
    out.insert("name"_L1, in.value("name"_L1).isString() ? in.value("name"_L1).toString() : id);
    if (in.value("api_pattern"_L1).isString()) {
        if (!QRegularExpression(in.value("api_pattern"_L1).toString()).isValid()) {
            error(JsonPath::member(path, "api_pattern"_L1), u"invalid regular expression"_s);
            ok = false;
        }
        out.insert("api_pattern"_L1, in.value("api_pattern"_L1));
    }
    for (const auto key : {"provider_match"_L1, "model_match"_L1}) {
        if (in.contains(key)) {
            ok = clause(in.value(key), JsonPath::member(path, key)) && ok;
            out.insert(key, in.value(key));
        }
    }
    if (in.contains("extractors"_L1)) {
        const QString extractorsPath = JsonPath::member(path, "extractors"_L1);
        QJsonArray extractors;
        const QJsonArray items = in.value("extractors"_L1).toArray();
        if (!in.value("extractors"_L1).isArray()) {
            error(extractorsPath, u"must be an array"_s);
            ok = false;
        }
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (const auto e = extractor(items.at(i), JsonPath::index(extractorsPath, i)))
                extractors.append(*e);
            else
                ok = false;
        }
        out.insert("extractors"_L1, extractors);
    }
    if (in.contains("fallback_model_providers"_L1)) {
        const QJsonArray fallbacks = in.value("fallback_model_providers"_L1).toArray();
        bool allStrings = in.value("fallback_model_providers"_L1).isArray();
        for (const QJsonValue &f : fallbacks)
            allStrings = allStrings && f.isString();
        if (!allStrings) {
            error(JsonPath::member(path, "fallback_model_providers"_L1), u"must be an array of provider ids"_s);
            ok = false;
        }
        out.insert("fallback_model_providers"_L1, fallbacks);
    }
    const QString modelsPath = JsonPath::member(path, "models"_L1);
    if (!in.value("models"_L1).isArray()) {
        error(modelsPath, u"provider without a models array"_s);
        return std::nullopt;
    }
    QJsonArray models;
    const QJsonArray items = in.value("models"_L1).toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (const auto m = model(items.at(i), JsonPath::index(modelsPath, i)))
            models.append(*m);
        else
            ok = false;
    }
    out.insert("models"_L1, models);
    return ok ? std::optional(out) : std::nullopt;
}

QJsonArray Checker::providers(const QJsonArray &in, const QString &path)
{
    QJsonArray out;
    QSet<QString> ids;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const QString providerPath = JsonPath::index(path, i);
        if (const auto p = provider(in.at(i), providerPath)) {
            const QString id = p->value("id"_L1).toString();
            if (ids.contains(id))
                error(JsonPath::member(providerPath, "id"_L1), u"duplicate provider id '%1'"_s.arg(id));
            ids.insert(id);
            out.append(*p);
        }
    }
    // Fallbacks are checked last, once every id is known.
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QJsonArray fallbacks = out.at(i).toObject().value("fallback_model_providers"_L1).toArray();
        for (qsizetype j = 0; j < fallbacks.size(); ++j) {
            if (!ids.contains(fallbacks.at(j).toString()))
                error(JsonPath::index(JsonPath::member(JsonPath::index(path, i), "fallback_model_providers"_L1), j),
                      u"unknown provider '%1'"_s.arg(fallbacks.at(j).toString()));
        }
    }
    return out;
}

} // namespace

std::optional<QJsonObject> CatalogBuilder::slim(const QJsonDocument &document, const QString &source, Errors *errors)
{
    Errors found;
    QJsonArray providers;
    QString note = source;
    if (document.isArray()) {
        providers = Checker(found).providers(document.array(), QString());
    } else if (document.isObject()) {
        const QJsonObject root = document.object();
        if (root.value("format"_L1).toString() != kFormat) {
            found.append({u"format"_s, u"not a price catalog: expected \"%1\" or a genai-prices data.json array"_s.arg(kFormat)});
        } else if (root.value("version"_L1).toInt() != kVersion) {
            found.append({u"version"_s, u"unsupported catalog version %1 (this build reads %2)"_s
                                            .arg(root.value("version"_L1).toInt()).arg(kVersion)});
        } else if (!root.value("providers"_L1).isArray()) {
            found.append({u"providers"_s, u"must be an array"_s});
        } else {
            providers = Checker(found).providers(root.value("providers"_L1).toArray(), u"providers"_s);
            if (note.isEmpty())
                note = root.value("source"_L1).toString();
        }
    } else {
        found.append({QString(), u"not a price catalog: expected a JSON array of providers or a catalog object"_s});
    }
    if (errors)
        errors->append(found);
    if (!found.isEmpty())
        return std::nullopt;
    return QJsonObject{{"format"_L1, QString(kFormat)}, {"version"_L1, kVersion}, {"source"_L1, note},
                       {"providers"_L1, providers}};
}

QByteArray CatalogBuilder::build(const QByteArray &dataJson, const QString &source, Errors *errors)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(dataJson, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (errors)
            errors->append({QString(), u"malformed JSON at offset %1: %2"_s.arg(parseError.offset).arg(parseError.errorString())});
        return {};
    }
    if (!document.isArray()) {
        if (errors)
            errors->append({QString(), u"not a genai-prices data.json: the top level must be an array of providers"_s});
        return {};
    }
    const auto catalog = slim(document, source, errors);
    return catalog ? QJsonDocument(*catalog).toJson(QJsonDocument::Compact) : QByteArray();
}

QString CatalogBuilder::sourceNoteBeside(const QString &dataJsonPath)
{
    QFile file(QFileInfo(dataJsonPath).absoluteDir().filePath(u"SOURCE"_s));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).simplified();
}

bool CatalogBuilder::writeFile(const QByteArray &catalogJson, const QString &path, Error *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(catalogJson) != catalogJson.size() || !file.commit()) {
        if (error)
            *error = {path, file.errorString()};
        return false;
    }
    return true;
}

} // namespace Switchyard
