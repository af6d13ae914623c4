// SPDX-License-Identifier: MIT
#include "core/common/jsonscanner.h"
#include "core/upstream/httpresponseparser.h"
#include "core/upstream/upstreamclient.h"
#include "core/upstream/upstreamconnection.h"
#include "core/upstream/upstreampool.h"
#include "tests/support/fakeupstream.h"
#include "tests/support/jsonmutations.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <optional>

using namespace Switchyard;
using namespace Qt::StringLiterals;

namespace {

constexpr int WaitMs = 10'000;

/// Records what a connection reports for one exchange.
struct Recorder : UpstreamConnection::Receiver
{
    int written = 0;
    int status = 0;
    bool keepAlive = false;
    QByteArray body;
    int bodyPieces = 0;
    bool completed = false;
    bool failed = false;
    UpstreamConnection::Failure failure = UpstreamConnection::Failure::Connect;
    QString message;
    std::function<void()> onHead; ///< run from responseHeadReceived()

    bool done() const { return completed || failed; }

    void requestWritten() override { ++written; }
    void responseHeadReceived(const HttpResponseParser &head) override
    {
        status = head.status();
        keepAlive = head.isKeepAlive();
        if (onHead)
            onHead();
    }
    void responseBodyReceived(QByteArray &bytes) override
    {
        body += bytes;
        ++bodyPieces;
    }
    void responseCompleted() override { completed = true; }
    void responseFailed(UpstreamConnection::Failure f, const QString &m) override
    {
        failed = true;
        failure = f;
        message = m;
    }
};

QByteArray post(quint16 port, const QByteArray &body = "{}")
{
    return "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
           + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

/// A raw HTTP server for what FakeUpstream cannot script: closing a kept-alive connection
/// when the next request comes, without a byte of answer. `answer(connection, request)`
/// (both 0-based) returns the bytes to write; empty closes the connection at once.
class RawServer : public QObject
{
public:
    using Answer = std::function<QByteArray(int connection, int request)>;

    explicit RawServer(Answer answer)
        : m_answer(std::move(answer))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                const int number = m_connections++;
                auto pending = std::make_shared<QByteArray>();
                auto served = std::make_shared<int>(0);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket, number, pending, served] {
                    pending->append(socket->readAll());
                    for (;;) {
                        const qsizetype end = pending->indexOf("\r\n\r\n");
                        if (end < 0)
                            return;
                        const qsizetype lengthAt = pending->indexOf("Content-Length: ");
                        const qsizetype length = lengthAt < 0 ? 0
                            : pending->mid(lengthAt + 16, pending->indexOf('\r', lengthAt) - lengthAt - 16).toLongLong();
                        if (pending->size() < end + 4 + length)
                            return;
                        pending->remove(0, end + 4 + length);
                        ++m_requests;
                        const QByteArray reply = m_answer(number, (*served)++);
                        if (reply.isEmpty()) {
                            if (m_abortDelayMs > 0)
                                QTimer::singleShot(m_abortDelayMs, socket, [socket] { socket->abort(); });
                            else
                                socket->abort();
                            return;
                        }
                        socket->write(reply);
                    }
                });
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    ++m_disconnects;
                    socket->deleteLater();
                });
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    quint16 port() const { return m_server.serverPort(); }
    /// An empty answer then closes the connection this long after the request, not at once.
    void setAbortDelay(int ms) { m_abortDelayMs = ms; }
    int connections() const { return m_connections; }
    int requests() const { return m_requests; }
    int disconnects() const { return m_disconnects; }

private:
    QTcpServer m_server;
    Answer m_answer;
    int m_connections = 0;
    int m_requests = 0;
    int m_disconnects = 0;
    int m_abortDelayMs = 0;
};

const QByteArray OkBody = R"({"ok":true})";
const QByteArray OkResponse = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n" + OkBody;

QByteArray chatCompletionJsonForScan()
{
    return R"({"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini-2024-07-18",
               "choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"},"finish_reason":"stop"}],
               "usage":{"prompt_tokens":20,"completion_tokens":3,"total_tokens":23}})";
}

struct Parsed {
    int status = 0;
    QByteArray body;
    bool complete = false;
    bool failed = false;
    bool keepAlive = false;
    qsizetype used = 0;
};

