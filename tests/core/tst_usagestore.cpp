// SPDX-License-Identifier: MIT
#include "core/usage/usagestore.h"
#include "core/usage/writerpriority.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <memory>

#include <sched.h>

using namespace Qt::StringLiterals;
using namespace Switchyard;

namespace {

/// A raw connection for the test thread, removed when it goes out of scope.
class Connection
{
public:
    explicit Connection(const QString &path, const QString &options = {}) : m_name(u"test-%1"_s.arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(options);
        db.open();
    }
    ~Connection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    QVariant value(const QString &sql) const
    {
        QSqlQuery q(db());
        if (!q.exec(sql) || !q.next()) {
            qInfo() << sql << q.lastError().text();
            return QVariant();
        }
        return q.value(0);
    }
    bool exec(const QString &sql) const
    {
        QSqlQuery q(db());
        return q.exec(sql);
    }
    QList<QStringList> rows(const QString &sql) const
    {
        QList<QStringList> out;
        QSqlQuery q(db());
        if (!q.exec(sql))
            qInfo() << sql << q.lastError().text();
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < q.record().count(); ++i)
                row.append(q.value(i).toString());
            out.append(row);
        }
        return out;
    }

private:
    static inline int s_count = 0;
    QString m_name;
};

QDateTime utc(int y, int m, int d, int h = 12, int min = 0, int ms = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, 0, ms), QTimeZone::utc());
}

RequestRecord fullRecord(const QString &id, bool priced)
{
    RequestRecord r;
    r.requestId = id;
    r.time = utc(2025, 5, 14, 9, 30, 123);
    r.keyName = u"laptop"_s;
    r.task = u"classify"_s;
    r.requestedModel = u"route/cheap-first"_s;
    r.route = u"cheap-first"_s;
    r.pipeline = u"triage"_s;
    r.pipelineStep = u"label"_s;
    r.provider = u"openai"_s;
    r.model = u"gpt-4o"_s;
    r.httpStatus = 200;
    r.status = u"ok"_s;
    r.tokens = {1200, 400, 100, 50, 300, 120, 7, 9};
    r.cost.priced = priced;
    if (priced) {
        r.cost.input = 1'750'000;
        r.cost.cacheRead = 500'000;
        r.cost.cacheWrite = 125'000;
        r.cost.output = 1'800'000;
        r.cost.reasoning = 1'200'000;
        r.cost.audio = 3;
        r.cost.requests = 5;
        r.cost.energy = 11;
        r.cost.priceSource = u"catalog:openai/gpt-4o"_s;
        r.cost.matchedModel = u"gpt-4o"_s;
    }
    r.latencyMs = 2345;
    r.ttftMs = 321;
    r.stream = true;
    r.cacheHit = true;
    r.error = u"line one, \"quoted\"\nline two"_s;

    AttemptRecord first;
    first.rung = 0;
    first.provider = u"deepseek"_s;
    first.model = u"deepseek-v4-flash"_s;
    first.httpStatus = 429;
    first.outcome = u"escalated"_s;
    first.escalationReason = u"429"_s;
    first.latencyMs = 80;
    first.ttftMs = -1;
    first.error = u"rate limited"_s;
    AttemptRecord second;
    second.rung = 1;
    second.provider = r.provider;
    second.model = r.model;
    second.httpStatus = 200;
    second.outcome = u"ok"_s;
    second.latencyMs = 2200;
    second.ttftMs = 300;
    second.tokens = r.tokens;
    second.cost = r.cost;
    r.attemptRecords = {first, second};
    r.attempts = 2;
    return r;
}

void compareCost(const CostBreakdown &actual, const CostBreakdown &expected)
{
    QCOMPARE(actual.priced, expected.priced);
    QCOMPARE(actual.total(), expected.total());
    QCOMPARE(actual.input, expected.input);
    QCOMPARE(actual.cacheRead, expected.cacheRead);
    QCOMPARE(actual.cacheWrite, expected.cacheWrite);
    QCOMPARE(actual.output, expected.output);
    QCOMPARE(actual.reasoning, expected.reasoning);
    QCOMPARE(actual.audio, expected.audio);
    QCOMPARE(actual.requests, expected.requests);
    QCOMPARE(actual.energy, expected.energy);
    QCOMPARE(actual.priceSource, expected.priceSource);
    QCOMPARE(actual.matchedModel, expected.matchedModel);
}

