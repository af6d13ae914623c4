// SPDX-License-Identifier: MIT
#include "app/switchyard-gateway/costcommand.h"

#include "app/switchyard-gateway/cliutil.h"
#include "core/config/configio.h"
#include "core/usage/catalogbuilder.h"
#include "core/usage/costcalculator.h"
#include "core/usage/pricecatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

using namespace Qt::StringLiterals;

namespace Switchyard::Cli {

namespace {

/// Exact decimal USD from nano-USD (no floating-point rounding in what users read).
QString usd(NanoUsd amount)
{
    const QString sign = amount < 0 ? u"-"_s : QString();
    const qint64 a = amount < 0 ? -amount : amount;
    return sign + QString::number(a / kNanoPerUsd) + u'.' + u"%1"_s.arg(a % kNanoPerUsd, 9, 10, QChar(u'0'));
}

/// ISO-8601 instant; without an offset it is read as UTC, a bare date as its midnight UTC.
std::optional<QDateTime> parseInstant(const QString &text)
{
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid()) {
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (!day.isValid())
            return std::nullopt;
        at = QDateTime(day, QTime(0, 0), Qt::UTC);
    }
    if (at.timeSpec() == Qt::LocalTime)
        at.setTimeSpec(Qt::UTC);
    return at.toUTC();
}

QString isoUtc(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODate);
}

/// The catalog of `--catalog FILE`, or the built-in one; null after printing the problem.
std::shared_ptr<const PriceCatalog> openCatalog(const QString &path)
{
    if (path.isEmpty())
        return PriceCatalog::builtIn();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(u"cannot read catalog %1: %2"_s.arg(path, file.errorString()));
        return nullptr;
    }
    Errors errors;
    auto catalog = PriceCatalog::load(file.readAll(), &errors);
    if (!catalog)
        printErrors(path, errors);
    return catalog;
}

QString priceText(const UnitPrice &p)
{
    QString text = QString::number(p.base);
    for (const PriceTier &t : p.tiers)
        text += u", above %1 input tokens: %2"_s.arg(t.start).arg(t.price);
    return text;
}

QJsonValue priceJson(const UnitPrice &p)
{
    if (p.tiers.isEmpty())
        return p.base;
    QJsonArray tiers;
    for (const PriceTier &t : p.tiers)
        tiers.append(QJsonObject{{"start"_L1, t.start}, {"price"_L1, t.price}});
    return QJsonObject{{"base"_L1, p.base}, {"tiers"_L1, tiers}};
}

QJsonObject priceSetJson(const PriceSet &set)
{
    QJsonObject o;
    for (const QString &key : set.keys())
        o.insert(key, priceJson(*set.unit(key)));
    return o;
}

/// "always" reads wrong for the first of several sets: it is the default the later ones override.
QString constraintText(const CatalogModel &m, int index)
{
    const PriceConstraint &c = m.prices.at(index).constraint;
    if (c.kind == PriceConstraint::Kind::Always && m.prices.size() > 1)
        return u"default (no later set in force)"_s;
    return c.toString();
}

/// What the cost command needs to know about the catalog entry that priced a call.
struct CatalogView {
    std::optional<PriceCatalog::ModelMatch> match;
    int priceIndex = 0;
    const PriceSet *prices = nullptr;
    const PriceEntry *configPrice = nullptr; ///< set when the configuration priced the call
};

QString configPriceText(const PriceEntry &e)
{
    QStringList parts;
    const auto add = [&parts](const char *name, const std::optional<double> &v) {
        if (v)
            parts.append(QLatin1StringView(name) + u' ' + QString::number(*v));
    };
    add("input", e.input);
    add("output", e.output);
    add("cachedInput", e.cachedInput);
    add("cacheWrite", e.cacheWrite);
    return parts.join(u", "_s) + u" (USD per MTok)"_s;
}