/// Feeds `wire` in pieces cut at `cuts` (ascending offsets) and, when nothing completed the
/// message, a close at the end.
Parsed parse(const QByteArray &wire, const QList<qsizetype> &cuts, bool closeAtEnd)
{
    HttpResponseParser parser;
    Parsed out;
    qsizetype from = 0;
    QList<qsizetype> ends = cuts;
    ends.append(wire.size());
    for (const qsizetype to : ends) {
        if (parser.isComplete() || parser.hasFailed())
            break;
        out.used += parser.feed(QByteArrayView(wire).sliced(from, to - from), &out.body);
        from = to;
    }
    if (closeAtEnd && !parser.isComplete() && !parser.hasFailed())
        parser.finishOnClose();
    out.status = parser.status();
    out.complete = parser.isComplete();
    out.failed = parser.hasFailed();
    out.keepAlive = parser.isKeepAlive();
    return out;
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parserSplitAnywhere_data();
    void parserSplitAnywhere();
    void parserRejects_data();
    void parserRejects();
    void parserHeaders();

    void contentLengthChunkedAndCloseBodies_data();
    void contentLengthChunkedAndCloseBodies();
    void poolReusesLifo();
    void poolCapsIdleConnections();
    void idleTimeoutClosesConnections();
    void connectionCloseIsNotReused();
    void upstreamClosingAnIdleConnectionIsNoticed();
    void stalePooledConnectionIsRetriedOnce();
    void freshConnectionIsNotRetried();
    void lateDropOfAReusedConnectionIsNotReplayed();
    void abandonClosesTheConnection();
    void refusedPortFailsWithConnect();
    void bytesAfterTheResponseAreNotReused();
    void tlsToAClosedPortFailsWithConnect();
    void tlsHandshakeWithAPlainServerFails();
    void tlsCallsVerifyTheServer();

    void jsonScannerAgreesWithQt_data();
    void jsonScannerAgreesWithQt();
    void jsonScannerMutations();
    void streamContentIsExact();
    void requestOnTheWire();

private:
    /// A chat call to https://127.0.0.1:PORT with a key, through a fresh UpstreamClient.
    UpstreamResult secureCall(quint16 port);
    /// One request answered on a new connection of `pool`, then a second one, reported to
    /// `second`, on the same connection taken again from the pool.
    void secondRequestOnAReusedConnection(UpstreamPool &pool, RawServer &server, Recorder *second);
};

void TestHttpClient::parserSplitAnywhere_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<bool>("closeDelimited");

    QTest::newRow("content-length") << OkResponse << 200 << OkBody << true << false;
    QTest::newRow("chunked, extensions and trailers")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/event-stream\r\n\r\n"
                      "5;name=value\r\ndata:\r\n"
                      "B\r\n 0123456789\r\n"
                      "0\r\nX-Trailer: yes\r\n\r\n")
        << 200 << QByteArray("data: 0123456789") << true << false;
    QTest::newRow("close-delimited")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\ndata: a\n\ndata: b\n\n")
        << 200 << QByteArray("data: a\n\ndata: b\n\n") << false << true;
    QTest::newRow("interim 100 then 429, bare LF lines")
        << QByteArray("HTTP/1.1 100 Continue\n\nHTTP/1.1 429 Too Many Requests\nRetry-After: 3\nContent-Length: 2\n\n{}")
        << 429 << QByteArray("{}") << true << false;
    QTest::newRow("Connection: close")
        << QByteArray("HTTP/1.1 503 Busy\r\nConnection: close\r\nContent-Length: 4\r\n\r\nbusy") << 503 << QByteArray("busy")
        << false << false;
    QTest::newRow("HTTP/1.0 keep-alive")
        << QByteArray("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok") << 200 << QByteArray("ok")
        << true << false;
    QTest::newRow("HTTP/1.0 default close")
        << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok") << 200 << QByteArray("ok") << false << false;
    QTest::newRow("204 without a body") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << 204 << QByteArray() << true << false;
    QTest::newRow("empty chunked body")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << 200 << QByteArray() << true << false;
    QTest::newRow("Transfer-Encoding wins over Content-Length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n")
        << 200 << QByteArray("hi") << false << false;
}

void TestHttpClient::parserSplitAnywhere()
{
    QFETCH(QByteArray, wire);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, keepAlive);
    QFETCH(bool, closeDelimited);

    // Bytes of a next response must not be consumed (except by a close-delimited body).
    const QByteArray next = closeDelimited ? QByteArray() : QByteArray("HTTP/1.1 200 OK\r\n");
    const QByteArray all = wire + next;
    auto check = [&](const Parsed &p, const QByteArray &where) {
        QVERIFY2(p.complete && !p.failed, where.constData());
        QCOMPARE(p.status, status);
        QCOMPARE(p.body, body);
        QCOMPARE(p.keepAlive, keepAlive);
        QCOMPARE(p.used, wire.size());
    };
    check(parse(all, {}, closeDelimited), "whole");
    for (qsizetype cut = 1; cut < all.size() && !QTest::currentTestFailed(); ++cut)
        check(parse(all, {cut}, closeDelimited), "cut at " + QByteArray::number(cut));
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < all.size(); ++i)
        everyByte.append(i);
    check(parse(all, everyByte, closeDelimited), "byte by byte");
    if (QTest::currentTestFailed())
        return;

    // Cut short, a framed body is incomplete at close; a close-delimited one is complete.
    if (!closeDelimited && !body.isEmpty()) {
        const Parsed cut = parse(wire.chopped(1), {}, true);
        QVERIFY(!cut.complete);
    }
}

void TestHttpClient::parserRejects_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n");
    QTest::newRow("HTTP/2 preface answer") << QByteArray("HTTP/2 200\r\n\r\n");
    QTest::newRow("bad status") << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n");
    QTest::newRow("negative Content-Length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n");
    QTest::newRow("conflicting Content-Length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc");
    QTest::newRow("header without colon") << QByteArray("HTTP/1.1 200 OK\r\nbroken\r\n\r\n");
    QTest::newRow("obsolete folding") << QByteArray("HTTP/1.1 200 OK\r\nX-A: 1\r\n  2\r\n\r\n");
    QTest::newRow("bad chunk size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    QTest::newRow("chunk longer than announced")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n");
    QTest::newRow("101 unasked") << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n");
    QTest::newRow("huge header line")
        << "HTTP/1.1 200 OK\r\nX-Big: " + QByteArray(HttpResponseParser::MaxHeadBytes + 10, 'a') + "\r\n\r\n";
    QByteArray many = "HTTP/1.1 200 OK\r\n";
    for (int i = 0; i <= HttpResponseParser::MaxHeaderFields; ++i)
        many += "X-" + QByteArray::number(i) + ": v\r\n";
    QTest::newRow("too many fields") << many + "\r\n";
}

