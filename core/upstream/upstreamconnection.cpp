// SPDX-License-Identifier: MIT
#include "core/upstream/upstreamconnection.h"

#include "core/upstream/upstreampool.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {
// A close caused by the upstream's idle timeout arrives within moments of our write.
constexpr qint64 kStaleCloseWindowMs = 1000;
} // namespace

UpstreamConnection::UpstreamConnection(UpstreamPool *pool, const QString &host, quint16 port, bool tls)
    : QObject(pool)
    , m_pool(pool)
    , m_host(host)
    , m_port(port)
    , m_tls(tls)
{
}

UpstreamConnection::~UpstreamConnection()
{
    // The pool deletes its connections; nothing here may call back into it.
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
    }
}

bool UpstreamConnection::isReusable() const
{
    return isIdle() && m_socket && m_connected && m_socket->state() == QAbstractSocket::ConnectedState;
}

void UpstreamConnection::send(const QByteArray &request, Receiver *receiver)
{
    Q_ASSERT(!m_receiver && !m_closed);
    m_receiver = receiver;
    m_request = request;
    const quint64 exchange = ++m_exchange;
    m_responseBytes = 0;
    m_written = false;
    m_retried = false;
    m_parser.reset();
    m_idleClock.invalidate();
    if (!m_socket) {
        openSocket(); // may fail at once (a refused loopback port); the receiver then knows
        return;
    }
    if (exchange == m_exchange)
        writeRequest();
}

void UpstreamConnection::openSocket()
{
    ++m_socketsOpened;
    m_connected = false;
    m_completed = 0;
    m_tlsErrors.clear();
    if (m_tls) {
        auto *ssl = new QSslSocket(this);
        // The default configuration trusts the system CA store and verifies the peer's name;
        // ALPN pins HTTP/1.1, the only protocol spoken here.
        QSslConfiguration config = ssl->sslConfiguration();
        config.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
        ssl->setSslConfiguration(config);
        connect(ssl, &QSslSocket::encrypted, this, &UpstreamConnection::onConnected);
        connect(ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            for (const QSslError &error : errors) {
                if (!m_tlsErrors.isEmpty())
                    m_tlsErrors += u"; "_s;
                m_tlsErrors += error.errorString();
            }
        });
        m_socket = ssl;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &UpstreamConnection::onConnected);
    }
    connect(m_socket, &QTcpSocket::readyRead, this, &UpstreamConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &UpstreamConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &UpstreamConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &UpstreamConnection::onSocketError);
    // QAbstractSocket resolves host names asynchronously (QHostInfo, with its cache) and skips
    // the lookup for IP literals.
    if (m_tls)
        static_cast<QSslSocket *>(m_socket)->connectToHostEncrypted(m_host, m_port);
    else
        m_socket->connectToHost(m_host, m_port);
}

void UpstreamConnection::onConnected()
{
    m_connected = true;
    // Requests and SSE events are small writes that must not wait for Nagle's algorithm.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_receiver && !m_written)
        writeRequest();
}

void UpstreamConnection::writeRequest()
{
    if (!m_connected)
        return; // onConnected() writes
    m_socket->write(m_request);
    // Hand the bytes to the kernel now rather than on the next event loop turn.
    m_socket->flush();
    onBytesWritten();
}

void UpstreamConnection::onBytesWritten()
{
    if (m_written || !m_receiver || !m_socket || m_socket->bytesToWrite() > 0)
        return;
    m_written = true;
    m_writtenClock.start();
    m_receiver->requestWritten();
}

