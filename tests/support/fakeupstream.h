// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace Switchyard {

/// One piece of a scripted answer body, written `delayMs` after the previous one.
struct FakeChunk {
    QByteArray bytes;
    int delayMs = 0;
};

/// A scripted answer of FakeUpstream. Build one with the helpers and adjust fields:
/// `FakeReply::sse({R"({"choices":[]})", "[DONE]"}, 20).withHeader("X-A", "b")`.
struct FakeReply {
    /// How the body is delimited on the wire.
    enum class Framing {
        Auto,          ///< Content-Length for a plain body, chunked when there are chunks
        ContentLength, ///< Content-Length of body + chunks (all chunks are still delayed)
        Chunked,       ///< Transfer-Encoding: chunked, one HTTP chunk per FakeChunk
        Close,         ///< no length: the body ends when the server closes the connection
    };

    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; ///< besides the framing headers
    QByteArray body;                              ///< sent right after the headers
    QList<FakeChunk> chunks;                      ///< then these, each after its delay
    Framing framing = Framing::Auto;
    int delayBeforeHeadersMs = 0;
    /// >= 0: after that many chunks, close the connection in the middle of the body (a FIN,
    /// so every byte written before it still arrives; the HTTP message is cut short).
    int resetAfterChunk = -1;
    bool hang = false;         ///< never answer; the connection stays open until the client goes
    bool closeConnection = false; ///< `Connection: close` and close after the answer

    /// `status` with a JSON body.
    static FakeReply json(int status, const QJsonObject &body);
    /// `status` with raw bytes as the body.
    static FakeReply raw(int status, const QByteArray &body, const QByteArray &contentType = "application/json");
    /// 200 text/event-stream: each element becomes `data: <element>\n\n` (pass "[DONE]" too
    /// when the stream should end with it), each sent `delayMs` after the previous one.
    static FakeReply sse(const QList<QByteArray> &dataEvents, int delayMs = 0);
    /// 200 text/event-stream with the chunks sent byte for byte (named events, comments...).
    static FakeReply sseRaw(const QList<QByteArray> &rawChunks, int delayMs = 0);
    /// An answer that never comes.
    static FakeReply hanging();

    FakeReply &withHeader(const QByteArray &name, const QByteArray &value);
};

/// One request received by FakeUpstream.
struct FakeRequest {
    QByteArray method;
    QByteArray target;       ///< as sent, e.g. "/v1/chat/completions"
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    qint64 receivedMs = 0;   ///< since the server was created
    int connection = 0;      ///< 1-based number of the connection it came on

    QByteArray header(QByteArrayView name) const; ///< case-insensitive, empty when absent
    QByteArray path() const;                      ///< target without the query
    QJsonObject json() const;                     ///< the body as a JSON object ({} if it is not one)
};

/// A scripted upstream LLM server on loopback, for tests only (STYLE.md 2.7): listens on
/// 127.0.0.1 with a free port, parses each request with the gateway's HttpRequestParser,
/// records it, and answers from a queue of FakeReply (or a handler function). Keeps
/// connections alive as HTTP/1.1 does, counts them (to prove reuse) and notices when a
/// client goes away (to prove cancellation). Lives on the thread that created it.
class FakeUpstream : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<FakeReply(const FakeRequest &)>;

    explicit FakeUpstream(QObject *parent = nullptr);
    ~FakeUpstream() override;

    bool isListening() const;
    quint16 port() const;
    QUrl baseUrl() const;    ///< http://127.0.0.1:PORT
    QUrl v1Url() const;      ///< http://127.0.0.1:PORT/v1
    QString baseUrlString() const { return baseUrl().toString(); }
    QString v1UrlString() const { return v1Url().toString(); }

    /// Queues an answer: requests take queued answers in order, then the handler answers;
    /// without either the fake answers 500 with a JSON error naming the request.
    void enqueue(const FakeReply &reply);
    void setHandler(Handler handler);
    int pendingReplies() const { return int(m_queue.size()); }

    const QList<FakeRequest> &requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    FakeRequest lastRequest() const { return m_requests.value(m_requests.size() - 1); }

    int connectionCount() const { return m_connectionCount; }   ///< accepted in total
    int openConnections() const { return int(m_connections.size()); }
    int clientDisconnects() const { return m_clientDisconnects; } ///< closed by the client

    /// Closes the listening socket and every connection (e.g. to make a port refuse).
    void close();

Q_SIGNALS:
    void requestReceived(int index);            ///< index into requests()
    void clientDisconnected(int connection);    ///< the client closed the connection
    void replyFinished(int index);              ///< the whole scripted answer was written

private:
    struct Connection;

    void onNewConnection();
    void onReadyRead(Connection *connection);
    void onDisconnected(Connection *connection);
    void processNext(Connection *connection);
    void sendHeaders(int connectionNumber);
    void sendChunk(int connectionNumber, qsizetype index);
    void scheduleChunk(Connection *connection, qsizetype index);
    void finishReply(Connection *connection);
    void closeConnection(Connection *connection);
    void dropConnection(Connection *connection, bool byClient);
    Connection *findConnection(int number) const;
    FakeReply replyFor(const FakeRequest &request);

    QTcpServer *m_server;
    QList<Connection *> m_connections;
    QList<FakeReply> m_queue;
    Handler m_handler;
    QList<FakeRequest> m_requests;
    int m_connectionCount = 0;
    int m_clientDisconnects = 0;
    int m_nextConnectionNumber = 1;
    QElapsedTimer m_clock;
};

} // namespace Switchyard

Q_DECLARE_METATYPE(Switchyard::FakeReply)