void TestHttpClient::parserRejects()
{
    QFETCH(QByteArray, wire);
    QVERIFY(parse(wire, {}, true).failed);
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < wire.size(); ++i)
        everyByte.append(i);
    QVERIFY(parse(wire, everyByte, true).failed);
}

void TestHttpClient::parserHeaders()
{
    HttpResponseParser parser;
    QByteArray body;
    parser.feed("HTTP/1.1 429 Too Many Requests\r\nretry-after:  7 \r\nContent-Type:application/json\r\n"
                "Content-Length: 0\r\n\r\n", &body);
    QVERIFY(parser.isComplete());
    QCOMPARE(parser.header("Retry-After"), QByteArrayView("7"));
    QCOMPARE(parser.header("content-type"), QByteArrayView("application/json"));
    QVERIFY(parser.header("X-Absent").isEmpty());
    QCOMPARE(parser.framing(), HttpResponseParser::Framing::ContentLength);

    // reset() forgets everything of the previous answer.
    parser.reset();
    QVERIFY(!parser.isHeadComplete());
    QVERIFY(parser.header("Retry-After").isEmpty());
    parser.feed(OkResponse, &body);
    QVERIFY(parser.isComplete());
    QCOMPARE(parser.status(), 200);
}

void TestHttpClient::contentLengthChunkedAndCloseBodies_data()
{
    QTest::addColumn<FakeReply>("reply");
    QTest::addColumn<bool>("reused");
    QTest::newRow("content-length") << FakeReply::raw(200, OkBody) << true;
    QTest::newRow("chunked, pieces as they come") << FakeReply::sse({"a", "b", "c"}, 20) << true;
    FakeReply close = FakeReply::sse({"a", "b", "c"}, 20);
    close.framing = FakeReply::Framing::Close;
    QTest::newRow("close-delimited") << close << false;
}

void TestHttpClient::contentLengthChunkedAndCloseBodies()
{
    QFETCH(FakeReply, reply);
    QFETCH(bool, reused);
    FakeUpstream fake;
    fake.enqueue(reply);
    UpstreamPool pool;
    Recorder recorder;
    pool.acquire(u"127.0.0.1"_s, fake.port(), false)->send(post(fake.port()), &recorder);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.done(), WaitMs);
    QVERIFY2(recorder.completed, qPrintable(recorder.message));
    QCOMPARE(recorder.status, 200);
    QCOMPARE(recorder.written, 1);
    QByteArray expected = reply.body;
    for (const FakeChunk &chunk : std::as_const(reply.chunks))
        expected += chunk.bytes;
    QCOMPARE(recorder.body, expected);
    if (!reply.chunks.isEmpty())
        QVERIFY(recorder.bodyPieces >= 3); // delivered as they arrived, not at the end
    QCOMPARE(pool.idleCount(), reused ? 1 : 0);
    QCOMPARE(fake.lastRequest().body, QByteArray("{}"));
}

void TestHttpClient::poolReusesLifo()
{
    FakeUpstream fake;
    fake.setHandler([](const FakeRequest &) { return FakeReply::raw(200, OkBody); });
    UpstreamPool pool;

    // Two at once open two connections; afterwards the last one returned is taken first.
    Recorder a, b;
    UpstreamConnection *first = pool.acquire(u"127.0.0.1"_s, fake.port(), false);
    UpstreamConnection *second = pool.acquire(u"127.0.0.1"_s, fake.port(), false);
    QVERIFY(first != second);
    first->send(post(fake.port()), &a);
    second->send(post(fake.port()), &b);
    QTRY_VERIFY_WITH_TIMEOUT(a.completed && b.completed, WaitMs);
    QCOMPARE(pool.idleCount(), 2);
    QCOMPARE(fake.connectionCount(), 2);

    Recorder c;
    UpstreamConnection *again = pool.acquire(u"127.0.0.1"_s, fake.port(), false);
    QVERIFY(again == first || again == second);
    again->send(post(fake.port()), &c);
    QTRY_VERIFY_WITH_TIMEOUT(c.completed, WaitMs);
    QCOMPARE(pool.acquire(u"127.0.0.1"_s, fake.port(), false), again); // LIFO
    QCOMPARE(fake.connectionCount(), 2);
    QCOMPARE(fake.requestCount(), 3);

    // Another port is another host.
    FakeUpstream other;
    QVERIFY(pool.acquire(u"127.0.0.1"_s, other.port(), false) != first);
}

