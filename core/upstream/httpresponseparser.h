// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace Switchyard {

/// Incremental parser for one HTTP/1.1 response (RFC 9112) to a request that may have a
/// body (the upstream calls are POSTs): status line, header fields within size limits, and a
/// body framed by Content-Length, chunked transfer coding or the closing of the connection.
/// 1xx interim responses are skipped. Bytes may be split anywhere; the decoded body comes out
/// as it arrives. Plain value type, one per connection, reset() between responses.
class HttpResponseParser
{
public:
    enum class State {
        Head,      ///< status line and header fields
        Body,      ///< the head is complete; body bytes follow
        Complete,  ///< the whole message was read
        Failed,    ///< not HTTP/1.x, or over a limit; the connection cannot be trusted
    };
    enum class Framing { None, ContentLength, Chunked, Close };

    static constexpr qsizetype MaxHeadBytes = 64 * 1024;
    static constexpr int MaxHeaderFields = 128;

    HttpResponseParser() = default;

    /// Forgets the previous response; keeps buffers allocated.
    void reset();

    /// Consumes bytes from `bytes`, appending decoded body bytes to `*body`. Stops at the end of
    /// the message, so the return value (bytes used) is less than the size when bytes follow
    /// the response; everything is used when more is needed.
    qsizetype feed(QByteArrayView bytes, QByteArray *body);
    /// The connection closed. True when that completes the message (a close-delimited body);
    /// false when it cut the message short.
    bool finishOnClose();

    State state() const { return m_state; }
    bool isHeadComplete() const { return m_state == State::Body || m_state == State::Complete; }
    bool isComplete() const { return m_state == State::Complete; }
    bool hasFailed() const { return m_state == State::Failed; }
    const char *errorString() const { return m_error; }

    int status() const { return m_status; }
    Framing framing() const { return m_framing; }
    /// The connection may carry another request after this response: HTTP/1.1 without
    /// `Connection: close` (or 1.0 with keep-alive), and a body whose end is known.
    bool isKeepAlive() const { return m_keepAlive && m_framing != Framing::Close; }
    /// Value of the first header field called `name` (case-insensitive), empty when absent.
    QByteArrayView header(QByteArrayView name) const;

private:
    enum class BodyState { Data, ChunkSize, ChunkDataEnd, Trailers };

    void fail(const char *error);
    bool takeLine(QByteArrayView bytes, qsizetype *pos, QByteArrayView *line, qsizetype limit);
    void parseStatusLine(QByteArrayView line);
    void parseHeaderLine(QByteArrayView line);
    void endOfHead();
    void parseChunkSize(QByteArrayView line);

    struct Field {
        qsizetype name;
        qsizetype nameSize;
        qsizetype value;
        qsizetype valueSize;
    };

    State m_state = State::Head;
    BodyState m_bodyState = BodyState::Data;
    Framing m_framing = Framing::None;
    bool m_statusSeen = false;
    bool m_keepAlive = true;
    int m_status = 0;
    int m_httpMinor = 1;
    qint64 m_remaining = 0;        ///< Content-Length or chunk bytes still to come
    qsizetype m_headBytes = 0;
    QByteArray m_head;             ///< header lines of the current response, fields point into it
    QList<Field> m_fields;
    QByteArray m_line;             ///< a line split across feeds
    const char *m_error = "";
};

} // namespace Switchyard
