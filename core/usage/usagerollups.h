// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/error.h"
#include "core/usage/spendquery.h"
#include "core/usage/usagerecord.h"
#include "core/usage/usagerows.h"

#include <QByteArray>
#include <QHash>

#include <optional>

class QSqlDatabase;

namespace Switchyard {

/// Keeps `rollup_daily` and `rollup_weekly` current: sums per (day or week, provider, node,
/// model, task, route). A batch of records is summed in memory with add(), then upsert()
/// adds the sums inside the caller's transaction, so rollups and raw rows never disagree.
///
/// Days are UTC Julian day numbers; a week is the Julian day of its Monday (jd % 7 == 0).
/// Used on the writer thread only.
class UsageRollups
{
public:
    static qint64 dayOfMs(qint64 msSinceEpoch);
    static qint64 weekOf(qint64 julianDay) { return julianDay - julianDay % 7; }
    static qint64 dayStartMs(qint64 julianDay);
    /// SQL expression of the Julian day of `requests.time_ms`, same as dayOfMs().
    static QString sqlDayOfTimeMs(const QString &column);

    void add(const RequestRecord &record);
    bool isEmpty() const { return m_daily.isEmpty(); }
    void clear() { m_daily.clear(); }
    /// The statement upsert() runs, for `rollup_weekly` or `rollup_daily`; prepared once by the writer.
    static QByteArray upsertSql(bool weekly);
    /// Adds the sums to both tables with statements of upsertSql(false) and upsertSql(true);
    /// call inside an open transaction.
    bool upsert(sqlite3_stmt *daily, sqlite3_stmt *weekly, UsageRows::Utf8Arena &text, Error *error) const;

    /// Recomputes both tables from `requests` for the given days (open ends: everything),
    /// widened to whole weeks for `rollup_weekly`. Call inside an open transaction.
    static bool rebuild(QSqlDatabase &db, std::optional<qint64> fromDay, std::optional<qint64> toDay, Error *error);

private:
    struct Key {
        qint64 day = 0;
        QString provider, node, model, task, route;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.day, k.provider, k.node, k.model, k.task, k.route);
        }
    };
    static bool upsertInto(sqlite3_stmt *statement, UsageRows::Utf8Arena &text, const QHash<Key, SpendSums> &sums,
                           Error *error);

    QHash<Key, SpendSums> m_daily;
};

} // namespace Switchyard
