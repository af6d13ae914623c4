// SPDX-License-Identifier: MIT
#include "core/usage/usagemigrations.h"

#include "core/common/logging.h"
#include "core/usage/usagerollups.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {

// Text columns are NOT NULL DEFAULT '' so that rollup keys and filters never meet NULL.
// Costs: `cost_nano` is NULL when unpriced (never 0), the parts are 0 then.
const char *const kSchemaV1[] = {
    R"(CREATE TABLE requests (
        id INTEGER PRIMARY KEY,
        request_id TEXT NOT NULL DEFAULT '',
        time_ms INTEGER NOT NULL,
        key_name TEXT NOT NULL DEFAULT '',
        task TEXT NOT NULL DEFAULT '',
        requested_model TEXT NOT NULL DEFAULT '',
        route TEXT NOT NULL DEFAULT '',
        pipeline TEXT NOT NULL DEFAULT '',
        pipeline_step TEXT NOT NULL DEFAULT '',
        provider TEXT NOT NULL DEFAULT '',
        node TEXT NOT NULL DEFAULT '',
        model TEXT NOT NULL DEFAULT '',
        http_status INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT '',
        attempts INTEGER NOT NULL DEFAULT 0,
        input_tokens INTEGER NOT NULL DEFAULT 0,
        cache_read_tokens INTEGER NOT NULL DEFAULT 0,
        cache_write_tokens INTEGER NOT NULL DEFAULT 0,
        cache_write_1h_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        reasoning_tokens INTEGER NOT NULL DEFAULT 0,
        input_audio_tokens INTEGER NOT NULL DEFAULT 0,
        output_audio_tokens INTEGER NOT NULL DEFAULT 0,
        cost_nano INTEGER,
        priced INTEGER NOT NULL DEFAULT 0,
        cost_input_nano INTEGER NOT NULL DEFAULT 0,
        cost_cache_read_nano INTEGER NOT NULL DEFAULT 0,
        cost_cache_write_nano INTEGER NOT NULL DEFAULT 0,
        cost_output_nano INTEGER NOT NULL DEFAULT 0,
        cost_reasoning_nano INTEGER NOT NULL DEFAULT 0,
        cost_audio_nano INTEGER NOT NULL DEFAULT 0,
        cost_requests_nano INTEGER NOT NULL DEFAULT 0,
        cost_energy_nano INTEGER NOT NULL DEFAULT 0,
        price_source TEXT NOT NULL DEFAULT '',
        matched_model TEXT NOT NULL DEFAULT '',
        latency_ms INTEGER NOT NULL DEFAULT 0,
        ttft_ms INTEGER,
        stream INTEGER NOT NULL DEFAULT 0,
        cache_hit INTEGER NOT NULL DEFAULT 0,
        error TEXT NOT NULL DEFAULT ''
    ))",
    R"(CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        request_row INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
        rung INTEGER NOT NULL,
        provider TEXT NOT NULL DEFAULT '',
        node TEXT NOT NULL DEFAULT '',
        model TEXT NOT NULL DEFAULT '',
        http_status INTEGER NOT NULL DEFAULT 0,
        outcome TEXT NOT NULL DEFAULT '',
        escalation_reason TEXT NOT NULL DEFAULT '',
        latency_ms INTEGER NOT NULL DEFAULT 0,
        ttft_ms INTEGER,
        input_tokens INTEGER NOT NULL DEFAULT 0,
        cache_read_tokens INTEGER NOT NULL DEFAULT 0,
        cache_write_tokens INTEGER NOT NULL DEFAULT 0,
        cache_write_1h_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        reasoning_tokens INTEGER NOT NULL DEFAULT 0,
        input_audio_tokens INTEGER NOT NULL DEFAULT 0,
        output_audio_tokens INTEGER NOT NULL DEFAULT 0,
        cost_nano INTEGER,
        priced INTEGER NOT NULL DEFAULT 0,
        cost_input_nano INTEGER NOT NULL DEFAULT 0,
        cost_cache_read_nano INTEGER NOT NULL DEFAULT 0,
        cost_cache_write_nano INTEGER NOT NULL DEFAULT 0,
        cost_output_nano INTEGER NOT NULL DEFAULT 0,
        cost_reasoning_nano INTEGER NOT NULL DEFAULT 0,
        cost_audio_nano INTEGER NOT NULL DEFAULT 0,
        cost_requests_nano INTEGER NOT NULL DEFAULT 0,
        cost_energy_nano INTEGER NOT NULL DEFAULT 0,
        price_source TEXT NOT NULL DEFAULT '',
        matched_model TEXT NOT NULL DEFAULT '',
        error TEXT NOT NULL DEFAULT ''
    ))",
    // The request log pages by time, optionally within one model or task. Inserts land at
    // the end of each index. No index on request_id: random ids would make every insert
    // touch a random page, which halves throughput once the index outgrows the cache.
    "CREATE INDEX idx_requests_time ON requests(time_ms)",
    "CREATE INDEX idx_requests_model_time ON requests(model, time_ms)",
    "CREATE INDEX idx_requests_task_time ON requests(task, time_ms)",
    "CREATE INDEX idx_attempts_request ON attempts(request_row)",
};

