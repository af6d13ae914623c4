// SPDX-License-Identifier: MIT
#include "core/usage/pricecatalog.h"

#include "core/common/jsonscanner.h"
#include "core/common/logging.h"
#include "core/usage/catalogbuilder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QMutexLocker>
#include <QTimeZone>
#include <QVarLengthArray>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

// The resource lives in the static core library: referencing its initializer keeps the
// linker from dropping it from programs that never name it.
static void initCatalogResource()
{
    Q_INIT_RESOURCE(switchyard_data);
}

namespace Switchyard {

// ---- MatchRule -------------------------------------------------------------------------

MatchRule MatchRule::fromJson(const QJsonObject &clause)
{
    MatchRule rule;
    if (clause.size() != 1)
        return rule;
    const QString key = clause.begin().key();
    const QJsonValue arg = clause.begin().value();
    if (key == u"or" || key == u"and") {
        rule.m_kind = key == u"or" ? Kind::Or : Kind::And;
        const QJsonArray items = arg.toArray();
        for (const QJsonValue &item : items)
            rule.m_children.append(fromJson(item.toObject()));
        return rule;
    }
    rule.m_text = arg.toString();
    if (key == u"equals")
        rule.m_kind = Kind::Equals;
    else if (key == u"starts_with")
        rule.m_kind = Kind::StartsWith;
    else if (key == u"ends_with")
        rule.m_kind = Kind::EndsWith;
    else if (key == u"contains")
        rule.m_kind = Kind::Contains;
    else if (key == u"regex") {
        rule.m_regex = QRegularExpression(rule.m_text);
        rule.m_regex.optimize();
        rule.m_kind = rule.m_regex.isValid() ? Kind::Regex : Kind::Never;
    }
    return rule;
}

bool MatchRule::matches(QStringView text) const
{
    switch (m_kind) {
    case Kind::Never: return false;
    case Kind::Equals: return text == m_text;
    case Kind::StartsWith: return text.startsWith(m_text);
    case Kind::EndsWith: return text.endsWith(m_text);
    case Kind::Contains: return text.contains(m_text);
    case Kind::Regex: return m_regex.match(text).hasMatch(); // unanchored, as re.search
    case Kind::Or:
        return std::any_of(m_children.begin(), m_children.end(), [&](const MatchRule &r) { return r.matches(text); });
    case Kind::And:
        return std::all_of(m_children.begin(), m_children.end(), [&](const MatchRule &r) { return r.matches(text); });
    }
    return false;
}

// ---- prices --------------------------------------------------------------------------

int UnitPrice::tierIndexFor(qint64 totalInputTokens) const
{
    int index = -1;
    for (int i = 0; i < tiers.size(); ++i) {
        if (totalInputTokens > tiers.at(i).start)
            index = i;
    }
    return index;
}

double UnitPrice::rateFor(qint64 totalInputTokens) const
{
    const int i = tierIndexFor(totalInputTokens);
    return i < 0 ? base : tiers.at(i).price;
}

const UnitPrice *PriceSet::unit(QStringView key) const
{
    const auto it = units.constFind(key.toString());
    return it == units.cend() ? nullptr : &it.value();
}

QStringList PriceSet::keys() const
{
    QStringList k = units.keys();
    k.sort();
    return k;
}

bool PriceConstraint::isActive(const QDateTime &at) const
{
    const QDateTime utc = at.toUTC();
    switch (kind) {
    case Kind::Always: return true;
    case Kind::StartDate: return utc.date() >= startDate;
    case Kind::TimeOfDay: {
        const QTime t = utc.time();
        if (endTime < startTime) // the window wraps past midnight
            return t >= startTime || t < endTime;
        return t >= startTime && t < endTime;
    }
    }
    return false;
}

QString PriceConstraint::toString() const
{
    switch (kind) {
    case Kind::Always: return u"always"_s;
    case Kind::StartDate: return u"from "_s + startDate.toString(Qt::ISODate);
    case Kind::TimeOfDay:
        return u"daily %1-%2 UTC"_s.arg(startTime.toString(u"HH:mm"_s), endTime.toString(u"HH:mm"_s));
    }
    return {};
}

int CatalogModel::priceIndexAt(const QDateTime &at) const
{
    for (int i = int(prices.size()) - 1; i >= 0; --i) {
        if (prices.at(i).constraint.isActive(at))
            return i;
    }
    return 0;
}

const UsageExtractor *CatalogProvider::extractor(QStringView apiFlavor) const
{
    for (const UsageExtractor &e : extractors) {
        if (e.apiFlavor == apiFlavor)
            return &e;
    }
    return nullptr;
}

// ---- compiling the checked JSON ------------------------------------------------------------

namespace {

UnitPrice unitPriceFromJson(const QJsonValue &v)
{
    UnitPrice p;
    if (v.isDouble()) {
        p.base = v.toDouble();
        return p;
    }
    const QJsonObject o = v.toObject();
    p.base = o.value("base"_L1).toDouble();
    const QJsonArray tiers = o.value("tiers"_L1).toArray();
    for (const QJsonValue &t : tiers)
        p.tiers.append({qint64(t.toObject().value("start"_L1).toDouble()), t.toObject().value("price"_L1).toDouble()});
    return p;
}

PriceSet priceSetFromJson(const QJsonObject &o)
{
    PriceSet set;
    for (auto it = o.begin(); it != o.end(); ++it)
        set.units.insert(it.key(), unitPriceFromJson(it.value()));
    return set;
}

QTime utcTime(QString text)
{
    if (text.endsWith(u'Z'))
        text.chop(1);
    return QTime::fromString(text, Qt::ISODate);
}

PriceConstraint constraintFromJson(const QJsonObject &o)
{
    PriceConstraint c;
    if (o.contains("start_date"_L1)) {
        c.kind = PriceConstraint::Kind::StartDate;
        c.startDate = QDate::fromString(o.value("start_date"_L1).toString(), Qt::ISODate);
    } else if (o.contains("start_time"_L1)) {
        c.kind = PriceConstraint::Kind::TimeOfDay;
        c.startTime = utcTime(o.value("start_time"_L1).toString());
        c.endTime = utcTime(o.value("end_time"_L1).toString());
    }
    return c;
}

QList<UsagePathStep> pathFromJson(const QJsonValue &v, QString *text)
{
    QList<UsagePathStep> steps;
    const QJsonArray items = v.isArray() ? v.toArray() : QJsonArray{v};
    QStringList parts;
    for (const QJsonValue &item : items) {
        UsagePathStep step;
        if (item.isString()) {
            step.key = item.toString();
            step.keyUtf8 = step.key.toUtf8();
            parts.append(step.key);
        } else {
            const QJsonObject o = item.toObject();
            step.field = o.value("field"_L1).toString();
            step.fieldUtf8 = step.field.toUtf8();
            step.match = std::make_shared<const MatchRule>(MatchRule::fromJson(o.value("match"_L1).toObject()));
            parts.append(u"[%1 matching]"_s.arg(step.field));
        }
        steps.append(step);
    }
    if (text)
        *text = parts.join(u'.');
    return steps;
}

UsageDest destFromName(QStringView name)
{
    static const QHash<QString, UsageDest> dests{
        {u"input_tokens"_s, UsageDest::InputTokens},
        {u"cache_read_tokens"_s, UsageDest::CacheReadTokens},
        {u"cache_write_tokens"_s, UsageDest::CacheWriteTokens},
        {u"cache_write_1h_tokens"_s, UsageDest::CacheWrite1hTokens},
        {u"output_tokens"_s, UsageDest::OutputTokens},
        {u"output_reasoning_tokens"_s, UsageDest::OutputReasoningTokens},
        {u"input_audio_tokens"_s, UsageDest::InputAudioTokens},
        {u"output_audio_tokens"_s, UsageDest::OutputAudioTokens},
    };
    return dests.value(name.toString(), UsageDest::Ignored);
}

UsageExtractor extractorFromJson(const QJsonObject &o)
{
    UsageExtractor e;
    e.apiFlavor = o.value("api_flavor"_L1).toString(u"default"_s);
    e.root = pathFromJson(o.value("root"_L1), nullptr);
    const QJsonArray mappings = o.value("mappings"_L1).toArray();
    for (const QJsonValue &m : mappings) {
        const QJsonObject mo = m.toObject();
        UsageMapping mapping;
        mapping.path = pathFromJson(mo.value("path"_L1), &mapping.pathText);
        mapping.dest = destFromName(mo.value("dest"_L1).toString());
        mapping.required = mo.value("required"_L1).toBool(true);
        e.mappings.append(mapping);
    }
    return e;
}

CatalogModel modelFromJson(const QJsonObject &o)
{
    CatalogModel m;
    m.id = o.value("id"_L1).toString();
    m.name = o.value("name"_L1).toString(m.id);
    m.match = MatchRule::fromJson(o.value("match"_L1).toObject());
    m.contextWindow = qint64(o.value("context_window"_L1).toDouble());
    m.deprecated = o.value("deprecated"_L1).toBool();
    const QJsonValue prices = o.value("prices"_L1);
    if (prices.isArray()) {
        const QJsonArray entries = prices.toArray();
        for (const QJsonValue &entry : entries) {
            const QJsonObject eo = entry.toObject();
            m.prices.append({constraintFromJson(eo.value("constraint"_L1).toObject()),
                             priceSetFromJson(eo.value("prices"_L1).toObject())});
        }
    } else {
        m.prices.append({PriceConstraint(), priceSetFromJson(prices.toObject())});
    }
    return m;
}

CatalogProvider providerFromJson(const QJsonObject &o)
{
    CatalogProvider p;
    p.id = o.value("id"_L1).toString();
    p.name = o.value("name"_L1).toString(p.id);
    p.apiPattern = o.value("api_pattern"_L1).toString();
    if (o.contains("provider_match"_L1))
        p.providerMatch = MatchRule::fromJson(o.value("provider_match"_L1).toObject());
    if (o.contains("model_match"_L1))
        p.modelMatch = MatchRule::fromJson(o.value("model_match"_L1).toObject());
    const QJsonArray extractors = o.value("extractors"_L1).toArray();
    for (const QJsonValue &e : extractors)
        p.extractors.append(extractorFromJson(e.toObject()));
    const QJsonArray fallbacks = o.value("fallback_model_providers"_L1).toArray();
    for (const QJsonValue &f : fallbacks)
        p.fallbackModelProviders.append(f.toString());
    const QJsonArray models = o.value("models"_L1).toArray();
    p.models.reserve(models.size());
    for (const QJsonValue &m : models)
        p.models.append(modelFromJson(m.toObject()));
    return p;
}

/// Follows `path` from `start`; nullopt when a step is missing.
/// An object's members (raw key, value), read once for many lookups.
using Members = QVarLengthArray<std::pair<QByteArrayView, QByteArrayView>, 24>;

/// The value of the last member called `key`, as JsonScanner::member() finds it.
QByteArrayView lookup(const Members &members, QByteArrayView key)
{
    for (auto it = members.crbegin(); it != members.crend(); ++it) {
        if (JsonScanner::keyIs(it->first, key))
            return it->second;
    }
    return {};
}

/// The value span at `path` from `start` (a span of validated JSON text); empty when absent.
/// `startMembers`, when given, are start's members for the first step.
QByteArrayView follow(QByteArrayView start, const QList<UsagePathStep> &path, const Members *startMembers = nullptr)
{
    using Json = JsonScanner;
    QByteArrayView v = start;
    for (qsizetype i = 0; i < path.size(); ++i) {
        const UsagePathStep &step = path.at(i);
        if (!step.key.isEmpty()) {
            // Empty unless an object with that member.
            v = i == 0 && startMembers ? lookup(*startMembers, step.keyUtf8) : Json::member(v, step.keyUtf8);
            if (v.isEmpty())
                return {};
            continue;
        }
        QByteArrayView found;
        Json::forEachElement(v, [&](QByteArrayView item) {
            if (!found.isEmpty())
                return;
            const QByteArrayView field = Json::member(item, step.fieldUtf8);
            if (Json::typeOf(field) == Json::Type::String && step.match->matches(Json::toString(field)))
                found = item;
        });
        if (found.isEmpty())
            return {};
        v = found;
    }
    return v;
}


} // namespace

// ---- PriceCatalog --------------------------------------------------------------------------

struct PriceCatalog::Cache {
    QMutex mutex;
    QHash<QString, int> providers;                    ///< asked id -> index, -1: none
    QHash<QString, std::optional<ModelMatch>> models; ///< "provider\nmodel" -> match
};

// Names come from clients, so an endless stream of distinct unknown names must not grow the
// cache without bound; past this size it starts over.
constexpr qsizetype kMaxCacheEntries = 4096;

PriceCatalog::PriceCatalog() : m_cache(std::make_unique<Cache>()) {}

PriceCatalog::PriceCatalog(const PriceCatalog &other)
    : m_source(other.m_source), m_providers(other.m_providers), m_indexById(other.m_indexById),
      m_cache(std::make_unique<Cache>()) // cached pointers point into `other`: start empty
{
}

PriceCatalog &PriceCatalog::operator=(const PriceCatalog &other)
{
    if (this != &other) {
        m_source = other.m_source;
        m_providers = other.m_providers;
        m_indexById = other.m_indexById;
        m_cache = std::make_unique<Cache>();
    }
    return *this;
}

PriceCatalog::~PriceCatalog() = default;

std::shared_ptr<const PriceCatalog> PriceCatalog::builtIn()
{
    static const std::shared_ptr<const PriceCatalog> catalog = [] {
        initCatalogResource();
        QFile file(u":/switchyard/catalog/prices.json"_s);
        Errors errors;
        std::shared_ptr<const PriceCatalog> loaded;
        if (file.open(QIODevice::ReadOnly))
            loaded = load(file.readAll(), &errors);
        else
            errors.append({file.fileName(), file.errorString()});
        if (!loaded) {
            for (const Error &e : std::as_const(errors))
                qCWarning(lcUsage) << "built-in price catalog:" << e.toString();
            loaded = std::make_shared<const PriceCatalog>();
        }
        return loaded;
    }();
    return catalog;
}

std::shared_ptr<const PriceCatalog> PriceCatalog::load(const QByteArray &json, Errors *errors)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (errors)
            errors->append({QString(), u"malformed JSON at offset %1: %2"_s.arg(parseError.offset).arg(parseError.errorString())});
        return nullptr;
    }
    const auto slim = CatalogBuilder::slim(document, QString(), errors);
    if (!slim)
        return nullptr;

    auto catalog = std::make_shared<PriceCatalog>();
    catalog->m_source = slim->value("source"_L1).toString();
    const QJsonArray providers = slim->value("providers"_L1).toArray();
    catalog->m_providers.reserve(providers.size());
    for (const QJsonValue &p : providers) {
        catalog->m_indexById.insert(p.toObject().value("id"_L1).toString(), int(catalog->m_providers.size()));
        catalog->m_providers.append(providerFromJson(p.toObject()));
    }
    return catalog;
}