void TestHttpClient::poolCapsIdleConnections()
{
    FakeUpstream fake;
    fake.setHandler([](const FakeRequest &) { return FakeReply::raw(200, OkBody); });
    UpstreamPool pool;
    pool.setMaxIdlePerHost(2);
    Recorder recorders[4];
    for (Recorder &recorder : recorders)
        pool.acquire(u"127.0.0.1"_s, fake.port(), false)->send(post(fake.port()), &recorder);
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(std::begin(recorders), std::end(recorders), [](const Recorder &r) { return r.completed; }),
                             WaitMs);
    QCOMPARE(fake.connectionCount(), 4);
    QCOMPARE(pool.idleCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(fake.clientDisconnects(), 2, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(pool.connectionCount(), 2, WaitMs);
}

void TestHttpClient::idleTimeoutClosesConnections()
{
    FakeUpstream fake;
    fake.enqueue(FakeReply::raw(200, OkBody));
    UpstreamPool pool;
    pool.setIdleTimeoutMs(80);
    Recorder recorder;
    pool.acquire(u"127.0.0.1"_s, fake.port(), false)->send(post(fake.port()), &recorder);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.completed, WaitMs);
    QCOMPARE(pool.idleCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(pool.idleCount(), 0, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(fake.clientDisconnects(), 1, WaitMs);
}

void TestHttpClient::connectionCloseIsNotReused()
{
    FakeUpstream fake;
    FakeReply closing = FakeReply::raw(200, OkBody);
    closing.closeConnection = true;
    fake.enqueue(closing);
    fake.enqueue(FakeReply::raw(200, OkBody));
    UpstreamPool pool;
    Recorder first, second;
    pool.acquire(u"127.0.0.1"_s, fake.port(), false)->send(post(fake.port()), &first);
    QTRY_VERIFY_WITH_TIMEOUT(first.completed, WaitMs);
    QVERIFY(!first.keepAlive);
    QCOMPARE(pool.idleCount(), 0);
    pool.acquire(u"127.0.0.1"_s, fake.port(), false)->send(post(fake.port()), &second);
    QTRY_VERIFY_WITH_TIMEOUT(second.completed, WaitMs);
    QCOMPARE(fake.connectionCount(), 2);
    QCOMPARE(fake.requests().at(1).connection, 2);
}

void TestHttpClient::upstreamClosingAnIdleConnectionIsNoticed()
{
    FakeUpstream fake;
    fake.enqueue(FakeReply::raw(200, OkBody));
    UpstreamPool pool;
    Recorder recorder;
    pool.acquire(u"127.0.0.1"_s, fake.port(), false)->send(post(fake.port()), &recorder);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.completed, WaitMs);
    QCOMPARE(pool.idleCount(), 1);
    fake.close(); // the upstream drops its idle connections
    QTRY_COMPARE_WITH_TIMEOUT(pool.idleCount(), 0, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(pool.connectionCount(), 0, WaitMs);
}

void TestHttpClient::secondRequestOnAReusedConnection(UpstreamPool &pool, RawServer &server, Recorder *second)
{
    Recorder first;
    pool.acquire(u"127.0.0.1"_s, server.port(), false)->send(post(server.port()), &first);
    QTRY_VERIFY_WITH_TIMEOUT(first.completed, WaitMs);
    UpstreamConnection *connection = pool.acquire(u"127.0.0.1"_s, server.port(), false);
    QCOMPARE(connection->completedResponses(), 1);
    connection->send(post(server.port(), R"({"n":2})"), second);
    QTRY_VERIFY_WITH_TIMEOUT(second->done(), WaitMs);
}

void TestHttpClient::stalePooledConnectionIsRetriedOnce()
{
    // Connection 0 answers once, then drops the next request without a byte (the upstream's
    // idle timeout raced our write); the request goes again on a fresh connection.
    RawServer server([](int connection, int request) {
        return connection == 0 && request > 0 ? QByteArray() : OkResponse;
    });
    UpstreamPool pool;
    Recorder second;
    secondRequestOnAReusedConnection(pool, server, &second);
    QVERIFY2(second.completed, qPrintable(second.message));
    QCOMPARE(second.body, OkBody);
    QCOMPARE(server.connections(), 2);
    QCOMPARE(server.requests(), 3);
    QCOMPARE(pool.idleCount(), 1);

    // Once only: when the fresh connection drops it too, the failure is reported.
    RawServer hostile([](int connection, int request) {
        return connection == 0 && request == 0 ? OkResponse : QByteArray();
    });
    Recorder warmUp, doomed;
    pool.acquire(u"127.0.0.1"_s, hostile.port(), false)->send(post(hostile.port()), &warmUp);
    QTRY_VERIFY_WITH_TIMEOUT(warmUp.completed, WaitMs);
    pool.acquire(u"127.0.0.1"_s, hostile.port(), false)->send(post(hostile.port()), &doomed);
    QTRY_VERIFY_WITH_TIMEOUT(doomed.done(), WaitMs);
    QVERIFY(doomed.failed);
    QCOMPARE(doomed.failure, UpstreamConnection::Failure::ClosedBeforeHead);
    QCOMPARE(hostile.connections(), 2);
    QCOMPARE(hostile.requests(), 3);
}

void TestHttpClient::lateDropOfAReusedConnectionIsNotReplayed()
{
    // The reused connection breaks 1.5 s after the request went out, without a byte of
    // answer: the upstream may have worked on it (a generation is paid for), so the failure
    // is reported instead of the request being sent again.
    RawServer server([](int connection, int request) {
        return connection == 0 && request > 0 ? QByteArray() : OkResponse;
    });
    server.setAbortDelay(1500);
    UpstreamPool pool;
    Recorder second;
    secondRequestOnAReusedConnection(pool, server, &second);
    QVERIFY(second.failed);
    QCOMPARE(server.requests(), 2); // not replayed
    QCOMPARE(server.connections(), 1);
}

void TestHttpClient::freshConnectionIsNotRetried()
{
    RawServer server([](int, int) { return QByteArray(); });
    UpstreamPool pool;
    Recorder recorder;
    pool.acquire(u"127.0.0.1"_s, server.port(), false)->send(post(server.port()), &recorder);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.done(), WaitMs);
    QVERIFY(recorder.failed);
    QCOMPARE(recorder.failure, UpstreamConnection::Failure::ClosedBeforeHead);
    QCOMPARE(server.connections(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(pool.connectionCount(), 0, WaitMs);
}

void TestHttpClient::abandonClosesTheConnection()
{
    FakeUpstream fake;
    FakeReply reply = FakeReply::sse({"a", "b"}, 0);
    reply.chunks[1].delayMs = 60'000;
    fake.enqueue(reply);
    UpstreamPool pool;
    Recorder recorder;
    QPointer<UpstreamConnection> connection = pool.acquire(u"127.0.0.1"_s, fake.port(), false);
    connection->send(post(fake.port()), &recorder);
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.body.isEmpty(), WaitMs);
    connection->abandon();
    QTRY_COMPARE_WITH_TIMEOUT(fake.clientDisconnects(), 1, WaitMs);
    QVERIFY(!recorder.done()); // the receiver hears nothing more
    QCOMPARE(pool.idleCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(connection.isNull(), WaitMs);

    // Abandoning from the head callback is allowed too.
    fake.enqueue(FakeReply::raw(200, OkBody));
    Recorder early;
    UpstreamConnection *other = pool.acquire(u"127.0.0.1"_s, fake.port(), false);
    early.onHead = [other] { other->abandon(); };
    other->send(post(fake.port()), &early);
    QTRY_COMPARE_WITH_TIMEOUT(fake.clientDisconnects(), 2, WaitMs);
    QCOMPARE(early.status, 200);
    QVERIFY(early.body.isEmpty());
    QVERIFY(!early.done());
}

void TestHttpClient::refusedPortFailsWithConnect()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    UpstreamPool pool;
    Recorder recorder;
    pool.acquire(u"127.0.0.1"_s, port, false)->send(post(port), &recorder);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.done(), WaitMs);
    QVERIFY(recorder.failed);
    QCOMPARE(recorder.failure, UpstreamConnection::Failure::Connect);
    QVERIFY(!recorder.message.isEmpty());
    QCOMPARE(recorder.written, 0);
}

void TestHttpClient::bytesAfterTheResponseAreNotReused()
{
    RawServer server([](int, int) { return OkResponse + "HTTP/1.1 200 OK\r\n"; });
    UpstreamPool pool;
    Recorder recorder;
    pool.acquire(u"127.0.0.1"_s, server.port(), false)->send(post(server.port()), &recorder);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.done(), WaitMs);
    QVERIFY(recorder.completed);
    QCOMPARE(recorder.body, OkBody);
    QTRY_COMPARE_WITH_TIMEOUT(pool.idleCount(), 0, WaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(server.disconnects(), 1, WaitMs);
}

void TestHttpClient::tlsToAClosedPortFailsWithConnect()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();

    const UpstreamResult result = secureCall(port);
    QCOMPARE(result.failure, UpstreamFailure::Connect);
    QVERIFY(!result.errorMessage.contains(u"sk-secret-tls"_s));
}