int writeCostJson(const QString &providerId, const QString &model, const QString &flavor, const QDateTime &at,
                  const TokenUsage &u, const CostBreakdown &c, const CatalogView &view)
{
    const auto part = [](qint64 tokens, NanoUsd amount) {
        return QJsonObject{{"tokens"_L1, tokens}, {"nanoUsd"_L1, amount}, {"usd"_L1, double(amount) / double(kNanoPerUsd)}};
    };
    QJsonObject o{
        {"provider"_L1, providerId}, {"model"_L1, model}, {"flavor"_L1, flavor}, {"at"_L1, isoUtc(at)},
        {"priced"_L1, c.priced}, {"priceSource"_L1, c.priceSource}, {"matchedModel"_L1, c.matchedModel},
        {"usage"_L1, QJsonObject{{"inputTokens"_L1, u.inputTokens}, {"cacheReadTokens"_L1, u.cacheReadTokens},
                                 {"cacheWriteTokens"_L1, u.cacheWriteTokens}, {"cacheWrite1hTokens"_L1, u.cacheWrite1hTokens},
                                 {"outputTokens"_L1, u.outputTokens}, {"reasoningTokens"_L1, u.reasoningTokens},
                                 {"inputAudioTokens"_L1, u.inputAudioTokens}, {"outputAudioTokens"_L1, u.outputAudioTokens}}},
    };
    if (c.priced) {
        const bool reasoningApart = view.prices && view.prices->has(u"output_reasoning_mtok");
        o.insert("parts"_L1, QJsonObject{
            {"input"_L1, part(u.uncachedInputTokens(), c.input)},
            {"cacheRead"_L1, part(u.cacheReadTokens, c.cacheRead)},
            {"cacheWrite"_L1, part(u.cacheWriteTokens, c.cacheWrite)},
            {"output"_L1, part(reasoningApart ? u.outputTokens - u.reasoningTokens : u.outputTokens, c.output)},
            {"reasoning"_L1, part(reasoningApart ? u.reasoningTokens : 0, c.reasoning)},
            {"audio"_L1, part(u.inputAudioTokens + u.outputAudioTokens, c.audio)},
            {"requests"_L1, part(c.requests > 0 ? 1 : 0, c.requests)},
        });
        o.insert("totalNanoUsd"_L1, c.total());
        o.insert("totalUsd"_L1, c.totalUsd());
    } else {
        o.insert("totalUsd"_L1, QJsonValue::Null);
    }
    if (view.prices) {
        const CatalogModel &m = *view.match->model;
        QJsonObject tiers;
        for (const QString &key : view.prices->keys()) {
            if (!view.prices->unit(key)->tiers.isEmpty())
                tiers.insert(key, view.prices->unit(key)->tierIndexFor(u.inputTokens));
        }
        o.insert("priceSet"_L1, QJsonObject{{"index"_L1, view.priceIndex}, {"count"_L1, m.prices.size()},
                                            {"constraint"_L1, constraintText(m, view.priceIndex)},
                                            {"prices"_L1, priceSetJson(*view.prices)}, {"tierIndex"_L1, tiers}});
    }
    out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
    out().flush();
    return Ok;
}

