// SPDX-License-Identifier: MIT
#include "core/gateway/connectionresponder.h"

#include "core/common/bytebuilder.h"
#include "core/gateway/httpconnection.h"

#include <QDateTime>
#include <QLocale>

namespace Switchyard {

namespace {

// Bodies above this go to the socket as their own write instead of being copied behind
// the headers; the socket coalesces both in one flush.
constexpr qsizetype kCopyBodyBelow = 16 * 1024;

bool isFramingHeader(const QByteArray &name)
{
    // Framing and connection management belong to the server; a handler's copy would
    // contradict the one we write.
    switch (name.size()) {
    case 4:
        return name.compare("date", Qt::CaseInsensitive) == 0;
    case 10:
        return name.compare("connection", Qt::CaseInsensitive) == 0
            || name.compare("keep-alive", Qt::CaseInsensitive) == 0;
    case 14:
        return name.compare("content-length", Qt::CaseInsensitive) == 0;
    case 17:
        return name.compare("transfer-encoding", Qt::CaseInsensitive) == 0;
    default:
        return false;
    }
}

} // namespace

ConnectionResponder::ConnectionResponder(HttpConnection *connection, int versionMinor, bool headRequest,
                                         bool closeAfter)
    : HttpResponder(connection)
    , m_connection(connection)
    , m_versionMinor(versionMinor)
    , m_headRequest(headRequest)
    , m_closeAfter(closeAfter)
{
}

QByteArrayView ConnectionResponder::reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 499: return "Client Closed Request";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
    }
}

const QByteArray &ConnectionResponder::httpDate()
{
    thread_local qint64 cachedSecond = -1;
    thread_local QByteArray cached;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (now != cachedSecond) {
        cachedSecond = now;
        cached = QLocale::c()
                     .toString(QDateTime::fromSecsSinceEpoch(now, Qt::UTC), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"))
                     .toLatin1()
            + " GMT";
    }
    return cached;
}

QByteArray ConnectionResponder::buildHead(int status, const HttpHeaders &headers, Framing framing,
                                          qsizetype contentLength, qsizetype reserveExtra) const
{
    qsizetype size = 160;
    for (const auto &[name, value] : headers)
        size += name.size() + value.size() + 4;
    ByteBuilder head(size + reserveExtra);
    (head << "HTTP/1.1 ").number(status) << ' ' << reasonPhrase(status) << "\r\n";
    for (const auto &[name, value] : headers) {
        if (!isFramingHeader(name))
            head << name << ": " << value << "\r\n";
    }
    head << "Date: " << httpDate() << "\r\n";
    if (framing == Framing::Length && status != 204 && status != 304)
        (head << "Content-Length: ").number(contentLength) << "\r\n";
    else if (framing == Framing::Chunked)
        head << "Transfer-Encoding: chunked\r\n";
    if (m_closeAfter)
        head << "Connection: close\r\n";
    else if (m_versionMinor == 0)
        head << "Connection: keep-alive\r\n";
    head << "\r\n";
    return head.take();
}

void ConnectionResponder::send(int status, const HttpHeaders &headers, const QByteArray &body)
{
    if (m_state != State::Idle || m_gone || m_connection->isClosed())
        return;
    m_closeAfter = m_closeAfter || m_connection->closesAfter(this);
    const bool withBody = !m_headRequest && status != 204 && status != 304;
    const bool copyBody = withBody && body.size() < kCopyBodyBelow;
    QByteArray out = buildHead(status, headers, Framing::Length, body.size(), copyBody ? body.size() : 0);
    if (copyBody)
        out.append(body);
    m_connection->deliver(this, out);
    if (withBody && !copyBody)
        m_connection->deliver(this, body);
    complete();
}

void ConnectionResponder::beginStream(int status, const HttpHeaders &headers)
{
    if (m_state != State::Idle || m_gone || m_connection->isClosed())
        return;
    m_state = State::Streaming;
    // HTTP/1.0 has no chunked coding: the end of the stream is the end of the connection.
    m_chunked = m_versionMinor >= 1;
    m_closeAfter = m_closeAfter || !m_chunked || m_connection->closesAfter(this);
    m_bodyless = m_headRequest || status == 204 || status == 304;
    m_connection->deliver(this, buildHead(status, headers, m_chunked ? Framing::Chunked : Framing::Close, -1, 0), true);
}

void ConnectionResponder::write(const QByteArray &bytes)
{
    // An empty chunk would end the stream; skip it.
    if (m_state != State::Streaming || m_gone || bytes.isEmpty() || m_bodyless || m_connection->isClosed())
        return;
    if (!m_chunked) {
        m_connection->deliver(this, bytes, true);
        return;
    }
    ByteBuilder chunk(bytes.size() + 20);
    chunk.number(bytes.size(), 16) << "\r\n" << bytes << "\r\n";
    m_connection->deliver(this, chunk.take(), true);
}

void ConnectionResponder::endStream()
{
    if (m_state != State::Streaming || m_gone || m_connection->isClosed())
        return;
    if (m_chunked && !m_bodyless)
        m_connection->deliver(this, QByteArrayLiteral("0\r\n\r\n"));
    complete();
}

void ConnectionResponder::abortStream()
{
    if (m_state == State::Complete || m_gone || m_connection->isClosed())
        return;
    m_closeAfter = true;
    complete();
}

void ConnectionResponder::complete()
{
    m_state = State::Complete;
    m_connection->responseComplete(this);
}

bool ConnectionResponder::isClientGone() const
{
    return m_gone || m_connection->isClosed();
}

void ConnectionResponder::markClientGone()
{
    if (m_gone || m_state == State::Complete)
        return;
    m_gone = true;
    Q_EMIT clientGone();
}

} // namespace Switchyard
