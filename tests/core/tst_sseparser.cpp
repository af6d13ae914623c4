// SPDX-License-Identifier: MIT
#include "core/upstream/sseparser.h"

#include <QTest>

using namespace Switchyard;
using namespace Qt::StringLiterals;

class TestSseParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void everySplit_data();
    void everySplit();
    void finishReturnsAnUnterminatedEvent_data();
    void finishReturnsAnUnterminatedEvent();
    void doneMarker();
    void oversizedEventFails();
    void bufferHoldsOnlyThePartialLine();

private:
    /// "type|data" per event, for readable comparisons.
    static QByteArrayList parse(const QByteArray &bytes, const QList<qsizetype> &cuts);
};

QByteArrayList TestSseParser::parse(const QByteArray &bytes, const QList<qsizetype> &cuts)
{
    SseParser parser;
    QByteArrayList events;
    qsizetype start = 0;
    QList<qsizetype> bounds = cuts;
    bounds.append(bytes.size());
    SseParser::Event event;
    for (const qsizetype end : std::as_const(bounds)) {
        parser.feed(QByteArrayView(bytes).sliced(start, end - start));
        while (parser.next(&event))
            events.append(event.type + '|' + event.data);
        start = end;
    }
    while (parser.finish(&event))
        events.append(event.type + '|' + event.data);
    return events;
}

void TestSseParser::everySplit_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QByteArrayList>("events");

    const QByteArrayList openAi{"|{\"id\":\"a\",\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}",
                                "|{\"id\":\"a\",\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}", "|[DONE]"};
    QTest::newRow("lf") << QByteArray("data: {\"id\":\"a\",\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n"
                                      "data: {\"id\":\"a\",\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\n"
                                      "data: [DONE]\n\n")
                        << openAi;
    QTest::newRow("crlf") << QByteArray("data: {\"id\":\"a\",\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\r\n\r\n"
                                        "data: {\"id\":\"a\",\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\r\n\r\n"
                                        "data: [DONE]\r\n\r\n")
                          << openAi;
    QTest::newRow("cr") << QByteArray("data: {\"id\":\"a\",\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\r\r"
                                      "data: {\"id\":\"a\",\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\r\r"
                                      "data: [DONE]\r\r")
                        << openAi;
    QTest::newRow("mixed line ends") << QByteArray("data: a\r\n\ndata: b\n\r\ndata: c\r\r\n") << QByteArrayList{"|a", "|b", "|c"};
    QTest::newRow("comments and keep-alives")
        << QByteArray(": OPENROUTER PROCESSING\n\ndata: x\n: keep-alive\n\n:\n\ndata: y\n\n")
        << QByteArrayList{"|x", "|y"};
    QTest::newRow("multi-line data") << QByteArray("data: line one\ndata: line two\ndata:\n\n")
                                     << QByteArrayList{"|line one\nline two\n"};
    QTest::newRow("named events (Anthropic)")
        << QByteArray("event: message_start\ndata: {\"type\":\"message_start\"}\n\n"
                      "event: ping\ndata: {\"type\": \"ping\"}\n\n"
                      "event: message_stop\r\ndata: {\"type\":\"message_stop\"}\r\n\r\n")
        << QByteArrayList{"message_start|{\"type\":\"message_start\"}", "ping|{\"type\": \"ping\"}",
                          "message_stop|{\"type\":\"message_stop\"}"};
    QTest::newRow("one leading space removed") << QByteArray("data:x\n\ndata:  y\n\n") << QByteArrayList{"|x", "| y"};
    QTest::newRow("empty data is dispatched") << QByteArray("data:\n\ndata\n\n") << QByteArrayList{"|", "|"};
    QTest::newRow("no data, no event") << QByteArray("event: lonely\n\nid: 4\nretry: 10\n\ndata: z\n\n")
                                       << QByteArrayList{"|z"};
    QTest::newRow("unknown fields and colons in values")
        << QByteArray("foo: bar\ndata: {\"url\":\"http://x:1\"}\n\n") << QByteArrayList{"|{\"url\":\"http://x:1\"}"};
    QTest::newRow("blank lines between events") << QByteArray("\n\n\r\ndata: a\n\n\n\ndata: b\n\n")
                                                << QByteArrayList{"|a", "|b"};
    QTest::newRow("utf-8 split inside a character") << QByteArray("data: gr\xc3\xbc\xc3\x9f" "e \xe2\x82\xac\n\n")
                                                    << QByteArrayList{"|gr\xc3\xbc\xc3\x9f" "e \xe2\x82\xac"};
}