void writeCostText(const QString &providerId, const QString &model, const QDateTime &at, const TokenUsage &u,
                   const CostBreakdown &c, const CatalogView &view)
{
    QTextStream &s = out();
    s << "cost of " << providerId << '/' << model << " at " << isoUtc(at) << '\n';
    s << "  price source  " << c.priceSource << '\n';
    if (view.configPrice)
        s << "  config price  " << configPriceText(*view.configPrice) << '\n';
    if (view.prices) {
        const CatalogModel &m = *view.match->model;
        s << "  catalog model " << view.match->provider->id << '/' << m.id << " (" << m.name << ")\n";
        s << "  price set     " << view.priceIndex + 1 << " of " << m.prices.size() << ", "
          << constraintText(m, view.priceIndex) << "; USD per MTok (*_kcount: per thousand)\n";
        for (const QString &key : view.prices->keys()) {
            const UnitPrice &p = *view.prices->unit(key);
            s << "    " << key.leftJustified(22) << priceText(p);
            if (!p.tiers.isEmpty()) {
                const int tier = p.tierIndexFor(u.inputTokens);
                s << "  [" << u.inputTokens << " input tokens: "
                  << (tier < 0 ? u"base"_s : u"tier above %1"_s.arg(p.tiers.at(tier).start)) << ']';
            }
            s << '\n';
        }
    }
    const bool reasoningApart = view.prices && view.prices->has(u"output_reasoning_mtok");
    const auto row = [&s](const QString &name, const QString &tokens, NanoUsd amount) {
        s << "  " << name.leftJustified(12) << tokens.rightJustified(16) << "  " << usd(amount).rightJustified(16) << '\n';
    };
    s << "  " << u"part"_s.leftJustified(12) << u"tokens"_s.rightJustified(16) << "  " << u"USD"_s.rightJustified(16) << '\n';
    row(u"input"_s, QString::number(u.uncachedInputTokens()), c.input);
    if (u.cacheReadTokens || c.cacheRead)
        row(u"cache read"_s, QString::number(u.cacheReadTokens), c.cacheRead);
    if (u.cacheWriteTokens || c.cacheWrite) {
        const QString tokens = u.cacheWrite1hTokens ? u"%1 (1h %2)"_s.arg(u.cacheWriteTokens).arg(u.cacheWrite1hTokens)
                                                    : QString::number(u.cacheWriteTokens);
        row(u"cache write"_s, tokens, c.cacheWrite);
    }
    row(u"output"_s, QString::number(reasoningApart ? u.outputTokens - u.reasoningTokens : u.outputTokens), c.output);
    if (reasoningApart)
        row(u"reasoning"_s, QString::number(u.reasoningTokens), c.reasoning);
    else if (u.reasoningTokens)
        s << "    (" << u.reasoningTokens << " reasoning tokens included in output)\n";
    if (c.audio)
        row(u"audio"_s, QString::number(u.inputAudioTokens + u.outputAudioTokens), c.audio);
    if (c.requests)
        row(u"request fee"_s, u"1 request"_s, c.requests);
    row(u"total"_s, QString(), c.total());
    s.flush();
}

QByteArray readInput(const QString &path, QString *problem)
{
    QFile file;
    bool opened = false;
    if (path == u"-")
        opened = file.open(stdin, QIODevice::ReadOnly);
    else {
        file.setFileName(path);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened) {
        *problem = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return {};
    }
    return file.readAll();
}

} // namespace

