// SPDX-License-Identifier: MIT
// Without a Secret Service: env: references and the keychain fallback.
// The real keychain is exercised by tst_keychain, inside its own D-Bus session.
#include "core/config/secretresolver.h"

#include <QSignalSpy>
#include <QTest>

using namespace Switchyard;
using namespace Qt::StringLiterals;

class TestSecretResolver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void envReference();
    void envMissingOrEmpty_data();
    void envMissingOrEmpty();
    void notAReference();
    void fallbackVariableName();
    void keychainWithoutServiceFallsBackToEnv();
    void keychainWithoutServiceAndNoFallbackVariable();

private:
    static SecretResult resolveNow(const QString &reference);
};

void TestSecretResolver::initTestCase()
{
    // No session bus: the keychain service is unreachable, as on a headless server.
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/switchyard-test-bus");
}

SecretResult TestSecretResolver::resolveNow(const QString &reference)
{
    SecretResolver resolver;
    std::optional<SecretResult> result;
    resolver.resolve(reference, [&](const SecretResult &r) { result = r; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000); }();
    return result.value_or(SecretResult{});
}

void TestSecretResolver::envReference()
{
    qputenv("SY_TEST_KEY", "s3cret-value");
    const SecretResult r = resolveNow(u"env:SY_TEST_KEY"_s);
    QVERIFY(r.ok);
    QCOMPARE(r.value, u"s3cret-value"_s);
    QCOMPARE(r.source, u"env:SY_TEST_KEY"_s);
    QVERIFY(r.notice.isEmpty());
}

void TestSecretResolver::envMissingOrEmpty_data()
{
    QTest::addColumn<bool>("setEmpty");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing") << false << u"environment variable SY_TEST_ABSENT is not set"_s;
    QTest::newRow("empty") << true << u"environment variable SY_TEST_ABSENT is empty"_s;
}

void TestSecretResolver::envMissingOrEmpty()
{
    QFETCH(bool, setEmpty);
    QFETCH(QString, message);
    if (setEmpty)
        qputenv("SY_TEST_ABSENT", "");
    else
        qunsetenv("SY_TEST_ABSENT");
    const SecretResult r = resolveNow(u"env:SY_TEST_ABSENT"_s);
    QVERIFY(!r.ok);
    QCOMPARE(r.error, message);
    QVERIFY(r.value.isEmpty());
}

void TestSecretResolver::notAReference()
{
    const SecretResult r = resolveNow(u"sk-abc"_s);
    QVERIFY(!r.ok);
    QVERIFY(r.error.startsWith(u"not a secret reference"_s));
    QVERIFY(!r.error.contains(u"sk-abc"_s));
}

void TestSecretResolver::fallbackVariableName()
{
    QCOMPARE(SecretResolver::fallbackVariable(u"anthropic"_s), u"SWITCHYARD_SECRET_ANTHROPIC"_s);
    QCOMPARE(SecretResolver::fallbackVariable(u"my-team.openai"_s), u"SWITCHYARD_SECRET_MY_TEAM_OPENAI"_s);
}

void TestSecretResolver::keychainWithoutServiceFallsBackToEnv()
{
    qputenv("SWITCHYARD_SECRET_ANTHROPIC", "from-env");
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"no keychain service is running .*SWITCHYARD_SECRET_ANTHROPIC"_s));
    const SecretResult r = resolveNow(u"keychain:anthropic"_s);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.value, u"from-env"_s);
    QCOMPARE(r.source, u"env:SWITCHYARD_SECRET_ANTHROPIC"_s);
    QVERIFY2(r.notice.startsWith(u"no keychain service is running"_s), qPrintable(r.notice));
}

void TestSecretResolver::keychainWithoutServiceAndNoFallbackVariable()
{
    qunsetenv("SWITCHYARD_SECRET_OPENAI");
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"no keychain service is running.*"_s));
    const SecretResult r = resolveNow(u"keychain:openai"_s);
    QVERIFY(!r.ok);
    QCOMPARE(r.error, u"environment variable SWITCHYARD_SECRET_OPENAI is not set"_s);
    QVERIFY(r.notice.contains(u"keychain:openai falls back to the environment variable SWITCHYARD_SECRET_OPENAI"_s));
}

QTEST_GUILESS_MAIN(TestSecretResolver)
#include "tst_secretresolver.moc"
