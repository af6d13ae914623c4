// SPDX-License-Identifier: MIT
#include "core/usage/usagewriter.h"

#include "core/common/logging.h"
#include "core/usage/usagemigrations.h"
#include "core/usage/usagerollups.h"
#include "core/usage/usagerows.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QVariant>

#include <sqlite3.h>

#include <chrono>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {

constexpr int kRepriceChunk = 5'000;

struct Change {
    qint64 id;
    CostBreakdown cost;
};

bool applyCosts(QSqlDatabase &db, const QString &table, const QList<Change> &changes, Error *error)
{
    if (changes.isEmpty())
        return true;
    QSqlQuery q(db);
    q.prepare(u"UPDATE "_s + table + u" SET "_s + UsageRows::costAssignments());
    for (const Change &c : changes) {
        UsageRows::bindAt(q, UsageRows::bindCost(q, 0, c.cost), c.id);
        if (!q.exec()) {
            *error = {{}, q.lastError().text()};
            return false;
        }
    }
    return true;
}

} // namespace

UsageWriter::UsageWriter(QString path, UsageStore::Options options, std::shared_ptr<UsageQueue> queue)
    : m_path(std::move(path)), m_options(options), m_queue(std::move(queue))
{
}

UsageWriter::~UsageWriter()
{
    closeDatabase();
}

qint64 UsageQueue::steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool UsageQueue::becameUrgent(qsizetype maxBatch)
{
    if (!priority.attached() || priority.wantsUrgent() || records.isEmpty())
        return false;
    if (records.size() < maxBatch && steadyMs() - oldestQueuedMs <= kMaxWaitMs)
        return false;
    return priority.want(true);
}

bool UsageWriter::open(Error *error)
{
#ifdef Q_OS_LINUX
    {
        QMutexLocker lock(&m_queue->mutex);
        m_queue->priority.attach(int(gettid())); // urgent while opening and migrating: open() is waited for
    }
#endif
    m_connection = u"switchyard-usage-writer-%1"_s.arg(quintptr(this), 0, 16);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(m_options.busyTimeout.count()));
    if (!db.open()) {
        *error = {m_path, tr("cannot open the usage database: %1").arg(db.lastError().text())};
        db = {};
        closeDatabase();
        return false;
    }
    // NORMAL in WAL mode: a crash of the process loses nothing committed; only a power
    // cut can lose the last transactions, and never corrupts the file.
    if (!UsageMigrations::migrate(db, error)
        || !exec(u"PRAGMA synchronous = NORMAL"_s, error)
        || !exec(u"PRAGMA foreign_keys = ON"_s, error)
        // 16 MB of pages: inserts touch the right edges of a few indexes; 64 MB bought no
        // throughput (bench_usagestore: 81k requests/s over 10M) and stayed resident all day.
        || !exec(u"PRAGMA cache_size = -16384"_s, error)
        // A longer WAL between checkpoints writes each hot index page once instead of
        // many times: about 1.5x the insert throughput. The file is cut back afterwards.
        || !exec(u"PRAGMA wal_autocheckpoint = 10000"_s, error)
        || !exec(u"PRAGMA journal_size_limit = 67108864"_s, error)) {
        db = {};
        closeDatabase();
        return false;
    }
    if (!openNative(error)) {
        db = {};
        closeDatabase();
        return false;
    }

    m_batchTimer = new QTimer(this);
    m_batchTimer->setSingleShot(true);
    m_batchTimer->setInterval(m_options.batchWindow);
    connect(m_batchTimer, &QTimer::timeout, this, &UsageWriter::commitNow);
    m_retryTimer = new QTimer(this);
    m_retryTimer->setSingleShot(true);
    m_retryTimer->setInterval(m_options.retryInterval);
    connect(m_retryTimer, &QTimer::timeout, this, &UsageWriter::commitNow);
    becomeBackground(); // from now on, until records wait
    return true;
}

void UsageQueue::makeUrgent()
{
    bool changed;
    {
        QMutexLocker lock(&mutex);
        changed = priority.want(true);
    }
    if (changed)
        priority.apply(true);
}

