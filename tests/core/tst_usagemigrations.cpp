// SPDX-License-Identifier: MIT
#include "core/usage/usagemigrations.h"
#include "core/usage/usagestore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchyard;

namespace {

/// A raw connection for the test thread, removed when it goes out of scope.
class Connection
{
public:
    explicit Connection(const QString &path)
        : m_name(u"test-%1"_s.arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
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
        if (!q.exec(sql) || !q.next())
            return QVariant();
        return q.value(0);
    }
    bool exec(const QString &sql) const
    {
        QSqlQuery q(db());
        const bool ok = q.exec(sql);
        if (!ok)
            qInfo() << sql << q.lastError().text();
        return ok;
    }
    QStringList schema() const
    {
        QStringList out;
        QSqlQuery q(db());
        q.exec(u"SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master ORDER BY type, name"_s);
        while (q.next())
            out.append(q.value(0).toString());
        return out;
    }

private:
    static inline int s_count = 0;
    QString m_name;
};

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestUsageMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void freshDatabaseGetsLatestSchema();
    void oldVersionIsMigratedKeepingRows();
    void newerVersionIsRefusedAndUntouched();
    void nonDatabaseFileIsRefused_data();
    void nonDatabaseFileIsRefused();
    void migrationIsIdempotent();

private:
    QTemporaryDir m_dir;
};

void TestUsageMigrations::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
    QVERIFY(m_dir.isValid());
}

