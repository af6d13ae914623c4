// SPDX-License-Identifier: MIT
#pragma once

#include "core/gateway/httprequestparser.h"
#include "core/gateway/httpserver.h"

#include <QBasicTimer>
#include <QByteArray>
#include <QObject>

#include <deque>

class QTcpSocket;

namespace Switchyard {

class ConnectionResponder;
class RequestHandler;

/// One accepted HTTP/1.1 connection: its socket, the incremental request parser and the
/// queue of responders of the requests in flight (pipelining: responses leave in request
/// order; a later one is held until the earlier ones are complete).
///
/// Enforces the header, body and idle timeouts and the write backlog limit, answers parse
/// errors and timeouts with OpenAI-shaped JSON errors, and closes after "Connection: close".
/// Closing is lingering: after the last response the write side is shut down and input is
/// discarded for a while, so a client still sending a refused body reads our answer
/// instead of a reset.
///
/// Lives on a worker thread, a child of its HttpWorker; it deletes itself (deleteLater)
/// when the connection ends, after telling the responders still pending (clientGone).
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(const HttpServerOptions &options, RequestHandler *handler, QObject *parent);

    /// Takes over an accepted socket descriptor; false (and the descriptor closed) on failure.
    bool open(qintptr socketDescriptor);
    /// Server stop: closes at once and tells pending responders, synchronously.
    void closeNow();

    /// For ConnectionResponder: bytes of `responder`'s response, written now if it is at the
    /// front of the queue, held otherwise. `more`: further bytes are likely in the same pass of
    /// the event loop (stream events read together from the upstream), so the socket is flushed
    /// once after that pass, not once per piece.
    void deliver(ConnectionResponder *responder, const QByteArray &bytes, bool more = false);
    /// For ConnectionResponder: its response is complete (or aborted).
    void responseComplete(ConnectionResponder *responder);
    /// No further request is read; the connection closes after the queued responses.
    bool isClosing() const { return m_phase != Phase::Open; }
    /// Whether `responder`'s response is the one the connection closes after: the last one
    /// queued while closing (earlier pipelined answers keep the connection for the later ones).
    bool closesAfter(const ConnectionResponder *responder) const
    {
        return isClosing() && !m_queue.empty() && m_queue.back() == responder;
    }
    /// The client is gone or the connection was closed: output is dropped.
    bool isClosed() const { return m_phase == Phase::Closed; }

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    enum class Phase { Open, LastResponses, Draining, Closed };
    enum class Deadline { None, Idle, Header, Body, Linger };

    void processInput();
    void dispatchRequest();
    void failRequest(int status, const QString &message);
    void trackHeaderEnd(QByteArrayView consumed);
    void writeToSocket(const QByteArray &bytes, bool more = false);
    void flushDeferred();
    void advanceQueue();
    void closeAfterResponses();
    void halfCloseAndDrain();
    void abortConnection();
    void onReadyRead();
    void onBytesWritten();
    void onDisconnected();
    void finishTeardown();
    void notifyPending();
    void setDeadline(Deadline deadline, int ms);
    void updateIdleDeadline();

    const HttpServerOptions &m_options; ///< owned by the worker, which outlives us
    RequestHandler *m_handler;
    QTcpSocket *m_socket = nullptr;
    HttpRequestParser m_parser;
    std::deque<ConnectionResponder *> m_queue;
    QByteArray m_peerAddress;

    QByteArray m_readBuffer;   ///< fixed size; bytes [m_inputPos, m_inputEnd) not yet parsed
    qsizetype m_inputPos = 0;
    qsizetype m_inputEnd = 0;

    QBasicTimer m_timer;
    Deadline m_deadline = Deadline::None;
    Phase m_phase = Phase::Open;

    // End-of-headers tracking (the parser does not expose its phase).
    qsizetype m_lineLength = 0;
    char m_lastChar = 0;
    bool m_sawRequestLine = false;
    bool m_headersDone = false;

    bool m_continueAnswered = false;
    bool m_continuePending = false;
    bool m_readPaused = false;
    bool m_closeWhenFlushed = false;
    bool m_flushQueued = false;
};

} // namespace Switchyard
