// SPDX-License-Identifier: MIT
#include "core/gateway/httpconnection.h"

#include "core/common/logging.h"
#include "core/gateway/connectionresponder.h"
#include "core/gateway/openaierror.h"
#include "core/gateway/requesthandler.h"
#include "core/gateway/requestid.h"

#include <QTcpSocket>
#include <QTimerEvent>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {

constexpr qsizetype kReadChunk = 16 * 1024;
// Beyond this many unanswered pipelined requests we stop reading; the socket's bounded
// read buffer then pushes back on the client through TCP.
constexpr std::size_t kMaxPipelined = 16;
constexpr qint64 kSocketReadBuffer = 256 * 1024;
constexpr int kLingerMs = 2000;

QString errorCode(int status)
{
    switch (status) {
    case 408: return QStringLiteral("request_timeout");
    case 413: return QStringLiteral("request_too_large");
    case 414: return QStringLiteral("uri_too_long");
    case 431: return QStringLiteral("request_header_fields_too_large");
    case 501: return QStringLiteral("not_implemented");
    case 503: return QStringLiteral("service_unavailable");
    case 505: return QStringLiteral("http_version_not_supported");
    default: return QStringLiteral("bad_request");
    }
}

/// An answer the connection gives itself, in the same shape and with the same X-Request-Id
/// as the handler's answers.
void sendOwnError(ConnectionResponder *responder, int status, const QString &message)
{
    const QByteArray requestId = newRequestId();
    qCInfo(lcGateway).noquote() << QString::fromLatin1(requestId) << u"refused by the connection: status="_s + QString::number(status)
                                << u"error=\""_s + message + u'"';
    responder->send(status,
                    {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
                     {QByteArrayLiteral("X-Request-Id"), requestId}},
                    OpenAiError::make(status, message, errorCode(status)).toJson());
}

} // namespace

HttpConnection::HttpConnection(const HttpServerOptions &options, RequestHandler *handler, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_handler(handler)
    , m_parser(options.limits)
{
}

bool HttpConnection::open(qintptr socketDescriptor)
{
    m_socket = new QTcpSocket(this);
    if (!m_socket->setSocketDescriptor(socketDescriptor)) {
        m_phase = Phase::Closed;
#ifdef Q_OS_UNIX
        ::close(int(socketDescriptor));
#endif
        return false;
    }
    // Stream chunks must leave at once, not wait for Nagle.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setReadBufferSize(kSocketReadBuffer);
    m_peerAddress = m_socket->peerAddress().toString().toLatin1();
    m_readBuffer.resize(kReadChunk);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &HttpConnection::onDisconnected);
    setDeadline(Deadline::Idle, m_options.idleTimeoutMs);
    if (m_socket->bytesAvailable() > 0)
        processInput();
    return true;
}

void HttpConnection::onReadyRead()
{
    if (m_phase == Phase::Open) {
        processInput();
    } else if (m_phase != Phase::Closed) {
        // Nothing more is read as a request; keep draining so a disconnect is noticed.
        m_socket->skip(m_socket->bytesAvailable());
    }
}