void TestUsageMigrations::freshDatabaseGetsLatestSchema()
{
    const QString path = m_dir.filePath(u"fresh/sub/usage.sqlite3"_s);
    {
        UsageStore store(path);
        Errors errors;
        QVERIFY2(store.open(&errors), qPrintable(errors.value(0).toString()));
    }
    Connection c(path);
    QCOMPARE(c.value(u"PRAGMA user_version"_s).toInt(), UsageMigrations::kLatestVersion);
    QCOMPARE(c.value(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    for (const QString &table : {u"requests"_s, u"attempts"_s, u"rollup_daily"_s, u"rollup_weekly"_s}) {
        QVERIFY2(c.value(u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'"_s.arg(table)).toInt() == 1,
                 qPrintable(table));
    }
    for (const QString &index : {u"idx_requests_time"_s, u"idx_requests_model_time"_s, u"idx_requests_task_time"_s,
                                 u"idx_attempts_request"_s}) {
        QVERIFY2(c.value(u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = '%1'"_s.arg(index)).toInt() == 1,
                 qPrintable(index));
    }
}

void TestUsageMigrations::oldVersionIsMigratedKeepingRows()
{
    const QString path = m_dir.filePath(u"v1.sqlite3"_s);
    {
        Connection c(path);
        QSqlDatabase db = c.db();
        Error error;
        QVERIFY2(UsageMigrations::migrateTo(db, 1, &error), qPrintable(error.toString()));
        QCOMPARE(c.value(u"PRAGMA user_version"_s).toInt(), 1);
        QCOMPARE(c.value(u"SELECT COUNT(*) FROM sqlite_master WHERE name = 'rollup_daily'"_s).toInt(), 0);
        // 2024-03-04 is a Monday; 2024-03-10 the Sunday of the same week.
        QVERIFY(c.exec(u"INSERT INTO requests (id, request_id, time_ms, task, provider, model, status, input_tokens, "
                       "output_tokens, cost_nano, priced, cost_input_nano, latency_ms) VALUES "
                       "(1, 'a', 1709510400000, 'classify', 'openai', 'gpt-4o', 'ok', 100, 10, 500, 1, 500, 120), "
                       "(2, 'b', 1710028800000, 'classify', 'openai', 'gpt-4o', 'error', 50, 0, NULL, 0, 0, 80), "
                       "(3, 'c', 1710115200000, 'summarize', '', 'llama', 'ok', 7, 3, 0, 1, 0, 40)"_s));
        QVERIFY(c.exec(u"INSERT INTO attempts (request_row, rung, provider, model, outcome) VALUES "
                       "(1, 0, 'openai', 'gpt-4o', 'ok'), (2, 0, 'openai', 'gpt-4o', 'failed')"_s));
    }

    UsageStore store(path);
    Errors errors;
    QVERIFY2(store.open(&errors), qPrintable(errors.value(0).toString()));
    store.close();

    Connection c(path);
    QCOMPARE(c.value(u"PRAGMA user_version"_s).toInt(), UsageMigrations::kLatestVersion);
    QCOMPARE(c.value(u"SELECT COUNT(*) FROM requests"_s).toInt(), 3);
    QCOMPARE(c.value(u"SELECT COUNT(*) FROM attempts"_s).toInt(), 2);
    QCOMPARE(c.value(u"SELECT group_concat(request_id, ',') FROM (SELECT request_id FROM requests ORDER BY id)"_s)
                 .toString(),
             u"a,b,c"_s);
    // The rollups start out complete for the rows that were already there.
    QCOMPARE(c.value(u"SELECT SUM(requests) FROM rollup_daily"_s).toInt(), 3);
    QCOMPARE(c.value(u"SELECT COUNT(*) FROM rollup_weekly"_s).toInt(), 2); // (week, openai/gpt-4o), (week+7, llama)
    QCOMPARE(c.value(u"SELECT requests || '/' || errors || '/' || input_tokens || '/' || cost_nano || '/' || "
                     "unpriced_requests FROM rollup_weekly WHERE model = 'gpt-4o'"_s)
                 .toString(),
             u"2/1/150/500/1"_s);
    QCOMPARE(c.value(u"SELECT week FROM rollup_weekly WHERE model = 'gpt-4o'"_s).toLongLong(),
             QDate(2024, 3, 4).toJulianDay());
}

void TestUsageMigrations::newerVersionIsRefusedAndUntouched()
{
    const QString path = m_dir.filePath(u"newer.sqlite3"_s);
    {
        Connection c(path);
        QVERIFY(c.exec(u"CREATE TABLE future (x INTEGER)"_s));
        QVERIFY(c.exec(u"INSERT INTO future VALUES (42)"_s));
        QVERIFY(c.exec(u"PRAGMA user_version = %1"_s.arg(UsageMigrations::kLatestVersion + 1)));
    }
    const QByteArray before = fileHash(path);
    QVERIFY(!before.isEmpty());

    UsageStore store(path);
    Errors errors;
    QVERIFY(!store.open(&errors));
    QVERIFY(!store.isOpen());
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().message.contains(u"newer"_s), qPrintable(errors.first().toString()));
    QVERIFY2(errors.first().message.contains(QString::number(UsageMigrations::kLatestVersion + 1)),
             qPrintable(errors.first().toString()));
    QCOMPARE(fileHash(path), before);

    Connection c(path);
    QCOMPARE(c.value(u"PRAGMA journal_mode"_s).toString(), u"delete"_s);
    QCOMPARE(c.value(u"SELECT COUNT(*) FROM sqlite_master WHERE name = 'requests'"_s).toInt(), 0);
}

void TestUsageMigrations::nonDatabaseFileIsRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addRow("text") << QByteArray("this is a text file, not a database\n").repeated(200);
    QTest::addRow("json") << QByteArray(R"({"version": 1, "providers": []})");
    QByteArray header("SQLite format 3\0", 16);
    QTest::addRow("garbled header") << header + QByteArray(4096, '\xff');
}

void TestUsageMigrations::nonDatabaseFileIsRefused()
{
    QFETCH(QByteArray, content);
    const QString path = m_dir.filePath(u"notadb-%1"_s.arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    UsageStore store(path);
    Errors errors;
    QVERIFY(!store.open(&errors));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().path, path);
    QVERIFY2(errors.first().message.contains(u"not a SQLite database"_s)
                 || errors.first().message.contains(u"malformed"_s),
             qPrintable(errors.first().toString()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), content);
}

void TestUsageMigrations::migrationIsIdempotent()
{
    const QString path = m_dir.filePath(u"twice.sqlite3"_s);
    QStringList schemaAfterFirst;
    {
        Connection c(path);
        QSqlDatabase db = c.db();
        Error error;
        QVERIFY2(UsageMigrations::migrate(db, &error), qPrintable(error.toString()));
        schemaAfterFirst = c.schema();
        QVERIFY(c.exec(u"INSERT INTO requests (request_id, time_ms, model, status) VALUES ('x', 0, 'm', 'ok')"_s));
        QVERIFY2(UsageMigrations::migrate(db, &error), qPrintable(error.toString()));
        QVERIFY2(UsageMigrations::migrate(db, &error), qPrintable(error.toString()));
        QCOMPARE(c.schema(), schemaAfterFirst);
        QCOMPARE(c.value(u"SELECT COUNT(*) FROM requests"_s).toInt(), 1);
    }
    for (int i = 0; i < 2; ++i) {
        UsageStore store(path);
        Errors errors;
        QVERIFY2(store.open(&errors), qPrintable(errors.value(0).toString()));
    }
    Connection c(path);
    QCOMPARE(c.schema(), schemaAfterFirst);
    QCOMPARE(c.value(u"PRAGMA user_version"_s).toInt(), UsageMigrations::kLatestVersion);
    QCOMPARE(c.value(u"SELECT COUNT(*) FROM requests"_s).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestUsageMigrations)
#include "tst_usagemigrations.moc"