void UsageWriter::becomeBackground()
{
    {
        QMutexLocker lock(&m_queue->mutex);
        if (!m_queue->records.isEmpty() || m_queue->closed || !m_queue->priority.want(false))
            return;
    }
    m_queue->priority.apply(false);
    bool boosted;
    {
        QMutexLocker lock(&m_queue->mutex);
        boosted = m_queue->priority.wantsUrgent(); // a producer or a flush made it urgent meanwhile
    }
    if (boosted)
        m_queue->priority.apply(true);
}

bool UsageWriter::openNative(Error *error)
{
    sqlite3 *raw = nullptr;
    // NOMUTEX: the connection is used on the writer thread only. The file exists: the
    // QtSql connection created and migrated it.
    const int rc = sqlite3_open_v2(m_path.toUtf8().constData(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    m_db.reset(raw); // a failed open still returns a handle to close
    if (rc != SQLITE_OK) {
        *error = {m_path, tr("cannot open the usage database: %1")
                              .arg(QString::fromUtf8(raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)))};
        return false;
    }
    sqlite3_busy_timeout(m_db.get(), int(m_options.busyTimeout.count()));
    // Same settings as the QtSql connection (see open()); they are per connection.
    if (!execNative("PRAGMA synchronous = NORMAL", error) || !execNative("PRAGMA foreign_keys = ON", error)
        || !execNative("PRAGMA cache_size = -16384", error)
        || !execNative("PRAGMA wal_autocheckpoint = 10000", error)
        || !execNative("PRAGMA journal_size_limit = 67108864", error))
        return false;
    const auto prepare = [&](UsageRows::Statement &statement, const QByteArray &sql) {
        sqlite3_stmt *s = nullptr;
        // PERSISTENT: the statements live as long as the connection.
        const int prc = sqlite3_prepare_v3(m_db.get(), sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &s,
                                           nullptr);
        statement.reset(s);
        if (prc == SQLITE_OK)
            return true;
        *error = {m_path, QString::fromUtf8(sqlite3_errmsg(m_db.get()))};
        return false;
    };
    if (!prepare(m_insertRequest, UsageRows::insertRequestSql().toUtf8())
        || !prepare(m_insertAttempt, UsageRows::insertAttemptSql().toUtf8())
        || !prepare(m_upsertDaily, UsageRollups::upsertSql(false))
        || !prepare(m_upsertWeekly, UsageRollups::upsertSql(true)))
        return false; // open() closes what was opened
    return true;
}

void UsageWriter::closeDatabase()
{
    m_insertRequest.reset();
    m_insertAttempt.reset();
    m_upsertDaily.reset();
    m_upsertWeekly.reset();
    m_db.reset();
    if (m_connection.isEmpty())
        return;
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
    m_connection.clear();
}

bool UsageWriter::exec(const QString &sql, Error *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(sql))
        return true;
    if (error)
        *error = {m_path, q.lastError().text()};
    return false;
}

bool UsageWriter::execNative(const char *sql, Error *error)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db.get(), sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    if (error)
        *error = {m_path, QString::fromUtf8(message ? message : sqlite3_errmsg(m_db.get()))};
    sqlite3_free(message);
    return false;
}

bool UsageWriter::step(sqlite3_stmt *statement, Error *error)
{
    const int rc = sqlite3_step(statement);
    if (rc != SQLITE_DONE && error)
        *error = {m_path, QString::fromUtf8(sqlite3_errmsg(m_db.get()))};
    // Every parameter is bound again before the next step, so no clear_bindings needed.
    sqlite3_reset(statement);
    return rc == SQLITE_DONE;
}

void UsageWriter::onQueued()
{
    if (!m_db || m_retryTimer->isActive())
        return;
    qsizetype queued;
    {
        QMutexLocker lock(&m_queue->mutex);
        queued = m_queue->records.size();
    }
    if (queued >= m_options.maxBatch)
        commitNow();
    else if (!m_batchTimer->isActive())
        m_batchTimer->start();
}