/// Random requests over ~10 weeks with realistic gaps: empty node/provider/route, unpriced.
QList<RequestRecord> randomRecords(int count, quint32 seed)
{
    QRandomGenerator rng(seed);
    const QStringList models = {u"gpt-4o"_s, u"claude-sonnet"_s, u"llama-8b"_s, u"gemini"_s, u"qwen"_s};
    const QStringList tasks = {u"classify"_s, u"extract"_s, u"generate"_s, QString()};
    const QStringList routes = {u"cheap-first"_s, u"smart"_s, QString()};
    const QDateTime start = utc(2025, 3, 1, 0); // a Saturday
    QList<RequestRecord> out;
    for (int i = 0; i < count; ++i) {
        RequestRecord r;
        r.requestId = u"rnd-%1"_s.arg(i);
        r.time = start.addMSecs(qint64(rng.bounded(70 * 24)) * 3'600'000 + rng.bounded(3'600'000));
        const int m = int(rng.bounded(models.size()));
        r.model = models.at(m);
        if (m == 2 || m == 4)
            r.node = m == 2 ? u"workstation"_s : u"gpu-box"_s;
        else
            r.provider = m == 0 ? u"openai"_s : m == 1 ? u"anthropic"_s : u"google"_s;
        r.task = tasks.at(int(rng.bounded(tasks.size())));
        r.route = routes.at(int(rng.bounded(routes.size())));
        r.status = rng.bounded(10) == 0 ? u"error"_s : u"ok"_s;
        r.tokens.inputTokens = rng.bounded(5000);
        r.tokens.cacheReadTokens = rng.bounded(2) ? r.tokens.inputTokens / 3 : 0;
        r.tokens.cacheWriteTokens = rng.bounded(4) == 0 ? 10 : 0;
        r.tokens.outputTokens = rng.bounded(800);
        r.tokens.reasoningTokens = r.tokens.outputTokens / 4;
        r.cost.priced = rng.bounded(5) != 0;
        if (r.cost.priced) {
            r.cost.input = r.tokens.inputTokens * (m + 1) * 100;
            r.cost.output = r.tokens.outputTokens * (m + 1) * 400;
            r.cost.priceSource = u"test"_s;
        }
        r.latencyMs = rng.bounded(4000);
        r.attempts = 1 + int(rng.bounded(2));
        for (int a = 0; a < r.attempts; ++a) {
            AttemptRecord at;
            at.rung = a;
            at.provider = r.provider;
            at.node = r.node;
            at.model = r.model;
            at.tokens = r.tokens;
            at.cost = r.cost;
            at.outcome = a + 1 == r.attempts ? u"ok"_s : u"escalated"_s;
            r.attemptRecords.append(at);
        }
        out.append(r);
    }
    return out;
}

bool matches(const RequestRecord &r, const UsageFilter &f)
{
    const QDate day = r.time.toUTC().date();
    return (!f.from.isValid() || day >= f.from) && (!f.to.isValid() || day <= f.to)
        && (f.models.isEmpty() || f.models.contains(r.model)) && (f.nodes.isEmpty() || f.nodes.contains(r.node))
        && (f.tasks.isEmpty() || f.tasks.contains(r.task))
        && (f.providers.isEmpty() || f.providers.contains(r.provider));
}

QString keyOf(const RequestRecord &r, SpendDimension d)
{
    switch (d) {
    case SpendDimension::Model: return r.model;
    case SpendDimension::Node: return r.node;
    case SpendDimension::Task: return r.task;
    case SpendDimension::Provider: return r.provider;
    case SpendDimension::Route: return r.route;
    }
    return {};
}

/// The weekly table computed straight from the records, independent of SQL.
SpendTable expectedSpend(const QList<RequestRecord> &records, const SpendQuery &q)
{
    QMap<std::pair<QDate, QString>, SpendSums> sums;
    for (const RequestRecord &r : records) {
        if (!matches(r, q.filter))
            continue;
        const QDate day = r.time.toUTC().date();
        SpendSums &s = sums[{day.addDays(1 - day.dayOfWeek()), keyOf(r, q.groupBy)}];
        s.requests += 1;
        s.errors += r.status == u"ok"_s ? 0 : 1;
        s.inputTokens += r.tokens.inputTokens;
        s.cachedTokens += r.tokens.cacheReadTokens;
        s.cacheWriteTokens += r.tokens.cacheWriteTokens;
        s.outputTokens += r.tokens.outputTokens;
        s.reasoningTokens += r.tokens.reasoningTokens;
        s.cost += r.cost.priced ? r.cost.total() : 0;
        s.unpricedRequests += r.cost.priced ? 0 : 1;
        s.latencyMsSum += r.latencyMs;
    }
    SpendTable table;
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        table.append({it.key().first, it.key().second, it.value()});
    return table;
}

QString describe(const SpendTable &t)
{
    QStringList lines;
    for (const SpendRow &r : t)
        lines.append(u"%1 %2 n=%3 cost=%4 unpriced=%5"_s.arg(r.weekStart.toString(Qt::ISODate), r.key)
                         .arg(r.sums.requests)
                         .arg(r.sums.cost)
                         .arg(r.sums.unpricedRequests));
    return lines.join(u'\n');
}

/// Minimal RFC 4180 reader for checking the export.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row.append(field);
            field.clear();
            rows.append(row);
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

struct ChildRun {
    qint64 lastReported = 0;
    QString wal;
};

} // namespace

class TestUsageStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void roundTripsEveryField_data();
    void roundTripsEveryField();
    void writesOneAttemptRowPerRung();
    void concurrentWritersLandExactlyOnce();
    void cleanCloseLosesNothing();
    void writerIsBackgroundWorkUntilRecordsWait();
    void killNineLosesAtMostOneBatch();
    void tornWalTailReopensCleanly_data();
    void tornWalTailReopensCleanly();
    void rollupsEqualGroupByOverRawRows();
    void querySpendFiltersAndRanges_data();
    void querySpendFiltersAndRanges();
    void queryRequestsPagesNewestFirst();
    void repriceChangesCostsAndRollups();
    void repriceScopeLimitsTheDays();
    void writeFailureKeepsRecordsQueued();
    void exportCsvQuotesAndMarksUnpriced();
    void cliSummaryExportAndErrors();

