// SPDX-License-Identifier: MIT
#pragma once

#include "core/usage/spendquery.h"
#include "core/usage/usagerecord.h"

#include <QString>
#include <QStringEncoder>
#include <QVariantList>

#include <memory>
#include <string_view>
#include <vector>

class QSqlQuery;
struct sqlite3;
struct sqlite3_stmt;

namespace Switchyard::UsageRows {

/// The mapping between RequestRecord/AttemptRecord and the columns of `requests` and
/// `attempts`, kept in one place for the writer, the reader and reprice. Times are stored
/// as UTC milliseconds; unpriced costs as NULL `cost_nano`; a missing ttft as NULL.

/// INSERT statements with positional parameters, for bindRequest() / bindAttempt().
QString insertRequestSql();
QString insertAttemptSql();
void bindRequest(QSqlQuery &query, const RequestRecord &record);
void bindAttempt(QSqlQuery &query, qint64 requestRow, const AttemptRecord &attempt);

/// RAII for the writer's native SQLite handles (sqlite3_close_v2 / sqlite3_finalize).
struct SqliteCloser {
    void operator()(sqlite3 *db) const;
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt *statement) const;
};
using SqliteHandle = std::unique_ptr<sqlite3, SqliteCloser>;
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

/// UTF-8 copies of the text fields of one statement execution, bound with SQLITE_STATIC:
/// each field is converted once, into blocks kept from row to row, so a row costs no
/// allocation. A block is never grown while it holds text, so the views stay valid
/// until clear().
class Utf8Arena
{
public:
    void clear();
    /// A null QString gives "" (never NULL): the text columns are NOT NULL.
    std::string_view add(QStringView text);

private:
    std::vector<std::unique_ptr<char[]>> m_blocks;
    std::vector<qsizetype> m_capacity;
    size_t m_block = 0;
    qsizetype m_used = 0;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
};

/// Binds a text parameter (1-based) from the arena with SQLITE_STATIC.
int bindText(sqlite3_stmt *statement, int parameter, Utf8Arena &arena, QStringView text);
/// Binds every parameter of insertRequestSql() / insertAttemptSql() prepared natively;
/// the arena must be left alone until the statement was stepped.
void bindRequest(sqlite3_stmt *statement, Utf8Arena &arena, const RequestRecord &record);
void bindAttempt(sqlite3_stmt *statement, Utf8Arena &arena, qint64 requestRow, const AttemptRecord &attempt);

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