UpstreamResult TestHttpClient::secureCall(quint16 port)
{
    UpstreamCall call;
    call.target.provider = u"secure"_s;
    call.target.model = u"gpt-4o-mini"_s;
    call.target.kind = u"openai"_s;
    call.target.baseUrl = u"https://127.0.0.1:%1/v1"_s.arg(port);
    call.body = {{u"model"_s, call.target.model}, {u"messages"_s, QJsonArray{}}};
    call.apiKey = "sk-secret-tls";
    UpstreamClient client;
    UpstreamCallHandle *handle = client.start(call);
    QList<UpstreamResult> results;
    connect(handle, &UpstreamCallHandle::finished, this, [&](const UpstreamResult &r) { results.append(r); });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(!results.isEmpty(), WaitMs); }();
    delete handle;
    return results.value(0);
}

void TestHttpClient::tlsHandshakeWithAPlainServerFails()
{
    FakeUpstream plain; // speaks HTTP, not TLS: the handshake must fail cleanly
    UpstreamPool pool;
    Recorder recorder;
    pool.acquire(u"127.0.0.1"_s, plain.port(), true)->send(post(plain.port()), &recorder);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.done(), WaitMs);
    QVERIFY(recorder.failed);
    QCOMPARE(recorder.failure, UpstreamConnection::Failure::Connect);
    QCOMPARE(recorder.written, 0);
    QCOMPARE(plain.requestCount(), 0); // the request never went out in clear text
}

