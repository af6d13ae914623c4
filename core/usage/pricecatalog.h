// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/error.h"
#include "core/usage/tokenusage.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTime>

#include <memory>
#include <optional>

namespace Switchyard {

/// A compiled genai-prices match clause (`equals`, `starts_with`, `ends_with`, `contains`,
/// `regex`, `or`, `and`). Regular expressions are compiled once, when the catalog loads.
class MatchRule
{
public:
    enum class Kind { Never, Equals, StartsWith, EndsWith, Contains, Regex, Or, And };

    /// Assumes a clause already checked by CatalogBuilder; anything else never matches.
    static MatchRule fromJson(const QJsonObject &clause);
    bool matches(QStringView text) const;
    Kind kind() const { return m_kind; }

private:
    Kind m_kind = Kind::Never;
    QString m_text;
    QRegularExpression m_regex;
    QList<MatchRule> m_children;
};

/// One price tier: from `start` input tokens on (exclusive, see UnitPrice::rateFor).
struct PriceTier {
    qint64 start = 0;
    double price = 0.0;
};

/// The price of one unit: USD per million tokens (`*_mtok`) or per thousand (`*_kcount`).
struct UnitPrice {
    double base = 0.0;
    QList<PriceTier> tiers; ///< ascending `start`; empty for a flat price

    /// Index into `tiers` of the tier in force for a prompt of `totalInputTokens`, -1 for
    /// `base`. The "cliff" rule of the schema: once the prompt *crosses* a tier's start
    /// (strictly more tokens than `start`), that rate applies to every token of the unit.
    int tierIndexFor(qint64 totalInputTokens) const;
    double rateFor(qint64 totalInputTokens) const;
};

/// All unit prices of a model under one constraint (genai-prices `ModelPrice`).
struct PriceSet {
    QHash<QString, UnitPrice> units; ///< key: `input_mtok`, `cache_read_mtok`, ...

    const UnitPrice *unit(QStringView key) const;
    bool has(QStringView key) const { return unit(key) != nullptr; }
    QStringList keys() const; ///< sorted
};

/// When a PriceSet is in force. Start dates compare the instant's UTC date; time-of-day
/// windows are daily, in UTC, half open `[start, end)` and may wrap past midnight.
struct PriceConstraint {
    enum class Kind { Always, StartDate, TimeOfDay };
    Kind kind = Kind::Always;
    QDate startDate;
    QTime startTime;
    QTime endTime;

    bool isActive(const QDateTime &at) const;
    QString toString() const; ///< "always", "from 2025-06-10", "daily 00:30-16:30 UTC"
};

struct ConditionalPriceSet {
    PriceConstraint constraint;
    PriceSet prices;
};

/// One step of a usage path: an object member, or the first array element whose `field`
/// matches (genai-prices `array-match`).
struct UsagePathStep {
    QString key;               ///< member name; empty for an array match
    QString field;             ///< array match: member of each element to test
    QByteArray keyUtf8, fieldUtf8; ///< the same, as the JSON text spells them
    std::shared_ptr<const MatchRule> match;
};

/// Token counters a usage mapping can fill; the others (web searches, images...) are not
/// priced by Switchyard and are skipped.
enum class UsageDest {
    Ignored, InputTokens, CacheReadTokens, CacheWriteTokens, CacheWrite1hTokens,
    OutputTokens, OutputReasoningTokens, InputAudioTokens, OutputAudioTokens
};

struct UsageMapping {
    QList<UsagePathStep> path;
    QString pathText;          ///< dotted form for error messages: `prompt_tokens_details.cached_tokens`
    UsageDest dest = UsageDest::Ignored;
    bool required = true;
};

struct UsageExtractor {
    QString apiFlavor;         ///< "default", "chat", "anthropic", "responses"...
    QList<UsagePathStep> root;
    QList<UsageMapping> mappings;
};

struct CatalogModel {
    QString id;
    QString name;
    MatchRule match;
    qint64 contextWindow = 0;  ///< 0 when unknown
    bool deprecated = false;
    QList<ConditionalPriceSet> prices; ///< at least one; a flat price is one `Always` entry

