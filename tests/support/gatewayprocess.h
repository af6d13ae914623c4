// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <csignal>

namespace Switchyard {

/// An HTTP answer as a test client saw it.
struct TestResponse {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString networkError;

    QByteArray header(QByteArrayView name) const;
    QJsonObject json() const;
};

/// The real switchyard-gateway binary started with `serve` on a free loopback port, with a
/// configuration and database in a temporary folder; for end-to-end tests.
class GatewayProcess
{
public:
    GatewayProcess();
    ~GatewayProcess(); ///< stop()

    QString configPath() const;
    QString databasePath() const;
    void writeConfig(const QByteArray &json);

    /// Starts and waits until it serves; false with the output in `log()` otherwise.
    bool start(const QStringList &extraArgs = {}, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    /// `signal` (SIGTERM by default, or SIGINT as from a terminal) and wait; returns the exit
    /// code (-1 when it did not exit cleanly).
    int stop(int signal = SIGTERM);
    bool isRunning() const;
    QString baseUrl() const { return m_baseUrl; } ///< http://127.0.0.1:PORT
    QString log() const;

    /// Blocking helpers for tests: a request over a fresh QNetworkAccessManager.
    TestResponse post(const QString &path, const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    TestResponse get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {});

private:
    TestResponse send(const QByteArray &method, const QString &path, const QByteArray &body,
                      const QList<QPair<QByteArray, QByteArray>> &headers);

    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_baseUrl;
    QByteArray m_output;
};

} // namespace Switchyard
