// SPDX-License-Identifier: MIT
#include "app/switchyard/singleinstance.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>

namespace Switchyard {

SingleInstance::SingleInstance(const QString &name, const QString &configPath, QObject *parent)
    : QObject(parent)
{
    const QByteArray config = QFileInfo(configPath).absoluteFilePath().toUtf8();
    m_name = name + u'-' + qEnvironmentVariable("USER", QStringLiteral("user")) + u'-'
        + QString::fromLatin1(QCryptographicHash::hash(config, QCryptographicHash::Sha1).toHex().left(12));
}

bool SingleInstance::raiseRunningInstance()
{
    QLocalSocket probe;
    probe.connectToServer(m_name);
    // Startup only, before any window exists: a short blocking wait is acceptable here.
    if (probe.waitForConnected(500)) {
        probe.write("raise\n");
        probe.waitForBytesWritten(500);
        return true;
    }
    QLocalServer::removeServer(m_name); // a stale socket from a crashed instance
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name))
        return false;
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            Q_EMIT raiseRequested();
        }
    });
    return false;
}

} // namespace Switchyard
