// SPDX-License-Identifier: MIT
#include "core/upstream/httpupstreamcall.h"

#include "core/common/bytebuilder.h"
#include "core/upstream/upstreampool.h"
#include "core/usage/pricecatalog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>
#include <QTimer>
#include <QTimerEvent>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {

// A non-streaming answer bigger than this is not an LLM reply we can use; refuse it rather
// than buffer without bound.
constexpr qsizetype MaxBodyBytes = 64 * 1024 * 1024;

QByteArray openAiError(const QString &message, const char *type)
{
    QJsonObject error{{u"message"_s, message}, {u"type"_s, QString::fromLatin1(type)},
                      {u"param"_s, QJsonValue::Null}, {u"code"_s, QJsonValue::Null}};
    return QJsonDocument(QJsonObject{{u"error"_s, error}}).toJson(QJsonDocument::Compact);
}

bool isHeaderValueSafe(QByteArrayView value)
{
    for (const char c : value) {
        if (c == '\r' || c == '\n' || c == '\0')
            return false;
    }
    return true;
}

} // namespace

void HttpUpstreamCall::Prepared::addHeader(QByteArrayView name, QByteArrayView value)
{
    if (!isHeaderValueSafe(value)) {
        badHeader = true; // a line break would let the value forge headers or a second request
        return;
    }
    headers.append(name).append(": ").append(value).append("\r\n");
}

HttpUpstreamCall::HttpUpstreamCall(UpstreamPool *pool, const UpstreamCall &call, QObject *parent)
    : UpstreamCallHandle(parent)
    , m_call(call)
    , m_pool(pool)
{
}

HttpUpstreamCall::~HttpUpstreamCall()
{
    releaseConnection();
}

void HttpUpstreamCall::start()
{
    m_clock.start();
    Prepared prepared = prepare();
    if (prepared.error.isEmpty() && (prepared.badHeader || !isHeaderValueSafe(m_call.requestId))) {
        prepared.error = u"a header value for %1 contains a line break"_s.arg(m_call.target.owner());
        prepared.errorStatus = 500;
    }
    if (!prepared.error.isEmpty()) {
        // Refused locally, the way the upstream would refuse it; reported asynchronously
        // because the caller connects to finished() only after start() returns.
        QTimer::singleShot(0, this, [this, status = prepared.errorStatus, message = prepared.error] {
            m_result.httpStatus = status;
            m_result.body = openAiError(message, "invalid_request_error");
            failWith(UpstreamFailure::HttpStatus, message);
        });
        return;
    }

    const UpstreamPool::Endpoint &endpoint = prepared.endpoint;
    // The whole request in one buffer and one write: request line, headers, body.
    ByteBuilder request(256 + endpoint.target.size() + endpoint.authority.size() + m_call.requestId.size()
                        + prepared.headers.size() + prepared.body.size());
    request << "POST " << endpoint.target << " HTTP/1.1\r\nHost: " << endpoint.authority
            << "\r\nContent-Type: application/json\r\nUser-Agent: Switchyard\r\nAccept-Encoding: identity\r\nAccept: "
            << (m_call.stream ? "text/event-stream" : "application/json") << "\r\n";
    if (!m_call.requestId.isEmpty())
        request << "X-Request-Id: " << m_call.requestId << "\r\n";
    (request << prepared.headers << "Content-Length: ").number(prepared.body.size()) << "\r\n\r\n" << prepared.body;

    const UpstreamTimeouts &t = m_call.timeouts;
    if (t.connectMs > 0)
        m_connectDeadline = t.connectMs;
    if (m_call.stream && t.firstTokenMs > 0)
        m_firstTokenDeadline = t.firstTokenMs;
    if (t.totalMs > 0)
        m_totalDeadline = t.totalMs;
    armTimer();

    m_starting = true; // a connection may fail at once (a refused loopback port)
    m_connection = m_pool->acquire(endpoint.host, endpoint.port, endpoint.tls);
    m_connection->send(request.take(), this);
    m_starting = false;
}

void HttpUpstreamCall::abort()
{
    failWith(UpstreamFailure::Cancelled, u"cancelled"_s);
}

