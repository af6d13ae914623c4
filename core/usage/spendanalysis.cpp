// SPDX-License-Identifier: MIT
#include "core/usage/spendanalysis.h"

#include "core/usage/costcalculator.h"
#include "core/usage/usagestore.h"

#include <QHash>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {

qint64 perCall(qint64 total, qint64 calls)
{
    return calls > 0 ? std::llround(double(total) / double(calls)) : 0;
}

/// Waits for every future and gives their tables in order; a failed or cancelled query
/// fails the whole result (result() rethrows the store's exception).
QFuture<QList<SpendTable>> allTables(QList<QFuture<SpendTable>> futures)
{
    if (futures.isEmpty())
        return QtFuture::makeReadyFuture(QList<SpendTable>());
    return QtFuture::whenAll(futures.begin(), futures.end()).then([](const QList<QFuture<SpendTable>> &done) {
        QList<SpendTable> tables;
        for (QFuture<SpendTable> f : done) {
            if (f.isCanceled() && f.resultCount() == 0)
                throw UsageStoreException({{}, SpendAnalysis::tr("the usage query was cancelled")});
            tables.append(f.result());
        }
        return tables;
    });
}

/// Non-empty keys of a table, summed over its weeks, in key order.
QMap<QString, SpendSums> sumsByKey(const SpendTable &table)
{
    QMap<QString, SpendSums> out;
    for (const SpendRow &row : table) {
        if (!row.key.isEmpty())
            out[row.key] += row.sums;
    }
    return out;
}

struct Server {
    QString provider;
    QString node;
    QString model;
};

} // namespace

QDate SpendAnalysis::weekStartOf(QDate day)
{
    return day.isValid() ? day.addDays(1 - day.dayOfWeek()) : QDate();
}

QList<QDate> SpendAnalysis::weeksBetween(QDate from, QDate to)
{
    QList<QDate> weeks;
    if (!from.isValid() || !to.isValid() || to < from)
        return weeks;
    for (QDate w = weekStartOf(from); w <= to; w = w.addDays(7))
        weeks.append(w);
    return weeks;
}

std::optional<NanoUsd> SpendAnalysis::costOn(const CostCalculator &calculator, const QString &provider,
                                             const QString &model, const SpendSums &sums, const QDateTime &at)
{
    TokenUsage average;
    average.inputTokens = perCall(sums.inputTokens, sums.requests);
    average.cacheReadTokens = perCall(sums.cachedTokens, sums.requests);
    average.cacheWriteTokens = perCall(sums.cacheWriteTokens, sums.requests);
    average.outputTokens = perCall(sums.outputTokens, sums.requests);
    average.reasoningTokens = perCall(sums.reasoningTokens, sums.requests);
    const CostBreakdown one = calculator.providerCost(provider, model, average, at);
    if (!one.priced)
        return std::nullopt;
    return one.total() * sums.requests;
}

std::optional<NanoUsd> SpendAnalysis::outputPerMTok(const CostCalculator &calculator, const QString &provider,
                                                    const QString &model, const QDateTime &at)
{
    TokenUsage million;
    million.outputTokens = 1'000'000;
    const CostBreakdown c = calculator.providerCost(provider, model, million, at);
    if (!c.priced)
        return std::nullopt;
    return c.output + c.reasoning;
}

QMap<QDate, NanoUsd> SpendAnalysis::flagshipCost(const SpendTable &table, const CostCalculator &calculator,
                                                 const QString &provider, const QString &model)
{
    QMap<QDate, SpendSums> weeks;
    for (const SpendRow &row : table)
        weeks[row.weekStart] += row.sums;
    QMap<QDate, NanoUsd> out;
    for (auto it = weeks.cbegin(); it != weeks.cend(); ++it) {
        const auto cost = costOn(calculator, provider, model, it.value(), it.key().startOfDay(QTimeZone::utc()));
        if (!cost)
            return {};
        out.insert(it.key(), *cost);
    }
    return out;
}