const CatalogProvider *PriceCatalog::providerById(QStringView id) const
{
    const int i = m_indexById.value(id.toString(), -1);
    return i < 0 ? nullptr : &m_providers.at(i);
}

const CatalogProvider *PriceCatalog::provider(const QString &providerId) const
{
    {
        QMutexLocker lock(&m_cache->mutex);
        const auto it = m_cache->providers.constFind(providerId);
        if (it != m_cache->providers.cend())
            return it.value() < 0 ? nullptr : &m_providers.at(it.value());
    }
    const QString id = providerId.trimmed().toLower();
    const CatalogProvider *found = providerById(id);
    for (qsizetype i = 0; !found && i < m_providers.size(); ++i) {
        if (m_providers.at(i).providerMatch && m_providers.at(i).providerMatch->matches(id))
            found = &m_providers.at(i);
    }
    QMutexLocker lock(&m_cache->mutex);
    if (m_cache->providers.size() >= kMaxCacheEntries)
        m_cache->providers.clear();
    m_cache->providers.insert(providerId, found ? int(found - m_providers.constData()) : -1);
    return found;
}

const CatalogModel *PriceCatalog::matchIn(const CatalogProvider &provider, const QString &model) const
{
    for (const CatalogModel &m : provider.models) {
        if (m.match.matches(model))
            return &m;
    }
    return nullptr;
}

