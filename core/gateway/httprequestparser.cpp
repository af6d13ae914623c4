// SPDX-License-Identifier: MIT
#include "core/gateway/httprequestparser.h"

#include <limits>

namespace Switchyard {

namespace {

constexpr qsizetype kMaxChunkLine = 1024;

bool isTokenChar(char c)
{
    // RFC 9110 tchar
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

} // namespace

HttpRequestParser::HttpRequestParser()
    : HttpRequestParser(Limits())
{
}

HttpRequestParser::HttpRequestParser(Limits limits)
    : m_limits(limits)
{
}

void HttpRequestParser::fail(int status, const QString &message)
{
    m_status = Status::Failed;
    m_errorStatus = status;
    m_errorMessage = message;
}

bool HttpRequestParser::takeLine(QByteArrayView data, qsizetype &pos, QByteArrayView *line)
{
    if (m_lineTaken) {
        m_line.clear();
        m_lineTaken = false;
    }
    const qsizetype lf = data.indexOf('\n', pos);
    const qsizetype end = lf < 0 ? data.size() : lf;
    const qsizetype limit = m_phase == Phase::ChunkSize ? kMaxChunkLine : m_limits.maxHeaderBytes - m_headerBytes;
    if (m_line.size() + (end - pos) > limit) {
        if (m_phase == Phase::RequestLine)
            fail(414, QStringLiteral("request line too long"));
        else if (m_phase == Phase::ChunkSize)
            fail(400, QStringLiteral("chunk size line too long"));
        else
            fail(431, QStringLiteral("request headers larger than %1 bytes").arg(m_limits.maxHeaderBytes));
        return false;
    }
    if (lf < 0) {
        m_line.append(data.sliced(pos, end - pos));
        pos = data.size();
        return false;
    }
    // The usual case, a whole line in this read, is a view: no copy.
    QByteArrayView whole = data.sliced(pos, end - pos);
    if (!m_line.isEmpty()) {
        m_line.append(whole);
        whole = m_line;
        m_lineTaken = true;
    }
    pos = lf + 1;
    if (m_phase != Phase::ChunkSize && m_phase != Phase::ChunkDataEnd)
        m_headerBytes += whole.size() + 1;
    if (whole.endsWith('\r'))
        whole.chop(1);
    *line = whole;
    return true;
}

qsizetype HttpRequestParser::feed(QByteArrayView data)
{
    qsizetype pos = 0;
    QByteArrayView line;
    while (m_status == Status::NeedMore && pos < data.size()) {
        switch (m_phase) {
        case Phase::RequestLine:
            if (!takeLine(data, pos, &line))
                break;
            if (line.isEmpty() && m_request.method.isEmpty()) {
                m_headerBytes = 0; // RFC 9112 2.2: ignore empty lines before a request
                break;
            }
            if (parseRequestLine(line))
                m_phase = Phase::Headers;
            break;
        case Phase::Headers:
            if (!takeLine(data, pos, &line))
                break;
            if (line.isEmpty())
                headersComplete();
            else
                parseHeaderLine(line);
            break;
        case Phase::Body:
        case Phase::ChunkData: {
            const qsizetype n = qsizetype(qMin<qint64>(m_remaining, data.size() - pos));
            m_request.body.append(data.sliced(pos, n));
            pos += n;
            m_remaining -= n;
            if (m_remaining == 0) {
                if (m_phase == Phase::Body)
                    m_phase = Phase::Done;
                else
                    m_phase = Phase::ChunkDataEnd;
            }
            break;
        }
        case Phase::ChunkDataEnd:
            if (!takeLine(data, pos, &line))
                break;
            if (!line.isEmpty())
                fail(400, QStringLiteral("chunk data longer than its size"));
            else
                m_phase = Phase::ChunkSize;
            break;
        case Phase::ChunkSize:
            if (takeLine(data, pos, &line))
                parseChunkSize(line);
            break;
        case Phase::Trailers:
            if (!takeLine(data, pos, &line))
                break;
            if (line.isEmpty())
                m_phase = Phase::Done; // trailer fields are read and dropped
            break;
        case Phase::Done:
            break;
        }
        if (m_phase == Phase::Done && m_status == Status::NeedMore)
            m_status = Status::Complete;
    }
    if (m_lineTaken) { // hasStarted() looks at m_line
        m_line.clear();
        m_lineTaken = false;
    }
    if (m_phase == Phase::Done && m_status == Status::NeedMore)
        m_status = Status::Complete;
    return pos;
}

bool HttpRequestParser::parseRequestLine(QByteArrayView line)
{
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 <= sp1 + 1 || line.indexOf(' ', sp2 + 1) >= 0) {
        fail(400, QStringLiteral("malformed request line"));
        return false;
    }
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    if (!isToken(method)) {
        fail(400, QStringLiteral("malformed request method"));
        return false;
    }
    if (version == "HTTP/1.1") {
        m_request.versionMinor = 1;
    } else if (version == "HTTP/1.0") {
        m_request.versionMinor = 0;
    } else if (version.startsWith("HTTP/")) {
        fail(505, QStringLiteral("only HTTP/1.0 and HTTP/1.1 are supported"));
        return false;
    } else {
        fail(400, QStringLiteral("malformed HTTP version"));
        return false;
    }
    for (char c : target) {
        if (uchar(c) <= 0x20 || c == 0x7f) {
            fail(400, QStringLiteral("malformed request target"));
            return false;
        }
    }
    m_request.method = method.toByteArray();
    m_request.target = target.toByteArray();
    return true;
}

bool HttpRequestParser::parseHeaderLine(QByteArrayView line)
{
    if (line.front() == ' ' || line.front() == '\t') {
        fail(400, QStringLiteral("obsolete header line folding is not accepted"));
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon))) {
        fail(400, QStringLiteral("malformed header line"));
        return false;
    }
    if (m_request.headers.size() >= m_limits.maxHeaders) {
        fail(431, QStringLiteral("more than %1 request headers").arg(m_limits.maxHeaders));
        return false;
    }
    if (m_request.headers.isEmpty())
        m_request.headers.reserve(8);
    const QByteArrayView name = line.first(colon);
    m_request.headers.append({name.toByteArray(), line.sliced(colon + 1).trimmed().toByteArray()});
    const QByteArray &value = m_request.headers.constLast().second;
    const auto is = [&](QByteArrayView known) {
        return name.size() == known.size() && name.compare(known, Qt::CaseInsensitive) == 0;
    };
    switch (name.size()) {
    case 14:
        if (is("content-length")) {
            // Repeated Content-Length headers must agree (RFC 9112 6.3).
            if (m_hasContentLength && value != m_contentLength)
                m_contentLengthConflict = true;
            m_contentLength = value;
            m_hasContentLength = true;
        }
        break;
    case 17:
        if (is("transfer-encoding")) {
            m_transferEncoding = value;
            ++m_transferEncodings;
        }
        break;
    case 10:
        if (!m_seenConnection && is("connection")) {
            m_connection = value;
            m_seenConnection = true;
        }
        break;
    case 6:
        if (!m_seenExpect && is("expect")) {
            m_expect = value;
            m_seenExpect = true;
        }
        break;
    default:
        break;
    }
    return true;
}

