// SPDX-License-Identifier: MIT
#include "app/switchyard-gateway/usagecommand.h"

#include "app/switchyard-gateway/cliutil.h"
#include "core/config/configio.h"
#include "core/usage/costcalculator.h"
#include "core/usage/pricecatalog.h"
#include "core/usage/usagestore.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <optional>

using namespace Qt::StringLiterals;

namespace Switchyard::Cli {

namespace {

// Built at run time: the default database path needs the application name set in main().
QCommandLineOption dbOption()
{
    return {u"db"_s, u"usage database (default: %1)"_s.arg(defaultDatabasePath()), u"FILE"_s, defaultDatabasePath()};
}

QList<QCommandLineOption> dateOptions()
{
    return {{u"from"_s, u"first day, UTC (YYYY-MM-DD)"_s, u"DATE"_s},
            {u"to"_s, u"last day, UTC, inclusive (YYYY-MM-DD)"_s, u"DATE"_s}};
}

void addFilterOptions(QCommandLineParser &parser)
{
    parser.addOptions({dbOption(),
                       {u"model"_s, u"only this served model; repeatable or a comma list"_s, u"M"_s},
                       {u"node"_s, u"only this node; repeatable or a comma list"_s, u"N"_s},
                       {u"task"_s, u"only this task; repeatable or a comma list"_s, u"T"_s},
                       {u"provider"_s, u"only this provider; repeatable or a comma list"_s, u"P"_s}});
}

QStringList listValues(const QCommandLineParser &parser, const QString &option)
{
    QStringList out;
    for (const QString &value : parser.values(option)) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts))
            out.append(part.trimmed());
    }
    return out;
}

/// Reads --from/--to into `filter`; prints the problem and returns false on a bad date.
bool readDates(const QCommandLineParser &parser, UsageFilter *filter)
{
    for (const auto &[option, date] : {std::pair{u"from"_s, &filter->from}, std::pair{u"to"_s, &filter->to}}) {
        if (!parser.isSet(option))
            continue;
        const QString text = parser.value(option);
        *date = QDate::fromString(text, Qt::ISODate);
        if (!date->isValid() || text.size() != 10) {
            fail(u"--%1 '%2' is not a date; use YYYY-MM-DD"_s.arg(option, text), BadUsage);
            return false;
        }
    }
    if (filter->from.isValid() && filter->to.isValid() && filter->from > filter->to) {
        fail(u"--from %1 is after --to %2"_s.arg(filter->from.toString(Qt::ISODate), filter->to.toString(Qt::ISODate)),
             BadUsage);
        return false;
    }
    return true;
}

void readFilters(const QCommandLineParser &parser, UsageFilter *filter)
{
    filter->models = listValues(parser, u"model"_s);
    filter->nodes = listValues(parser, u"node"_s);
    filter->tasks = listValues(parser, u"task"_s);
    filter->providers = listValues(parser, u"provider"_s);
}

/// Opens an existing database; summary and export never create one.
std::optional<int> openExisting(UsageStore &store)
{
    if (!QFileInfo::exists(store.path()))
        return fail(u"no usage database at %1 (pass --db FILE, or run 'switchyard-gateway init')"_s.arg(store.path()));
    Errors errors;
    if (!store.open(&errors)) {
        printErrors(store.path(), errors);
        return fail(u"cannot open the usage database %1"_s.arg(store.path()));
    }
    return std::nullopt;
}

/// Waits for a store future; prints its error and returns nullopt when it failed.
template <typename T>
std::optional<T> await(QFuture<T> future)
{
    try {
        return future.result();
    } catch (const UsageStoreException &e) {
        fail(e.error().toString());
        return std::nullopt;
    }
}

QString usd(NanoUsd amount)
{
    const NanoUsd abs = qAbs(amount);
    return u"$"_s + formatNanoUsd(amount, abs == 0 || abs >= kNanoPerUsd ? 2 : abs >= kNanoPerUsd / 100 ? 4 : 6);
}

/// A week where nothing had a price has an unknown cost, which is not $0.
QString costCell(const SpendSums &s)
{
    return s.requests > 0 && s.unpricedRequests == s.requests ? u"unpriced"_s : usd(s.cost);
}

QString number(qint64 n)
{
    static const QLocale c = [] {
        QLocale l(QLocale::English);
        return l;
    }();
    return c.toString(n);
}