void UsageWriter::commitNow()
{
    if (!m_db)
        return;
    m_batchTimer->stop();
    m_retryTimer->stop();

    QList<RequestRecord> batch;
    {
        QMutexLocker lock(&m_queue->mutex);
        if (m_queue->records.size() <= m_options.maxBatch) {
            batch.swap(m_queue->records);
        } else {
            batch = m_queue->records.first(m_options.maxBatch);
            m_queue->records.remove(0, m_options.maxBatch);
        }
        if (batch.isEmpty()) {
            m_queue->wakePending = false;
            return;
        }
    }

    Error error;
    if (!writeBatch(batch, &error)) {
        {
            QMutexLocker lock(&m_queue->mutex);
            batch.append(std::move(m_queue->records)); // back to the front, order kept
            m_queue->records.swap(batch);
        }
        // One warning per outage; the retries in between only at debug level.
        if (m_failureStreak++ == 0)
            qCWarning(lcUsage).noquote() << "cannot write usage records, will retry:" << error.toString();
        else
            qCDebug(lcUsage).noquote() << "usage write retry" << m_failureStreak << "failed:" << error.toString();
        Q_EMIT failed(error);
        m_retryTimer->start();
        return;
    }
    if (m_failureStreak > 0) {
        qCInfo(lcUsage) << "usage writes recovered after" << m_failureStreak << "failed attempts";
        m_failureStreak = 0;
    }

    qsizetype remaining;
    bool flushing;
    bool urgentNow = false;
    {
        QMutexLocker lock(&m_queue->mutex);
        m_queue->committed += batch.size();
        m_queue->committedChanged.wakeAll();
        remaining = m_queue->records.size();
        flushing = m_queue->committed < m_queue->flushTarget;
        if (remaining == 0)
            m_queue->wakePending = false;
        else
            urgentNow = m_queue->becameUrgent(m_options.maxBatch);
    }
    if (urgentNow)
        m_queue->priority.apply(true);
    Q_EMIT committed(int(batch.size()));
    if (remaining == 0) {
#ifdef __GLIBC__
        // A large backlog was freed just now, mostly into the workers' malloc arenas: give the
        // memory back rather than keep a burst's peak for the life of the app. Before going
        // background: the walk holds each arena's lock.
        if (batch.size() >= 1'000) {
            batch = {};
            malloc_trim(0);
        }
#endif
        becomeBackground();
    }

    if (remaining >= m_options.maxBatch || (remaining > 0 && flushing))
        QMetaObject::invokeMethod(this, &UsageWriter::commitNow, Qt::QueuedConnection); // lets reprice etc. in between
    else if (remaining > 0)
        m_batchTimer->start();
}

bool UsageWriter::writeBatch(const QList<RequestRecord> &batch, Error *error)
{
    if (!execNative("BEGIN IMMEDIATE", error))
        return false;
    UsageRollups rollups;
    bool ok = true;
    for (const RequestRecord &r : batch) {
        m_text.clear();
        UsageRows::bindRequest(m_insertRequest.get(), m_text, r);
        if (!step(m_insertRequest.get(), error)) {
            ok = false;
            break;
        }
        const qint64 row = sqlite3_last_insert_rowid(m_db.get());
        for (const AttemptRecord &a : r.attemptRecords) {
            m_text.clear();
            UsageRows::bindAttempt(m_insertAttempt.get(), m_text, row, a);
            if (!step(m_insertAttempt.get(), error)) {
                ok = false;
                break;
            }
        }
        if (!ok)
            break;
        rollups.add(r);
    }
    if (ok && !rollups.upsert(m_upsertDaily.get(), m_upsertWeekly.get(), m_text, error)) {
        error->path = m_path;
        ok = false;
    }
    ok = ok && execNative("COMMIT", error);
    // Some errors (disk full, I/O) already rolled the transaction back.
    if (!ok && !sqlite3_get_autocommit(m_db.get()))
        execNative("ROLLBACK", nullptr);
    return ok;
}

qint64 UsageWriter::reprice(const UsageStore::PriceFunction &price, const UsageFilter &scope, Error *error)
{
    if (!m_db) {
        *error = {m_path, tr("the usage database is not open")};
        return -1;
    }
    m_queue->makeUrgent(); // a user waits for it; the next commit that empties the queue resets it
    // Everything recorded before the call is repriced too; a failing disk fails below.
    for (;;) {
        qsizetype before;
        {
            QMutexLocker lock(&m_queue->mutex);
            before = m_queue->records.size();
        }
        if (before == 0)
            break;
        commitNow();
        QMutexLocker lock(&m_queue->mutex);
        if (m_queue->records.size() >= before)
            break;
    }

    if (!exec(u"BEGIN IMMEDIATE"_s, error))
        return -1;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const qint64 requests = repriceRequests(price, scope, error);
    const qint64 attempts = requests < 0 ? -1 : repriceAttempts(price, scope, error);
    const std::optional<qint64> fromDay = scope.from.isValid() ? std::optional(scope.from.toJulianDay()) : std::nullopt;
    const std::optional<qint64> toDay = scope.to.isValid() ? std::optional(scope.to.toJulianDay()) : std::nullopt;
    if (attempts < 0 || !UsageRollups::rebuild(db, fromDay, toDay, error) || !exec(u"COMMIT"_s, error)) {
        exec(u"ROLLBACK"_s, nullptr);
        if (error->path.isEmpty())
            error->path = m_path;
        return -1;
    }
    qCInfo(lcUsage) << "repriced" << requests << "requests and" << attempts << "attempts in" << m_path;
    return requests + attempts;
}

