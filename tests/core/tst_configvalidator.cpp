// SPDX-License-Identifier: MIT
// Golden folders: tests/data/config/{valid,invalid}/<case>/config.json; invalid cases also
// hold errors.txt with every expected error, one "path: message" per line, in order.
// SY_UPDATE_GOLDEN=1 rewrites errors.txt from the current output (review the diff!).
#include "core/config/configio.h"
#include "core/config/configvalidator.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Switchyard;
using namespace Qt::StringLiterals;

class TestConfigValidator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void validCases_data();
    void validCases();
    void invalidCases_data();
    void invalidCases();
    void secretIsNeverEchoed();
    void modelLookupDecidesUnlistedModels();
    void cycleThroughUnscopedRule();
};

static QString dataDir(const QString &kind)
{
    return QStringLiteral(SY_TEST_DATA_DIR "/config/") + kind;
}

static void addCases(const QString &kind)
{
    QTest::addColumn<QString>("dir");
    const QDir dir(dataDir(kind));
    const QStringList cases = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY2(!cases.isEmpty(), qPrintable(dir.path()));
    for (const QString &c : cases)
        QTest::newRow(qPrintable(c)) << dir.filePath(c);
}

void TestConfigValidator::validCases_data()
{
    addCases(u"valid"_s);
}

void TestConfigValidator::validCases()
{
    QFETCH(QString, dir);
    const ConfigLoadResult result = ConfigIo::loadFile(dir + u"/config.json"_s);
    QStringList lines;
    for (const Error &e : result.errors)
        lines.append(e.toString());
    QVERIFY2(result.ok(), qPrintable(lines.join(u'\n')));
}

void TestConfigValidator::invalidCases_data()
{
    addCases(u"invalid"_s);
}

void TestConfigValidator::invalidCases()
{
    QFETCH(QString, dir);
    const ConfigLoadResult result = ConfigIo::loadFile(dir + u"/config.json"_s);
    QVERIFY(!result.ok());
    QStringList actual;
    for (const Error &e : result.errors)
        actual.append(e.toString());

    QFile expectedFile(dir + u"/errors.txt"_s);
    if (qEnvironmentVariableIsSet("SY_UPDATE_GOLDEN")) {
        QVERIFY(expectedFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
        expectedFile.write((actual.join(u'\n') + u'\n').toUtf8());
        return;
    }
    QVERIFY2(expectedFile.open(QIODevice::ReadOnly), qPrintable(u"missing errors.txt; actual:\n"_s + actual.join(u'\n')));
    const QStringList expected = QString::fromUtf8(expectedFile.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(actual, expected);
}

void TestConfigValidator::secretIsNeverEchoed()
{
    const QByteArray secret = "sk-live-0123456789abcdef";
    const ConfigLoadResult result = ConfigIo::parse(
        R"({"version":1,"providers":[{"id":"o","kind":"openai","baseUrl":"https://x.example","apiKey":")" + secret + "\"}]}");
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().path, u"providers[0].apiKey"_s);
    QVERIFY(result.errors.first().message.startsWith(u"secret written in clear"_s));
    QVERIFY(!result.errors.first().message.contains(QString::fromLatin1(secret)));
}

void TestConfigValidator::modelLookupDecidesUnlistedModels()
{
    Config config;
    ProviderConfig provider;
    provider.id = u"p"_s;
    provider.kind = u"openai"_s;
    provider.baseUrl = u"https://p.example/v1"_s;
    provider.catalogId = u"cat"_s;
    config.providers.append(provider);
    Rung known, unknown;
    known.target = u"p/known"_s;
    unknown.target = u"p/unknown"_s;
    RouteConfig route;
    route.name = u"r"_s;
    route.ladder = {known, unknown};
    config.routes.append(route);
    const ConfigValidator validator([](const QString &provider, const QString &model) {
        if (provider != u"cat")
            return ConfigValidator::ModelKnowledge::ProviderUnknown;
        return model == u"known" ? ConfigValidator::ModelKnowledge::Known : ConfigValidator::ModelKnowledge::Unknown;
    });
    const Errors errors = validator.validate(config);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().path, u"routes[0].ladder[1].target"_s);

    // A provider the catalog has never heard of cannot be second-guessed.
    config.providers.first().catalogId = u"elsewhere"_s;
    QVERIFY(validator.validate(config).isEmpty());
    // Nor can anything be checked without a lookup.
    config.providers.first().catalogId = u"cat"_s;
    QVERIFY(ConfigValidator().validate(config).isEmpty());
}

void TestConfigValidator::cycleThroughUnscopedRule()
{
    // A rule without `when.model` applies to every route but the one it sends to: alone it
    // cannot loop; chained with a scoped rule that leads back, it does.
    const QByteArray alone = R"({"version":1,
        "providers":[{"id":"sim","kind":"simulated"}],
        "routes":[{"name":"a","ladder":[{"target":"sim/x"}]},{"name":"b","ladder":[{"target":"sim/y"}]}],
        "rules":[{"when":{"task":"t"},"use":"route/a"}]})";
    QVERIFY(ConfigIo::parse(alone).ok());
    QByteArray chained = alone;
    chained.replace(R"("rules":[)", R"("rules":[{"when":{"model":"route/a"},"use":"route/b"},)");
    const ConfigLoadResult result = ConfigIo::parse(chained);
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().toString(), u"rules[1].use: cyclic rule: route/a → route/b → route/a never ends"_s);
}

QTEST_GUILESS_MAIN(TestConfigValidator)
#include "tst_configvalidator.moc"
