// SPDX-License-Identifier: MIT
#pragma once

#include "core/usage/costbreakdown.h"
#include "core/usage/spendquery.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace Switchyard {

class CostCalculator;
class UsageStore;

/// The sums of one (task, provider or node, model) combination over a date range: the
/// cross table the spend analyses need, which a one-dimension SpendTable cannot give.
/// Exactly one of `provider` and `node` is set.
struct UsageSlice {
    QString task;
    QString provider;
    QString node;
    QString model;
    SpendSums sums;
    friend bool operator==(const UsageSlice &, const UsageSlice &) = default;
};
using UsageSlices = QList<UsageSlice>;

/// Thresholds of the "expensive model doing cheap work" analysis.
struct CheapWorkOptions {
    /// Calls averaging fewer output tokens are short work (classification, extraction).
    double maxAvgOutputTokens = 200.0;
    /// A model is premium from this output price on (nano-USD per million output tokens);
    /// the most expensive model in use counts as premium too.
    NanoUsd premiumOutputPerMTok = 10 * kNanoPerUsd;
    /// Prices in force at this instant; invalid means now.
    QDateTime priceAt;
};

/// A premium model serving short calls of one task, and what the same calls would have
/// cost on the cheapest model already used for short work.
struct CheapWorkFinding {
    QString task;
    QString provider;
    QString model;
    SpendSums sums;
    double avgOutputTokens = 0.0;
    NanoUsd outputPerMTok = 0;     ///< the premium model's output price
    QString cheaperProvider;       ///< empty when no cheaper priced model is in use
    QString cheaperModel;
    NanoUsd cheaperCost = 0;       ///< the same calls priced on the cheaper model

    bool hasAlternative() const { return !cheaperModel.isEmpty(); }
    NanoUsd savings() const { return hasAlternative() ? sums.cost - cheaperCost : 0; }
};

/// Spend of the last complete (or last shown) week against the week before.
struct WeekOverWeek {
    QDate week;                    ///< Monday; null when the table has no week
    NanoUsd cost = 0;
    QDate previousWeek;
    NanoUsd previousCost = 0;
    std::optional<double> change;  ///< (cost - previous) / previous; none when previous is 0
    bool complete = true;          ///< false: the current week, not over yet (no complete week shown)
};

/// Pure spend analyses over query answers (SpendTable, UsageSlices) and a CostCalculator;
/// the dashboard only displays their results. Stateless; any thread.
///
/// Re-pricing sums (flagship line, cheaper model) prices one average call of the sums and
/// multiplies by the request count: rollups keep totals, not single calls, and pricing the
/// total as one giant prompt would cross long-context tiers no real call crossed.
class SpendAnalysis
{
    Q_DECLARE_TR_FUNCTIONS(SpendAnalysis)

public:
    /// Monday (UTC ISO week start) of `day`.
    static QDate weekStartOf(QDate day);
    /// Every Monday from the week of `from` to the week of `to`, ascending.
    static QList<QDate> weeksBetween(QDate from, QDate to);

    /// What `sums` would cost on `provider`/`model`, priced as `sums.requests` average calls
    /// at `at`; nullopt when the model has no known price.
    static std::optional<NanoUsd> costOn(const CostCalculator &calculator, const QString &provider,
                                         const QString &model, const SpendSums &sums, const QDateTime &at);
    /// Output price of a model in nano-USD per million tokens; nullopt when unpriced.
    static std::optional<NanoUsd> outputPerMTok(const CostCalculator &calculator, const QString &provider,
                                                const QString &model, const QDateTime &at);

    /// Per week of `table` (all keys summed): what the traffic would have cost on one
    /// flagship model, priced at each week's Monday. Empty when the model is unpriced.
    static QMap<QDate, NanoUsd> flagshipCost(const SpendTable &table, const CostCalculator &calculator,
                                             const QString &provider, const QString &model);

    /// Tasks served by a premium model with short calls, most savings first.
    static QList<CheapWorkFinding> expensiveModelsOnCheapWork(const UsageSlices &slices,
                                                              const CostCalculator &calculator,
                                                              const CheapWorkOptions &options = {});

    /// The last week of `table` that is complete on `today` (the last week at all when
    /// none is), against the week before it.
    static WeekOverWeek weekOverWeek(const SpendTable &table, QDate today);

    /// Sums of every (task, provider/node, model) under `filter`: a few rollup queries on
    /// `store` (providers and nodes, then their models, then their tasks). The continuations
    /// run on the store's reader thread; `store` must outlive the future.
    static QFuture<UsageSlices> querySlices(const UsageStore *store, const UsageFilter &filter);
};

} // namespace Switchyard