void TestSseParser::everySplit()
{
    QFETCH(QByteArray, stream);
    QFETCH(QByteArrayList, events);

    QCOMPARE(parse(stream, {}), events);
    // One cut at every position, then every pair of cuts: bytes may arrive split anywhere.
    for (qsizetype i = 0; i <= stream.size(); ++i) {
        const QByteArrayList got = parse(stream, {i});
        if (got != events)
            QFAIL(qPrintable(u"cut at %1: %2"_s.arg(i).arg(QString::fromUtf8(got.join(" / ")))));
        for (qsizetype j = i; j <= stream.size(); ++j) {
            if (parse(stream, {i, j}) != events)
                QFAIL(qPrintable(u"cuts at %1 and %2"_s.arg(i).arg(j)));
        }
    }
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < stream.size(); ++i)
        everyByte.append(i);
    QCOMPARE(parse(stream, everyByte), events);
}

void TestSseParser::finishReturnsAnUnterminatedEvent_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QByteArrayList>("events");
    QTest::newRow("no line end") << QByteArray("data: a\n\ndata: last") << QByteArrayList{"|a", "|last"};
    QTest::newRow("no blank line") << QByteArray("data: a\n\ndata: last\n") << QByteArrayList{"|a", "|last"};
    QTest::newRow("only a comment left") << QByteArray("data: a\n\n: bye") << QByteArrayList{"|a"};
    QTest::newRow("event name only") << QByteArray("data: a\n\nevent: x\n") << QByteArrayList{"|a"};
}

void TestSseParser::finishReturnsAnUnterminatedEvent()
{
    QFETCH(QByteArray, stream);
    QFETCH(QByteArrayList, events);
    for (qsizetype i = 0; i <= stream.size(); ++i)
        QCOMPARE(parse(stream, {i}), events);
}

void TestSseParser::doneMarker()
{
    SseParser parser;
    parser.feed("data: [DONE]\n\ndata: [DONE] \n\n");
    SseParser::Event event;
    QVERIFY(parser.next(&event));
    QVERIFY(event.isDone());
    QVERIFY(parser.next(&event));
    QVERIFY(!event.isDone());
    QVERIFY(!parser.next(&event));
}

void TestSseParser::oversizedEventFails()
{
    SseParser lineTooLong(16);
    lineTooLong.feed("data: 0123456789abcdefghij");
    SseParser::Event event;
    QVERIFY(!lineTooLong.next(&event));
    QVERIFY(lineTooLong.hasFailed());

    SseParser dataTooLong(16);
    dataTooLong.feed("data: 0123456789\ndata: 0123456789\n\n");
    QVERIFY(!dataTooLong.next(&event));
    QVERIFY(dataTooLong.hasFailed());
    QVERIFY(!dataTooLong.finish(&event));

    SseParser fits(16);
    fits.feed("data: 0123456789\n\n");
    QVERIFY(fits.next(&event));
    QCOMPARE(event.data, QByteArray("0123456789"));
}

void TestSseParser::bufferHoldsOnlyThePartialLine()
{
    SseParser parser;
    SseParser::Event event;
    for (int i = 0; i < 1000; ++i) {
        parser.feed(QByteArray("data: {\"n\":" + QByteArray::number(i) + "}\n\ndata: {\"par"));
        QVERIFY(parser.next(&event));
        QVERIFY(!parser.next(&event));
        QCOMPARE(parser.pendingBytes(), 11);
        parser.feed("tial\":true}\n\n");
        QVERIFY(parser.next(&event));
        QCOMPARE(event.data, QByteArray("{\"partial\":true}"));
    }
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