std::optional<PriceCatalog::ModelMatch> PriceCatalog::findModelUncached(const CatalogProvider &provider,
                                                                        const QString &model) const
{
    // The feed's clauses are lowercase except for a few vendor spellings, so the name is
    // tried as given first.
    const QString lower = model.toLower();
    const auto tryProvider = [&](const CatalogProvider &p) -> const CatalogModel * {
        const CatalogModel *m = matchIn(p, model);
        return m || lower == model ? m : matchIn(p, lower);
    };
    if (const CatalogModel *m = tryProvider(provider))
        return ModelMatch{&provider, m};
    for (const QString &fallbackId : provider.fallbackModelProviders) {
        if (const CatalogProvider *fallback = providerById(fallbackId)) {
            if (const CatalogModel *m = tryProvider(*fallback))
                return ModelMatch{fallback, m};
        }
    }
    return std::nullopt;
}

std::optional<PriceCatalog::ModelMatch> PriceCatalog::findModel(const QString &providerId, const QString &model) const
{
    const CatalogProvider *p = provider(providerId);
    if (!p || model.isEmpty())
        return std::nullopt;
    const QString key = p->id + u'\n' + model;
    {
        QMutexLocker lock(&m_cache->mutex);
        const auto it = m_cache->models.constFind(key);
        if (it != m_cache->models.cend())
            return it.value();
    }
    const auto found = findModelUncached(*p, model);
    QMutexLocker lock(&m_cache->mutex);
    if (m_cache->models.size() >= kMaxCacheEntries)
        m_cache->models.clear();
    m_cache->models.insert(key, found);
    return found;
}