int HttpUpstreamCall::parseRetryAfter(const QByteArray &retryAfter, const QByteArray &retryAfterMs, const QDateTime &now)
{
    constexpr double maxMs = std::numeric_limits<int>::max();
    bool ok = false;
    const double ms = retryAfterMs.trimmed().toDouble(&ok);
    if (ok && ms >= 0 && std::isfinite(ms))
        return int(std::min(std::ceil(ms), maxMs));

    const QByteArray value = retryAfter.trimmed();
    if (value.isEmpty())
        return -1;
    const double seconds = value.toDouble(&ok);
    if (ok)
        return seconds >= 0 && std::isfinite(seconds) ? int(std::min(std::ceil(seconds * 1000), maxMs)) : -1;
    // IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT": Qt's RFC 2822 parser refuses the zone name.
    QString text = QString::fromLatin1(value);
    if (text.endsWith(u" GMT"))
        text.chop(4);
    QDateTime at = QLocale::c().toDateTime(text, u"ddd, dd MMM yyyy hh:mm:ss"_s);
    if (at.isValid())
        at.setTimeZone(QTimeZone::utc());
    else
        at = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
    if (!at.isValid())
        return -1;
    return int(std::clamp<qint64>(now.msecsTo(at), 0, std::numeric_limits<int>::max()));
}

void HttpUpstreamCall::onStreamEnd()
{
    if (m_streamDone || !m_result.finishReason.isEmpty())
        succeed();
    else
        failWith(UpstreamFailure::Reset, u"the stream ended before its end marker"_s);
}

bool HttpUpstreamCall::deliverChunk(const QByteArray &json)
{
    if (m_finished)
        return false;
    if (m_result.chunks == 0) {
        m_result.ttftMs = m_clock.elapsed();
        m_firstTokenDeadline = -1;
    }
    ++m_result.chunks;
    const QPointer<HttpUpstreamCall> self(this);
    Q_EMIT chunk(json);
    return self && !m_finished;
}

void HttpUpstreamCall::succeed()
{
    if (m_finished)
        return;
    m_result.failure = UpstreamFailure::None;
    finish();
}

void HttpUpstreamCall::failWith(UpstreamFailure failure, const QString &message)
{
    if (m_finished)
        return;
    m_result.failure = failure;
    m_result.errorMessage = message;
    finish();
}

void HttpUpstreamCall::takeUsage(const QString &flavor, const QJsonObject &usageOrResponse, bool complete)
{
    takeUsage(flavor, QByteArrayView(QJsonDocument(usageOrResponse).toJson(QJsonDocument::Compact)));
    if (!complete)
        m_result.hasUsage = false;
}

void HttpUpstreamCall::takeUsage(const QString &flavor, QByteArrayView usageOrResponse)
{
    QString provider = m_call.target.pricingProvider;
    if (provider.isEmpty())
        provider = flavor == u"anthropic" ? u"anthropic"_s : u"openai"_s;
    if (const auto usage = PriceCatalog::builtIn()->extractUsage(provider, flavor, usageOrResponse)) {
        m_result.usage = *usage;
        m_result.hasUsage = true;
    }
}

bool HttpUpstreamCall::setEndpoint(Prepared *prepared, QStringView path)
{
    // The endpoint's path goes before the base URL's query, which some upstreams need on
    // every call (Azure OpenAI's ?api-version=...); a fragment is never sent.
    QStringView base = m_call.target.baseUrl;
    if (const qsizetype hash = base.indexOf(u'#'); hash >= 0)
        base = base.first(hash);
    QStringView query;
    if (const qsizetype question = base.indexOf(u'?'); question >= 0) {
        query = base.sliced(question);
        base = base.first(question);
    }
    while (base.endsWith(u'/'))
        base.chop(1);
    prepared->endpoint = m_pool->endpoint(base + path + query);
    if (!prepared->endpoint.valid) {
        prepared->error = u"invalid upstream base URL for %1"_s.arg(m_call.target.owner());
        prepared->errorStatus = 500;
        return false;
    }
    return true;
}

