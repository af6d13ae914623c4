// SPDX-License-Identifier: MIT
#include "core/upstream/httpupstreamcall.h"

#include "core/usage/pricecatalog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {

// A non-streaming answer bigger than this is not an LLM reply we can use; refuse it rather
// than buffer without bound.
constexpr qsizetype MaxBodyBytes = 64 * 1024 * 1024;

QTimer *makeTimer(QObject *parent, int ms)
{
    auto *timer = new QTimer(parent);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    timer->setInterval(ms);
    return timer;
}

QByteArray openAiError(const QString &message, const char *type)
{
    QJsonObject error{{u"message"_s, message}, {u"type"_s, QString::fromLatin1(type)},
                      {u"param"_s, QJsonValue::Null}, {u"code"_s, QJsonValue::Null}};
    return QJsonDocument(QJsonObject{{u"error"_s, error}}).toJson(QJsonDocument::Compact);
}

} // namespace

HttpUpstreamCall::HttpUpstreamCall(QNetworkAccessManager *network, const UpstreamCall &call, QObject *parent)
    : UpstreamCallHandle(parent)
    , m_call(call)
    , m_network(network)
{
}

HttpUpstreamCall::~HttpUpstreamCall()
{
    releaseReply();
}

void HttpUpstreamCall::start()
{
    m_clock.start();
    Prepared prepared = prepare();
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

    QNetworkRequest &request = prepared.request;
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Switchyard"));
    request.setRawHeader("Accept", m_call.stream ? QByteArrayLiteral("text/event-stream") : QByteArrayLiteral("application/json"));
    if (!m_call.requestId.isEmpty())
        request.setRawHeader("X-Request-Id", m_call.requestId);

    m_reply = m_network->post(request, prepared.body);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpUpstreamCall::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpUpstreamCall::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpUpstreamCall::onReplyFinished);
    if (!m_call.stream) {
        // Non-streaming answers send their headers only when the whole reply is generated,
        // which can take minutes: once the request is on an open connection, the connect
        // phase is over and only totalMs applies.
        connect(m_reply, &QNetworkReply::requestSent, this, [this] {
            if (m_connectTimer)
                m_connectTimer->stop();
        });
    }

    const UpstreamTimeouts &t = m_call.timeouts;
    if (t.connectMs > 0) {
        m_connectTimer = makeTimer(this, t.connectMs);
        connect(m_connectTimer, &QTimer::timeout, this, [this] { onTimeout(UpstreamFailure::Connect); });
        m_connectTimer->start();
    }
    if (m_call.stream && t.firstTokenMs > 0) {
        m_firstTokenTimer = makeTimer(this, t.firstTokenMs);
        connect(m_firstTokenTimer, &QTimer::timeout, this, [this] { onTimeout(UpstreamFailure::FirstTokenTimeout); });
        m_firstTokenTimer->start();
    }
    if (t.totalMs > 0) {
        m_totalTimer = makeTimer(this, t.totalMs);
        connect(m_totalTimer, &QTimer::timeout, this, [this] { onTimeout(UpstreamFailure::Timeout); });
        m_totalTimer->start();
    }
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
        if (m_firstTokenTimer)
            m_firstTokenTimer->stop();
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

void HttpUpstreamCall::takeUsage(const QString &flavor, const QJsonObject &usageOrResponse)
{
    QString provider = m_call.target.pricingProvider;
    if (provider.isEmpty())
        provider = flavor == u"anthropic" ? u"anthropic"_s : u"openai"_s;
    if (const auto usage = PriceCatalog::builtIn()->extractUsage(provider, flavor, usageOrResponse)) {
        m_result.usage = *usage;
        m_result.hasUsage = true;
    }
}

QUrl HttpUpstreamCall::endpointUrl(QStringView path) const
{
    QString base = m_call.target.baseUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    return QUrl(base + path);
}

void HttpUpstreamCall::onMetaDataChanged()
{
    if (m_headersSeen || !m_reply)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    m_headersSeen = true;
    if (m_connectTimer)
        m_connectTimer->stop();
    m_result.httpStatus = status.toInt();
    m_httpOk = m_result.httpStatus >= 200 && m_result.httpStatus < 300;
    if (m_httpOk && m_call.stream
        && m_reply->header(QNetworkRequest::ContentTypeHeader).toString().startsWith(u"application/json")) {
        m_jsonInsteadOfStream = true; // an error or a complete answer; not what we asked for
        m_httpOk = false;
    }
    if (!m_httpOk) {
        m_result.retryAfterMs = parseRetryAfter(m_reply->rawHeader("Retry-After"), m_reply->rawHeader("retry-after-ms"),
                                                QDateTime::currentDateTimeUtc());
    }
}

void HttpUpstreamCall::onReadyRead()
{
    if (!m_reply || m_finished)
        return;
    onMetaDataChanged();
    QByteArray bytes = m_reply->readAll();
    if (bytes.isEmpty())
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

void HttpUpstreamCall::onReplyFinished()
{
    if (m_finished || !m_reply)
        return;
    const QPointer<HttpUpstreamCall> self(this);
    if (m_reply->bytesAvailable() > 0) {
        onReadyRead();
        if (!self || m_finished)
            return;
    }
    onMetaDataChanged();
    const QNetworkReply::NetworkError error = m_reply->error();

    if (m_jsonInsteadOfStream && error == QNetworkReply::NoError) {
        m_result.body = std::move(m_body);
        failWith(UpstreamFailure::InvalidResponse, u"the upstream answered JSON instead of an event stream"_s);
        return;
    }
    if (m_headersSeen && !m_httpOk && !m_jsonInsteadOfStream) {
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
        return;
    }
    if (error != QNetworkReply::NoError) {
        if (m_headersSeen)
            failWith(UpstreamFailure::Reset, u"the connection broke after the answer began: %1"_s.arg(describeNetworkError()));
        else
            failWith(UpstreamFailure::Connect, u"could not reach the upstream: %1"_s.arg(describeNetworkError()));
        return;
    }
    if (!m_call.stream) {
        onBody(std::move(m_body));
        return;
    }
    SseParser::Event event;
    while (m_sse.next(&event) || m_sse.finish(&event)) {
        onStreamEvent(event);
        if (!self || m_finished)
            return;
    }
    onStreamEnd();
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
    for (QTimer *timer : {m_connectTimer, m_firstTokenTimer, m_totalTimer}) {
        if (timer)
            timer->stop();
    }
    releaseReply();
    m_result.latencyMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    Q_EMIT finished(m_result); // last: a receiver may delete this handle
}

void HttpUpstreamCall::releaseReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    if (reply->isRunning())
        reply->abort(); // closes the connection, so the upstream stops generating
    reply->deleteLater();
}

QString HttpUpstreamCall::describeNetworkError() const
{
    // errorString() may quote the URL; never let a query string or user info through.
    QString text = m_reply ? m_reply->errorString() : QString();
    if (m_reply) {
        const QUrl url = m_reply->url();
        text.replace(url.toString(), url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
    }
    return text;
}

} // namespace Switchyard