QList<CheapWorkFinding> SpendAnalysis::expensiveModelsOnCheapWork(const UsageSlices &slices,
                                                                  const CostCalculator &calculator,
                                                                  const CheapWorkOptions &options)
{
    const QDateTime at = options.priceAt.isValid() ? options.priceAt : QDateTime::currentDateTimeUtc();
    const auto avgOutput = [](const SpendSums &s) {
        return s.requests > 0 ? double(s.outputTokens) / double(s.requests) : 0.0;
    };

    // Output price of every provider model in use; nodes are local and never premium.
    QHash<QString, NanoUsd> rates; // "provider/model" -> nano-USD per MTok
    QList<std::pair<QString, QString>> shortWorkModels;
    NanoUsd maxRate = -1;
    for (const UsageSlice &s : slices) {
        if (s.provider.isEmpty() || s.sums.requests == 0)
            continue;
        const QString id = s.provider + u'/' + s.model;
        if (!rates.contains(id)) {
            const auto rate = outputPerMTok(calculator, s.provider, s.model, at);
            if (!rate)
                continue;
            rates.insert(id, *rate);
            maxRate = qMax(maxRate, *rate);
        }
        const std::pair<QString, QString> pm{s.provider, s.model};
        if (avgOutput(s.sums) < options.maxAvgOutputTokens && !shortWorkModels.contains(pm))
            shortWorkModels.append(pm);
    }
    // "The most expensive model in use" only means something when there is a choice.
    const bool severalPrices = std::any_of(rates.cbegin(), rates.cend(), [&](NanoUsd r) { return r != maxRate; });

    QList<CheapWorkFinding> findings;
    for (const UsageSlice &s : slices) {
        if (s.provider.isEmpty() || s.sums.requests == 0)
            continue;
        const QString id = s.provider + u'/' + s.model;
        if (!rates.contains(id))
            continue;
        const NanoUsd rate = rates.value(id);
        const bool premium = rate >= options.premiumOutputPerMTok || (severalPrices && rate == maxRate);
        const double avg = avgOutput(s.sums);
        if (!premium || avg >= options.maxAvgOutputTokens)
            continue;

        CheapWorkFinding f;
        f.task = s.task;
        f.provider = s.provider;
        f.model = s.model;
        f.sums = s.sums;
        f.avgOutputTokens = avg;
        f.outputPerMTok = rate;
        std::optional<NanoUsd> best;
        for (const auto &[provider, model] : shortWorkModels) {
            if (rates.value(provider + u'/' + model) >= rate)
                continue;
            const auto cost = costOn(calculator, provider, model, s.sums, at);
            if (cost && (!best || *cost < *best)) {
                best = cost;
                f.cheaperProvider = provider;
                f.cheaperModel = model;
            }
        }
        f.cheaperCost = best.value_or(0);
        findings.append(f);
    }
    std::stable_sort(findings.begin(), findings.end(), [](const CheapWorkFinding &a, const CheapWorkFinding &b) {
        return a.savings() != b.savings() ? a.savings() > b.savings() : a.sums.cost > b.sums.cost;
    });
    return findings;
}

WeekOverWeek SpendAnalysis::weekOverWeek(const SpendTable &table, QDate today)
{
    QMap<QDate, NanoUsd> weeks;
    for (const SpendRow &row : table)
        weeks[row.weekStart] += row.sums.cost;
    WeekOverWeek w;
    if (weeks.isEmpty())
        return w;
    const QDate current = weekStartOf(today);
    auto it = weeks.upperBound(current.addDays(-1)); // first week not yet complete
    if (it == weeks.begin())
        it = weeks.end(); // no complete week: compare the last one shown
    --it;
    w.week = it.key();
    w.cost = it.value();
    w.complete = w.week < current;
    w.previousWeek = w.week.addDays(-7);
    w.previousCost = weeks.value(w.previousWeek);
    if (w.previousCost != 0)
        w.change = double(w.cost - w.previousCost) / double(w.previousCost);
    return w;
}

QFuture<UsageSlices> SpendAnalysis::querySlices(const UsageStore *store, const UsageFilter &filter)
{
    const auto spend = [store](const UsageFilter &f, SpendDimension by) {
        SpendQuery q;
        q.filter = f;
        q.groupBy = by;
        return store->querySpend(q);
    };
    // 1: who served (providers, nodes); 2: their models; 3: the tasks of each pair.
    return allTables({spend(filter, SpendDimension::Provider), spend(filter, SpendDimension::Node)})
        .then([spend, filter](const QList<SpendTable> &servers) {
            QList<QFuture<SpendTable>> queries;
            QList<Server> owners;
            for (const QString &provider : sumsByKey(servers.at(0)).keys()) {
                UsageFilter f = filter;
                f.providers = {provider};
                queries.append(spend(f, SpendDimension::Model));
                owners.append({provider, {}, {}});
            }
            for (const QString &node : sumsByKey(servers.at(1)).keys()) {
                UsageFilter f = filter;
                f.nodes = {node};
                queries.append(spend(f, SpendDimension::Model));
                owners.append({{}, node, {}});
            }
            return allTables(queries).then([owners](const QList<SpendTable> &models) {
                QList<Server> pairs;
                for (qsizetype i = 0; i < models.size(); ++i) {
                    for (const QString &model : sumsByKey(models.at(i)).keys())
                        pairs.append({owners.at(i).provider, owners.at(i).node, model});
                }
                return pairs;
            });
        })
        .unwrap()
        .then([spend, filter](const QList<Server> &pairs) {
            QList<QFuture<SpendTable>> queries;
            for (const Server &p : pairs) {
                UsageFilter f = filter;
                if (!p.provider.isEmpty())
                    f.providers = {p.provider};
                else
                    f.nodes = {p.node};
                f.models = {p.model};
                queries.append(spend(f, SpendDimension::Task));
            }
            return allTables(queries).then([pairs](const QList<SpendTable> &tasks) {
                UsageSlices slices;
                for (qsizetype i = 0; i < tasks.size(); ++i) {
                    QMap<QString, SpendSums> byTask; // the empty task counts too
                    for (const SpendRow &row : tasks.at(i))
                        byTask[row.key] += row.sums;
                    for (auto it = byTask.cbegin(); it != byTask.cend(); ++it)
                        slices.append({it.key(), pairs.at(i).provider, pairs.at(i).node, pairs.at(i).model, it.value()});
                }
                return slices;
            });
        })
        .unwrap();
}

} // namespace Switchyard