private:
    std::unique_ptr<UsageStore> openStore(const QString &name, UsageStore::Options options = {});
    ChildRun runChildAndKill(const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestUsageStore::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestUsageStore::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<UsageStore> TestUsageStore::openStore(const QString &name, UsageStore::Options options)
{
    auto store = std::make_unique<UsageStore>(m_dir->filePath(name), options);
    Errors errors;
    if (!store->open(&errors)) {
        qInfo() << "open failed:" << errors.value(0).toString();
        return nullptr;
    }
    return store;
}

void TestUsageStore::roundTripsEveryField_data()
{
    QTest::addColumn<bool>("priced");
    QTest::addColumn<bool>("nodeServed");
    QTest::addRow("priced, provider") << true << false;
    QTest::addRow("unpriced, provider") << false << false;
    QTest::addRow("unpriced, node, no ttft") << false << true;
}

void TestUsageStore::roundTripsEveryField()
{
    QFETCH(bool, priced);
    QFETCH(bool, nodeServed);
    auto store = openStore(u"roundtrip.sqlite3"_s);
    QVERIFY(store);
    RequestRecord in = fullRecord(u"req-1"_s, priced);
    if (nodeServed) {
        in.provider.clear();
        in.node = u"workstation-01"_s;
        in.ttftMs = -1;
        in.stream = false;
        in.attemptRecords.removeFirst();
        in.attemptRecords.first().provider.clear();
        in.attemptRecords.first().node = in.node;
        in.attempts = 1;
    }
    store->record(in);
    QVERIFY(store->flush());

    RequestQuery query;
    query.withAttempts = true;
    const QList<RequestRecord> out = store->queryRequests(query).result();
    QCOMPARE(out.size(), 1);
    const RequestRecord &r = out.first();
    QCOMPARE(r.requestId, in.requestId);
    QCOMPARE(r.time, in.time);
    QCOMPARE(r.time.timeSpec(), Qt::UTC);
    QCOMPARE(r.keyName, in.keyName);
    QCOMPARE(r.task, in.task);
    QCOMPARE(r.requestedModel, in.requestedModel);
    QCOMPARE(r.route, in.route);
    QCOMPARE(r.pipeline, in.pipeline);
    QCOMPARE(r.pipelineStep, in.pipelineStep);
    QCOMPARE(r.provider, in.provider);
    QCOMPARE(r.node, in.node);
    QCOMPARE(r.model, in.model);
    QCOMPARE(r.httpStatus, in.httpStatus);
    QCOMPARE(r.status, in.status);
    QCOMPARE(r.attempts, in.attempts);
    QCOMPARE(r.tokens, in.tokens);
    compareCost(r.cost, in.cost);
    QCOMPARE(r.latencyMs, in.latencyMs);
    QCOMPARE(r.ttftMs, in.ttftMs);
    QCOMPARE(r.stream, in.stream);
    QCOMPARE(r.cacheHit, in.cacheHit);
    QCOMPARE(r.error, in.error);
    QCOMPARE(r.attemptRecords.size(), in.attemptRecords.size());
    for (qsizetype i = 0; i < in.attemptRecords.size(); ++i) {
        const AttemptRecord &a = r.attemptRecords.at(i);
        const AttemptRecord &e = in.attemptRecords.at(i);
        QCOMPARE(a.rung, e.rung);
        QCOMPARE(a.provider, e.provider);
        QCOMPARE(a.node, e.node);
        QCOMPARE(a.model, e.model);
        QCOMPARE(a.httpStatus, e.httpStatus);
        QCOMPARE(a.outcome, e.outcome);
        QCOMPARE(a.escalationReason, e.escalationReason);
        QCOMPARE(a.latencyMs, e.latencyMs);
        QCOMPARE(a.ttftMs, e.ttftMs);
        QCOMPARE(a.tokens, e.tokens);
        compareCost(a.cost, e.cost);
        QCOMPARE(a.error, e.error);
    }

    // Unpriced is NULL in the database, never a zero cost.
    store->close();
    Connection c(m_dir->filePath(u"roundtrip.sqlite3"_s));
    QCOMPARE(c.value(u"SELECT cost_nano IS NULL FROM requests"_s).toBool(), !priced);
    QCOMPARE(c.value(u"SELECT ttft_ms IS NULL FROM requests"_s).toBool(), nodeServed);
}

void TestUsageStore::writesOneAttemptRowPerRung()
{
    auto store = openStore(u"attempts.sqlite3"_s);
    QVERIFY(store);
    store->record(fullRecord(u"two"_s, true));
    RequestRecord none = fullRecord(u"zero"_s, false);
    none.attemptRecords.clear(); // e.g. answered from the cache
    none.attempts = 0;
    store->record(none);
    QVERIFY(store->flush());
    store->close();

    Connection c(m_dir->filePath(u"attempts.sqlite3"_s));
    QCOMPARE(c.rows(u"SELECT r.request_id, a.rung, a.provider, a.outcome, a.escalation_reason FROM attempts a "
                    "JOIN requests r ON r.id = a.request_row ORDER BY a.id"_s),
             (QList<QStringList>{{u"two"_s, u"0"_s, u"deepseek"_s, u"escalated"_s, u"429"_s},
                                 {u"two"_s, u"1"_s, u"openai"_s, u"ok"_s, QString()}}));
    QCOMPARE(c.value(u"SELECT COUNT(*) FROM attempts WHERE request_row NOT IN (SELECT id FROM requests)"_s).toInt(), 0);
    QCOMPARE(c.value(u"PRAGMA foreign_key_check"_s), QVariant());
}

void TestUsageStore::concurrentWritersLandExactlyOnce()
{
    constexpr int kThreads = 8;
    constexpr int kPerThread = 2500;
    UsageStore::Options options;
    options.maxBatch = 700; // several full batches while the threads race
    auto store = openStore(u"concurrent.sqlite3"_s, options);
    QVERIFY(store);
    QSignalSpy committed(store.get(), &UsageStore::recordsCommitted);

    QList<QThread *> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.append(QThread::create([&store, t] {
            for (int i = 0; i < kPerThread; ++i) {
                RequestRecord r = fullRecord(u"t%1-%2"_s.arg(t).arg(i), i % 3 != 0);
                r.time = r.time.addSecs(i);
                store->record(std::move(r));
            }
        }));
        threads.last()->start();
    }
    for (QThread *t : threads) {
        QVERIFY(t->wait(60'000));
        delete t;
    }
    QVERIFY(store->flush());
    QCOMPARE(store->pendingCount(), qint64(0));
    auto committedSum = [&committed] {
        qint64 n = 0;
        for (const QList<QVariant> &args : committed)
            n += args.at(0).toInt();
        return n;
    };
    QTRY_COMPARE(committedSum(), qint64(kThreads * kPerThread));
    store->close();

    Connection c(m_dir->filePath(u"concurrent.sqlite3"_s));
    QCOMPARE(c.value(u"SELECT COUNT(*) FROM requests"_s).toInt(), kThreads * kPerThread);
    QCOMPARE(c.value(u"SELECT COUNT(DISTINCT request_id) FROM requests"_s).toInt(), kThreads * kPerThread);
    QCOMPARE(c.value(u"SELECT COUNT(*) FROM attempts"_s).toInt(), 2 * kThreads * kPerThread);
    QCOMPARE(c.value(u"SELECT SUM(requests) FROM rollup_daily"_s).toInt(), kThreads * kPerThread);
    QCOMPARE(c.value(u"SELECT SUM(requests) FROM rollup_weekly"_s).toInt(), kThreads * kPerThread);
    // Each thread's records keep their order.
    QCOMPARE(c.value(u"SELECT COUNT(*) FROM requests a JOIN requests b ON substr(a.request_id, 1, 3) = "
                     "substr(b.request_id, 1, 3) AND a.id < b.id AND a.time_ms > b.time_ms"_s)
                 .toInt(),
             0);
}

void TestUsageStore::cleanCloseLosesNothing()
{
    UsageStore::Options options;
    options.batchWindow = std::chrono::minutes(10); // only close() can write them
    const QString path = m_dir->filePath(u"close.sqlite3"_s);
    {
        UsageStore store(path, options);
        Errors errors;
        QVERIFY(store.open(&errors));
        for (int i = 0; i < 25'000; ++i)
            store.record(fullRecord(u"c%1"_s.arg(i), true));
        QVERIFY(store.pendingCount() > 0);
    } // the destructor closes
    Connection c(path);
    QCOMPARE(c.value(u"SELECT COUNT(*) FROM requests"_s).toInt(), 25'000);
    QCOMPARE(c.value(u"SELECT SUM(requests) FROM rollup_weekly"_s).toInt(), 25'000);
}

namespace {

/// The scheduling policy of this process's thread named `name`, or -1.
int policyOfThread(const QString &name)
{
    const QStringList tasks = QDir(u"/proc/self/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &tid : tasks) {
        QFile comm(u"/proc/self/task/"_s + tid + u"/comm"_s);
        if (comm.open(QIODevice::ReadOnly) && QString::fromUtf8(comm.readAll()).trimmed() == name)
            return sched_getscheduler(tid.toInt());
    }
    return -1;
}

} // namespace

void TestUsageStore::writerIsBackgroundWorkUntilRecordsWait()
{
    if (!WriterPriority::available())
        QSKIP("this process may not switch a thread back from SCHED_IDLE (no CAP_SYS_NICE, RLIMIT_NICE < 20): "
              "the writer stays at normal priority");
    UsageStore::Options options;
    options.batchWindow = std::chrono::seconds(3);
    auto store = openStore(u"priority.sqlite3"_s, options);
    QVERIFY(store);
    // Idle: background work, preempted by any thread serving a call.
    QCOMPARE(policyOfThread(u"usage-writer"_s), SCHED_IDLE);

    store->record(fullRecord(u"p1"_s, true));
    QCOMPARE(policyOfThread(u"usage-writer"_s), SCHED_IDLE); // one fresh record: no hurry
    QTest::qWait(400);
    store->record(fullRecord(u"p2"_s, true)); // the first one has waited too long now
    QCOMPARE(policyOfThread(u"usage-writer"_s), SCHED_OTHER);
    // Caught up: background again.
    QVERIFY(store->flush(QDeadlineTimer(10'000)));
    QTRY_COMPARE(policyOfThread(u"usage-writer"_s), SCHED_IDLE);

    // The last record of a burst: no later record() looks at it, the store's own watch does.
    store->record(fullRecord(u"p3"_s, true));
    QTRY_COMPARE_WITH_TIMEOUT(policyOfThread(u"usage-writer"_s), SCHED_OTHER, 2'000);
    QTRY_COMPARE_WITH_TIMEOUT(store->pendingCount(), 0, 5'000); // the batch window ends, it is written
    QTRY_COMPARE(policyOfThread(u"usage-writer"_s), SCHED_IDLE);

    // A waiting flush makes it urgent too, and nothing is lost either way.
    for (int i = 0; i < 100; ++i)
        store->record(fullRecord(u"q%1"_s.arg(i), true));
    QVERIFY(store->flush(QDeadlineTimer(10'000)));
    QTRY_COMPARE(policyOfThread(u"usage-writer"_s), SCHED_IDLE);
    QCOMPARE(store->pendingCount(), 0);
}

ChildRun TestUsageStore::runChildAndKill(const QString &path)
{
    ChildRun run;
    QProcess child;
    child.setProgram(QStringLiteral(SY_USAGE_WRITER_CHILD));
    child.setArguments({path, u"20"_s, u"200"_s});
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QByteArray output;
    connect(&child, &QProcess::readyReadStandardOutput, this, [&] { output += child.readAllStandardOutput(); });
    child.start();
    auto reported = [&output] {
        qint64 last = 0;
        static const QRegularExpression re(u"committed (\\d+)"_s);
        auto it = re.globalMatch(QString::fromLatin1(output));
        while (it.hasNext())
            last = it.next().captured(1).toLongLong();
        return last;
    };
    // Let it commit a good number of batches, then kill it mid-stream.
    [&] { QTRY_VERIFY_WITH_TIMEOUT(reported() >= 3000, 30'000); }();
    child.kill(); // SIGKILL
    [&] { QTRY_COMPARE_WITH_TIMEOUT(child.state(), QProcess::NotRunning, 10'000); }();
    output += child.readAllStandardOutput(); // what it printed before dying
    run.lastReported = reported();
    run.wal = path + u"-wal"_s;
    return run;
}

void TestUsageStore::killNineLosesAtMostOneBatch()
{
    const QString path = m_dir->filePath(u"crash.sqlite3"_s);
    const ChildRun run = runChildAndKill(path);
    QVERIFY(run.lastReported >= 3000);
    QVERIFY2(QFile::exists(run.wal), "the child was killed with an open WAL");

    auto store = openStore(u"crash.sqlite3"_s);
    QVERIFY(store);
    store->close();
    Connection c(path);
    QCOMPARE(c.value(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
    const qint64 rows = c.value(u"SELECT COUNT(*) FROM requests"_s).toLongLong();
    // Everything reported committed survived; at most the batch being committed at the
    // moment of the kill (max batch 200) landed without being reported.
    QVERIFY2(rows >= run.lastReported && rows <= run.lastReported + 200,
             qPrintable(u"rows %1, reported %2"_s.arg(rows).arg(run.lastReported)));
    QCOMPARE(c.value(u"SELECT SUM(requests) FROM rollup_daily"_s).toLongLong(), rows);
    QCOMPARE(c.value(u"SELECT COUNT(*) FROM attempts"_s).toLongLong(), rows);
}

void TestUsageStore::tornWalTailReopensCleanly_data()
{
    QTest::addColumn<bool>("truncate");
    QTest::addRow("truncated mid-frame") << true;
    QTest::addRow("garbled tail") << false;
}

void TestUsageStore::tornWalTailReopensCleanly()
{
    QFETCH(bool, truncate);
    const QString path = m_dir->filePath(u"torn.sqlite3"_s);
    const ChildRun run = runChildAndKill(path);
    QFile wal(run.wal);
    QVERIFY(wal.open(QIODevice::ReadWrite));
    const qint64 size = wal.size();
    QVERIFY2(size > 8192, qPrintable(QString::number(size)));
    if (truncate) {
        QVERIFY(wal.resize(size - 1500)); // cuts a 4 KiB page frame in two
    } else {
        QVERIFY(wal.seek(size - 3000));
        QVERIFY(wal.write(QByteArray(3000, '\x5a')) == 3000);
    }
    wal.close();

    auto store = openStore(u"torn.sqlite3"_s);
    QVERIFY(store);
    // The store still writes after recovery.
    store->record(fullRecord(u"after-crash"_s, true));
    QVERIFY(store->flush());
    store->close();

    Connection c(path);
    QCOMPARE(c.value(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
    const qint64 rows = c.value(u"SELECT COUNT(*) FROM requests"_s).toLongLong();
    QVERIFY2(rows >= 1 && rows <= run.lastReported + 201, qPrintable(QString::number(rows)));
    QCOMPARE(c.value(u"SELECT COUNT(*) FROM requests WHERE request_id = 'after-crash'"_s).toInt(), 1);
    // The lost tail took its rollup updates with it: both stay in step.
    QCOMPARE(c.value(u"SELECT SUM(requests) FROM rollup_daily"_s).toLongLong(), rows);
}

void TestUsageStore::rollupsEqualGroupByOverRawRows()
{
    UsageStore::Options options;
    options.maxBatch = 333; // many small transactions, so upserts meet existing rows
    auto store = openStore(u"rollups.sqlite3"_s, options);
    QVERIFY(store);
    const QList<RequestRecord> records = randomRecords(4000, 7);
    for (const RequestRecord &r : records)
        store->record(r);
    QVERIFY(store->flush());
    store->close();

    Connection c(m_dir->filePath(u"rollups.sqlite3"_s));
    const QString sums = u"COUNT(*), SUM(status <> 'ok'), SUM(input_tokens), SUM(cache_read_tokens), "
                         "SUM(cache_write_tokens), SUM(output_tokens), SUM(reasoning_tokens), "
                         "SUM(COALESCE(cost_nano, 0)), SUM(cost_nano IS NULL), SUM(latency_ms)"_s;
    const QString day = u"(time_ms / 86400000 + 2440588)"_s;
    const QList<QStringList> daily = c.rows(
        u"SELECT %1 AS d, provider, node, model, task, route, %2 FROM requests GROUP BY d, provider, node, model, "
        "task, route ORDER BY 1, 2, 3, 4, 5, 6"_s.arg(day, sums));
    const QList<QStringList> weekly = c.rows(
        u"SELECT %1 - %1 % 7 AS w, provider, node, model, task, route, %2 FROM requests GROUP BY w, provider, node, "
        "model, task, route ORDER BY 1, 2, 3, 4, 5, 6"_s.arg(day, sums));
    const QString rollupSums = u"requests, errors, input_tokens, cache_read_tokens, cache_write_tokens, "
                               "output_tokens, reasoning_tokens, cost_nano, unpriced_requests, latency_ms"_s;
    QVERIFY(daily.size() > 500);
    QCOMPARE(c.rows(u"SELECT day, provider, node, model, task, route, %1 FROM rollup_daily ORDER BY 1, 2, 3, 4, 5, 6"_s
                        .arg(rollupSums)),
             daily);
    QCOMPARE(c.rows(u"SELECT week, provider, node, model, task, route, %1 FROM rollup_weekly ORDER BY 1, 2, 3, 4, 5, 6"_s
                        .arg(rollupSums)),
             weekly);
}

void TestUsageStore::querySpendFiltersAndRanges_data()
{
    QTest::addColumn<SpendDimension>("groupBy");
    QTest::addColumn<UsageFilter>("filter");
    // The data runs from Sat 2025-03-01 for 70 days.
    QTest::addRow("model, everything") << SpendDimension::Model << UsageFilter{};
    QTest::addRow("node, whole weeks") << SpendDimension::Node
                                       << UsageFilter{QDate(2025, 3, 3), QDate(2025, 3, 30), {}, {}, {}, {}};
    QTest::addRow("task, cut weeks both ends") << SpendDimension::Task
                                               << UsageFilter{QDate(2025, 3, 5), QDate(2025, 4, 16), {}, {}, {}, {}};
    QTest::addRow("provider, inside one week") << SpendDimension::Provider
                                               << UsageFilter{QDate(2025, 3, 11), QDate(2025, 3, 13), {}, {}, {}, {}};
    QTest::addRow("route, single day") << SpendDimension::Route
                                       << UsageFilter{QDate(2025, 3, 20), QDate(2025, 3, 20), {}, {}, {}, {}};
    QTest::addRow("route, open start") << SpendDimension::Route << UsageFilter{{}, QDate(2025, 3, 26), {}, {}, {}, {}};
    QTest::addRow("model, open end") << SpendDimension::Model << UsageFilter{QDate(2025, 4, 2), {}, {}, {}, {}, {}};
    QTest::addRow("model filter") << SpendDimension::Task
                                  << UsageFilter{QDate(2025, 3, 4), QDate(2025, 4, 27), {u"gpt-4o"_s, u"qwen"_s}, {}, {}, {}};
    QTest::addRow("node filter") << SpendDimension::Model << UsageFilter{{}, {}, {}, {u"workstation"_s}, {}, {}};
    QTest::addRow("task filter incl. none") << SpendDimension::Provider
                                            << UsageFilter{{}, {}, {}, {}, {u"extract"_s, QString()}, {}};
    QTest::addRow("provider + task") << SpendDimension::Route
                                     << UsageFilter{QDate(2025, 3, 9), QDate(2025, 5, 1), {}, {}, {u"classify"_s},
                                                    {u"openai"_s, u"anthropic"_s}};
    QTest::addRow("nothing matches") << SpendDimension::Model << UsageFilter{{}, {}, {u"no-such-model"_s}, {}, {}, {}};
    QTest::addRow("reversed range") << SpendDimension::Model
                                    << UsageFilter{QDate(2025, 4, 1), QDate(2025, 3, 1), {}, {}, {}, {}};
}

void TestUsageStore::querySpendFiltersAndRanges()
{
    QFETCH(SpendDimension, groupBy);
    QFETCH(UsageFilter, filter);
    auto store = openStore(u"spend.sqlite3"_s);
    QVERIFY(store);
    const QList<RequestRecord> records = randomRecords(3000, 11);
    for (const RequestRecord &r : records)
        store->record(r);
    QVERIFY(store->flush());

    const SpendQuery query{filter, groupBy};
    const SpendTable actual = store->querySpend(query).result();
    const SpendTable expected = expectedSpend(records, query);
    QVERIFY2(actual == expected, qPrintable(u"actual:\n"_s + describe(actual) + u"\nexpected:\n"_s + describe(expected)));
    for (const SpendRow &row : actual)
        QCOMPARE(row.weekStart.dayOfWeek(), 1);
    const SpendSums totals = store->queryTotals(filter).result();
    QCOMPARE(totals, totalsOf(expected));
}

void TestUsageStore::queryRequestsPagesNewestFirst()
{
    auto store = openStore(u"log.sqlite3"_s);
    QVERIFY(store);
    const QList<RequestRecord> records = randomRecords(500, 3);
    for (const RequestRecord &r : records)
        store->record(r);
    QVERIFY(store->flush());

    RequestQuery query;
    query.filter.models = {u"gemini"_s};
    query.filter.from = QDate(2025, 3, 10);
    query.limit = 20;
    query.offset = 5;
    const QList<RequestRecord> page = store->queryRequests(query).result();

    QList<RequestRecord> expected;
    for (const RequestRecord &r : records) {
        if (matches(r, query.filter))
            expected.append(r);
    }
    std::stable_sort(expected.begin(), expected.end(),
                     [](const RequestRecord &a, const RequestRecord &b) { return a.time > b.time; });
    QCOMPARE(page.size(), 20);
    for (int i = 0; i < page.size(); ++i) {
        QCOMPARE(page.at(i).time, expected.at(i + 5).time);
        QCOMPARE(page.at(i).model, u"gemini"_s);
        QVERIFY(page.at(i).attemptRecords.isEmpty()); // only on demand
    }
}

void TestUsageStore::repriceChangesCostsAndRollups()
{
    auto store = openStore(u"reprice.sqlite3"_s);
    QVERIFY(store);
    const QList<RequestRecord> records = randomRecords(1500, 5);
    for (const RequestRecord &r : records)
        store->record(r);
    QVERIFY(store->flush());

    // New prices: gpt-4o gets cheaper, qwen becomes priced, gemini loses its price.
    auto price = [](const RequestRecord &r) {
        CostBreakdown c;
        if (r.model == u"gemini"_s)
            return c;
        c.priced = true;
        c.input = r.tokens.inputTokens * (r.model == u"gpt-4o"_s ? 7 : 13);
        c.output = r.tokens.outputTokens * 21;
        c.priceSource = u"config:"_s + r.model;
        return c;
    };
    QList<RequestRecord> repriced = records;
    qint64 expectedChanges = 0;
    for (RequestRecord &r : repriced) {
        const CostBreakdown old = r.cost;
        r.cost = price(r);
        const bool same = old.priced == r.cost.priced && old.priceSource == r.cost.priceSource
            && (!old.priced || old.total() == r.cost.total());
        expectedChanges += same ? 0 : 1 + r.attemptRecords.size(); // attempts carry the request's tokens here
    }
    QFuture<qint64> future = store->reprice(price);
    QCOMPARE(future.result(), expectedChanges);

    const SpendQuery byModel{{}, SpendDimension::Model};
    QCOMPARE(store->querySpend(byModel).result(), expectedSpend(repriced, byModel));
    RequestQuery all;
    all.limit = 5000;
    all.withAttempts = true;
    for (const RequestRecord &r : store->queryRequests(all).result()) {
        QCOMPARE(r.cost.priced, r.model != u"gemini"_s);
        QCOMPARE(r.cost.total(), price(r).total());
        for (const AttemptRecord &a : r.attemptRecords)
            QCOMPARE(a.cost.total(), price(r).total());
    }
    // A second pass changes nothing.
    QCOMPARE(store->reprice(price).result(), qint64(0));
}

void TestUsageStore::repriceScopeLimitsTheDays()
{
    auto store = openStore(u"scope.sqlite3"_s);
    QVERIFY(store);
    const QList<RequestRecord> records = randomRecords(1000, 9);
    for (const RequestRecord &r : records)
        store->record(r);
    QVERIFY(store->flush());
    const UsageFilter scope{QDate(2025, 3, 12), QDate(2025, 3, 25), {}, {}, {}, {}}; // Wed .. Tue: cuts weeks
    auto flat = [](const RequestRecord &) {
        CostBreakdown c;
        c.priced = true;
        c.requests = 1000;
        c.priceSource = u"flat"_s;
        return c;
    };
    QVERIFY(store->reprice(flat, scope).result() > 0);

    QList<RequestRecord> expectedRecords = records;
    for (RequestRecord &r : expectedRecords) {
        if (matches(r, scope))
            r.cost = flat(r);
    }
    for (SpendDimension d : {SpendDimension::Task, SpendDimension::Node}) {
        const SpendQuery q{{}, d};
        const SpendTable actual = store->querySpend(q).result();
        const SpendTable expected = expectedSpend(expectedRecords, q);
        QVERIFY2(actual == expected, qPrintable(describe(actual) + u"\n--\n"_s + describe(expected)));
    }
}

void TestUsageStore::writeFailureKeepsRecordsQueued()
{
    UsageStore::Options options;
    options.batchWindow = std::chrono::milliseconds(10);
    options.busyTimeout = std::chrono::milliseconds(50);
    options.retryInterval = std::chrono::milliseconds(50);
    auto store = openStore(u"locked.sqlite3"_s, options);
    QVERIFY(store);
    QSignalSpy failed(store.get(), &UsageStore::writeFailed);
    QSignalSpy committed(store.get(), &UsageStore::recordsCommitted);

    Connection locker(m_dir->filePath(u"locked.sqlite3"_s));
    QVERIFY(locker.exec(u"BEGIN EXCLUSIVE"_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"cannot write usage records, will retry.*locked"_s));
    for (int i = 0; i < 300; ++i)
        store->record(fullRecord(u"l%1"_s.arg(i), true));
    QVERIFY(failed.wait(10'000));
    QVERIFY(failed.first().at(0).value<Error>().message.contains(u"locked"_s));
    QVERIFY(!store->flush(QDeadlineTimer(200)));
    QCOMPARE(store->pendingCount(), qint64(300));
    QVERIFY(committed.isEmpty());

    QVERIFY(locker.exec(u"ROLLBACK"_s));
    QTRY_COMPARE_WITH_TIMEOUT(store->pendingCount(), qint64(0), 10000);
    QVERIFY(store->flush());
    store->close();
    QCOMPARE(locker.value(u"SELECT COUNT(*) FROM requests"_s).toInt(), 300);
    QCOMPARE(locker.value(u"SELECT COUNT(DISTINCT request_id) FROM requests"_s).toInt(), 300);
}

void TestUsageStore::exportCsvQuotesAndMarksUnpriced()
{
    auto store = openStore(u"export.sqlite3"_s);
    QVERIFY(store);
    RequestRecord priced = fullRecord(u"p,1"_s, true);
    priced.time = utc(2025, 5, 1);
    RequestRecord unpriced = fullRecord(u"u\"2"_s, false);
    unpriced.time = utc(2025, 5, 2);
    unpriced.model = u"mystery, the model"_s;
    RequestRecord outside = fullRecord(u"late"_s, true);
    outside.time = utc(2025, 6, 1);
    for (const RequestRecord &r : {outside, unpriced, priced})
        store->record(r);
    QVERIFY(store->flush());

    const QString file = m_dir->filePath(u"out.csv"_s);
    UsageFilter filter;
    filter.to = QDate(2025, 5, 31);
    QCOMPARE(store->exportCsv(filter, file).result(), qint64(2));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.contains("\"line one, \"\"quoted\"\"\nline two\""));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(bytes));
    QCOMPARE(rows.size(), 3);
    const QStringList header = rows.at(0);
    for (const QStringList &row : rows)
        QCOMPARE(row.size(), header.size());
    auto col = [&header](const QString &name) { return header.indexOf(name); };
    QVERIFY(col(u"cost_usd"_s) >= 0 && col(u"priced"_s) >= 0);
    QCOMPARE(rows.at(1).at(col(u"request_id"_s)), u"p,1"_s); // oldest first
    QCOMPARE(rows.at(1).at(col(u"time"_s)), u"2025-05-01T12:00:00.000Z"_s);
    QCOMPARE(rows.at(1).at(col(u"cost_usd"_s)), u"0.005375019"_s);
    QCOMPARE(rows.at(1).at(col(u"priced"_s)), u"true"_s);
    QCOMPARE(rows.at(1).at(col(u"error"_s)), u"line one, \"quoted\"\nline two"_s);
    QCOMPARE(rows.at(2).at(col(u"request_id"_s)), u"u\"2"_s);
    QCOMPARE(rows.at(2).at(col(u"model"_s)), u"mystery, the model"_s);
    QCOMPARE(rows.at(2).at(col(u"cost_usd"_s)), QString()); // unpriced is empty, never 0
    QCOMPARE(rows.at(2).at(col(u"priced"_s)), u"false"_s);

    // A file that cannot be written fails the future, it does not pretend.
    bool failedAsExpected = false;
    try {
        store->exportCsv(filter, m_dir->filePath(u"no/such/folder/out.csv"_s)).result();
    } catch (const UsageStoreException &e) {
        failedAsExpected = !e.error().message.isEmpty();
    }
    QVERIFY(failedAsExpected);
}

void TestUsageStore::cliSummaryExportAndErrors()
{
    const QString db = m_dir->filePath(u"cli.sqlite3"_s);
    {
        UsageStore store(db);
        Errors errors;
        QVERIFY(store.open(&errors));
        const QDate thisMonday = QDate::currentDate().addDays(1 - QDate::currentDate().dayOfWeek());
        RequestRecord a = fullRecord(u"a"_s, true);
        a.time = QDateTime(thisMonday, QTime(10, 0), QTimeZone::utc());
        RequestRecord b = fullRecord(u"b"_s, false);
        b.model = u"unknown-model"_s;
        b.time = a.time.addDays(-7);
        store.record(a);
        store.record(b);
    }
    auto run = [](const QStringList &args, QByteArray *out = nullptr, QByteArray *err = nullptr) {
        QProcess p;
        p.start(QStringLiteral(SY_GATEWAY_BIN), QStringList{u"usage"_s} + args);
        if (!p.waitForFinished(30'000))
            return -1;
        if (out)
            *out = p.readAllStandardOutput();
        if (err)
            *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };
    QByteArray out, err;
    QCOMPARE(run({u"summary"_s, u"--weeks"_s, u"4"_s, u"--db"_s, db}, &out, &err), 0);
    QVERIFY2(out.contains("gpt-4o") && out.contains("unknown-model") && out.contains("unpriced"), out.constData());
    QCOMPARE(run({u"summary"_s, u"--weeks"_s, u"4"_s, u"--db"_s, db, u"--by"_s, u"task"_s, u"--json"_s}, &out), 0);
    QVERIFY2(out.contains("\"classify\""), out.constData());

    const QString csv = m_dir->filePath(u"cli.csv"_s);
    QCOMPARE(run({u"export"_s, u"--csv"_s, csv, u"--db"_s, db, u"--model"_s, u"gpt-4o"_s}, &out, &err), 0);
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(parseCsv(QString::fromUtf8(f.readAll())).size(), 2);

    const QString missing = m_dir->filePath(u"missing.sqlite3"_s);
    QCOMPARE(run({u"summary"_s, u"--weeks"_s, u"4"_s, u"--db"_s, missing}, &out, &err), 1);
    QVERIFY2(err.contains("missing.sqlite3"), err.constData());
    QVERIFY(!QFile::exists(missing));
    QCOMPARE(run({u"summary"_s, u"--weeks"_s, u"zero"_s, u"--db"_s, db}, &out, &err), 2);
    QCOMPARE(run({u"summary"_s, u"--weeks"_s, u"4"_s, u"--by"_s, u"colour"_s, u"--db"_s, db}, &out, &err), 2);
    QCOMPARE(run({u"export"_s, u"--csv"_s, csv, u"--from"_s, u"2025-13-01"_s, u"--db"_s, db}, &out, &err), 2);
    QCOMPARE(run({u"export"_s, u"--db"_s, db}, &out, &err), 2);
    QCOMPARE(run({u"frobnicate"_s}, &out, &err), 2);
}

QTEST_GUILESS_MAIN(TestUsageStore)
#include "tst_usagestore.moc"
