// SPDX-License-Identifier: MIT
#include "tests/support/gatewayprocess.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

#include <signal.h>

namespace Switchyard {

QByteArray TestResponse::header(QByteArrayView name) const
{
    for (const auto &[k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

QJsonObject TestResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

GatewayProcess::GatewayProcess()
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

GatewayProcess::~GatewayProcess()
{
    stop();
}

QString GatewayProcess::configPath() const
{
    return m_dir.filePath(QStringLiteral("config.json"));
}

QString GatewayProcess::databasePath() const
{
    return m_dir.filePath(QStringLiteral("usage.sqlite3"));
}

void GatewayProcess::writeConfig(const QByteArray &json)
{
    QFile f(configPath() + QStringLiteral(".tmp"));
    if (f.open(QIODevice::WriteOnly)) {
        f.write(json);
        f.close();
        QFile::remove(configPath());
        f.rename(configPath());
    }
}

bool GatewayProcess::start(const QStringList &extraArgs, const QProcessEnvironment &env)
{
    m_process.setProcessEnvironment(env);
    m_process.start(QStringLiteral(SY_GATEWAY_BIN),
                    QStringList{QStringLiteral("serve"), QStringLiteral("--config"), configPath(), QStringLiteral("--db"),
                                databasePath(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}
                        + extraArgs);
    if (!m_process.waitForStarted(10000))
        return false;
    // Started on every interface (--listen 0.0.0.0:0 in `extraArgs`), it is still called on loopback.
    static const QRegularExpression serving(QStringLiteral("serving http://(?:127\\.0\\.0\\.1|0\\.0\\.0\\.0):(\\d+)/v1"));
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(100);
        m_output += m_process.readAll();
        const auto match = serving.match(QString::fromUtf8(m_output));
        if (match.hasMatch()) {
            m_baseUrl = QStringLiteral("http://127.0.0.1:") + match.captured(1);
            return true;
        }
    }
    m_output += m_process.readAll();
    return false;
}

int GatewayProcess::stop(int signal)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    ::kill(pid_t(m_process.processId()), signal);
    if (!m_process.waitForFinished(20000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        return -1;
    }
    m_output += m_process.readAll();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

bool GatewayProcess::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

QString GatewayProcess::log() const
{
    const_cast<GatewayProcess *>(this)->m_output += const_cast<QProcess &>(m_process).readAll();
    return QString::fromUtf8(m_output);
}

TestResponse GatewayProcess::post(const QString &path, const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("POST", path, body, headers);
}

TestResponse GatewayProcess::get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("GET", path, {}, headers);
}

TestResponse GatewayProcess::send(const QByteArray &method, const QString &path, const QByteArray &body,
                                  const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(m_baseUrl + path));
    bool contentTypeSet = false;
    for (const auto &[k, v] : headers) {
        request.setRawHeader(k, v);
        contentTypeSet = contentTypeSet || k.compare("content-type", Qt::CaseInsensitive) == 0;
    }
    if (!contentTypeSet && method == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply *reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    TestResponse r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.headers = reply->rawHeaderPairs();
    r.body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError && r.status == 0)
        r.networkError = reply->errorString();
    delete reply;
    return r;
}

} // namespace Switchyard
