// SPDX-License-Identifier: MIT
#include "ui/providers/providertester.h"

#include "core/config/configstore.h"
#include "core/config/secretresolver.h"
#include "core/gateway/apikeys.h"
#include "core/runtime/runtime.h"
#include "ui/gateway/gatewaycontrol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace Switchyard {

namespace {

constexpr int kTimeoutMs = 30'000;

QString trimmedBase(QString base)
{
    while (base.endsWith(u'/'))
        base.chop(1);
    return base;
}

QByteArray pingBody(const QString &model)
{
    const QJsonObject body{{QStringLiteral("model"), model},
                           {QStringLiteral("max_tokens"), 1},
                           {QStringLiteral("messages"),
                            QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                   {QStringLiteral("content"), QStringLiteral("ping")}}}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

/// The provider's own words from an error body (OpenAI and Anthropic both use error.message).
QString errorMessage(const QByteArray &body)
{
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    const QString message = error.value(QStringLiteral("message")).toString();
    if (!message.isEmpty())
        return message;
    return QString::fromUtf8(body.left(200)).simplified();
}

} // namespace

ProviderTester::ProviderTester(Runtime *runtime, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
    , m_network(new QNetworkAccessManager(this))
{
}

ProviderTester::~ProviderTester()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void ProviderTester::test(const ProviderConfig &provider)
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    const quint64 ticket = ++m_ticket;
    m_providerId = provider.id;
    m_timer.start();
    if (provider.kind == u"simulated") {
        sendThroughGateway(provider);
        return;
    }
    if (provider.apiKey.isEmpty()) {
        send(provider, {}); // local OpenAI-compatible servers often need no key
        return;
    }
    QPointer<ProviderTester> self(this);
    m_runtime->secretResolver()->resolve(provider.apiKey, [self, ticket, provider](const SecretResult &r) {
        if (!self || ticket != self->m_ticket)
            return;
        if (!r.ok) {
            self->finish(false, tr("The key cannot be read: %1").arg(r.error));
            return;
        }
        self->send(provider, r.value.toUtf8());
    });
}

void ProviderTester::send(const ProviderConfig &provider, const QByteArray &secret)
{
    const QString base = trimmedBase(provider.baseUrl);
    const bool anthropic = provider.kind == u"anthropic";
    // Both "https://api.anthropic.com" and ".../v1" are common, as in the adapter.
    const QString prefix = anthropic && !base.endsWith(u"/v1") ? QStringLiteral("/v1") : QString();
    const QString model = provider.models.value(0);
    const QString path = model.isEmpty() ? QStringLiteral("/models")
                                         : (anthropic ? QStringLiteral("/messages") : QStringLiteral("/chat/completions"));
    QNetworkRequest request(QUrl(base + prefix + path));
    request.setTransferTimeout(kTimeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (anthropic) {
        request.setRawHeader("anthropic-version", "2023-06-01");
        if (!secret.isEmpty())
            request.setRawHeader("x-api-key", secret);
    } else if (!secret.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + secret);
    }
    m_reply = model.isEmpty() ? m_network->get(request) : m_network->post(request, pingBody(model));
    connect(m_reply, &QNetworkReply::finished, this, &ProviderTester::onReplyFinished);
}

void ProviderTester::sendThroughGateway(const ProviderConfig &provider)
{
    if (!m_runtime->isGatewayRunning()) {
        finish(false, tr("Simulated providers are tested through the gateway: start it on the Overview page first."));
        return;
    }
    const ConfigSnapshotPtr snapshot = m_runtime->configStore()->snapshot();
    if (ApiKeys(snapshot->config.gateway.keys, m_runtime->listenAddress()).isRequired()) {
        finish(false, tr("Simulated providers are tested through the gateway, which requires a key now; "
                         "call it with one of your keys instead (see the Overview page)."));
        return;
    }
    if (!snapshot->config.provider(provider.id)) {
        finish(false, tr("Save the provider first: the gateway only knows saved providers."));
        return;
    }
    QNetworkRequest request(QUrl(GatewayControl::baseUrlFor(m_runtime->listenAddress()) + QStringLiteral("/chat/completions")));
    request.setTransferTimeout(kTimeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("X-Switchyard-Task", "provider-test");
    const QString model = provider.id + u'/' + provider.models.value(0, QStringLiteral("test"));
    m_reply = m_network->post(request, pingBody(model));
    connect(m_reply, &QNetworkReply::finished, this, &ProviderTester::onReplyFinished);
}

void ProviderTester::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    reply->deleteLater();
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status >= 200 && status < 300) {
        finish(true, tr("OK: HTTP %1 in %2 ms").arg(status).arg(m_timer.elapsed()));
        return;
    }
    if (status > 0) {
        finish(false, tr("HTTP %1: %2").arg(status).arg(errorMessage(body)));
        return;
    }
    finish(false, reply->error() == QNetworkReply::OperationCanceledError
                      ? tr("No answer within %1 seconds").arg(kTimeoutMs / 1000)
                      : reply->errorString());
}

void ProviderTester::finish(bool ok, const QString &message)
{
    const QString id = std::exchange(m_providerId, QString());
    Q_EMIT finished(id, ok, m_timer.elapsed(), message);
}

} // namespace Switchyard
