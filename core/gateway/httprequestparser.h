// SPDX-License-Identifier: MIT
#pragma once

#include "core/gateway/httprequest.h"

#include <QString>

namespace Switchyard {

/// Incremental HTTP/1.1 request parser: feed it bytes as they arrive, split anywhere.
///
/// It keeps only the bytes of the request being parsed; bytes after a complete request are
/// left unconsumed for the next one (pipelining). Limits are checked as bytes arrive, so an
/// oversized header or body is refused before it is buffered. Framing follows RFC 9112:
/// Content-Length or chunked; both at once, or a bad length, is refused (request smuggling).
/// Plain value type; one per connection, used on that connection's thread.
class HttpRequestParser
{
public:
    struct Limits {
        qsizetype maxHeaderBytes = 64 * 1024; ///< request line plus headers
        int maxHeaders = 100;
        qint64 maxBodyBytes = 32 * 1024 * 1024;
    };
    enum class Status { NeedMore, Complete, Failed };

    HttpRequestParser();
    explicit HttpRequestParser(Limits limits);

    /// Consumes bytes from `data` and returns how many it used. When the status becomes
    /// Complete, the rest of `data` belongs to the next request: call takeRequest() and feed
    /// the rest again.
    qsizetype feed(QByteArrayView data);
    Status status() const { return m_status; }

    /// The complete request; resets the parser for the next one.
    HttpRequest takeRequest();

    /// True once headers are complete and the client waits for "100 Continue".
    bool expectsContinue() const { return m_expectContinue; }
    /// True once any byte of a request has been seen (for idle vs. header timeouts).
    bool hasStarted() const { return m_phase != Phase::RequestLine || !m_line.isEmpty(); }

    /// When Failed: the HTTP status to answer (400, 413, 431, 501, 505) and why.
    int errorStatus() const { return m_errorStatus; }
    QString errorMessage() const { return m_errorMessage; }

private:
    enum class Phase { RequestLine, Headers, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Done };

    /// The next whole line (without CR LF) in `line`: a view into `data`, or into m_line when
    /// the line was split across feeds (valid until the next call).
    bool takeLine(QByteArrayView data, qsizetype &pos, QByteArrayView *line);
    bool parseRequestLine(QByteArrayView line);
    bool parseHeaderLine(QByteArrayView line);
    bool headersComplete();
    bool parseChunkSize(QByteArrayView line);
    void fail(int status, const QString &message);

    Limits m_limits;
    Status m_status = Status::NeedMore;
    Phase m_phase = Phase::RequestLine;
    HttpRequest m_request;
    QByteArray m_line;            ///< partial line carried between feeds
    bool m_lineTaken = false;     ///< m_line holds a line already handed out
    // The headers the parser itself acts on, noted as they arrive instead of searched for
    // afterwards: Connection and Expect as HttpRequest::header() finds them (the first),
    // every Content-Length (they must agree) and Transfer-Encoding line (one allowed).
    QByteArray m_contentLength, m_transferEncoding, m_connection, m_expect;
    bool m_hasContentLength = false;
    bool m_contentLengthConflict = false;
    bool m_seenConnection = false;
    bool m_seenExpect = false;
    int m_transferEncodings = 0;
    qsizetype m_headerBytes = 0;
    qint64 m_remaining = 0;       ///< body or chunk bytes still expected
    bool m_expectContinue = false;
    int m_errorStatus = 0;
    QString m_errorMessage;
};

} // namespace Switchyard
