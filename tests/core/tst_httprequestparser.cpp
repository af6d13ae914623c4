// SPDX-License-Identifier: MIT
#include "core/gateway/httprequestparser.h"

#include <QTest>

using namespace Switchyard;
using namespace Qt::StringLiterals;

class TestHttpRequestParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void everySplit_data();
    void everySplit();
    void pipelinedRequestsKeepTheirBytes();
    void headersTheParserActsOn();
    void errors_data();
    void errors();
    void limitsAreCheckedBeforeBuffering();
    void keepAliveAndContinue();

private:
    static QList<HttpRequest> parseAll(const QByteArray &bytes, const QList<qsizetype> &cuts);
};

/// Feeds `bytes` in pieces cut at `cuts` and collects the complete requests.
QList<HttpRequest> TestHttpRequestParser::parseAll(const QByteArray &bytes, const QList<qsizetype> &cuts)
{
    HttpRequestParser parser;
    QList<HttpRequest> requests;
    qsizetype start = 0;
    QList<qsizetype> bounds = cuts;
    bounds.append(bytes.size());
    for (const qsizetype end : bounds) {
        QByteArrayView piece = QByteArrayView(bytes).sliced(start, end - start);
        while (!piece.isEmpty()) {
            const qsizetype used = parser.feed(piece);
            piece = piece.sliced(used);
            if (parser.status() == HttpRequestParser::Status::Complete)
                requests.append(parser.takeRequest());
            else if (parser.status() == HttpRequestParser::Status::Failed)
                return requests;
            else if (used == 0)
                break;
        }
        start = end;
    }
    return requests;
}

void TestHttpRequestParser::everySplit_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("content-length") << QByteArray("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                                  "Content-Length: 17\r\n\r\n{\"model\":\"auto\"}\n")
                                    << QByteArray("{\"model\":\"auto\"}\n");
    QTest::newRow("chunked") << QByteArray("POST /v1/embeddings HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                           "5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: y\r\n\r\n")
                             << QByteArray("hello, world");
    QTest::newRow("no body, bare LF") << QByteArray("GET /health HTTP/1.1\nHost: x\n\n") << QByteArray();
}

void TestHttpRequestParser::everySplit()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, body);
    for (qsizetype cut = 0; cut <= bytes.size(); ++cut) {
        const QList<HttpRequest> one = parseAll(bytes, {cut});
        QVERIFY2(one.size() == 1, qPrintable(u"cut at %1"_s.arg(cut)));
        QCOMPARE(one.first().body, body);
        QVERIFY(one.first().target.startsWith('/'));
    }
    // One byte at a time.
    QList<qsizetype> all;
    for (qsizetype i = 1; i < bytes.size(); ++i)
        all.append(i);
    const QList<HttpRequest> bytewise = parseAll(bytes, all);
    QCOMPARE(bytewise.size(), 1);
    QCOMPARE(bytewise.first().body, body);
}

void TestHttpRequestParser::pipelinedRequestsKeepTheirBytes()
{
    const QByteArray bytes = "POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"
                             "GET /b?x=1 HTTP/1.1\r\nX-Switchyard-Task: classify\r\n\r\n"
                             "POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n";
    for (qsizetype cut = 0; cut <= bytes.size(); ++cut) {
        const QList<HttpRequest> requests = parseAll(bytes, {cut});
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests.at(0).body, QByteArray("abc"));
        QCOMPARE(requests.at(1).path(), QByteArrayView("/b"));
        QCOMPARE(requests.at(1).header("x-switchyard-task"), QByteArray("classify"));
        QCOMPARE(requests.at(2).method, QByteArray("POST"));
        QCOMPARE(requests.at(2).body, QByteArray("hi"));
    }
}