qint64 UsageWriter::repriceRequests(const UsageStore::PriceFunction &price, const UsageFilter &scope, Error *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QVariantList params;
    const QString where = UsageRows::filterSql(scope, {}, &params);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + UsageRows::requestColumns() + u" FROM requests WHERE id > ? AND "_s + where
              + u" ORDER BY id LIMIT %1"_s.arg(kRepriceChunk));
    qint64 lastId = 0;
    qint64 changed = 0;
    for (;;) {
        q.bindValue(0, lastId);
        for (int i = 0; i < params.size(); ++i)
            q.bindValue(i + 1, params.at(i));
        if (!q.exec()) {
            *error = {m_path, q.lastError().text()};
            return -1;
        }
        QList<Change> changes;
        int rows = 0;
        while (q.next()) {
            ++rows;
            const RequestRecord r = UsageRows::readRequest(q, 0, &lastId);
            CostBreakdown cost = price(r);
            if (!UsageRows::sameCost(cost, r.cost))
                changes.append({lastId, std::move(cost)});
        }
        q.finish();
        if (!applyCosts(db, u"requests"_s, changes, error))
            return -1;
        changed += changes.size();
        if (rows < kRepriceChunk)
            return changed;
    }
}

qint64 UsageWriter::repriceAttempts(const UsageStore::PriceFunction &price, const UsageFilter &scope, Error *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QVariantList params;
    const QString where = UsageRows::filterSql(scope, u"r."_s, &params);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT a.id, r.time_ms, r.key_name, r.task, r.route, r.pipeline, r.pipeline_step, "_s
              + UsageRows::attemptColumns(u"a."_s)
              + u" FROM attempts a JOIN requests r ON r.id = a.request_row WHERE a.id > ? AND "_s + where
              + u" ORDER BY a.id LIMIT %1"_s.arg(kRepriceChunk));
    qint64 lastId = 0;
    qint64 changed = 0;
    for (;;) {
        q.bindValue(0, lastId);
        for (int i = 0; i < params.size(); ++i)
            q.bindValue(i + 1, params.at(i));
        if (!q.exec()) {
            *error = {m_path, q.lastError().text()};
            return -1;
        }
        QList<Change> changes;
        int rows = 0;
        while (q.next()) {
            ++rows;
            lastId = q.value(0).toLongLong();
            const AttemptRecord a = UsageRows::readAttempt(q, 7);
            // The attempt as a one-rung request, so the same price function serves both.
            RequestRecord r;
            r.time = UsageRows::fromMs(q.value(1).toLongLong());
            r.keyName = q.value(2).toString();
            r.task = q.value(3).toString();
            r.route = q.value(4).toString();
            r.pipeline = q.value(5).toString();
            r.pipelineStep = q.value(6).toString();
            r.provider = a.provider;
            r.node = a.node;
            r.model = a.model;
            r.httpStatus = a.httpStatus;
            r.status = a.outcome;
            r.attempts = 1;
            r.tokens = a.tokens;
            r.cost = a.cost;
            r.latencyMs = a.latencyMs;
            r.ttftMs = a.ttftMs;
            r.error = a.error;
            CostBreakdown cost = price(r);
            if (!UsageRows::sameCost(cost, a.cost))
                changes.append({lastId, std::move(cost)});
        }
        q.finish();
        if (!applyCosts(db, u"attempts"_s, changes, error))
            return -1;
        changed += changes.size();
        if (rows < kRepriceChunk)
            return changed;
    }
}

} // namespace Switchyard