const UsageExtractor *PriceCatalog::usageExtractor(const QString &providerId, const QString &flavor) const
{
    // Flavors are Switchyard's upstream wire formats; each has a reference extractor used
    // for providers whose catalog entry lacks one (e.g. OpenAI-compatible hosts).
    QString referenceProvider;
    QString referenceFlavor;
    if (flavor == u"chat") {
        referenceProvider = u"openai"_s;
        referenceFlavor = u"chat"_s;
    } else if (flavor == u"anthropic") {
        referenceProvider = u"anthropic"_s;
        referenceFlavor = u"default"_s;
    } else {
        return nullptr;
    }
    if (const CatalogProvider *p = provider(providerId)) {
        if (const UsageExtractor *e = p->extractor(flavor))
            return e;
        if (p->id == referenceProvider)
            return p->extractor(referenceFlavor);
    }
    const CatalogProvider *reference = providerById(referenceProvider);
    return reference ? reference->extractor(referenceFlavor) : nullptr;
}

std::optional<TokenUsage> PriceCatalog::extractUsage(const QString &providerId, const QString &flavor,
                                                     const QJsonObject &response, Error *error) const
{
    return extractUsage(providerId, flavor, QByteArrayView(QJsonDocument(response).toJson(QJsonDocument::Compact)), error);
}

