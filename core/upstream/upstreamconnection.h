// SPDX-License-Identifier: MIT
#pragma once

#include "core/upstream/httpresponseparser.h"

#include <QAbstractSocket>
#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>

class QTcpSocket;

namespace Switchyard {

class UpstreamPool;

/// One keep-alive HTTP/1.1 client connection to an upstream (TCP, or TLS with the system CA
/// store and peer verification), carrying one request at a time. Obtained from and returned
/// to an UpstreamPool; the exchange is reported to a Receiver by plain virtual calls.
///
/// send() writes the whole request in one write (connecting first when needed). Response
/// bytes go through HttpResponseParser: the head, then body bytes as they arrive, then the
/// end. When the response is complete and the connection can carry another request it goes
/// back to the pool *before* responseCompleted() is called; otherwise it is closed. A request
/// on a reused connection that breaks before any response byte is sent once more on a fresh
/// socket (the keep-alive race: the upstream closed the idle connection as we wrote).
/// Lives on the thread of its pool; the socket is created there, on first use.
class UpstreamConnection : public QObject
{
    Q_OBJECT
public:
    enum class Failure {
        Connect,           ///< lookup, refusal, TLS handshake or certificate
        ClosedBeforeHead,  ///< the connection broke before the response head was complete
        ClosedInBody,      ///< the connection broke during the body
        InvalidResponse,   ///< the bytes are not an HTTP/1.x response
    };

    /// Told about one exchange. A receiver may call abandon() from any callback; it must not
    /// delete the connection (the pool owns it).
    class Receiver
    {
    public:
        virtual ~Receiver() = default;
        /// The whole request is in the kernel's send buffer of an open connection.
        virtual void requestWritten() = 0;
        virtual void responseHeadReceived(const HttpResponseParser &head) = 0;
        /// Body bytes as they arrive (decoded from chunked coding); may be moved from.
        virtual void responseBodyReceived(QByteArray &bytes) = 0;
        /// The response is complete; the connection is no longer this receiver's.
        virtual void responseCompleted() = 0;
        /// The exchange failed; the connection is closed and no longer this receiver's.
        virtual void responseFailed(UpstreamConnection::Failure failure, const QString &message) = 0;
    };

    UpstreamConnection(UpstreamPool *pool, const QString &host, quint16 port, bool tls);
    ~UpstreamConnection() override;

    const QString &host() const { return m_host; }
    quint16 port() const { return m_port; }
    bool isTls() const { return m_tls; }
    /// Responses completed on the current socket (0: a fresh connection).
    int completedResponses() const { return m_completed; }
    /// Sockets opened by this connection (retries open a second one).
    int socketsOpened() const { return m_socketsOpened; }
    bool isIdle() const { return m_receiver == nullptr && !m_closed; }
    /// Idle and the socket still open: may carry a request.
    bool isReusable() const;
    qint64 idleMs() const { return m_idleClock.isValid() ? m_idleClock.elapsed() : 0; }

    /// Sends `request` (request line, headers and body) and reports to `receiver`.
    void send(const QByteArray &request, Receiver *receiver);
    /// Gives up the exchange: closes the socket (so the upstream notices) without telling the
    /// receiver anything more, and leaves the connection to its pool to delete.
    void abandon();
    /// Closes the socket and leaves the connection to its pool to delete (idempotent).
    void closeAndDiscard();

private:
    void openSocket();
    void writeRequest();
    void onConnected();
    void onReadyRead();
    void onBytesWritten();
    void onDisconnected();
    void onSocketError(QAbstractSocket::SocketError error);
    void fail(Failure failure, const QString &message);
    bool retryOnFreshSocket();
    void dropSocket();

    UpstreamPool *m_pool;
    QString m_host;
    quint16 m_port;
    bool m_tls;
    QTcpSocket *m_socket = nullptr;
    Receiver *m_receiver = nullptr;
    QByteArray m_request;          ///< kept until the first response byte, for the one retry
    QByteArray m_in;               ///< read buffer
    QByteArray m_body;             ///< decoded body bytes of one read
    HttpResponseParser m_parser;
    QElapsedTimer m_idleClock;
    QElapsedTimer m_writtenClock;  ///< since the request was fully written
    QString m_tlsErrors;           ///< certificate problems of the handshake, for the message
    quint64 m_exchange = 0;        ///< counts exchanges; a changed value means the receiver left
    qint64 m_responseBytes = 0;    ///< received in the current exchange
    int m_completed = 0;
    int m_socketsOpened = 0;
    bool m_connected = false;
    bool m_written = false;
    bool m_retried = false;
    bool m_closed = false;
    bool m_discarded = false;
};

} // namespace Switchyard
