// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/error.h"
#include "core/usage/costbreakdown.h"

#include <QDate>
#include <QException>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Switchyard {

/// Value types of the usage store's queries and their answers. Plain values: they cross
/// threads by copy (QFuture results), never by pointer.

/// The column a spend table is grouped by.
enum class SpendDimension { Model, Node, Task, Provider, Route };

inline QString spendDimensionName(SpendDimension dimension)
{
    switch (dimension) {
    case SpendDimension::Model: return QStringLiteral("model");
    case SpendDimension::Node: return QStringLiteral("node");
    case SpendDimension::Task: return QStringLiteral("task");
    case SpendDimension::Provider: return QStringLiteral("provider");
    case SpendDimension::Route: return QStringLiteral("route");
    }
    return {};
}

inline std::optional<SpendDimension> spendDimensionFromName(QStringView name)
{
    for (SpendDimension d : {SpendDimension::Model, SpendDimension::Node, SpendDimension::Task,
                             SpendDimension::Provider, SpendDimension::Route}) {
        if (name.compare(spendDimensionName(d), Qt::CaseInsensitive) == 0)
            return d;
    }
    return std::nullopt;
}

/// Which requests a query covers. Days are UTC and inclusive; a null date leaves that end
/// open. An empty list matches everything; values match the served provider/node/model.
struct UsageFilter {
    QDate from;
    QDate to;
    QStringList models;
    QStringList nodes;
    QStringList tasks;
    QStringList providers;
    QStringList statuses = {}; ///< "ok", "error", "cancelled"
    /// Case-insensitive substring of the request id, the error text, the served or the
    /// requested model; empty matches everything.
    QString search = {};

    /// Whether the filter needs the `requests` rows: the rollups carry neither status nor
    /// text, so spend and totals queries with these read the rows instead (slower).
    bool needsRequestRows() const { return !statuses.isEmpty() || !search.isEmpty(); }
};

/// Weekly spend grouped by one dimension; answered from the rollup tables only.
struct SpendQuery {
    UsageFilter filter;
    SpendDimension groupBy = SpendDimension::Model;
};

/// One page of the request log, newest first.
struct RequestQuery {
    UsageFilter filter;
    int limit = 100;
    int offset = 0;
    bool withAttempts = false; ///< fill RequestRecord::attemptRecords
};

/// Sums over a set of requests. `cost` covers priced requests only; `unpricedRequests`
/// says how many had no known price, so a total is never mistaken for complete.
struct SpendSums {
    qint64 requests = 0;
    qint64 errors = 0;           ///< requests whose status is not "ok"
    qint64 inputTokens = 0;      ///< whole prompts, cached parts included
    qint64 cachedTokens = 0;     ///< prompt tokens read from a provider cache
    qint64 cacheWriteTokens = 0;
    qint64 outputTokens = 0;
    qint64 reasoningTokens = 0;
    NanoUsd cost = 0;
    qint64 unpricedRequests = 0;
    qint64 latencyMsSum = 0;     ///< divide by `requests` for the mean

    SpendSums &operator+=(const SpendSums &o)
    {
        requests += o.requests;
        errors += o.errors;
        inputTokens += o.inputTokens;
        cachedTokens += o.cachedTokens;
        cacheWriteTokens += o.cacheWriteTokens;
        outputTokens += o.outputTokens;
        reasoningTokens += o.reasoningTokens;
        cost += o.cost;
        unpricedRequests += o.unpricedRequests;
        latencyMsSum += o.latencyMsSum;
        return *this;
    }
    friend bool operator==(const SpendSums &, const SpendSums &) = default;
};

/// One bar of a weekly chart: the sums of one key (model, node...) in one ISO week.
struct SpendRow {
    QDate weekStart; ///< Monday, UTC
    QString key;     ///< value of the grouped dimension; empty when the requests had none
    SpendSums sums;
    friend bool operator==(const SpendRow &, const SpendRow &) = default;
};

/// Rows ordered by week, then key.
using SpendTable = QList<SpendRow>;

inline SpendSums totalsOf(const SpendTable &table)
{
    SpendSums total;
    for (const SpendRow &row : table)
        total += row.sums;
    return total;
}

/// Exact decimal USD of a nano-USD amount, e.g. 1'250'000 -> "0.001250000".
inline QString formatNanoUsd(NanoUsd amount, int decimals = 9)
{
    const bool negative = amount < 0;
    quint64 abs = negative ? quint64(-(amount + 1)) + 1 : quint64(amount);
    decimals = qBound(0, decimals, 9);
    if (decimals < 9) { // round half away from zero at the last shown digit
        quint64 unit = 1;
        for (int i = decimals; i < 9; ++i)
            unit *= 10;
        abs = (abs + unit / 2) / unit * unit;
    }
    QString text = QString::number(abs / quint64(kNanoPerUsd));
    if (decimals > 0) {
        const QString frac = QString::number(abs % quint64(kNanoPerUsd)).rightJustified(9, QLatin1Char('0'));
        text += QLatin1Char('.') + frac.left(decimals);
    }
    return negative ? QLatin1Char('-') + text : text;
}

/// Thrown into a query's QFuture when the database could not answer (see QFuture::onFailed).
class UsageStoreException : public QException
{
public:
    explicit UsageStoreException(Error error) : m_error(std::move(error)) {}
    const Error &error() const { return m_error; }
    void raise() const override { throw *this; }
    UsageStoreException *clone() const override { return new UsageStoreException(*this); }

private:
    Error m_error;
};

} // namespace Switchyard
