// SPDX-License-Identifier: MIT
// Drives the real switchyard-gateway binary: init and check-config.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run gateway(const QStringList &args, const QByteArray &stdinData = {})
{
    QProcess p;
    p.start(QStringLiteral(SY_GATEWAY_BIN), args);
    if (!p.waitForStarted(10000))
        return {};
    p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

} // namespace

class TestGatewayCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void usageAndUnknownCommand();
    void checkConfigValid();
    void checkConfigReportsEveryError();
    void checkConfigBadArguments_data();
    void checkConfigBadArguments();
    void checkConfigNeverEchoesSecrets();
    void initCreatesThenKeeps();
    void initRefusesBrokenConfigAndLeavesIt();
};

void TestGatewayCli::usageAndUnknownCommand()
{
    Run r = gateway({});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(u"Usage: switchyard-gateway <command>"_s));
    r = gateway({u"--help"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(u"check-config"_s));
    r = gateway({u"frobnicate"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(u"unknown command 'frobnicate'"_s));
}

void TestGatewayCli::checkConfigValid()
{
    const QString file = QStringLiteral(SY_TEST_DATA_DIR "/config/valid/full/config.json");
    const Run r = gateway({u"check-config"_s, file});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(file + u": OK (5 providers, 2 nodes, 2 routes, 3 rules, 1 pipelines"_s), qPrintable(r.out));
    QVERIFY(r.err.isEmpty());
}

void TestGatewayCli::checkConfigReportsEveryError()
{
    const QString dir = QStringLiteral(SY_TEST_DATA_DIR "/config/invalid/many-errors");
    const Run r = gateway({u"check-config"_s, dir + u"/config.json"_s});
    QCOMPARE(r.exitCode, 1);
    const QStringList expected = QString::fromUtf8(readFile(dir + u"/errors.txt"_s)).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(expected.size() > 10);
    for (const QString &line : expected)
        QVERIFY2(r.err.contains(dir + u"/config.json: "_s + line), qPrintable(line));
    QVERIFY(r.err.contains(u"%1 errors"_s.arg(expected.size())));
}

void TestGatewayCli::checkConfigBadArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no file") << QStringList{u"check-config"_s} << 2 << u"check-config needs exactly one FILE"_s;
    QTest::newRow("two files") << QStringList{u"check-config"_s, u"a"_s, u"b"_s} << 2 << u"exactly one FILE"_s;
    QTest::newRow("unknown option") << QStringList{u"check-config"_s, u"--frob"_s, u"x"_s} << 2 << u"Unknown option 'frob'"_s;
    QTest::newRow("missing file") << QStringList{u"check-config"_s, u"/nonexistent/c.json"_s} << 1
                                  << u"cannot read /nonexistent/c.json"_s;
}

void TestGatewayCli::checkConfigBadArguments()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run r = gateway(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TestGatewayCli::checkConfigNeverEchoesSecrets()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"c.json"_s);
    writeFile(file, R"({"version":1,"providers":[{"id":"o","kind":"openai","baseUrl":"https://x.example","apiKey":"sk-proj-VERYSECRET123"}]})");
    const Run r = gateway({u"check-config"_s, file});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(u"providers[0].apiKey: secret written in clear"_s));
    QVERIFY(!r.err.contains(u"VERYSECRET"_s));
    QVERIFY(!r.out.contains(u"VERYSECRET"_s));
}

void TestGatewayCli::initCreatesThenKeeps()
{
    QTemporaryDir dir;
    const QString config = dir.filePath(u"cfg/config.json"_s);
    const QString db = dir.filePath(u"data/usage.sqlite3"_s);
    Run r = gateway({u"init"_s, u"--config"_s, config, u"--db"_s, db});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(u"configuration: created "_s + config));
    QVERIFY(r.out.contains(u"usage database: created "_s + db));
    QVERIFY(QFile::exists(db));
    QCOMPARE(gateway({u"check-config"_s, config}).exitCode, 0);

    // Edits survive a second init.
    QByteArray edited = readFile(config).replace("127.0.0.1:4000", "127.0.0.1:4555");
    writeFile(config, edited);
    r = gateway({u"init"_s, u"--config"_s, config, u"--db"_s, db});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(u"listening on 127.0.0.1:4555"_s));
    QVERIFY(r.out.contains(u"usage database: opened "_s + db));
    QCOMPARE(readFile(config), edited);
}

void TestGatewayCli::initRefusesBrokenConfigAndLeavesIt()
{
    QTemporaryDir dir;
    const QString config = dir.filePath(u"config.json"_s);
    const QByteArray broken = "{ \"version\": 1, \"gateway\": { \"listen\": ";
    writeFile(config, broken);
    const Run r = gateway({u"init"_s, u"--config"_s, config, u"--db"_s, dir.filePath(u"u.sqlite3"_s)});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(u"not valid JSON"_s));
    QVERIFY(r.err.contains(u"it was left unchanged"_s));
    QCOMPARE(readFile(config), broken);
    QVERIFY(!QFile::exists(dir.filePath(u"u.sqlite3"_s)));
}

QTEST_GUILESS_MAIN(TestGatewayCli)
#include "tst_gatewaycli.moc"
