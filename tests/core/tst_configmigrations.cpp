// SPDX-License-Identifier: MIT
#include "core/config/configio.h"
#include "core/config/configmigrations.h"

#include <QJsonDocument>
#include <QTest>

using namespace Switchyard;
using namespace Qt::StringLiterals;

class TestConfigMigrations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void version0IsUpgraded();
    void currentVersionIsUntouched();
    void newerVersionIsRefused();
    void badVersion_data();
    void badVersion();
    void brokenVersion0Route();
};

void TestConfigMigrations::version0IsUpgraded()
{
    const QByteArray v0 = R"({
        "listen": "127.0.0.1:4500",
        "providers": { "sim": { "kind": "simulated" },
                       "openai": { "kind": "openai", "baseUrl": "https://api.openai.com/v1", "apiKey": "env:OPENAI_API_KEY" } },
        "routes": { "fast": ["sim/a", "openai/gpt-4o"] } })";
    const ConfigLoadResult result = ConfigIo::parse(v0);
    QVERIFY2(result.ok(), qPrintable(result.errors.value(0).toString()));
    QCOMPARE(result.fileVersion, 0);
    QVERIFY(result.migrated);
    const Config &c = *result.config;
    QCOMPARE(c.version, 1);
    QCOMPARE(c.gateway.listen, u"127.0.0.1:4500"_s);
    QCOMPARE(c.providers.size(), 2);
    QVERIFY(c.provider(u"sim"_s));
    QCOMPARE(c.provider(u"openai"_s)->apiKey, u"env:OPENAI_API_KEY"_s);
    const RouteConfig *fast = c.route(u"fast"_s);
    QVERIFY(fast);
    QCOMPARE(fast->ladder.size(), 2);
    QCOMPARE(fast->ladder.at(1).target, u"openai/gpt-4o"_s);
    // Saved, it is a version 1 document.
    QCOMPARE(QJsonDocument::fromJson(ConfigIo::serialize(c)).object().value(u"version").toInt(), 1);
}

void TestConfigMigrations::currentVersionIsUntouched()
{
    QJsonObject doc{{u"version"_s, 1}, {u"gateway"_s, QJsonObject{{u"listen"_s, u"127.0.0.1:1"_s}}}};
    const QJsonObject before = doc;
    Errors errors;
    QCOMPARE(ConfigMigrations::migrate(doc, errors), 1);
    QVERIFY(errors.isEmpty());
    QCOMPARE(doc, before);
}

void TestConfigMigrations::newerVersionIsRefused()
{
    const ConfigLoadResult result = ConfigIo::parse(R"({"version": 2, "whatever": {}})");
    QVERIFY(!result.ok());
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().path, u"version"_s);
    QVERIFY(result.errors.first().message.contains(u"newer Switchyard (version 2)"_s));
}

void TestConfigMigrations::badVersion_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("string") << QByteArray(R"({"version": "1"})");
    QTest::newRow("fraction") << QByteArray(R"({"version": 1.5})");
    QTest::newRow("zero") << QByteArray(R"({"version": 0})");
    QTest::newRow("negative") << QByteArray(R"({"version": -3})");
}

void TestConfigMigrations::badVersion()
{
    QFETCH(QByteArray, json);
    const ConfigLoadResult result = ConfigIo::parse(json);
    QCOMPARE(result.errors, Errors{Error(u"version"_s, u"expected a whole number of at least 1"_s)});
}

void TestConfigMigrations::brokenVersion0Route()
{
    const ConfigLoadResult result = ConfigIo::parse(R"({"routes": {"x": "sim/a"}})");
    QVERIFY(!result.ok());
    QCOMPARE(result.errors.first(), Error(u"routes.x"_s, u"a version 0 route must be a list of targets"_s));
}

QTEST_GUILESS_MAIN(TestConfigMigrations)
#include "tst_configmigrations.moc"
