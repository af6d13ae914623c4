// SPDX-License-Identifier: MIT
#pragma once

#include "core/config/config.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace Switchyard {

class Runtime;

/// Checks that a provider answers with the configured key, with one cheap real call:
/// POST chat/completions (Anthropic: /v1/messages) with max_tokens 1 on the provider's
/// first model, or the free model list when no models are configured. Simulated providers
/// are called through the running gateway. The key is resolved from its reference each
/// time and used only in the request. Asynchronous; one test at a time (a new one cancels
/// the previous). GUI thread.
class ProviderTester : public QObject
{
    Q_OBJECT
public:
    explicit ProviderTester(Runtime *runtime, QObject *parent = nullptr);
    ~ProviderTester() override;

    void test(const ProviderConfig &provider);
    bool isRunning() const { return !m_providerId.isEmpty(); }

Q_SIGNALS:
    /// `message` is fit for the user: the HTTP status and the provider's error text.
    void finished(const QString &providerId, bool ok, qint64 latencyMs, const QString &message);

private:
    void send(const ProviderConfig &provider, const QByteArray &secret);
    void sendThroughGateway(const ProviderConfig &provider);
    void onReplyFinished();
    void finish(bool ok, const QString &message);

    Runtime *m_runtime;
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QElapsedTimer m_timer;
    QString m_providerId;
    quint64 m_ticket = 0;
};

} // namespace Switchyard
