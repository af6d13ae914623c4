// SPDX-License-Identifier: MIT
#include "core/upstream/httpresponseparser.h"

#include <limits>

namespace Switchyard {

namespace {

constexpr qsizetype MaxChunkLineBytes = 4096; // size plus extensions

bool equalsNoCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

/// True when the comma-separated list `value` holds `token` (case-insensitive).
bool listContains(QByteArrayView value, QByteArrayView token)
{
    while (!value.isEmpty()) {
        const qsizetype comma = value.indexOf(',');
        const QByteArrayView item = trimmed(comma < 0 ? value : value.first(comma));
        if (equalsNoCase(item, token))
            return true;
        if (comma < 0)
            break;
        value = value.sliced(comma + 1);
    }
    return false;
}

/// The last element of a comma-separated list, trimmed.
QByteArrayView lastListItem(QByteArrayView value)
{
    const qsizetype comma = value.lastIndexOf(',');
    return trimmed(comma < 0 ? value : value.sliced(comma + 1));
}

} // namespace

void HttpResponseParser::reset()
{
    m_state = State::Head;
    m_bodyState = BodyState::Data;
    m_framing = Framing::None;
    m_statusSeen = false;
    m_keepAlive = true;
    m_status = 0;
    m_httpMinor = 1;
    m_remaining = 0;
    m_headBytes = 0;
    m_head.truncate(0);
    m_fields.resize(0);
    m_line.truncate(0);
    m_error = "";
}

void HttpResponseParser::fail(const char *error)
{
    m_state = State::Failed;
    m_error = error;
}

QByteArrayView HttpResponseParser::header(QByteArrayView name) const
{
    for (const Field &field : m_fields) {
        if (equalsNoCase(QByteArrayView(m_head.constData() + field.name, field.nameSize), name))
            return QByteArrayView(m_head.constData() + field.value, field.valueSize);
    }
    return {};
}

bool HttpResponseParser::takeLine(QByteArrayView bytes, qsizetype *pos, QByteArrayView *line, qsizetype limit)
{
    const qsizetype start = *pos;
    const char *data = bytes.data() + start;
    const qsizetype available = bytes.size() - start;
    const void *found = memchr(data, '\n', size_t(available));
    if (!found) {
        if (m_line.size() + available > limit) {
            fail("an HTTP header line exceeds the size limit");
            return false;
        }
        m_line.append(data, available);
        *pos = bytes.size();
        return false;
    }
    const qsizetype length = static_cast<const char *>(found) - data;
    *pos = start + length + 1;
    if (m_line.size() + length > limit) {
        fail("an HTTP header line exceeds the size limit");
        return false;
    }
    QByteArrayView view;
    if (m_line.isEmpty()) {
        view = QByteArrayView(data, length);
    } else {
        m_line.append(data, length);
        view = m_line;
    }
    if (view.endsWith('\r'))
        view.chop(1);
    *line = view;
    return true;
}

qsizetype HttpResponseParser::feed(QByteArrayView bytes, QByteArray *body)
{
    qsizetype pos = 0;
    const qsizetype size = bytes.size();
    while (pos < size) {
        if (m_state == State::Head) {
            QByteArrayView line;
            const qsizetype before = pos;
            if (!takeLine(bytes, &pos, &line, MaxHeadBytes - m_headBytes))
                return hasFailed() ? pos : size;
            m_headBytes += pos - before;
            if (!m_statusSeen)
                parseStatusLine(line);
            else if (line.isEmpty())
                endOfHead();
            else
                parseHeaderLine(line);
            m_line.truncate(0);
            continue;
        }
        if (m_state != State::Body)
            return pos;

        switch (m_bodyState) {
        case BodyState::Data: {
            qsizetype take = size - pos;
            if (m_framing != Framing::Close && take > m_remaining)
                take = qsizetype(m_remaining);
            body->append(bytes.data() + pos, take);
            pos += take;
            if (m_framing == Framing::Close)
                break;
            m_remaining -= take;
            if (m_remaining == 0) {
                if (m_framing == Framing::Chunked)
                    m_bodyState = BodyState::ChunkDataEnd;
                else
                    m_state = State::Complete;
            }
            break;
        }
        case BodyState::ChunkSize:
        case BodyState::ChunkDataEnd:
        case BodyState::Trailers: {
            QByteArrayView line;
            const qsizetype limit = m_bodyState == BodyState::Trailers ? MaxHeadBytes : MaxChunkLineBytes;
            if (!takeLine(bytes, &pos, &line, limit))
                return hasFailed() ? pos : size;
            if (m_bodyState == BodyState::ChunkSize) {
                parseChunkSize(line);
            } else if (m_bodyState == BodyState::ChunkDataEnd) {
                if (line.isEmpty())
                    m_bodyState = BodyState::ChunkSize;
                else
                    fail("a chunk of the HTTP body is longer than announced");
            } else if (line.isEmpty()) {
                m_state = State::Complete; // trailer fields are ignored
            }
            m_line.truncate(0);
            break;
        }
        }
    }
    return pos;
}

void HttpResponseParser::parseStatusLine(QByteArrayView line)
{
    // HTTP-version SP 3DIGIT SP [reason-phrase]; the reason phrase is ignored.
    if (line.size() < 12 || !line.startsWith("HTTP/1.") || line.at(8) != ' ') {
        fail("the upstream did not answer with HTTP/1.x");
        return;
    }
    const char minor = line.at(7);
    const char d0 = line.at(9), d1 = line.at(10), d2 = line.at(11);
    if (minor < '0' || minor > '9' || d0 < '1' || d0 > '5' || d1 < '0' || d1 > '9' || d2 < '0' || d2 > '9'
        || (line.size() > 12 && line.at(12) != ' ')) {
        fail("malformed HTTP status line");
        return;
    }
    m_httpMinor = minor - '0';
    m_status = (d0 - '0') * 100 + (d1 - '0') * 10 + (d2 - '0');
    m_statusSeen = true;
}

void HttpResponseParser::parseHeaderLine(QByteArrayView line)
{
    if (line.front() == ' ' || line.front() == '\t') {
        fail("obsolete line folding in an HTTP header"); // RFC 9112 5.2 allows refusing it
        return;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0) {
        fail("malformed HTTP header line");
        return;
    }
    const QByteArrayView name = line.first(colon);
    if (name.back() == ' ' || name.back() == '\t') {
        fail("whitespace before the colon of an HTTP header");
        return;
    }
    if (m_fields.size() >= MaxHeaderFields) {
        fail("too many HTTP header fields");
        return;
    }
    const QByteArrayView value = trimmed(line.sliced(colon + 1));
    Field field;
    field.name = m_head.size();
    field.nameSize = name.size();
    m_head.append(name.data(), name.size());
    field.value = m_head.size();
    field.valueSize = value.size();
    m_head.append(value.data(), value.size());
    m_fields.append(field);
}

void HttpResponseParser::endOfHead()
{
    if (m_status >= 100 && m_status < 200) {
        if (m_status == 101) {
            fail("the upstream switched protocols without being asked");
            return;
        }
        // An interim answer (100 Continue, 103 Early Hints): the real one follows.
        m_statusSeen = false;
        m_head.truncate(0);
        m_fields.resize(0);
        return;
    }

    bool closeAsked = false;
    bool keepAliveAsked = false;
    bool hasLength = false;
    qint64 length = -1;
    QByteArrayView transferEncoding;
    for (const Field &field : m_fields) {
        const QByteArrayView name(m_head.constData() + field.name, field.nameSize);
        const QByteArrayView value(m_head.constData() + field.value, field.valueSize);
        if (equalsNoCase(name, "content-length")) {
            bool ok = false;
            const qint64 n = value.toLongLong(&ok);
            if (!ok || n < 0 || value.front() == '+' || (hasLength && n != length)) {
                fail("invalid Content-Length in the HTTP answer");
                return;
            }
            hasLength = true;
            length = n;
        } else if (equalsNoCase(name, "transfer-encoding")) {
            transferEncoding = value; // several fields: the last coding decides, as below
        } else if (equalsNoCase(name, "connection")) {
            closeAsked = closeAsked || listContains(value, "close");
            keepAliveAsked = keepAliveAsked || listContains(value, "keep-alive");
        }
    }
    m_keepAlive = m_httpMinor >= 1 ? !closeAsked : keepAliveAsked && !closeAsked;

    if (m_status == 204 || m_status == 304) {
        m_framing = Framing::None;
        m_state = State::Complete;
        return;
    }
    if (!transferEncoding.isEmpty()) {
        // RFC 9112 6.3: Transfer-Encoding overrides Content-Length; such a message may be an
        // attempt at request smuggling, so the connection is not reused after it.
        if (hasLength)
            m_keepAlive = false;
        if (equalsNoCase(lastListItem(transferEncoding), "chunked")) {
            m_framing = Framing::Chunked;
            m_bodyState = BodyState::ChunkSize;
        } else {
            m_framing = Framing::Close;
            m_bodyState = BodyState::Data;
        }
        m_state = State::Body;
        return;
    }
    if (hasLength) {
        m_framing = Framing::ContentLength;
        m_remaining = length;
        m_bodyState = BodyState::Data;
        m_state = length == 0 ? State::Complete : State::Body;
        return;
    }
    m_framing = Framing::Close;
    m_bodyState = BodyState::Data;
    m_state = State::Body;
}

void HttpResponseParser::parseChunkSize(QByteArrayView line)
{
    const qsizetype semicolon = line.indexOf(';');
    const QByteArrayView digits = trimmed(semicolon < 0 ? line : line.first(semicolon));
    if (digits.isEmpty() || digits.size() > 15) {
        fail("malformed chunk size in the HTTP body");
        return;
    }
    qint64 size = 0;
    for (const char c : digits) {
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else {
            fail("malformed chunk size in the HTTP body");
            return;
        }
        size = size * 16 + d;
    }
    if (size == 0) {
        m_bodyState = BodyState::Trailers;
        return;
    }
    m_remaining = size;
    m_bodyState = BodyState::Data;
}

bool HttpResponseParser::finishOnClose()
{
    if (m_state == State::Body && m_framing == Framing::Close) {
        m_state = State::Complete;
        return true;
    }
    return m_state == State::Complete;
}

} // namespace Switchyard