void HttpConnection::processInput()
{
    while (m_phase == Phase::Open) {
        if (m_queue.size() >= kMaxPipelined) {
            m_readPaused = true;
            return;
        }
        if (m_inputPos == m_inputEnd) {
            m_inputPos = 0;
            m_inputEnd = qMax<qint64>(0, m_socket->read(m_readBuffer.data(), m_readBuffer.size()));
            if (m_inputEnd == 0)
                break;
        }
        const QByteArrayView input(m_readBuffer.constData() + m_inputPos, m_inputEnd - m_inputPos);
        const qsizetype used = m_parser.feed(input);
        if (!m_headersDone)
            trackHeaderEnd(input.first(used));
        m_inputPos += used;

        switch (m_parser.status()) {
        case HttpRequestParser::Status::Failed:
            failRequest(m_parser.errorStatus(), m_parser.errorMessage());
            return;
        case HttpRequestParser::Status::Complete:
            dispatchRequest();
            break;
        case HttpRequestParser::Status::NeedMore:
            if (!m_headersDone) {
                // Absolute from the first byte: a slowloris client trickling bytes must not
                // keep the deadline moving.
                if (m_parser.hasStarted() && m_deadline != Deadline::Header)
                    setDeadline(Deadline::Header, m_options.headerTimeoutMs);
                break;
            }
            // Between reads, as nginx's client_body_timeout: a large upload over a slow link
            // goes on while bytes keep coming; a stalled one gets its 408. (The headers'
            // deadline above is absolute instead: that is where slowloris lives.)
            setDeadline(Deadline::Body, m_options.bodyTimeoutMs);
            if (m_parser.expectsContinue() && !m_continueAnswered) {
                m_continueAnswered = true;
                // An interim response must not land inside an earlier final one.
                if (m_queue.empty())
                    writeToSocket(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
                else
                    m_continuePending = true;
            }
            break;
        }
    }
    updateIdleDeadline();
}

void HttpConnection::trackHeaderEnd(QByteArrayView consumed)
{
    qsizetype pos = 0;
    while (pos < consumed.size()) {
        const qsizetype lf = consumed.indexOf('\n', pos);
        if (lf < 0) {
            m_lineLength += consumed.size() - pos;
            m_lastChar = consumed.back();
            return;
        }
        const qsizetype length = m_lineLength + (lf - pos);
        const char last = lf > pos ? consumed[lf - 1] : m_lastChar;
        const bool empty = length == 0 || (length == 1 && last == '\r');
        m_lineLength = 0;
        m_lastChar = 0;
        pos = lf + 1;
        if (!empty) {
            m_sawRequestLine = true;
        } else if (m_sawRequestLine) {
            m_headersDone = true;
            return;
        }
    }
}

void HttpConnection::dispatchRequest()
{
    HttpRequest request = m_parser.takeRequest();
    m_lineLength = 0;
    m_lastChar = 0;
    m_sawRequestLine = false;
    m_headersDone = false;
    m_continueAnswered = false;
    m_continuePending = false;
    setDeadline(Deadline::None, 0);

    const bool closeAfter = !request.keepAlive;
    auto *responder = new ConnectionResponder(this, request.versionMinor, request.method == "HEAD", closeAfter);
    responder->setPeerAddress(m_peerAddress);
    m_queue.push_back(responder);
    if (closeAfter)
        m_phase = Phase::LastResponses;
    if (m_handler)
        m_handler->handle(std::move(request), responder);
    else
        sendOwnError(responder, 503, QStringLiteral("the gateway has no request handler"));
}

void HttpConnection::failRequest(int status, const QString &message)
{
    m_phase = Phase::LastResponses;
    m_inputPos = m_inputEnd;
    setDeadline(Deadline::None, 0);
    auto *responder = new ConnectionResponder(this, 1, false, true);
    responder->setPeerAddress(m_peerAddress);
    m_queue.push_back(responder);
    sendOwnError(responder, status, message);
}

void HttpConnection::deliver(ConnectionResponder *responder, const QByteArray &bytes, bool more)
{
    if (m_phase == Phase::Closed || m_phase == Phase::Draining)
        return;
    if (!m_queue.empty() && m_queue.front() == responder) {
        writeToSocket(bytes, more);
        return;
    }
    QByteArray &held = responder->heldOutput();
    // Same rule as for the socket: one large piece may exceed the limit, a growing backlog may not.
    if (!held.isEmpty() && held.size() + bytes.size() > m_options.maxPendingWriteBytes) {
        abortConnection();
        return;
    }
    held.append(bytes);
}

void HttpConnection::writeToSocket(const QByteArray &bytes, bool more)
{
    // A client that stopped reading must not make us buffer without bound. One large
    // response may exceed the limit; a backlog that is already over it may not grow.
    if (m_socket->bytesToWrite() > m_options.maxPendingWriteBytes) {
        abortConnection();
        return;
    }
    m_socket->write(bytes);
    if (!more) {
        m_socket->flush();
    } else if (!m_flushQueued) {
        // Runs before the thread next waits: one send() for all the pieces of this pass.
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &HttpConnection::flushDeferred, Qt::QueuedConnection);
    }
}

void HttpConnection::flushDeferred()
{
    m_flushQueued = false;
    if (m_socket && m_phase != Phase::Closed)
        m_socket->flush();
}

void HttpConnection::responseComplete(ConnectionResponder *responder)
{
    if (m_phase == Phase::Closed || m_queue.empty() || m_queue.front() != responder)
        return; // a held response completes when it reaches the front
    advanceQueue();
}