namespace {

/// A self-signed certificate for 127.0.0.1, made with the openssl command (no key is kept in
/// the repository).
struct TestCertificate {
    QSslCertificate certificate;
    QSslKey key;
};

std::optional<TestCertificate> makeCertificate(const QString &folder, const QString &name)
{
    const QString keyPath = folder + u'/' + name + u".key"_s, certPath = folder + u'/' + name + u".crt"_s;
    QProcess openssl;
    openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                                u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                                u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s, keyPath, u"-out"_s, certPath});
    if (!openssl.waitForFinished(30'000) || openssl.exitCode() != 0)
        return std::nullopt;
    QFile keyFile(keyPath), certFile(certPath);
    if (!keyFile.open(QIODevice::ReadOnly) || !certFile.open(QIODevice::ReadOnly))
        return std::nullopt;
    TestCertificate made{QSslCertificate(certFile.readAll()), QSslKey(keyFile.readAll(), QSsl::Ec)};
    if (made.certificate.isNull() || made.key.isNull())
        return std::nullopt;
    return made;
}

/// An HTTPS upstream: answers every request on a connection with one chat completion.
class TlsUpstream : public QObject
{
public:
    explicit TlsUpstream(const TestCertificate &identity)
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(identity.certificate);
        config.setPrivateKey(identity.key);
        m_server.setSslConfiguration(config);
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onReadyRead(socket); });
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_server.serverPort(); }
    QList<QByteArray> requests; ///< the heads of the requests received, decrypted

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QByteArray head = buffer.left(headEnd);
        const qsizetype at = head.toLower().indexOf("content-length: ");
        const qsizetype length = at < 0 ? 0 : head.mid(at + 16, head.indexOf("\r\n", at) - at - 16).toLongLong();
        if (buffer.size() < headEnd + 4 + length)
            return;
        buffer.remove(0, headEnd + 4 + length);
        requests.append(head);
        const QByteArray body = chatCompletionJsonForScan();
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                      + "\r\n\r\n" + body);
    }

    QSslServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace

void TestHttpClient::tlsCallsVerifyTheServer()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::optional<TestCertificate> trusted = makeCertificate(dir.path(), u"trusted"_s);
    const std::optional<TestCertificate> stranger = makeCertificate(dir.path(), u"stranger"_s);
    QVERIFY2(trusted && stranger, "the openssl command could not make a test certificate");
    // Trust the first one as a CA, the way a system store would; the second stays unknown.
    const QSslConfiguration before = QSslConfiguration::defaultConfiguration();
    QSslConfiguration withTestCa = before;
    withTestCa.addCaCertificate(trusted->certificate);
    QSslConfiguration::setDefaultConfiguration(withTestCa);
    const auto restore = qScopeGuard([&] { QSslConfiguration::setDefaultConfiguration(before); });

    // A server whose certificate chains to a trusted CA and names 127.0.0.1: the call goes
    // through, key and all, over the encrypted connection.
    TlsUpstream good(*trusted);
    const UpstreamResult ok = secureCall(good.port());
    QVERIFY2(ok.failure == UpstreamFailure::None, qPrintable(ok.errorMessage));
    QCOMPARE(ok.httpStatus, 200);
    QCOMPARE(good.requests.size(), 1);
    QVERIFY(good.requests.first().contains("Authorization: Bearer sk-secret-tls"));

    // A server with a certificate nobody vouches for: refused before a byte of the request
    // (or the key) is sent, and the reason names the certificate.
    TlsUpstream bad(*stranger);
    const UpstreamResult refused = secureCall(bad.port());
    QCOMPARE(refused.failure, UpstreamFailure::Connect);
    QVERIFY2(refused.errorMessage.contains(u"certificate"_s, Qt::CaseInsensitive), qPrintable(refused.errorMessage));
    QVERIFY(!refused.errorMessage.contains(u"sk-secret-tls"_s));
    QCOMPARE(bad.requests.size(), 0);
}

namespace {

/// What the adapters read, through the scanner and through QJsonDocument.
QString scannedSummary(QByteArrayView root)
{
    QString out = JsonScanner::toString(JsonScanner::member(root, "model")) + u'|';
    JsonScanner::forEachElement(JsonScanner::member(root, "choices"), [&](QByteArrayView choice) {
        out += QString::number(JsonScanner::toInt(JsonScanner::member(choice, "index"))) + u',';
        out += JsonScanner::toString(JsonScanner::member(choice, "finish_reason")) + u',';
        const QByteArrayView content = JsonScanner::member(JsonScanner::member(choice, "delta"), "content");
        out += JsonScanner::toString(content) + u',' + QString::number(JsonScanner::textLength(content)) + u';';
    });
    const QByteArrayView usage = JsonScanner::member(root, "usage");
    out += u'|' + QString::number(int(JsonScanner::typeOf(usage)));
    return out;
}

QString parsedSummary(const QJsonObject &json)
{
    QString out = json.value(u"model"_s).toString() + u'|';
    for (const QJsonValue &value : json.value(u"choices"_s).toArray()) {
        const QJsonObject choice = value.toObject();
        out += QString::number(choice.value(u"index"_s).toInt()) + u',';
        out += choice.value(u"finish_reason"_s).toString() + u',';
        const QString content = choice.value(u"delta"_s).toObject().value(u"content"_s).toString();
        out += content + u',' + QString::number(content.size()) + u';';
    }
    const QJsonValue usage = json.value(u"usage"_s);
    const JsonScanner::Type type = usage.isUndefined() ? JsonScanner::Type::Invalid
                                   : usage.isObject()  ? JsonScanner::Type::Object
                                   : usage.isArray()   ? JsonScanner::Type::Array
                                   : usage.isString()  ? JsonScanner::Type::String
                                   : usage.isDouble()  ? JsonScanner::Type::Number
                                   : usage.isBool()    ? JsonScanner::Type::Bool
                                                       : JsonScanner::Type::Null;
    out += u'|' + QString::number(int(type));
    return out;
}

/// The scanner never accepts what Qt refuses, and reads the same values from what it accepts.
void compareWithQt(const QByteArray &json, int *accepted = nullptr)
{
    QByteArrayView root;
    const bool scanned = JsonScanner::validate(json, &root);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!scanned)
        return; // the adapters then use QJsonDocument itself
    if (accepted)
        ++*accepted;
    QVERIFY2(!doc.isNull(), json.constData());
    if (doc.isObject())
        QCOMPARE(scannedSummary(root), parsedSummary(doc.object()));
}