void HttpUpstreamCall::requestWritten()
{
    // Non-streaming answers send their headers only when the whole reply is generated,
    // which can take minutes: once the request is on an open connection, the connect
    // phase is over and only totalMs applies.
    if (!m_call.stream)
        m_connectDeadline = -1;
}

void HttpUpstreamCall::responseHeadReceived(const HttpResponseParser &head)
{
    m_headersSeen = true;
    m_connectDeadline = -1;
    m_result.httpStatus = head.status();
    // Asked for identity; a proxy that compresses anyway would otherwise surface as "not JSON".
    if (const QByteArrayView encoding = head.header("Content-Encoding");
        !encoding.isEmpty() && encoding.compare("identity", Qt::CaseInsensitive) != 0) {
        failWith(UpstreamFailure::InvalidResponse,
                 u"the upstream compressed its answer (Content-Encoding: %1) although none was asked for"_s.arg(
                     QString::fromLatin1(encoding.first(qMin<qsizetype>(encoding.size(), 40)))));
        return;
    }
    m_httpOk = m_result.httpStatus >= 200 && m_result.httpStatus < 300;
    if (m_httpOk && m_call.stream && head.header("Content-Type").startsWith("application/json")) {
        m_jsonInsteadOfStream = true; // an error or a complete answer; not what we asked for
        m_httpOk = false;
    }
    if (!m_httpOk) {
        m_result.retryAfterMs = parseRetryAfter(head.header("Retry-After").toByteArray(),
                                                head.header("retry-after-ms").toByteArray(),
                                                QDateTime::currentDateTimeUtc());
    }
}

void HttpUpstreamCall::responseBodyReceived(QByteArray &bytes)
{
    if (m_finished)
        return;
    if (m_httpOk && m_call.stream) {
        processStreamBytes(bytes);
        return;
    }
    if (m_body.size() + bytes.size() > MaxBodyBytes) {
        failWith(UpstreamFailure::InvalidResponse, u"the answer exceeds %1 MiB"_s.arg(MaxBodyBytes / (1024 * 1024)));
        return;
    }
    if (m_body.isEmpty())
        m_body = std::move(bytes);
    else
        m_body.append(bytes);
}

void HttpUpstreamCall::processStreamBytes(const QByteArray &bytes)
{
    m_sse.feed(bytes);
    const QPointer<HttpUpstreamCall> self(this);
    SseParser::Event event;
    while (m_sse.next(&event)) {
        onStreamEvent(event);
        if (!self || m_finished)
            return;
    }
    if (m_sse.hasFailed())
        failWith(UpstreamFailure::InvalidResponse, u"an SSE event exceeds the size limit"_s);
}

void HttpUpstreamCall::failWithHttpStatus()
{
    m_result.body = std::move(m_body);
    QString message = u"the upstream answered HTTP %1"_s.arg(m_result.httpStatus);
    const QJsonObject json = QJsonDocument::fromJson(m_result.body).object();
    const QJsonValue detail = json.value(u"error"_s);
    QString upstreamMessage = detail.isObject() ? detail[u"message"_s].toString() : detail.toString();
    if (!m_call.apiKey.isEmpty())
        upstreamMessage.replace(QString::fromUtf8(m_call.apiKey), u"***"_s);
    if (!upstreamMessage.isEmpty())
        message += u": "_s + upstreamMessage.left(300);
    failWith(UpstreamFailure::HttpStatus, message);
}

void HttpUpstreamCall::responseCompleted()
{
    m_connection = nullptr; // back in the pool already
    if (m_finished)
        return;
    if (m_jsonInsteadOfStream) {
        m_result.body = std::move(m_body);
        failWith(UpstreamFailure::InvalidResponse, u"the upstream answered JSON instead of an event stream"_s);
        return;
    }
    if (!m_httpOk) {
        failWithHttpStatus();
        return;
    }
    if (!m_call.stream) {
        onBody(std::move(m_body));
        return;
    }
    const QPointer<HttpUpstreamCall> self(this);
    SseParser::Event event;
    while (m_sse.next(&event) || m_sse.finish(&event)) {
        onStreamEvent(event);
        if (!self || m_finished)
            return;
    }
    onStreamEnd();
}