void UpstreamConnection::onReadyRead()
{
    if (!m_socket)
        return;
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    if (!m_receiver) {
        // Bytes nobody asked for (on an idle connection): the stream cannot be trusted.
        closeAndDiscard();
        return;
    }
    if (m_in.size() < available)
        m_in.resize(available);
    const qint64 n = m_socket->read(m_in.data(), available);
    if (n <= 0)
        return;
    if (m_responseBytes == 0)
        m_request = QByteArray(); // no retry once the upstream answered
    m_responseBytes += n;

    const quint64 exchange = m_exchange;
    const bool headBefore = m_parser.isHeadComplete();
    const qsizetype used = m_parser.feed(QByteArrayView(m_in.constData(), n), &m_body);
    if (m_parser.hasFailed()) {
        fail(Failure::InvalidResponse, QString::fromLatin1(m_parser.errorString()));
        return;
    }
    if (!headBefore && m_parser.isHeadComplete()) {
        m_receiver->responseHeadReceived(m_parser);
        if (exchange != m_exchange)
            return;
    }
    if (!m_body.isEmpty()) {
        m_receiver->responseBodyReceived(m_body);
        if (exchange != m_exchange)
            return;
        m_body.truncate(0);
    }
    if (!m_parser.isComplete())
        return;

    // Bytes after the response were never asked for: do not reuse such a connection.
    const bool reusable = used == n && m_socket->bytesAvailable() == 0 && m_parser.isKeepAlive()
                          && m_socket->state() == QAbstractSocket::ConnectedState;
    Receiver *receiver = std::exchange(m_receiver, nullptr);
    ++m_exchange;
    m_request = QByteArray();
    if (reusable) {
        ++m_completed;
        m_idleClock.start();
        m_pool->recycle(this); // first, so the receiver's next call may take it again
    } else {
        closeAndDiscard();
    }
    receiver->responseCompleted();
}

void UpstreamConnection::onDisconnected()
{
    onSocketError(QAbstractSocket::RemoteHostClosedError);
}

void UpstreamConnection::onSocketError(QAbstractSocket::SocketError error)
{
    if (error == QAbstractSocket::TemporaryError || !m_socket)
        return;
    if (!m_receiver) {
        closeAndDiscard(); // an idle connection the upstream closed
        return;
    }
    // Bytes that came with the close belong to the answer.
    const quint64 exchange = m_exchange;
    if (m_socket->bytesAvailable() > 0) {
        onReadyRead();
        if (exchange != m_exchange || !m_socket)
            return;
    }
    if (m_parser.isHeadComplete() && m_parser.finishOnClose()) {
        // A close-delimited body ended: the answer is complete.
        Receiver *receiver = std::exchange(m_receiver, nullptr);
        ++m_exchange;
        closeAndDiscard();
        receiver->responseCompleted();
        return;
    }
    // A reused connection the upstream closed as our request went out (its idle timeout
    // racing the write) is retried once. Not when the close came long after the request was
    // written: the upstream may have worked on it, and a generation sent twice is paid twice.
    const bool closedAsWritten = !m_written || m_writtenClock.elapsed() < kStaleCloseWindowMs;
    if (m_responseBytes == 0 && m_completed > 0 && !m_retried && closedAsWritten && retryOnFreshSocket())
        return;

    QString reason = m_socket->errorString();
    if (error == QAbstractSocket::RemoteHostClosedError)
        reason = u"the upstream closed the connection"_s;
    if (!m_tlsErrors.isEmpty())
        reason += u" ("_s + m_tlsErrors + u')';
    if (!m_connected)
        fail(Failure::Connect, reason);
    else if (!m_parser.isHeadComplete())
        fail(Failure::ClosedBeforeHead, reason);
    else
        fail(Failure::ClosedInBody, reason);
}

bool UpstreamConnection::retryOnFreshSocket()
{
    if (m_request.isEmpty())
        return false;
    dropSocket();
    m_retried = true; // once: openSocket() also zeroes m_completed, so a second break is reported
    m_written = false;
    m_parser.reset();
    openSocket();
    return true;
}

void UpstreamConnection::fail(Failure failure, const QString &message)
{
    Receiver *receiver = std::exchange(m_receiver, nullptr);
    ++m_exchange;
    closeAndDiscard();
    if (receiver)
        receiver->responseFailed(failure, message);
}

void UpstreamConnection::abandon()
{
    closeAndDiscard();
}

void UpstreamConnection::closeAndDiscard()
{
    m_closed = true;
    m_receiver = nullptr;
    ++m_exchange;
    m_request = QByteArray();
    dropSocket();
    if (!m_discarded) {
        m_discarded = true;
        m_pool->discard(this);
    }
}

void UpstreamConnection::dropSocket()
{
    if (!m_socket)
        return;
    QTcpSocket *socket = std::exchange(m_socket, nullptr);
    m_connected = false;
    disconnect(socket, nullptr, this, nullptr);
    socket->abort(); // the upstream sees the connection go, and stops generating
    socket->deleteLater(); // we may be inside one of its signals
}

} // namespace Switchyard