const QByteArray SampleChunk = R"({"id":"c1","object":"chat.completion.chunk","model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"H\u00e9llo \"w\"\n\ud83d\ude00 \u4f60"},"finish_reason":null}],"usage":{"prompt_tokens":2}})";

} // namespace

void TestHttpClient::jsonScannerAgreesWithQt_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::newRow("chunk with escapes") << SampleChunk << true;
    QTest::newRow("raw UTF-8") << QByteArray(R"({"model":"m","choices":[{"index":0,"delta":{"content":"ça va ✓ 😀"}}]})") << true;
    QTest::newRow("whitespace everywhere") << QByteArray(" \r\n{ \"choices\" : [ { \"index\" : 0 , \"delta\" : { \"content\" : \"x\" } } ] }\t") << true;
    QTest::newRow("duplicate keys: last wins") << QByteArray(R"({"model":"a","model":"b","choices":[{"index":0,"delta":{"content":"1"},"delta":{"content":"2"}}]})") << true;
    QTest::newRow("escaped key") << QByteArray(R"({"\u006dodel":"escaped","choices":[]})") << true;
    QTest::newRow("backslash runs before quotes")
        << QByteArray(R"({"model":"a\\","choices":[{"index":0,"delta":{"content":"x\"y\\\"z\\\\"}}],"usage":{}})") << true;
    QTest::newRow("index forms") << QByteArray(R"({"choices":[{"index":1,"delta":{"content":"a"}},{"index":0.0,"delta":{"content":"b"}},{"index":-0,"delta":{"content":"c"}},{"index":1e0,"delta":{"content":"d"}},{"index":"0","delta":{"content":"e"}},{"index":0.5,"delta":{"content":"f"}},{"index":99999999999,"delta":{"content":"g"}}]})") << true;
    QTest::newRow("content not a string") << QByteArray(R"({"choices":[{"index":0,"delta":{"content":null}},{"index":0,"delta":{"content":["x"]}},{"index":0,"delta":"x"},7]})") << true;
    QTest::newRow("usage types") << QByteArray(R"({"usage":null,"choices":[]})") << true;
    QTest::newRow("nested arrays") << QByteArray(R"([[1,2,[3,{"a":[]}]],{},[],"x",true,false,null,-1.5e+3])") << true;
    QTest::newRow("truncated") << QByteArray(R"({"choices": [)") << false;
    QTest::newRow("trailing comma") << QByteArray(R"({"a":1,})") << false;
    QTest::newRow("trailing comma in array") << QByteArray(R"({"a":[1,]})") << false;
    QTest::newRow("garbage after") << QByteArray(R"({"a":1} x)") << false;
    QTest::newRow("two values") << QByteArray(R"({"a":1}{"b":2})") << false;
    QTest::newRow("single quotes") << QByteArray(R"({'a':1})") << false;
    QTest::newRow("bare word") << QByteArray(R"({"a":nul})") << false;
    QTest::newRow("leading zero") << QByteArray(R"({"a":012})") << false;
    QTest::newRow("huge exponent") << QByteArray(R"({"a":1e999})") << false;
    QTest::newRow("bad escape") << QByteArray(R"({"a":"\x"})") << false;
    QTest::newRow("short unicode escape") << QByteArray(R"({"a":"\u12"})") << false;
    QTest::newRow("invalid UTF-8") << QByteArray("{\"a\":\"\xff\"}") << false;
    QTest::newRow("overlong UTF-8") << QByteArray("{\"a\":\"\xc0\xaf\"}") << false;
    QTest::newRow("UTF-8 surrogate") << QByteArray("{\"a\":\"\xed\xa0\x80\"}") << false;
    QTest::newRow("raw control character") << QByteArray("{\"a\":\"\x01\"}") << false;
    QTest::newRow("scalar top level") << QByteArray(R"("text")") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("deep nesting") << QByteArray(2000, '[') + QByteArray(2000, ']') << false;
}

void TestHttpClient::jsonScannerAgreesWithQt()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    QCOMPARE(JsonScanner::validate(json), valid);
    compareWithQt(json);
}