std::optional<TokenUsage> PriceCatalog::extractUsage(const QString &providerId, const QString &flavor,
                                                     QByteArrayView response, Error *error) const
{
    const UsageExtractor *e = usageExtractor(providerId, flavor);
    if (!e) {
        if (error)
            *error = {QString(), u"no usage extractor for API flavor '%1' (known: chat, anthropic)"_s.arg(flavor)};
        return std::nullopt;
    }
    return extract(*e, response, error);
}

std::optional<TokenUsage> PriceCatalog::extract(const UsageExtractor &extractor, const QJsonObject &response, Error *error)
{
    return extract(extractor, QByteArrayView(QJsonDocument(response).toJson(QJsonDocument::Compact)), error);
}

std::optional<TokenUsage> PriceCatalog::extract(const UsageExtractor &extractor, QByteArrayView response, Error *error)
{
    using Json = JsonScanner;
    response = response.trimmed();
    // A whole response carries the usage under the extractor's root; a bare usage object
    // does not, and is read as it is.
    const QByteArrayView root = follow(response, extractor.root);
    const QByteArrayView usage = Json::typeOf(root) == Json::Type::Object ? root : response;
    // Every mapping starts in the usage object: walk its members once, not once per mapping.
    Members members;
    Json::forEachMember(usage, [&](QByteArrayView key, QByteArrayView value) { members.append({key, value}); });

    TokenUsage u;
    for (const UsageMapping &m : extractor.mappings) {
        const QByteArrayView value = follow(usage, m.path, &members);
        const Json::Type type = Json::typeOf(value);
        if (type == Json::Type::Invalid || type == Json::Type::Null) {
            if (m.required) {
                if (error)
                    *error = {m.pathText, u"required usage field missing"_s};
                return std::nullopt;
            }
            continue;
        }
        const qint64 n = Json::toInteger(value, -1); // -1 for anything but a non-negative integer
        if (n < 0) {
            if (error)
                *error = {m.pathText, u"usage field must be a non-negative integer"_s};
            return std::nullopt;
        }
        switch (m.dest) {
        case UsageDest::Ignored: break;
        case UsageDest::InputTokens: u.inputTokens += n; break;
        case UsageDest::CacheReadTokens: u.cacheReadTokens += n; break;
        case UsageDest::CacheWriteTokens: u.cacheWriteTokens += n; break;
        case UsageDest::CacheWrite1hTokens: u.cacheWrite1hTokens += n; break;
        case UsageDest::OutputTokens: u.outputTokens += n; break;
        case UsageDest::OutputReasoningTokens: u.reasoningTokens += n; break;
        case UsageDest::InputAudioTokens: u.inputAudioTokens += n; break;
        case UsageDest::OutputAudioTokens: u.outputAudioTokens += n; break;
        }
    }
    return u;
}

} // namespace Switchyard
