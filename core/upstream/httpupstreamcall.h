// SPDX-License-Identifier: MIT
#pragma once

#include "core/upstream/sseparser.h"
#include "core/upstream/upstreamcallhandle.h"
#include "core/upstream/upstreamconnection.h"
#include "core/upstream/upstreampool.h"

#include <QElapsedTimer>
#include <QPointer>

class QDateTime;
class QJsonObject;

namespace Switchyard {

/// The HTTP half shared by the network adapters: one POST on a keep-alive connection of the
/// worker thread's UpstreamPool, the three timeouts (one timer), the mapping of transport
/// errors onto UpstreamFailure, incremental SSE parsing for streams and the exactly-once
/// finish.
///
/// connectMs ends for streams with the response headers; for non-streaming calls, whose
/// headers come only with the finished answer, as soon as the request is written to an open
/// connection. A broken connection before any header is Connect, after them Reset; a 2xx
/// stream that ends without its end marker is Reset too.
///
/// Subclasses (OpenAiAdapter, AnthropicAdapter) build the request and translate what comes
/// back: onStreamEvent() per SSE event, onStreamEnd() at the end of a 2xx stream, onBody()
/// for a complete 2xx non-streaming answer. abort() and every failure close the connection
/// (it never goes back to the pool), so the upstream sees the disconnect. Lives on the
/// thread of the UpstreamClient that started it; its timer is started there, in start().
class HttpUpstreamCall : public UpstreamCallHandle, private UpstreamConnection::Receiver
{
    Q_OBJECT
public:
    HttpUpstreamCall(UpstreamPool *pool, const UpstreamCall &call, QObject *parent);
    ~HttpUpstreamCall() override;

    /// Sends the request. Failures found before sending are reported on the next event loop
    /// turn, so the caller can connect to finished() after start() returned.
    void start();
    void abort() override;

    /// Retry-After (delta-seconds or HTTP-date) in milliseconds from `now`; -1 when absent or
    /// unreadable. `retryAfterMs` (OpenAI's own header, milliseconds) wins when present.
    static int parseRetryAfter(const QByteArray &retryAfter, const QByteArray &retryAfterMs, const QDateTime &now);

protected:
    struct Prepared {
        UpstreamPool::Endpoint endpoint; ///< set with setEndpoint()
        QByteArray headers;   ///< protocol headers, "Name: value\r\n" each
        QByteArray body;
        QString error;        ///< set: the call fails with `errorStatus` without being sent
        int errorStatus = 400;
        bool badHeader = false; ///< a value held CR, LF or NUL; never sent

        void addHeader(QByteArrayView name, QByteArrayView value);
    };

    /// The wire request: URL, protocol headers and body. Content-Type, Accept, User-Agent and
    /// X-Request-Id are added by the base.
    virtual Prepared prepare() = 0;
    /// One SSE event of a 2xx stream, in order. Call deliverChunk()/failWith()/markStreamDone().
    virtual void onStreamEvent(const SseParser::Event &event) = 0;
    /// The 2xx stream ended without failure. Default: success if markStreamDone() was called
    /// or a finish reason was seen, otherwise Reset (the connection dropped early).
    virtual void onStreamEnd();
    /// The complete 2xx non-streaming answer. Fill m_result and call succeed() or failWith().
    virtual void onBody(QByteArray body) = 0;

    /// Emits chunk(); false when the handle finished or was deleted meanwhile (a receiver
    /// aborted): the caller must return at once without touching members.
    bool deliverChunk(const QByteArray &json);
    void markStreamDone() { m_streamDone = true; }
    bool isFinished() const { return m_finished; }

    void succeed();
    void failWith(UpstreamFailure failure, const QString &message);
    /// Reads token counts with the price catalog (one place for usage formats). `complete`
    /// false: counts known so far of a stream still running (UpstreamResult::usage).
    void takeUsage(const QString &flavor, const QJsonObject &usageOrResponse, bool complete = true);
    /// The same from JSON text JsonScanner validated (the hot path: no document built).
    void takeUsage(const QString &flavor, QByteArrayView usageOrResponse);
    /// Points `prepared` at `path` appended to the configured baseUrl (without doubling a
    /// slash); false, with the error set, when that is not an http(s) URL.
    bool setEndpoint(Prepared *prepared, QStringView path);

    const UpstreamCall m_call;
    UpstreamResult m_result;

private:
    // UpstreamConnection::Receiver
    void requestWritten() override;
    void responseHeadReceived(const HttpResponseParser &head) override;
    void responseBodyReceived(QByteArray &bytes) override;
    void responseCompleted() override;
    void responseFailed(UpstreamConnection::Failure failure, const QString &message) override;

    void timerEvent(QTimerEvent *event) override;
    void armTimer();
    void onTimeout(UpstreamFailure failure);
    void processStreamBytes(const QByteArray &bytes);
    void failWithHttpStatus();
    void finish();
    void releaseConnection();

    UpstreamPool *m_pool;
    QPointer<UpstreamConnection> m_connection; ///< while the exchange runs; the pool owns it
    QElapsedTimer m_clock;
    // Deadlines in ms on m_clock, -1 when not (or no longer) running; one timer serves them.
    qint64 m_connectDeadline = -1;
    qint64 m_firstTokenDeadline = -1;
    qint64 m_totalDeadline = -1;
    int m_timerId = 0;
    SseParser m_sse;
    QByteArray m_body;            ///< non-streaming or error answer, as received
    bool m_starting = false;      ///< inside start(): finished() must wait for the event loop
    bool m_headersSeen = false;
    bool m_httpOk = false;        ///< 2xx status with the expected body type
    bool m_jsonInsteadOfStream = false; ///< a stream was asked for, a JSON body came
    bool m_streamDone = false;
    bool m_finished = false;
};

} // namespace Switchyard