void TestHttpRequestParser::errors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::newRow("garbage") << QByteArray("hello\r\n\r\n") << 400;
    QTest::newRow("http/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 505;
    QTest::newRow("length and chunked") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
    QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("length with junk") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3x\r\n\r\n") << 400;
    QTest::newRow("conflicting lengths") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n") << 400;
    QTest::newRow("gzip transfer") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") << 501;
    QTest::newRow("bad chunk size") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400;
    QTest::newRow("chunk too long") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n") << 400;
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n  c\r\n\r\n") << 400;
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400;
    QTest::newRow("control in target") << QByteArray("GET /a\x01 HTTP/1.1\r\n\r\n") << 400;
    // Framing in doubt is refused, never guessed (request smuggling).
    QTest::newRow("empty length, then a length") << QByteArray("POST / HTTP/1.1\r\nContent-Length:\r\nContent-Length: 5\r\n\r\n") << 400;
    QTest::newRow("empty transfer coding") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding:\r\nContent-Length: 3\r\n\r\nabc") << 400;
    QTest::newRow("empty, then chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: \r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
    QTest::newRow("chunked, then gzip") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\n") << 400;
    QTest::newRow("chunked twice") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\ntransfer-encoding: chunked\r\n\r\n") << 400;
}

void TestHttpRequestParser::headersTheParserActsOn()
{
    // Repeated identical lengths agree; the first Connection and Expect count, as header() finds them.
    HttpRequestParser parser;
    parser.feed("POST /a HTTP/1.1\r\nContent-Length: 3\r\ncontent-length: 3\r\nConnection: close\r\n"
                "Connection: keep-alive\r\nEXPECT: 100-continue\r\nExpect: nothing\r\n\r\n");
    QCOMPARE(parser.status(), HttpRequestParser::Status::NeedMore);
    QVERIFY(parser.expectsContinue());
    parser.feed("abc");
    QCOMPARE(parser.status(), HttpRequestParser::Status::Complete);
    const HttpRequest request = parser.takeRequest();
    QCOMPARE(request.body, QByteArray("abc"));
    QVERIFY(!request.keepAlive);

    // HTTP/1.0 keeps the connection only when asked; a new request starts with a clean slate.
    parser.feed("GET /b HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
    QCOMPARE(parser.status(), HttpRequestParser::Status::Complete);
    QVERIFY(parser.takeRequest().keepAlive);
    QVERIFY(!parser.expectsContinue());
    parser.feed("GET /c HTTP/1.0\r\n\r\n");
    QVERIFY(!parser.takeRequest().keepAlive);

    // A line split across reads: started, and whole once the rest arrives.
    QVERIFY(!parser.hasStarted());
    parser.feed("GET /d HT");
    QVERIFY(parser.hasStarted());
    parser.feed("TP/1.1\r");
    parser.feed("\nHost: x\r\n\r\n");
    QCOMPARE(parser.status(), HttpRequestParser::Status::Complete);
    QCOMPARE(parser.takeRequest().target, QByteArray("/d"));
    QVERIFY(!parser.hasStarted());
}

void TestHttpRequestParser::errors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    HttpRequestParser parser;
    parser.feed(bytes);
    QCOMPARE(parser.status(), HttpRequestParser::Status::Failed);
    QCOMPARE(parser.errorStatus(), status);
    QVERIFY(!parser.errorMessage().isEmpty());
}

void TestHttpRequestParser::limitsAreCheckedBeforeBuffering()
{
    HttpRequestParser::Limits limits;
    limits.maxHeaderBytes = 256;
    limits.maxHeaders = 4;
    limits.maxBodyBytes = 10;

    HttpRequestParser header(limits);
    header.feed("GET / HTTP/1.1\r\nX-Long: ");
    header.feed(QByteArray(300, 'a')); // no newline yet: refused while still arriving
    QCOMPARE(header.status(), HttpRequestParser::Status::Failed);
    QCOMPARE(header.errorStatus(), 431);

    HttpRequestParser flood(limits);
    flood.feed("GET / HTTP/1.1\r\nA: 1\r\nB: 1\r\nC: 1\r\nD: 1\r\nE: 1\r\n");
    QCOMPARE(flood.errorStatus(), 431);

    HttpRequestParser body(limits);
    body.feed("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n");
    QCOMPARE(body.errorStatus(), 413);

    HttpRequestParser chunked(limits);
    chunked.feed("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\n");
    QCOMPARE(chunked.errorStatus(), 413);

    HttpRequestParser line(limits);
    line.feed(QByteArray("GET /").append(QByteArray(400, 'x')));
    QCOMPARE(line.errorStatus(), 414);
}

void TestHttpRequestParser::keepAliveAndContinue()
{
    HttpRequestParser p;
    p.feed("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
    QVERIFY(p.expectsContinue());
    QCOMPARE(p.status(), HttpRequestParser::Status::NeedMore);
    p.feed("ok");
    HttpRequest r = p.takeRequest();
    QVERIFY(r.keepAlive);
    QVERIFY(!p.hasStarted());

    p.feed("GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
    QVERIFY(!p.takeRequest().keepAlive);
    p.feed("GET / HTTP/1.0\r\n\r\n");
    QVERIFY(!p.takeRequest().keepAlive);
    p.feed("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
    QVERIFY(p.takeRequest().keepAlive);
}

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