    /// Index of the set in force at `at`: the last active entry, or the first when none is.
    int priceIndexAt(const QDateTime &at) const;
};

struct CatalogProvider {
    QString id;
    QString name;
    QString apiPattern;
    std::optional<MatchRule> providerMatch;
    std::optional<MatchRule> modelMatch;
    QList<UsageExtractor> extractors;
    QStringList fallbackModelProviders;
    QList<CatalogModel> models;

    const UsageExtractor *extractor(QStringView apiFlavor) const;
};

/// The price catalog: providers, their models and prices, and how to read their usage
/// blocks (pydantic/genai-prices v2 data, slimmed by CatalogBuilder).
///
/// Immutable after load and shared as `shared_ptr<const PriceCatalog>`; every const member
/// is safe to call from any thread. Returned pointers live as long as the catalog.
/// Model lookups are memoised per (provider, model) behind a mutex: the gateway prices
/// every call with the same handful of names.
class PriceCatalog
{
public:
    /// A model found for a provider: `provider` owns `model`, which differs from the
    /// provider asked for when the model came from a fallback provider.
    struct ModelMatch {
        const CatalogProvider *provider = nullptr;
        const CatalogModel *model = nullptr;
    };

    PriceCatalog();
    PriceCatalog(const PriceCatalog &other);
    PriceCatalog &operator=(const PriceCatalog &other);
    ~PriceCatalog();

    /// The catalog compiled into the programs (`:/switchyard/catalog/prices.json`), parsed
    /// once. Never null: an unreadable resource gives an empty catalog and a warning.
    static std::shared_ptr<const PriceCatalog> builtIn();
    /// Accepts the slim Switchyard format and raw genai-prices `data.json`. Null, with every
    /// problem in `errors` (JSON paths included), when the document is not a valid catalog.
    static std::shared_ptr<const PriceCatalog> load(const QByteArray &json, Errors *errors = nullptr);

    QString source() const { return m_source; }
    const QList<CatalogProvider> &providers() const { return m_providers; }

    /// Exact id first, then the providers' `provider_match` clauses (ids compare lowercased).
    const CatalogProvider *provider(const QString &providerId) const;
    /// The provider's models in order, then those of its `fallback_model_providers`
    /// (one step). The name is tried as given, then lowercased.
    std::optional<ModelMatch> findModel(const QString &providerId, const QString &model) const;

    /// Token counts from a provider's answer for an API flavor (`chat`: OpenAI chat
    /// completions; `anthropic`: Anthropic Messages). `response` is the whole answer or just
    /// its usage object. Providers without an extractor for the flavor use the reference
    /// one (openai's `chat`, anthropic's `default`). On failure `error` names the path.
    std::optional<TokenUsage> extractUsage(const QString &providerId, const QString &flavor,
                                           const QJsonObject &response, Error *error = nullptr) const;
    /// The same from JSON text JsonScanner::validate() accepted (an object): what the
    /// gateway has in hand for every answer, read without building a document.
    std::optional<TokenUsage> extractUsage(const QString &providerId, const QString &flavor,
                                           QByteArrayView response, Error *error = nullptr) const;
    /// The extractor `extractUsage` would use, or null.
    const UsageExtractor *usageExtractor(const QString &providerId, const QString &flavor) const;

    /// Applies an extractor (see extractUsage).
    static std::optional<TokenUsage> extract(const UsageExtractor &extractor, const QJsonObject &response,
                                             Error *error = nullptr);
    static std::optional<TokenUsage> extract(const UsageExtractor &extractor, QByteArrayView response,
                                             Error *error = nullptr);

private:
    struct Cache;

    const CatalogProvider *providerById(QStringView id) const;
    const CatalogModel *matchIn(const CatalogProvider &provider, const QString &model) const;
    std::optional<ModelMatch> findModelUncached(const CatalogProvider &provider, const QString &model) const;

    QString m_source;
    QList<CatalogProvider> m_providers;
    QHash<QString, int> m_indexById;
    std::unique_ptr<Cache> m_cache;
};

} // namespace Switchyard