QJsonObject sumsJson(const SpendSums &s)
{
    return {{u"requests"_s, s.requests},
            {u"errors"_s, s.errors},
            {u"inputTokens"_s, s.inputTokens},
            {u"cachedTokens"_s, s.cachedTokens},
            {u"outputTokens"_s, s.outputTokens},
            {u"reasoningTokens"_s, s.reasoningTokens},
            {u"costNanoUsd"_s, s.cost},
            {u"costUsd"_s, double(s.cost) / double(kNanoPerUsd)},
            {u"unpricedRequests"_s, s.unpricedRequests}};
}

void printTable(const SpendQuery &query, const SpendTable &table)
{
    const QString keyTitle = spendDimensionName(query.groupBy);
    int keyWidth = int(keyTitle.size());
    for (const SpendRow &row : table)
        keyWidth = qMax(keyWidth, int(row.key.isEmpty() ? 6 : row.key.size()));
    const QStringList titles = {u"requests"_s, u"input tok"_s, u"output tok"_s, u"cached tok"_s, u"cost USD"_s,
                                u"unpriced"_s};
    auto line = [&](const QString &week, const QString &key, const QStringList &cells) {
        QString s = week.leftJustified(12) + key.leftJustified(keyWidth + 2);
        for (const QString &cell : cells)
            s += cell.rightJustified(13);
        out() << s.trimmed() << '\n';
    };
    line(u"week"_s, keyTitle, titles);
    for (const SpendRow &row : table) {
        const SpendSums &s = row.sums;
        line(row.weekStart.toString(Qt::ISODate), row.key.isEmpty() ? u"(none)"_s : row.key,
             {number(s.requests), number(s.inputTokens), number(s.outputTokens), number(s.cachedTokens),
              costCell(s), s.unpricedRequests ? number(s.unpricedRequests) : u"-"_s});
    }
    if (table.isEmpty())
        out() << "(no requests in these weeks)\n";
    const SpendSums total = totalsOf(table);
    out() << '\n'
          << "total " << query.filter.from.toString(Qt::ISODate) << " .. " << query.filter.to.toString(Qt::ISODate)
          << ": " << number(total.requests) << " requests (" << number(total.errors) << " errors), "
          << number(total.inputTokens) << " input + " << number(total.outputTokens) << " output tokens ("
          << number(total.cachedTokens) << " cached), " << costCell(total);
    if (total.unpricedRequests > 0)
        out() << " for priced requests only\n"
              << number(total.unpricedRequests) << " unpriced requests: no price is known for their model, "
              << "so their cost is missing from the total (not $0); run 'usage reprice' after adding prices";
    out() << '\n';
}

int runSummary(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Weekly spend (ISO weeks, UTC) grouped by one dimension."_s);
    const QCommandLineOption weeks(u"weeks"_s, u"how many weeks, the current one included"_s, u"N"_s);
    const QCommandLineOption by(u"by"_s, u"group by model, node, task, provider or route (default: model)"_s,
                                u"DIMENSION"_s, u"model"_s);
    const QCommandLineOption json(u"json"_s, u"print JSON instead of a table"_s);
    parser.addOptions({weeks, by, json});
    addFilterOptions(parser);
    if (!parse(parser, args))
        return BadUsage;
    if (!parser.positionalArguments().isEmpty())
        return fail(u"usage summary: unexpected argument '%1'"_s.arg(parser.positionalArguments().constFirst()), BadUsage);
    if (!parser.isSet(weeks))
        return fail(u"usage summary needs --weeks N"_s, BadUsage);
    bool ok = false;
    const int weekCount = parser.value(weeks).toInt(&ok);
    if (!ok || weekCount < 1 || weekCount > 1000)
        return fail(u"--weeks '%1' must be a whole number from 1 to 1000"_s.arg(parser.value(weeks)), BadUsage);
    const auto dimension = spendDimensionFromName(parser.value(by));
    if (!dimension)
        return fail(u"--by '%1': use model, node, task, provider or route"_s.arg(parser.value(by)), BadUsage);

    SpendQuery query;
    query.groupBy = *dimension;
    readFilters(parser, &query.filter);
    const QDate today = QDateTime::currentDateTimeUtc().date();
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    query.filter.from = monday.addDays(-7 * (weekCount - 1));
    query.filter.to = monday.addDays(6);

    UsageStore store(parser.value(u"db"_s));
    if (const auto failed = openExisting(store))
        return *failed;
    const auto table = await(store.querySpend(query));
    if (!table)
        return Failure;

    if (parser.isSet(json)) {
        QJsonArray rows;
        for (const SpendRow &row : *table) {
            QJsonObject o = sumsJson(row.sums);
            o.insert(u"weekStart"_s, row.weekStart.toString(Qt::ISODate));
            o.insert(u"key"_s, row.key);
            rows.append(o);
        }
        const QJsonObject doc{{u"from"_s, query.filter.from.toString(Qt::ISODate)},
                              {u"to"_s, query.filter.to.toString(Qt::ISODate)},
                              {u"groupBy"_s, spendDimensionName(query.groupBy)},
                              {u"rows"_s, rows},
                              {u"totals"_s, sumsJson(totalsOf(*table))}};
        out() << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    } else {
        printTable(query, *table);
    }
    out().flush();
    return Ok;
}

int runExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Exports requests as CSV (RFC 4180), oldest first; unpriced costs are empty."_s);
    const QCommandLineOption csv(u"csv"_s, u"CSV file to write"_s, u"FILE"_s);
    parser.addOptions(dateOptions() << csv);
    addFilterOptions(parser);
    if (!parse(parser, args))
        return BadUsage;
    if (!parser.positionalArguments().isEmpty())
        return fail(u"usage export: unexpected argument '%1'"_s.arg(parser.positionalArguments().constFirst()), BadUsage);
    if (!parser.isSet(csv) || parser.value(csv).isEmpty())
        return fail(u"usage export needs --csv FILE"_s, BadUsage);
    UsageFilter filter;
    if (!readDates(parser, &filter))
        return BadUsage;
    readFilters(parser, &filter);

    UsageStore store(parser.value(u"db"_s));
    if (const auto failed = openExisting(store))
        return *failed;
    const auto rows = await(store.exportCsv(filter, parser.value(csv)));
    if (!rows)
        return Failure;
    out() << "exported " << *rows << (*rows == 1 ? " request to " : " requests to ") << parser.value(csv) << '\n';
    out().flush();
    return Ok;
}

int runReprice(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Recomputes the cost of stored requests and attempts from their tokens with the current prices "
        "(built-in catalog, then the configuration's prices) and rebuilds the rollups."_s);
    const QCommandLineOption config(u"config"_s, u"configuration whose prices and nodes apply (default: none)"_s,
                                    u"FILE"_s);
    parser.addOptions(dateOptions() << dbOption() << config);
    if (!parse(parser, args))
        return BadUsage;
    if (!parser.positionalArguments().isEmpty())
        return fail(u"usage reprice: unexpected argument '%1'"_s.arg(parser.positionalArguments().constFirst()), BadUsage);
    UsageFilter scope;
    if (!readDates(parser, &scope))
        return BadUsage;

    Config cfg;
    if (parser.isSet(config)) {
        const ConfigLoadResult loaded = ConfigIo::loadFile(parser.value(config));
        if (!loaded.ok()) {
            printErrors(parser.value(config), loaded.errors);
            return fail(u"cannot use the configuration %1"_s.arg(parser.value(config)));
        }
        cfg = *loaded.config;
    }
    const auto catalog = PriceCatalog::builtIn();
    if (!catalog)
        return fail(u"the built-in price catalog could not be loaded"_s);
    const CostCalculator calculator(catalog, cfg);

    UsageStore store(parser.value(u"db"_s));
    if (const auto failed = openExisting(store))
        return *failed;
    const auto changed =
        await(store.reprice([calculator](const RequestRecord &r) { return calculator.cost(r); }, scope));
    if (!changed)
        return Failure;
    out() << "repriced " << store.path() << ": " << *changed << (*changed == 1 ? " row" : " rows")
          << " (requests and attempts) changed cost; rollups rebuilt\n";
    out().flush();
    return Ok;
}

} // namespace

int runUsage(const QStringList &args)
{
    const QString action = args.value(1);
    const QStringList rest = args.mid(1);
    if (action == u"summary")
        return runSummary(rest);
    if (action == u"export")
        return runExport(rest);
    if (action == u"reprice")
        return runReprice(rest);
    if (action == u"--help" || action == u"-h" || action == u"help") {
        out() << "Usage: switchyard-gateway usage <summary|export|reprice> [options]\n"
                 "  summary --weeks N [--by model|node|task|provider|route] [filters] [--json]\n"
                 "  export --csv FILE [--from DATE] [--to DATE] [filters]\n"
                 "  reprice [--config FILE] [--from DATE] [--to DATE]\n"
                 "Filters: --model M, --node N, --task T, --provider P (repeatable); --db FILE everywhere.\n";
        out().flush();
        return Ok;
    }
    return fail(action.isEmpty() ? u"usage needs an action: summary, export or reprice"_s
                                 : u"usage: unknown action '%1'; use summary, export or reprice"_s.arg(action),
                BadUsage);
}

} // namespace Switchyard::Cli
