// SPDX-License-Identifier: MIT
// The served gateway reads a provider key from the real OS keychain (Secret Service, run
// through tests/support/with-keyring.sh) and sends it upstream; nothing else sees it.
#include "core/config/secretresolver.h"
#include "tests/support/fakeupstream.h"
#include "tests/support/gatewayprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Switchyard;
using namespace Qt::StringLiterals;

class TestGatewayKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void providerKeyComesFromTheKeychain();
};

void TestGatewayKeychain::providerKeyComesFromTheKeychain()
{
    QVERIFY2(qEnvironmentVariableIsSet("SY_REAL_KEYRING"), "run through tests/support/with-keyring.sh");
    const QString secret = u"sk-from-keychain-"_s + QString::number(QCoreApplication::applicationPid());
    SecretResolver resolver;
    std::optional<SecretResult> stored;
    resolver.store(u"fake-provider"_s, secret, [&](const SecretResult &r) { stored = r; });
    QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 20000);
    QVERIFY2(stored->ok, qPrintable(stored->error));

    FakeUpstream upstream;
    upstream.setHandler([](const FakeRequest &) {
        return FakeReply::json(200, QJsonObject{{u"id"_s, u"x"_s}, {u"object"_s, u"chat.completion"_s},
                                                {u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0},
                                                                                     {u"message"_s, QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, u"hi"_s}}},
                                                                                     {u"finish_reason"_s, u"stop"_s}}}},
                                                {u"usage"_s, QJsonObject{{u"prompt_tokens"_s, 3}, {u"completion_tokens"_s, 1}}}});
    });
    GatewayProcess gateway;
    gateway.writeConfig(uR"({"version":1,"providers":[{"id":"fake","kind":"openai","baseUrl":"%1",
        "apiKey":"keychain:fake-provider","catalogId":"openai"}]})"_s.arg(upstream.v1UrlString()).toUtf8());
    QVERIFY2(gateway.start(), qPrintable(gateway.log()));
    const QByteArray body = R"({"model":"fake/gpt-4o","messages":[{"role":"user","content":"hi"}]})";
    // The keychain answers asynchronously after start; the first calls may find no key yet.
    QTRY_COMPARE_WITH_TIMEOUT(gateway.post(u"/v1/chat/completions"_s, body).status, 200, 15000);
    QCOMPARE(upstream.lastRequest().header("authorization"), QByteArray("Bearer ") + secret.toUtf8());
    QCOMPARE(gateway.stop(), 0);
    QVERIFY(!gateway.log().contains(secret));

    std::optional<SecretResult> removed;
    resolver.remove(u"fake-provider"_s, [&](const SecretResult &r) { removed = r; });
    QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 20000);
}

QTEST_GUILESS_MAIN(TestGatewayKeychain)
#include "tst_gatewaykeychain.moc"