int runCost(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Cost breakdown of one call, from the usage block as the provider returned it."_s);
    parser.addOptions({
        {u"provider"_s, u"Configured provider id or catalog provider id."_s, u"id"_s},
        {u"model"_s, u"Model name as sent to the provider."_s, u"name"_s},
        {u"flavor"_s, u"Usage format: chat (OpenAI chat completions) or anthropic (Messages). Default from the provider."_s, u"flavor"_s},
        {u"at"_s, u"Price at this ISO-8601 instant (UTC unless an offset is given). Default: now."_s, u"time"_s},
        {u"usage"_s, u"File with the response or its usage object; - for stdin (default)."_s, u"file"_s, u"-"_s},
        {u"json"_s, u"Print the breakdown as JSON."_s},
        {u"config"_s, u"Configuration file whose providers and prices apply."_s, u"file"_s},
        {u"catalog"_s, u"Price catalog file (slim or genai-prices data.json) instead of the built-in one."_s, u"file"_s},
    });
    if (!parse(parser, args))
        return BadUsage;
    const QString providerId = parser.value(u"provider"_s);
    const QString model = parser.value(u"model"_s);
    if (providerId.isEmpty())
        return fail(u"cost: --provider is required"_s, BadUsage);
    if (model.isEmpty())
        return fail(u"cost: --model is required"_s, BadUsage);
    QDateTime at = QDateTime::currentDateTimeUtc();
    if (parser.isSet(u"at"_s)) {
        const auto parsed = parseInstant(parser.value(u"at"_s));
        if (!parsed)
            return fail(u"cost: --at '%1' is not an ISO-8601 date or time (e.g. 2025-06-10T14:00:00Z)"_s.arg(parser.value(u"at"_s)), BadUsage);
        at = *parsed;
    }
    QString flavor = parser.value(u"flavor"_s);
    if (parser.isSet(u"flavor"_s) && flavor != u"chat" && flavor != u"anthropic")
        return fail(u"cost: unknown --flavor '%1' (use chat or anthropic)"_s.arg(flavor), BadUsage);

    Config config;
    if (parser.isSet(u"config"_s)) {
        const ConfigLoadResult loaded = ConfigIo::loadFile(parser.value(u"config"_s));
        if (!loaded.ok()) {
            printErrors(parser.value(u"config"_s), loaded.errors);
            return Failure;
        }
        config = *loaded.config;
    }
    const auto catalog = openCatalog(parser.value(u"catalog"_s));
    if (!catalog)
        return Failure;

    const ProviderConfig *configured = config.provider(providerId);
    const QString catalogProviderId = configured ? configured->pricingProvider() : providerId;
    const CatalogProvider *catalogProvider = catalog->provider(catalogProviderId);
    if (!configured && !catalogProvider)
        return fail(u"cost: unknown provider '%1' (not in the configuration or the price catalog)"_s.arg(providerId));
    if (flavor.isEmpty()) {
        const bool anthropic = (configured && configured->kind == u"anthropic")
                               || (!configured && catalogProvider->id == u"anthropic");
        flavor = anthropic ? u"anthropic"_s : u"chat"_s;
    }

    const QString usagePath = parser.value(u"usage"_s);
    QString problem;
    const QByteArray bytes = readInput(usagePath, &problem);
    if (!problem.isEmpty())
        return fail(u"cost: "_s + problem);
    const QString inputName = usagePath == u"-" ? u"stdin"_s : usagePath;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(u"cost: %1: malformed JSON at offset %2: %3"_s.arg(inputName).arg(parseError.offset).arg(parseError.errorString()));
    if (!document.isObject())
        return fail(u"cost: %1: expected a JSON object (a response or its usage block)"_s.arg(inputName));
    Error error;
    const auto usage = catalog->extractUsage(catalogProviderId, flavor, document.object(), &error);
    if (!usage)
        return fail(u"cost: %1: %2 usage: %3"_s.arg(inputName, flavor, error.toString()));

    const CostBreakdown cost = CostCalculator(catalog, config).providerCost(providerId, model, *usage, at);
    CatalogView view;
    if (cost.priceSource.startsWith(u"config:")) {
        const auto it = config.prices.constFind(cost.priceSource.mid(7));
        view.configPrice = it == config.prices.cend() ? nullptr : &it.value();
    } else if (cost.priceSource.startsWith(u"catalog:")) {
        view.match = catalog->findModel(catalogProviderId, model);
        if (view.match) {
            view.priceIndex = view.match->model->priceIndexAt(at);
            view.prices = &view.match->model->prices.at(view.priceIndex).prices;
        }
    }
    if (parser.isSet(u"json"_s))
        writeCostJson(providerId, model, flavor, at, *usage, cost, view);
    else if (cost.priced)
        writeCostText(providerId, model, at, *usage, cost, view);
    if (!cost.priced)
        return fail(u"unpriced: no price for %1/%2 in the configuration or the catalog"_s.arg(providerId, model));
    return Ok;
}

namespace {

int runCatalogBuild(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Build the slim price catalog from pydantic/genai-prices v2 data.json."_s);
    parser.addPositionalArgument(u"build"_s, u"Subcommand."_s);
    parser.addOptions({
        {u"from"_s, u"genai-prices data.json."_s, u"file"_s},
        {u"out"_s, u"Catalog file to write."_s, u"file"_s},
        {u"source"_s, u"Provenance note; default: the SOURCE file beside data.json."_s, u"text"_s},
    });
    if (!parse(parser, args))
        return BadUsage;
    const QString from = parser.value(u"from"_s);
    const QString to = parser.value(u"out"_s);
    if (from.isEmpty() || to.isEmpty())
        return fail(u"catalog build: --from and --out are required"_s, BadUsage);
    QFile file(from);
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"catalog build: cannot read %1: %2"_s.arg(from, file.errorString()));
    const QString source = parser.isSet(u"source"_s) ? parser.value(u"source"_s) : CatalogBuilder::sourceNoteBeside(from);
    Errors errors;
    const QByteArray catalog = CatalogBuilder::build(file.readAll(), source, &errors);
    if (catalog.isEmpty()) {
        printErrors(from, errors);
        return Failure;
    }
    Error error;
    if (!CatalogBuilder::writeFile(catalog, to, &error))
        return fail(u"catalog build: cannot write %1"_s.arg(error.toString()));
    const auto loaded = PriceCatalog::load(catalog);
    qsizetype models = 0;
    for (const CatalogProvider &p : loaded->providers())
        models += p.models.size();
    out() << "wrote " << to << ": " << loaded->providers().size() << " providers, " << models << " models, "
          << catalog.size() << " bytes" << Qt::endl;
    return Ok;
}