void TestHttpClient::jsonScannerMutations()
{
    // Random byte edits of real chunks: whatever the scanner accepts, Qt accepts and reads alike.
    const QByteArrayList seeds = {SampleChunk, chatCompletionJsonForScan()};
    QRandomGenerator random(42);
    int accepted = 0;
    for (const QByteArray &seed : seeds) {
        for (int round = 0; round < 3000 && !QTest::currentTestFailed(); ++round)
            compareWithQt(TestData::mutatedJson(seed, random), &accepted);
    }
    QVERIFY2(accepted > 500, qPrintable(QString::number(accepted))); // enough valid variants compared
}

void TestHttpClient::streamContentIsExact()
{
    FakeUpstream fake;
    const QByteArrayList events = {SampleChunk,
                                   R"({"choices":[{"index":0,"delta":{"content":"\t tab\\"},"finish_reason":"stop"}]})",
                                   R"({"choices":[],"usage":{"prompt_tokens":20,"completion_tokens":3,"total_tokens":23}})",
                                   "[DONE]"};
    fake.enqueue(FakeReply::sse(events));
    UpstreamCall call;
    call.target.provider = u"openai"_s;
    call.target.model = u"gpt-4o-mini"_s;
    call.target.kind = u"openai"_s;
    call.target.baseUrl = fake.v1UrlString();
    call.target.pricingProvider = u"openai"_s;
    call.body = {{u"model"_s, call.target.model}, {u"messages"_s, QJsonArray{}}};
    call.stream = true;
    UpstreamClient client;
    UpstreamCallHandle *handle = client.start(call);
    QList<UpstreamResult> results;
    connect(handle, &UpstreamCallHandle::finished, this, [&](const UpstreamResult &r) { results.append(r); });
    QTRY_VERIFY_WITH_TIMEOUT(!results.isEmpty(), WaitMs);
    const UpstreamResult &r = results.first();
    QCOMPARE(r.failure, UpstreamFailure::None);
    QString expected;
    for (int i = 0; i < 2; ++i)
        expected += QJsonDocument::fromJson(events.at(i)).object()[u"choices"_s][0][u"delta"_s][u"content"_s].toString();
    QCOMPARE(r.content, expected);
    QCOMPARE(r.servedModel, u"gpt-4o-mini"_s);
    QCOMPARE(r.finishReason, u"stop"_s);
    QVERIFY(r.hasUsage);
    QCOMPARE(r.usage.outputTokens, 3);
    delete handle;
}

void TestHttpClient::requestOnTheWire()
{
    FakeUpstream fake;
    fake.setHandler([](const FakeRequest &) { return FakeReply::raw(200, chatCompletionJsonForScan()); });
    UpstreamCall call;
    call.target.provider = u"local"_s;
    call.target.model = u"m"_s;
    call.target.kind = u"openai"_s;
    call.target.baseUrl = fake.v1UrlString() + u"//"_s; // trailing slashes are not doubled
    call.body = {{u"model"_s, u"m"_s}, {u"messages"_s, QJsonArray{}}};
    call.apiKey = "sk-wire";
    call.requestId = "req-7";
    UpstreamClient client;
    auto runCall = [&](const UpstreamCall &c) {
        UpstreamCallHandle *handle = client.start(c);
        QList<UpstreamResult> results;
        connect(handle, &UpstreamCallHandle::finished, this, [&](const UpstreamResult &r) { results.append(r); });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(!results.isEmpty(), WaitMs); }();
        delete handle;
        return results.value(0);
    };
    QCOMPARE(runCall(call).failure, UpstreamFailure::None);
    const FakeRequest request = fake.lastRequest();
    QCOMPARE(request.target, QByteArray("/v1/chat/completions"));
    QCOMPARE(request.header("Host"), "127.0.0.1:" + QByteArray::number(fake.port()));
    QCOMPARE(request.header("Authorization"), QByteArray("Bearer sk-wire"));
    QCOMPARE(request.header("X-Request-Id"), QByteArray("req-7"));
    QCOMPARE(request.header("Content-Length").toInt(), request.body.size());
    QCOMPARE(request.header("Accept-Encoding"), QByteArray("identity")); // bodies come uncompressed
    QCOMPARE(request.json(), call.body);

    // A base URL with a query (Azure OpenAI's api-version): the endpoint's path goes before it.
    UpstreamCall azure = call;
    azure.target.baseUrl = fake.v1UrlString() + u"/?api-version=2024-06-01#ignored"_s;
    QCOMPARE(runCall(azure).failure, UpstreamFailure::None);
    QCOMPARE(fake.lastRequest().target, QByteArray("/v1/chat/completions?api-version=2024-06-01"));

    // Not http(s): refused locally, as before.
    UpstreamCall ftp = call;
    ftp.target.baseUrl = u"ftp://127.0.0.1/v1"_s;
    const UpstreamResult refused = runCall(ftp);
    QCOMPARE(refused.failure, UpstreamFailure::HttpStatus);
    QCOMPARE(refused.httpStatus, 500);

    // A key with a line break would forge headers: never sent.
    UpstreamCall forged = call;
    forged.apiKey = "sk-x\r\nX-Injected: 1";
    const UpstreamResult unsafe = runCall(forged);
    QCOMPARE(unsafe.failure, UpstreamFailure::HttpStatus);
    QVERIFY(!unsafe.errorMessage.contains(u"sk-x"_s));
    QCOMPARE(fake.requestCount(), 2);
}

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
