// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>

namespace Switchyard {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

/// The answer side of one HTTP request. Lives on the connection's worker thread; the request
/// handler answers through it exactly once: either send(), or beginStream() + write()* +
/// endStream(). Responses of pipelined requests go out in request order; the connection
/// buffers a later answer until the earlier ones are complete.
///
/// The responder is owned by the connection. When the client goes away, clientGone() fires
/// once and further calls are ignored; the handler should then cancel its upstream work.
/// The responder is deleted after the response completed or the client went away, so keep
/// a QPointer to it across asynchronous steps.
class HttpResponder : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// A complete response with Content-Length. Date, Content-Length and Connection are added.
    virtual void send(int status, const HttpHeaders &headers, const QByteArray &body) = 0;
    /// Starts a chunked (Transfer-Encoding: chunked) response, e.g. text/event-stream.
    virtual void beginStream(int status, const HttpHeaders &headers) = 0;
    /// Sends bytes of a stream at once (no buffering beyond the socket's).
    virtual void write(const QByteArray &bytes) = 0;
    virtual void endStream() = 0;
    /// Ends the response and closes the connection without the final chunk, so the client
    /// sees a truncated transfer (used only when even an error event cannot be sent).
    virtual void abortStream() = 0;

    virtual bool isClientGone() const = 0;
    /// Address of the client, for logs.
    QByteArray peerAddress() const { return m_peerAddress; }
    void setPeerAddress(const QByteArray &address) { m_peerAddress = address; }

Q_SIGNALS:
    void clientGone();

private:
    QByteArray m_peerAddress;
};

} // namespace Switchyard