int runCatalogShow(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Show the catalog model a name matches and its prices."_s);
    parser.addPositionalArgument(u"show"_s, u"Subcommand."_s);
    parser.addPositionalArgument(u"provider/model"_s, u"Catalog provider id and model name."_s);
    parser.addOptions({
        {u"at"_s, u"Mark the price set in force at this ISO-8601 instant. Default: now."_s, u"time"_s},
        {u"catalog"_s, u"Price catalog file instead of the built-in one."_s, u"file"_s},
    });
    if (!parse(parser, args))
        return BadUsage;
    const QStringList positional = parser.positionalArguments();
    const QString ref = positional.value(1);
    const qsizetype slash = ref.indexOf(u'/');
    if (positional.size() != 2 || slash <= 0 || slash == ref.size() - 1)
        return fail(u"catalog show: expected one PROVIDER/MODEL argument"_s, BadUsage);
    QDateTime at = QDateTime::currentDateTimeUtc();
    if (parser.isSet(u"at"_s)) {
        const auto parsed = parseInstant(parser.value(u"at"_s));
        if (!parsed)
            return fail(u"catalog show: --at '%1' is not an ISO-8601 date or time"_s.arg(parser.value(u"at"_s)), BadUsage);
        at = *parsed;
    }
    const auto catalog = openCatalog(parser.value(u"catalog"_s));
    if (!catalog)
        return Failure;
    const QString providerId = ref.left(slash);
    const QString model = ref.mid(slash + 1);
    if (!catalog->provider(providerId))
        return fail(u"catalog show: unknown provider '%1'"_s.arg(providerId));
    const auto match = catalog->findModel(providerId, model);
    if (!match)
        return fail(u"catalog show: no catalog model of %1 matches '%2'"_s.arg(providerId, model));

    const CatalogModel &m = *match->model;
    const int active = m.priceIndexAt(at);
    QTextStream &s = out();
    s << ref << " -> " << match->provider->id << '/' << m.id << " (" << m.name << ")";
    if (m.deprecated)
        s << " [deprecated]";
    s << '\n';
    if (m.contextWindow > 0)
        s << "  context window " << m.contextWindow << " tokens\n";
    s << "  prices in USD per million tokens (*_kcount: per thousand); in force at " << isoUtc(at) << ": set "
      << active + 1 << '\n';
    for (int i = 0; i < m.prices.size(); ++i) {
        s << (i == active ? "* " : "  ") << "set " << i + 1 << ", " << constraintText(m, i) << '\n';
        const PriceSet &set = m.prices.at(i).prices;
        for (const QString &key : set.keys())
            s << "    " << key.leftJustified(22) << priceText(*set.unit(key)) << '\n';
    }
    s.flush();
    return Ok;
}

} // namespace

int runCatalog(const QStringList &args)
{
    const QString sub = args.value(1);
    if (sub == u"build")
        return runCatalogBuild(args);
    if (sub == u"show")
        return runCatalogShow(args);
    if (sub == u"--help" || sub == u"-h") {
        out() << "Usage: switchyard-gateway catalog build --from data.json --out FILE [--source TEXT]\n"
                 "       switchyard-gateway catalog show PROVIDER/MODEL [--at TIME] [--catalog FILE]\n";
        out().flush();
        return Ok;
    }
    return fail(u"catalog: expected 'build' or 'show'"_s, BadUsage);
}

} // namespace Switchyard::Cli
