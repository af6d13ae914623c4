// SPDX-License-Identifier: MIT
// `switchyard-gateway cost` and `catalog`, run as the real binary: output, exit codes, messages.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

QString dataPath(const QString &name)
{
    return QStringLiteral(SY_TEST_DATA_DIR "/pricing/") + name;
}

Run gateway(const QStringList &args, const QByteArray &stdinData = {})
{
    QProcess process;
    process.start(QStringLiteral(SY_GATEWAY_BIN), args);
    if (!process.waitForStarted(10'000))
        return {};
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(30'000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCostCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void textBreakdown_data();
    void textBreakdown();
    void jsonBreakdown();
    void readsStdin();
    void configPrices();
    void failures_data();
    void failures();
    void catalogShow();
    void catalogBuild();
    void catalogBuildRejectsBadData();
};

void TestCostCli::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
}

void TestCostCli::textBreakdown_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("golden");

    // gpt-4o: 500 uncached x 2.5 = 0.00125, 1500 cached x 1.25 = 0.001875, 500 out x 10 = 0.005.
    QTest::addRow("openai response")
        << QStringList{u"--provider"_s, u"openai"_s, u"--model"_s, u"gpt-4o-2024-08-06"_s, u"--at"_s,
                       u"2025-01-01T00:00:00Z"_s, u"--usage"_s, dataPath(u"cli/openai-response.json"_s)}
        << u"cli/openai-gpt-4o.txt"_s;
    // claude-haiku-4-5: 100 x 1, 3000 x 0.1, 1500 x 1.25 + 500 x 2, 400 x 5 (USD per MTok).
    QTest::addRow("anthropic usage block, flavor from provider")
        << QStringList{u"--provider"_s, u"anthropic"_s, u"--model"_s, u"claude-haiku-4-5"_s, u"--at"_s,
                       u"2025-01-01"_s, u"--usage"_s, dataPath(u"cli/anthropic-usage.json"_s)}
        << u"cli/anthropic-haiku.txt"_s;
}

void TestCostCli::textBreakdown()
{
    QFETCH(QStringList, args);
    QFETCH(QString, golden);
    const Run run = gateway(QStringList{u"cost"_s} + args);
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QString::fromUtf8(readFile(dataPath(golden))));
}

