// SPDX-License-Identifier: MIT
#pragma once

#include "core/usage/spendquery.h"
#include "core/usage/usagerecord.h"

#include <QString>
#include <QVariantList>

class QSqlQuery;

namespace Switchyard::UsageRows {

/// The mapping between RequestRecord/AttemptRecord and the columns of `requests` and
/// `attempts`, kept in one place for the writer, the reader and reprice. Times are stored
/// as UTC milliseconds; unpriced costs as NULL `cost_nano`; a missing ttft as NULL.

/// INSERT statements with positional parameters, for bindRequest() / bindAttempt().
QString insertRequestSql();
QString insertAttemptSql();
void bindRequest(QSqlQuery &query, const RequestRecord &record);
void bindAttempt(QSqlQuery &query, qint64 requestRow, const AttemptRecord &attempt);

/// Column lists for SELECTs read back with readRequest() / readAttempt(); `prefix` is a
/// table alias such as "r.". The first column is `id` / `request_row`.
QString requestColumns(const QString &prefix = {});
QString attemptColumns(const QString &prefix = {});
/// Reads the columns of requestColumns() starting at `first`; `*rowId` gets `id`.
RequestRecord readRequest(const QSqlQuery &query, int first = 0, qint64 *rowId = nullptr);
AttemptRecord readAttempt(const QSqlQuery &query, int first = 0, qint64 *requestRow = nullptr);

/// "cost_nano = :p0, ... WHERE id = :pN" with bindCost() then bindAt(N, id), for reprice.
QString costAssignments();
/// Binds the value of the N-th placeholder of the statements above.
void bindAt(QSqlQuery &query, int position, const QVariant &value);
int bindCost(QSqlQuery &query, int position, const CostBreakdown &cost);
bool sameCost(const CostBreakdown &a, const CostBreakdown &b);

/// SQL conditions (joined by AND, "1" when none) selecting the requests of `filter` on
/// `requests` columns with `prefix` (e.g. "r."); appends the bound values to `params`.
/// withTime=false leaves the date range, statuses and search out, for the rollup tables.
QString filterSql(const UsageFilter &filter, const QString &prefix, QVariantList *params, bool withTime = true);
/// UTC bounds in ms, [from 00:00, to+1 00:00); open ends are far in the past/future.
qint64 filterStartMs(const UsageFilter &filter);
qint64 filterEndMs(const UsageFilter &filter);

qint64 toMs(const QDateTime &time);
QDateTime fromMs(qint64 ms);

} // namespace Switchyard::UsageRows