void HttpUpstreamCall::responseFailed(UpstreamConnection::Failure failure, const QString &message)
{
    m_connection = nullptr; // closed by the connection
    if (m_finished)
        return;
    switch (failure) {
    case UpstreamConnection::Failure::Connect:
    case UpstreamConnection::Failure::ClosedBeforeHead:
        failWith(UpstreamFailure::Connect, u"could not reach the upstream: %1"_s.arg(message));
        return;
    case UpstreamConnection::Failure::ClosedInBody:
        if (m_headersSeen && !m_httpOk && !m_jsonInsteadOfStream) {
            failWithHttpStatus(); // the status is the news, not the cut error body
            return;
        }
        if (m_streamDone) {
            succeed(); // the end marker came before the cut: the answer is whole
            return;
        }
        failWith(UpstreamFailure::Reset, u"the connection broke after the answer began: %1"_s.arg(message));
        return;
    case UpstreamConnection::Failure::InvalidResponse:
        failWith(UpstreamFailure::InvalidResponse, u"the upstream's answer is not valid HTTP: %1"_s.arg(message));
        return;
    }
}

void HttpUpstreamCall::armTimer()
{
    qint64 next = -1;
    for (const qint64 deadline : {m_connectDeadline, m_firstTokenDeadline, m_totalDeadline}) {
        if (deadline >= 0 && (next < 0 || deadline < next))
            next = deadline;
    }
    if (next < 0)
        return;
    const qint64 wait = std::max<qint64>(0, next - m_clock.elapsed());
    m_timerId = startTimer(std::chrono::milliseconds(wait), Qt::PreciseTimer);
}

void HttpUpstreamCall::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timerId) {
        UpstreamCallHandle::timerEvent(event);
        return;
    }
    // One timer for three deadlines: it fires at the earliest that was running when it was
    // armed; a deadline cleared meanwhile (headers came) only means arming for the next.
    killTimer(m_timerId);
    m_timerId = 0;
    if (m_finished)
        return;
    const qint64 now = m_clock.elapsed();
    UpstreamFailure expired = UpstreamFailure::None;
    qint64 earliest = -1;
    const std::pair<qint64, UpstreamFailure> deadlines[] = {{m_connectDeadline, UpstreamFailure::Connect},
                                                            {m_firstTokenDeadline, UpstreamFailure::FirstTokenTimeout},
                                                            {m_totalDeadline, UpstreamFailure::Timeout}};
    for (const auto &[deadline, failure] : deadlines) {
        if (deadline >= 0 && deadline <= now && (earliest < 0 || deadline < earliest)) {
            earliest = deadline;
            expired = failure;
        }
    }
    if (expired != UpstreamFailure::None)
        onTimeout(expired);
    else
        armTimer();
}

void HttpUpstreamCall::onTimeout(UpstreamFailure failure)
{
    QString message;
    switch (failure) {
    case UpstreamFailure::Connect:
        message = u"no response headers within %1 ms"_s.arg(m_call.timeouts.connectMs);
        break;
    case UpstreamFailure::FirstTokenTimeout:
        message = u"no first token within %1 ms"_s.arg(m_call.timeouts.firstTokenMs);
        break;
    default:
        message = u"no complete answer within %1 ms"_s.arg(m_call.timeouts.totalMs);
        break;
    }
    failWith(failure, message);
}

void HttpUpstreamCall::finish()
{
    m_finished = true;
    if (m_timerId != 0) {
        killTimer(m_timerId);
        m_timerId = 0;
    }
    releaseConnection();
    m_result.latencyMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    if (m_starting) {
        // Failed inside start(): the caller has not connected to finished() yet.
        QMetaObject::invokeMethod(this, [this] { Q_EMIT finished(m_result); }, Qt::QueuedConnection);
        return;
    }
    Q_EMIT finished(m_result); // last: a receiver may delete this handle
}

void HttpUpstreamCall::releaseConnection()
{
    if (UpstreamConnection *connection = m_connection.data()) {
        m_connection = nullptr;
        connection->abandon(); // closes it, so the upstream stops generating
    }
}

} // namespace Switchyard