void TestCostCli::jsonBreakdown()
{
    const Run run = gateway({u"cost"_s, u"--provider"_s, u"openai"_s, u"--model"_s, u"gpt-4o"_s, u"--at"_s,
                             u"2025-01-01T00:00:00Z"_s, u"--usage"_s, dataPath(u"cli/openai-response.json"_s), u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    QJsonParseError parseError;
    const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8(), &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(o.value("priced"_L1).toBool(), true);
    QCOMPARE(o.value("priceSource"_L1).toString(), u"catalog:openai/gpt-4o"_s);
    QCOMPARE(o.value("matchedModel"_L1).toString(), u"gpt-4o"_s);
    QCOMPARE(o.value("at"_L1).toString(), u"2025-01-01T00:00:00Z"_s);
    // 1,250,000 + 1,875,000 + 5,000,000 nano-USD.
    QCOMPARE(o.value("totalNanoUsd"_L1).toInteger(), 8'125'000);
    QCOMPARE(o.value("totalUsd"_L1).toDouble(), 0.008125);
    const QJsonObject parts = o.value("parts"_L1).toObject();
    QCOMPARE(parts.value("input"_L1).toObject().value("tokens"_L1).toInteger(), 500);
    QCOMPARE(parts.value("cacheRead"_L1).toObject().value("nanoUsd"_L1).toInteger(), 1'875'000);
    QCOMPARE(parts.value("output"_L1).toObject().value("usd"_L1).toDouble(), 0.005);
    QCOMPARE(o.value("usage"_L1).toObject().value("reasoningTokens"_L1).toInteger(), 100);
}

void TestCostCli::readsStdin()
{
    // `--usage -` is the default; o3 in July 2025: 1000 x 2 + 1000 x 8 -> 0.010 USD.
    const Run run = gateway({u"cost"_s, u"--provider"_s, u"openai"_s, u"--model"_s, u"o3"_s, u"--at"_s,
                             u"2025-07-01T00:00:00Z"_s, u"--json"_s},
                            R"({"prompt_tokens": 1000, "completion_tokens": 1000})");
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(o.value("totalNanoUsd"_L1).toInteger(), 10'000'000);
    QCOMPARE(o.value("priceSet"_L1).toObject().value("constraint"_L1).toString(), u"from 2025-06-10"_s);
}

void TestCostCli::configPrices()
{
    // work/gpt-4o is configured at input 1, output 2, cachedInput 0.5:
    // 500 x 1 + 1500 x 0.5 + 500 x 2 = 0.0005 + 0.00075 + 0.001 = 0.00225 USD.
    const Run run = gateway({u"cost"_s, u"--config"_s, dataPath(u"cli/config.json"_s), u"--provider"_s, u"work"_s,
                             u"--model"_s, u"gpt-4o"_s, u"--at"_s, u"2025-01-01"_s, u"--usage"_s,
                             dataPath(u"cli/openai-response.json"_s), u"--json"_s});
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(o.value("priceSource"_L1).toString(), u"config:work/gpt-4o"_s);
    QCOMPARE(o.value("totalNanoUsd"_L1).toInteger(), 2'250'000);

    // Another model of the same configured provider is priced from its catalogId, openai:
    // o3 in January 2025, 10 + 40 per MTok for 1000 + 1000 tokens -> 0.05 USD.
    const Run catalogRun = gateway({u"cost"_s, u"--config"_s, dataPath(u"cli/config.json"_s), u"--provider"_s, u"work"_s,
                                    u"--model"_s, u"o3"_s, u"--at"_s, u"2025-01-01"_s, u"--json"_s},
                                   R"({"prompt_tokens": 1000, "completion_tokens": 1000})");
    QCOMPARE(catalogRun.exitCode, 0);
    const QJsonObject c = QJsonDocument::fromJson(catalogRun.out.toUtf8()).object();
    QCOMPARE(c.value("priceSource"_L1).toString(), u"catalog:openai/o3"_s);
    QCOMPARE(c.value("totalNanoUsd"_L1).toInteger(), 50'000'000);
}

void TestCostCli::failures_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("stdinData");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    const QStringList gpt4o{u"cost"_s, u"--provider"_s, u"openai"_s, u"--model"_s, u"gpt-4o"_s};
    const QByteArray usage = R"({"prompt_tokens": 10, "completion_tokens": 5})";
    QTest::addRow("bad --at") << gpt4o + QStringList{u"--at"_s, u"next tuesday"_s} << usage << 2
        << u"--at 'next tuesday' is not an ISO-8601 date or time"_s;
    QTest::addRow("missing --provider") << QStringList{u"cost"_s, u"--model"_s, u"gpt-4o"_s} << usage << 2
        << u"--provider is required"_s;
    QTest::addRow("missing --model") << QStringList{u"cost"_s, u"--provider"_s, u"openai"_s} << usage << 2
        << u"--model is required"_s;
    QTest::addRow("unknown flavor") << gpt4o + QStringList{u"--flavor"_s, u"gemini"_s} << usage << 2
        << u"unknown --flavor 'gemini'"_s;
    QTest::addRow("unknown option") << gpt4o + QStringList{u"--bogus"_s} << usage << 2 << u"bogus"_s;
    QTest::addRow("malformed JSON file") << gpt4o + QStringList{u"--usage"_s, dataPath(u"cli/malformed.json"_s)}
        << QByteArray() << 1 << u"malformed.json: malformed JSON at offset"_s;
    QTest::addRow("malformed JSON on stdin") << gpt4o << QByteArray("{\"prompt_tokens\": ") << 1
        << u"stdin: malformed JSON"_s;
    QTest::addRow("not an object") << gpt4o << QByteArray("[1, 2]") << 1 << u"expected a JSON object"_s;
    QTest::addRow("missing required usage field")
        << gpt4o + QStringList{u"--usage"_s, dataPath(u"cli/missing-field.json"_s)} << QByteArray() << 1
        << u"completion_tokens: required usage field missing"_s;
    QTest::addRow("anthropic usage read as chat")
        << gpt4o + QStringList{u"--usage"_s, dataPath(u"cli/anthropic-usage.json"_s)} << QByteArray() << 1
        << u"prompt_tokens: required usage field missing"_s;
    QTest::addRow("missing file") << gpt4o + QStringList{u"--usage"_s, dataPath(u"cli/no-such-file.json"_s)}
        << QByteArray() << 1 << u"cannot read"_s;
    QTest::addRow("unpriced model")
        << QStringList{u"cost"_s, u"--provider"_s, u"openai"_s, u"--model"_s, u"gpt-nope"_s} << usage << 1
        << u"unpriced: no price for openai/gpt-nope in the configuration or the catalog"_s;
    QTest::addRow("unknown provider")
        << QStringList{u"cost"_s, u"--provider"_s, u"acme"_s, u"--model"_s, u"gpt-4o"_s} << usage << 1
        << u"unknown provider 'acme'"_s;
    QTest::addRow("broken config")
        << gpt4o + QStringList{u"--config"_s, dataPath(u"cli/malformed.json"_s)} << usage << 1 << u"malformed.json"_s;
}

void TestCostCli::failures()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, stdinData);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run run = gateway(args, stdinData);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    if (exitCode == 2)
        QCOMPARE(run.out, QString()); // nothing half-printed
}