bool HttpRequestParser::headersComplete()
{
    const QByteArray &transferEncoding = m_transferEncoding;
    const bool hasLength = m_hasContentLength;
    const QByteArray connection = m_connection.toLower();
    m_request.keepAlive = m_request.versionMinor == 1 ? !connection.contains("close") : connection.contains("keep-alive");
    // HTTP/1.0 has no interim responses: its clients send the body without waiting (RFC 9110).
    m_expectContinue = m_request.versionMinor >= 1 && m_expect.compare("100-continue", Qt::CaseInsensitive) == 0;

    if (m_transferEncodings > 0) {
        // Only plain "chunked" is supported: a second line would add a coding after it, and an
        // empty value is no coding at all. Either way the framing is in doubt: refuse it.
        if (m_transferEncodings > 1 || transferEncoding.isEmpty()) {
            fail(400, QStringLiteral("malformed Transfer-Encoding"));
            return false;
        }
        if (hasLength) {
            fail(400, QStringLiteral("both Content-Length and Transfer-Encoding given"));
            return false;
        }
        if (transferEncoding.trimmed().compare("chunked", Qt::CaseInsensitive) != 0) {
            fail(501, QStringLiteral("unsupported Transfer-Encoding '%1'").arg(QString::fromLatin1(transferEncoding)));
            return false;
        }
        m_phase = Phase::ChunkSize;
        return true;
    }
    if (!hasLength) {
        m_phase = Phase::Done;
        return true;
    }
    if (m_contentLengthConflict) {
        fail(400, QStringLiteral("conflicting Content-Length headers"));
        return false;
    }
    const QByteArray &length = m_contentLength;
    bool ok = !length.isEmpty() && std::all_of(length.cbegin(), length.cend(), [](char c) { return c >= '0' && c <= '9'; });
    const qint64 size = ok ? length.toLongLong(&ok) : -1;
    if (!ok || size < 0) {
        fail(400, QStringLiteral("invalid Content-Length"));
        return false;
    }
    if (size > m_limits.maxBodyBytes) {
        fail(413, QStringLiteral("request body of %1 bytes exceeds the limit of %2 bytes").arg(size).arg(m_limits.maxBodyBytes));
        return false;
    }
    m_remaining = size;
    m_request.body.reserve(size);
    m_phase = size == 0 ? Phase::Done : Phase::Body;
    return true;
}

bool HttpRequestParser::parseChunkSize(QByteArrayView line)
{
    const qsizetype semicolon = line.indexOf(';'); // chunk extensions are ignored
    const QByteArray hex = (semicolon < 0 ? line : line.first(semicolon)).trimmed().toByteArray();
    bool ok = !hex.isEmpty() && hex.size() <= 15;
    const qint64 size = ok ? hex.toLongLong(&ok, 16) : -1;
    if (!ok || size < 0) {
        fail(400, QStringLiteral("invalid chunk size"));
        return false;
    }
    if (m_request.body.size() + size > m_limits.maxBodyBytes) {
        fail(413, QStringLiteral("request body exceeds the limit of %1 bytes").arg(m_limits.maxBodyBytes));
        return false;
    }
    m_remaining = size;
    m_phase = size == 0 ? Phase::Trailers : Phase::ChunkData;
    return true;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest request = std::exchange(m_request, HttpRequest());
    m_status = Status::NeedMore;
    m_phase = Phase::RequestLine;
    m_line.clear();
    m_lineTaken = false;
    m_contentLength = m_transferEncoding = m_connection = m_expect = QByteArray();
    m_contentLengthConflict = m_hasContentLength = m_seenConnection = m_seenExpect = false;
    m_transferEncodings = 0;
    m_headerBytes = 0;
    m_remaining = 0;
    m_expectContinue = false;
    return request;
}

} // namespace Switchyard