void HttpConnection::advanceQueue()
{
    while (m_phase != Phase::Closed && !m_queue.empty() && m_queue.front()->isComplete()) {
        ConnectionResponder *done = m_queue.front();
        m_queue.pop_front();
        done->deleteLater();
        if (done->closesConnection()) {
            closeAfterResponses();
            return;
        }
        if (!m_queue.empty() && !m_queue.front()->heldOutput().isEmpty())
            writeToSocket(std::exchange(m_queue.front()->heldOutput(), QByteArray()));
    }
    if (m_phase == Phase::Open) {
        if (m_continuePending && m_queue.empty()) {
            m_continuePending = false;
            writeToSocket(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
        }
        updateIdleDeadline();
        if (m_readPaused && m_queue.size() < kMaxPipelined) {
            m_readPaused = false;
            // Not from here: we are inside a handler's call into its responder.
            QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
        }
    } else if (m_phase == Phase::LastResponses && m_queue.empty()) {
        closeAfterResponses();
    }
}

void HttpConnection::closeAfterResponses()
{
    if (m_phase == Phase::Closed || m_phase == Phase::Draining)
        return;
    m_phase = Phase::LastResponses;
    m_closeWhenFlushed = true;
    // Bounded wait for the last responses to reach a client that may have stopped reading.
    setDeadline(Deadline::Linger, m_options.idleTimeoutMs);
    m_socket->flush();
    if (m_socket->bytesToWrite() == 0)
        halfCloseAndDrain();
}

void HttpConnection::onBytesWritten()
{
    if (m_closeWhenFlushed && m_phase == Phase::LastResponses && m_socket->bytesToWrite() == 0)
        halfCloseAndDrain();
}

void HttpConnection::halfCloseAndDrain()
{
    m_closeWhenFlushed = false;
    m_phase = Phase::Draining;
#ifdef Q_OS_UNIX
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
#else
    m_socket->disconnectFromHost();
#endif
    if (m_socket->bytesAvailable() > 0)
        m_socket->skip(m_socket->bytesAvailable());
    setDeadline(Deadline::Linger, kLingerMs);
}

void HttpConnection::abortConnection()
{
    if (m_phase == Phase::Closed)
        return;
    m_socket->abort();
    onDisconnected();
}

void HttpConnection::onDisconnected()
{
    if (m_phase == Phase::Closed)
        return;
    m_phase = Phase::Closed;
    setDeadline(Deadline::None, 0);
    // Handlers hear of it from the event loop, never from inside their own call into a
    // responder that happened to hit the disconnect.
    QMetaObject::invokeMethod(this, &HttpConnection::finishTeardown, Qt::QueuedConnection);
}

void HttpConnection::finishTeardown()
{
    notifyPending();
    m_socket->abort();
    deleteLater();
}

void HttpConnection::closeNow()
{
    m_phase = Phase::Closed;
    setDeadline(Deadline::None, 0);
    if (m_socket)
        m_socket->abort();
    notifyPending();
}

void HttpConnection::notifyPending()
{
    const std::deque<ConnectionResponder *> pending = std::exchange(m_queue, {});
    for (ConnectionResponder *responder : pending) {
        responder->markClientGone();
        responder->deleteLater();
    }
}

void HttpConnection::setDeadline(Deadline deadline, int ms)
{
    m_deadline = deadline;
    if (deadline == Deadline::None)
        m_timer.stop();
    else
        m_timer.start(ms, Qt::CoarseTimer, this);
}

void HttpConnection::updateIdleDeadline()
{
    if (m_phase != Phase::Open)
        return;
    const bool idle = m_queue.empty() && !m_parser.hasStarted();
    if (idle && m_deadline != Deadline::Idle)
        setDeadline(Deadline::Idle, m_options.idleTimeoutMs);
    else if (!idle && m_deadline == Deadline::Idle)
        setDeadline(Deadline::None, 0);
}

void HttpConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    const Deadline expired = std::exchange(m_deadline, Deadline::None);
    m_timer.stop();
    switch (expired) {
    case Deadline::Idle:
        m_phase = Phase::LastResponses;
        closeAfterResponses();
        break;
    case Deadline::Header:
        failRequest(408, QStringLiteral("request headers not received within %1 ms").arg(m_options.headerTimeoutMs));
        break;
    case Deadline::Body:
        failRequest(408, QStringLiteral("request body not received within %1 ms").arg(m_options.bodyTimeoutMs));
        break;
    case Deadline::Linger:
        abortConnection();
        break;
    case Deadline::None:
        break;
    }
}

} // namespace Switchyard