void TestCostCli::catalogShow()
{
    const Run run = gateway({u"catalog"_s, u"show"_s, u"openai/o3-2025-04-16"_s, u"--at"_s, u"2025-07-01"_s});
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(u"openai/o3-2025-04-16 -> openai/o3 (o3)\n"_s), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"* set 2, from 2025-06-10\n"_s), qPrintable(run.out));
    QVERIFY(run.out.contains(u"  set 1, default (no later set in force)\n"_s));

    const Run unknown = gateway({u"catalog"_s, u"show"_s, u"openai/gpt-nope"_s});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.err.contains(u"no catalog model of openai matches 'gpt-nope'"_s));
    QCOMPARE(gateway({u"catalog"_s, u"show"_s, u"gpt-4o"_s}).exitCode, 2);
    QCOMPARE(gateway({u"catalog"_s, u"frobnicate"_s}).exitCode, 2);
}

void TestCostCli::catalogBuild()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(u"prices.json"_s);
    const Run run = gateway({u"catalog"_s, u"build"_s, u"--from"_s, dataPath(u"test-catalog.json"_s), u"--out"_s, out,
                             u"--source"_s, u"unit test"_s});
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith(u"wrote "_s));
    QVERIFY(run.out.contains(u"5 providers, 12 models"_s));
    const QJsonObject catalog = QJsonDocument::fromJson(readFile(out)).object();
    QCOMPARE(catalog.value("format"_L1).toString(), u"switchyard-price-catalog"_s);
    QCOMPARE(catalog.value("source"_L1).toString(), u"unit test"_s);

    // The built file is a catalog the cost command accepts.
    const Run cost = gateway({u"cost"_s, u"--catalog"_s, out, u"--provider"_s, u"deepseek"_s, u"--model"_s,
                              u"deepseek-chat"_s, u"--at"_s, u"2025-03-01T20:00:00Z"_s, u"--json"_s},
                             R"({"prompt_tokens": 1000000, "completion_tokens": 0})");
    QCOMPARE(cost.exitCode, 0);
    // Off-peak: 1,000,000 x 0.135 USD/MTok.
    QCOMPARE(QJsonDocument::fromJson(cost.out.toUtf8()).object().value("totalNanoUsd"_L1).toInteger(), 135'000'000);
}

void TestCostCli::catalogBuildRejectsBadData()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString bad = dir.filePath(u"data.json"_s);
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"([{"id":"p","models":[{"id":"m","match":{"equals":"m"},"prices":{"input_mtok":"cheap"}}]}])");
    file.close();
    const QString out = dir.filePath(u"prices.json"_s);
    const Run run = gateway({u"catalog"_s, u"build"_s, u"--from"_s, bad, u"--out"_s, out});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"[0].models[0].prices.input_mtok: bad price value"_s), qPrintable(run.err));
    QVERIFY(!QFile::exists(out)); // nothing written

    QCOMPARE(gateway({u"catalog"_s, u"build"_s, u"--from"_s, bad}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCostCli)
#include "tst_costcli.moc"
