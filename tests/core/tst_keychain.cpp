// SPDX-License-Identifier: MIT
// Runs against a real Secret Service: tests/support/with-keyring.sh starts a private D-Bus
// session with gnome-keyring-daemon and an empty, unlocked keyring in a temporary HOME.
#include "core/config/secretresolver.h"

#include <QProcess>
#include <QTest>

using namespace Switchyard;
using namespace Qt::StringLiterals;

class TestKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void storeResolveRemove();
    void missingEntryIsAClearError();
    void storedSecretIsVisibleToOtherClients();

private:
    SecretResult run(const std::function<void(SecretResolver &, SecretResolver::Callback)> &call);
};

void TestKeychain::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("SY_REAL_KEYRING"),
             "run through tests/support/with-keyring.sh, which provides the Secret Service");
}

SecretResult TestKeychain::run(const std::function<void(SecretResolver &, SecretResolver::Callback)> &call)
{
    SecretResolver resolver;
    std::optional<SecretResult> result;
    call(resolver, [&](const SecretResult &r) { result = r; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000); }();
    return result.value_or(SecretResult{});
}

void TestKeychain::storeResolveRemove()
{
    const QString secret = u"sk-ant-test-"_s + QString::number(QCoreApplication::applicationPid());
    SecretResult r = run([&](SecretResolver &s, auto done) { s.store(u"anthropic"_s, secret, done); });
    QVERIFY2(r.ok, qPrintable(r.error));

    r = run([&](SecretResolver &s, auto done) { s.resolve(u"keychain:anthropic"_s, done); });
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.value, secret);
    QCOMPARE(r.source, u"keychain:anthropic"_s);
    QVERIFY(r.notice.isEmpty());

    r = run([&](SecretResolver &s, auto done) { s.remove(u"anthropic"_s, done); });
    QVERIFY2(r.ok, qPrintable(r.error));
    r = run([&](SecretResolver &s, auto done) { s.resolve(u"keychain:anthropic"_s, done); });
    QVERIFY(!r.ok);
}

void TestKeychain::missingEntryIsAClearError()
{
    qputenv("SWITCHYARD_SECRET_NEVER_STORED", "must-not-be-used");
    const SecretResult r = run([&](SecretResolver &s, auto done) { s.resolve(u"keychain:never-stored"_s, done); });
    QVERIFY(!r.ok);
    QCOMPARE(r.error, u"no secret named 'never-stored' in the keychain (service 'switchyard')"_s);
    QVERIFY2(r.value.isEmpty(), "a running keychain must not fall back to the environment");
}

void TestKeychain::storedSecretIsVisibleToOtherClients()
{
    // The entry lands in the Secret Service itself, not in a private file: secret-tool sees it.
    const SecretResult r = run([&](SecretResolver &s, auto done) { s.store(u"shared"_s, u"visible-value"_s, done); });
    QVERIFY2(r.ok, qPrintable(r.error));
    QProcess tool;
    tool.start(u"secret-tool"_s, {u"search"_s, u"--all"_s, u"server"_s, u"switchyard"_s});
    QVERIFY(tool.waitForFinished(20000));
    const QString listing = QString::fromUtf8(tool.readAllStandardOutput() + tool.readAllStandardError());
    QVERIFY2(listing.contains(u"attribute.user = shared"_s), qPrintable(listing));
    QVERIFY2(listing.contains(u"secret = visible-value"_s), qPrintable(listing));
    run([&](SecretResolver &s, auto done) { s.remove(u"shared"_s, done); });
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
