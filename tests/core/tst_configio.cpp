// SPDX-License-Identifier: MIT
#include "core/config/configio.h"
#include "core/config/defaultconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchyard;
using namespace Qt::StringLiterals;

class TestConfigIo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void defaultConfigIsValidAndWorksWithoutKeys();
    void roundTrip_data();
    void roundTrip();
    void malformedJsonNamesLineAndColumn();
    void notAnObject();
    void unreadableFile();
    void saveIsAtomicAndReportsFailure();
};

void TestConfigIo::defaultConfigIsValidAndWorksWithoutKeys()
{
    const ConfigLoadResult result = ConfigIo::parse(DefaultConfig::json());
    QVERIFY2(result.ok(), qPrintable(result.errors.value(0).toString()));
    const Config &c = *result.config;
    QCOMPARE(c.gateway.listen, u"127.0.0.1:4000"_s);
    QVERIFY(c.gateway.keys.isEmpty());
    for (const ProviderConfig &p : c.providers) {
        if (p.kind != u"simulated")
            QVERIFY2(p.apiKey.startsWith(u"env:"_s), qPrintable(p.id));
    }
    const ProviderConfig *sim = c.provider(u"simulated"_s);
    QVERIFY(sim);
    QCOMPARE(sim->kind, u"simulated"_s);
    const RouteConfig *auto_ = c.route(u"auto"_s);
    QVERIFY(auto_);
    for (const Rung &rung : auto_->ladder)
        QVERIFY2(rung.target.startsWith(u"simulated/"_s), "the default route must work without any key");
}

void TestConfigIo::roundTrip_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("default") << DefaultConfig::json();
    QFile full(QStringLiteral(SY_TEST_DATA_DIR "/config/valid/full/config.json"));
    QVERIFY(full.open(QIODevice::ReadOnly));
    QTest::newRow("full") << full.readAll();
}

void TestConfigIo::roundTrip()
{
    QFETCH(QByteArray, json);
    const ConfigLoadResult first = ConfigIo::parse(json);
    QVERIFY(first.ok());
    const QByteArray written = ConfigIo::serialize(*first.config);
    const ConfigLoadResult second = ConfigIo::parse(written);
    QVERIFY2(second.ok(), qPrintable(second.errors.value(0).toString()));
    QCOMPARE(*second.config, *first.config);
    QCOMPARE(ConfigIo::serialize(*second.config), written);
}

void TestConfigIo::malformedJsonNamesLineAndColumn()
{
    const ConfigLoadResult result = ConfigIo::parse("{\n  \"version\": 1,\n  \"gateway\": { \"listen\": }\n}");
    QVERIFY(!result.ok());
    QCOMPARE(result.errors.size(), 1);
    QVERIFY2(result.errors.first().message.contains(u"line 3"_s), qPrintable(result.errors.first().message));
}

void TestConfigIo::notAnObject()
{
    const ConfigLoadResult result = ConfigIo::parse("[1, 2]");
    QCOMPARE(result.errors, Errors{Error({}, u"the configuration must be a JSON object"_s)});
}

void TestConfigIo::unreadableFile()
{
    const ConfigLoadResult result = ConfigIo::loadFile(u"/nonexistent/switchyard/config.json"_s);
    QVERIFY(!result.ok());
    QVERIFY(result.errors.first().message.startsWith(u"cannot read /nonexistent/switchyard/config.json"_s));
}

void TestConfigIo::saveIsAtomicAndReportsFailure()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"sub/config.json"_s);
    Config config = DefaultConfig::config();
    Error error;
    QVERIFY(ConfigIo::saveFile(config, path, &error));
    QVERIFY(ConfigIo::loadFile(path).ok());

    // A path under a regular file can never be written, whoever runs the test.
    const QString impossible = dir.filePath(u"sub/config.json/inner.json"_s);
    QVERIFY(!ConfigIo::saveFile(config, impossible, &error));
    QVERIFY2(error.message.startsWith(u"cannot write"_s), qPrintable(error.message));
    QVERIFY(ConfigIo::loadFile(path).ok());
}

QTEST_GUILESS_MAIN(TestConfigIo)
#include "tst_configio.moc"