// Days are Julian day numbers (UTC), weeks the Julian day of their Monday (jd % 7 == 0).
const char *const kRollupColumns = R"(
        provider TEXT NOT NULL,
        node TEXT NOT NULL,
        model TEXT NOT NULL,
        task TEXT NOT NULL,
        route TEXT NOT NULL,
        requests INTEGER NOT NULL DEFAULT 0,
        errors INTEGER NOT NULL DEFAULT 0,
        input_tokens INTEGER NOT NULL DEFAULT 0,
        cache_read_tokens INTEGER NOT NULL DEFAULT 0,
        cache_write_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        reasoning_tokens INTEGER NOT NULL DEFAULT 0,
        cost_nano INTEGER NOT NULL DEFAULT 0,
        unpriced_requests INTEGER NOT NULL DEFAULT 0,
        latency_ms INTEGER NOT NULL DEFAULT 0,)";

bool exec(QSqlDatabase &db, const QString &sql, Error *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = {db.databaseName(), query.lastError().text()};
    return false;
}

bool stepV1(QSqlDatabase &db, Error *error)
{
    for (const char *sql : kSchemaV1) {
        if (!exec(db, QString::fromLatin1(sql), error))
            return false;
    }
    return true;
}

bool stepV2(QSqlDatabase &db, Error *error)
{
    const QString rollupColumns = QString::fromLatin1(kRollupColumns);
    return exec(db, u"CREATE TABLE rollup_daily (day INTEGER NOT NULL,"_s + rollupColumns
                        + u" PRIMARY KEY (day, provider, node, model, task, route)) WITHOUT ROWID"_s, error)
        && exec(db, u"CREATE TABLE rollup_weekly (week INTEGER NOT NULL,"_s + rollupColumns
                        + u" PRIMARY KEY (week, provider, node, model, task, route)) WITHOUT ROWID"_s, error)
        // A version-1 file may already hold requests: the rollups start out complete.
        && UsageRollups::rebuild(db, std::nullopt, std::nullopt, error);
}

using Step = bool (*)(QSqlDatabase &, Error *);
const Step kSteps[] = {stepV1, stepV2};
static_assert(std::size(kSteps) == UsageMigrations::kLatestVersion);

} // namespace

int UsageMigrations::version(QSqlDatabase &db, Error *error)
{
    QSqlQuery query(db);
    if (query.exec(u"PRAGMA user_version"_s) && query.next())
        return query.value(0).toInt();
    if (error) {
        const QString reason = query.lastError().nativeErrorCode() == u"26"_s
            ? QCoreApplication::translate("UsageMigrations", "the file is not a SQLite database")
            : query.lastError().text();
        *error = {db.databaseName(), QCoreApplication::translate("UsageMigrations", "cannot read the usage database: %1").arg(reason)};
    }
    return -1;
}

bool UsageMigrations::migrate(QSqlDatabase &db, Error *error)
{
    return migrateTo(db, kLatestVersion, error);
}

bool UsageMigrations::migrateTo(QSqlDatabase &db, int target, Error *error)
{
    const int current = version(db, error);
    if (current < 0)
        return false;
    if (current > kLatestVersion) {
        if (error)
            *error = {db.databaseName(),
                      QCoreApplication::translate("UsageMigrations",
                                                  "the usage database has schema version %1, but this Switchyard "
                                                  "understands up to version %2; it was written by a newer "
                                                  "Switchyard and is left untouched")
                          .arg(current)
                          .arg(kLatestVersion)};
        return false;
    }
    // Persistent per file; readers then never block the writer.
    QSqlQuery wal(db);
    if (!wal.exec(u"PRAGMA journal_mode=WAL"_s) || !wal.next()) {
        if (error)
            *error = {db.databaseName(), wal.lastError().text()};
        return false;
    }
    wal.finish();

    for (int v = current + 1; v <= target; ++v) {
        if (!exec(db, u"BEGIN IMMEDIATE"_s, error))
            return false;
        Error stepError;
        if (!kSteps[v - 1](db, &stepError)
            || !exec(db, u"PRAGMA user_version = %1"_s.arg(v), &stepError)
            || !exec(db, u"COMMIT"_s, &stepError)) {
            exec(db, u"ROLLBACK"_s, nullptr);
            if (error)
                *error = {db.databaseName(), QCoreApplication::translate("UsageMigrations", "migration to schema version %1 failed: %2")
                                                 .arg(v)
                                                 .arg(stepError.message)};
            return false;
        }
        qCInfo(lcUsage) << "usage database" << db.databaseName() << "migrated to schema version" << v;
    }
    return true;
}

} // namespace Switchyard
