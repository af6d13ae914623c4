// SPDX-License-Identifier: MIT
#include "core/usage/usagerollups.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {

constexpr qint64 kMsPerDay = 86'400'000;
constexpr qint64 kJulianDayOfEpoch = 2'440'588; // 1970-01-01
constexpr qint64 kMinDay = 0;
constexpr qint64 kMaxDay = 100'000'000;

const QString kKeyColumns = u"provider, node, model, task, route"_s;
const QString kSumColumns = u"requests, errors, input_tokens, cache_read_tokens, cache_write_tokens, "
                            "output_tokens, reasoning_tokens, cost_nano, unpriced_requests, latency_ms"_s;

bool run(QSqlQuery &q, Error *error)
{
    if (q.exec())
        return true;
    if (error)
        *error = {{}, q.lastError().text()};
    return false;
}

} // namespace

qint64 UsageRollups::dayOfMs(qint64 ms)
{
    const qint64 days = ms / kMsPerDay - (ms % kMsPerDay < 0 ? 1 : 0); // floor, also before 1970
    return days + kJulianDayOfEpoch;
}

qint64 UsageRollups::dayStartMs(qint64 julianDay)
{
    return (julianDay - kJulianDayOfEpoch) * kMsPerDay;
}

QString UsageRollups::sqlDayOfTimeMs(const QString &c)
{
    return u"((%1 - ((%1 %% 86400000) + 86400000) %% 86400000) / 86400000 + 2440588)"_s.arg(c).replace(u"%%"_s, u"%"_s);
}

void UsageRollups::add(const RequestRecord &r)
{
    Key key{dayOfMs(r.time.toMSecsSinceEpoch()), r.provider, r.node, r.model, r.task, r.route};
    SpendSums &s = m_daily[key];
    s.requests += 1;
    s.errors += r.status == u"ok" ? 0 : 1;
    s.inputTokens += r.tokens.inputTokens;
    s.cachedTokens += r.tokens.cacheReadTokens;
    s.cacheWriteTokens += r.tokens.cacheWriteTokens;
    s.outputTokens += r.tokens.outputTokens;
    s.reasoningTokens += r.tokens.reasoningTokens;
    s.cost += r.cost.priced ? r.cost.total() : 0;
    s.unpricedRequests += r.cost.priced ? 0 : 1;
    s.latencyMsSum += r.latencyMs;
}

QByteArray UsageRollups::upsertSql(bool weekly)
{
    const QString keyColumn = weekly ? u"week"_s : u"day"_s;
    QString updates;
    for (QStringView c : QStringView(kSumColumns).split(u", "))
        updates += (updates.isEmpty() ? u""_s : u", "_s) + c + u" = "_s + c + u" + excluded."_s + c;
    return u"INSERT INTO %1 (%2, %3, %4) VALUES (?,?,?,?,?,?, ?,?,?,?,?,?,?,?,?,?) "
           "ON CONFLICT (%2, %3) DO UPDATE SET %5"_s
        .arg(weekly ? u"rollup_weekly"_s : u"rollup_daily"_s, keyColumn, kKeyColumns, kSumColumns, updates)
        .toUtf8();
}

bool UsageRollups::upsert(sqlite3_stmt *daily, sqlite3_stmt *weekly, UsageRows::Utf8Arena &text, Error *error) const
{
    QHash<Key, SpendSums> weeks;
    for (auto it = m_daily.cbegin(); it != m_daily.cend(); ++it) {
        Key week = it.key();
        week.day = weekOf(week.day);
        weeks[week] += it.value();
    }
    return upsertInto(daily, text, m_daily, error) && upsertInto(weekly, text, weeks, error);
}

bool UsageRollups::upsertInto(sqlite3_stmt *q, UsageRows::Utf8Arena &text, const QHash<Key, SpendSums> &sums,
                              Error *error)
{
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        const Key &k = it.key();
        const SpendSums &s = it.value();
        text.clear();
        int i = 1;
        sqlite3_bind_int64(q, i++, k.day);
        // Key columns are NOT NULL: bindText() binds a null QString as ''.
        for (const QString *t : {&k.provider, &k.node, &k.model, &k.task, &k.route})
            i = UsageRows::bindText(q, i, text, *t);
        for (qint64 v : {s.requests, s.errors, s.inputTokens, s.cachedTokens, s.cacheWriteTokens, s.outputTokens,
                         s.reasoningTokens, s.cost, s.unpricedRequests, s.latencyMsSum})
            sqlite3_bind_int64(q, i++, v);
        const int rc = sqlite3_step(q);
        if (rc != SQLITE_DONE && error)
            *error = {{}, QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(q)))};
        sqlite3_reset(q);
        if (rc != SQLITE_DONE)
            return false;
    }
    return true;
}

bool UsageRollups::rebuild(QSqlDatabase &db, std::optional<qint64> fromDay, std::optional<qint64> toDay, Error *error)
{
    const qint64 d0 = fromDay.value_or(kMinDay);
    const qint64 d1 = toDay.value_or(kMaxDay);
    const qint64 w0 = weekOf(d0);
    const qint64 w1 = weekOf(d1);

    QSqlQuery q(db);
    q.prepare(u"DELETE FROM rollup_daily WHERE day BETWEEN ? AND ?"_s);
    q.bindValue(0, d0);
    q.bindValue(1, d1);
    if (!run(q, error))
        return false;

    const QString day = sqlDayOfTimeMs(u"time_ms"_s);
    q.prepare(u"INSERT INTO rollup_daily (day, %1, %2) "
              "SELECT %3 AS d, %1, COUNT(*), SUM(status <> 'ok'), SUM(input_tokens), SUM(cache_read_tokens), "
              "SUM(cache_write_tokens), SUM(output_tokens), SUM(reasoning_tokens), SUM(COALESCE(cost_nano, 0)), "
              "SUM(priced = 0), SUM(latency_ms) "
              "FROM requests WHERE time_ms >= ? AND time_ms < ? GROUP BY d, %1"_s.arg(kKeyColumns, kSumColumns, day));
    q.bindValue(0, dayStartMs(d0));
    q.bindValue(1, dayStartMs(d1 + 1));
    if (!run(q, error))
        return false;

    // Weeks cut by the range are rebuilt whole, from the daily rows (all current now).
    q.prepare(u"DELETE FROM rollup_weekly WHERE week BETWEEN ? AND ?"_s);
    q.bindValue(0, w0);
    q.bindValue(1, w1);
    if (!run(q, error))
        return false;
    q.prepare(u"INSERT INTO rollup_weekly (week, %1, %2) "
              "SELECT day - day %% 7 AS w, %1, SUM(requests), SUM(errors), SUM(input_tokens), SUM(cache_read_tokens), "
              "SUM(cache_write_tokens), SUM(output_tokens), SUM(reasoning_tokens), SUM(cost_nano), "
              "SUM(unpriced_requests), SUM(latency_ms) "
              "FROM rollup_daily WHERE day BETWEEN ? AND ? GROUP BY w, %1"_s.arg(kKeyColumns, kSumColumns).replace(u"%%"_s, u"%"_s));
    q.bindValue(0, w0);
    q.bindValue(1, w1 + 6);
    return run(q, error);
}

} // namespace Switchyard
