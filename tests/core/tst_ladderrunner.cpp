// SPDX-License-Identifier: MIT
#include "core/config/secretcache.h"
#include "core/routing/circuitbreaker.h"
#include "core/routing/ladderrunner.h"
#include "core/upstream/upstreamclient.h"
#include "tests/support/fakeupstream.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Switchyard;
using namespace Qt::StringLiterals;

namespace {

QJsonObject completion(const QString &content, const QString &finish = u"stop"_s)
{
    return QJsonObject{{u"id"_s, u"c"_s},
                       {u"object"_s, u"chat.completion"_s},
                       {u"model"_s, u"m"_s},
                       {u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0},
                                                             {u"message"_s, QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, content}}},
                                                             {u"finish_reason"_s, finish}}}},
                       {u"usage"_s, QJsonObject{{u"prompt_tokens"_s, 10}, {u"completion_tokens"_s, 5}}}};
}

PlannedRung rung(const QString &baseUrl, const QString &model, QStringList escalateOn = {u"429"_s, u"5xx"_s, u"timeout"_s, u"connect"_s})
{
    PlannedRung r;
    r.target.provider = u"p"_s;
    r.target.model = model;
    r.target.kind = u"openai"_s;
    r.target.baseUrl = baseUrl;
    r.target.pricingProvider = u"openai"_s;
    r.rung.target = u"p/"_s + model;
    r.rung.escalateOn = escalateOn;
    return r;
}

UpstreamCall prototype(bool stream = false)
{
    UpstreamCall call;
    call.body = QJsonObject{{u"model"_s, u"x"_s},
                            {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"hi"_s}}}}};
    call.stream = stream;
    return call;
}

LadderOutcome run(LadderRunner &runner)
{
    QSignalSpy finished(&runner, &LadderRunner::finished);
    runner.start();
    if (finished.isEmpty() && !finished.wait(10000))
        return {};
    return finished.first().first().value<LadderOutcome>();
}

QStringList trace(const LadderOutcome &o)
{
    QStringList t;
    for (const AttemptRecord &a : o.attemptRecords)
        t.append(a.model + u':' + a.outcome + (a.escalationReason.isEmpty() ? QString() : u':' + a.escalationReason));
    return t;
}

} // namespace

class TestLadderRunner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void circuitBreakerStates()
    {
        using namespace std::chrono_literals;
        CircuitBreaker breaker(2, 50ms);
        const QString a = u"p/a"_s, b = u"p/b"_s;
        QVERIFY(breaker.allow(a));
        breaker.recordSuccess(a); // healthy: nothing recorded
        QVERIFY(breaker.states().isEmpty());
        breaker.recordFailure(a);
        QVERIFY(breaker.allow(a)); // one failure: still closed
        breaker.recordSuccess(a); // and a success forgets it
        breaker.recordFailure(a);
        QVERIFY(breaker.allow(a));
        breaker.recordFailure(a); // two in a row: open
        QVERIFY(!breaker.allow(a));
        QVERIFY(breaker.allow(b)); // other targets are not affected
        QTest::qWait(60);
        QVERIFY(breaker.allow(a));  // half-open: one trial...
        QVERIFY(!breaker.allow(a)); // ...only one
        breaker.recordSuccess(a);   // the trial succeeded: closed
        QVERIFY(breaker.allow(a));
        QCOMPARE(breaker.states().value(0).state, CircuitBreaker::State::Closed);
        QCOMPARE(breaker.states().value(0).opened, qint64(1));
        const auto openedCount = [&](const QString &target) {
            for (const CircuitBreaker::TargetState &s : breaker.states()) {
                if (s.target == target)
                    return s.opened;
            }
            return qint64(-1);
        };
        breaker.recordRetryAfter(b, 40ms); // "come back later"
        QVERIFY(!breaker.allow(b));
        QCOMPARE(openedCount(b), qint64(1)); // counted like an opening after failures
        QTest::qWait(60);
        QVERIFY(breaker.allow(b)); // the trial after the wait
        breaker.recordRetryAfter(b, 40ms); // the trial was told to wait again: opened again
        QCOMPARE(openedCount(b), qint64(2));
        QTest::qWait(60);
        QVERIFY(breaker.allow(b));
        breaker.recordSuccess(b);
        QVERIFY(breaker.allow(a) && breaker.allow(b));
        QCOMPARE(openedCount(a), qint64(1));
    }

    void escalates_data();
    void escalates();
    void connectFailureClimbs();
    void timeoutsAndBrokenAnswers_data();
    void timeoutsAndBrokenAnswers();
    void anthropicErrorBeforeTheFirstTokenClimbs();
    void notListedCauseStops();
    void qualityChecks_data();
    void qualityChecks();
    void missingKeyClimbs();
    void streamCommitsAtFirstChunk();
    void circuitOpensAfterRepeatedFailures();
    void abortCancels();

private:
    UpstreamClient m_client;
};

void TestLadderRunner::escalates_data()
{
    QTest::addColumn<QList<int>>("statuses");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("429 then ok") << QList<int>{429, 200} << true << QStringList{u"a:escalated:429"_s, u"b:ok"_s};
    QTest::addRow("503 then ok") << QList<int>{503, 200} << true << QStringList{u"a:escalated:5xx"_s, u"b:ok"_s};
    QTest::addRow("all rungs 503") << QList<int>{503, 503} << false << QStringList{u"a:escalated:5xx"_s, u"b:failed:5xx"_s};
    QTest::addRow("first ok") << QList<int>{200, 200} << true << QStringList{u"a:ok"_s};
}

void TestLadderRunner::escalates()
{
    QFETCH(QList<int>, statuses);
    QFETCH(bool, ok);
    QFETCH(QStringList, expected);
    FakeUpstream a, b;
    auto reply = [](int status) {
        return status == 200 ? FakeReply::json(200, completion(u"hello"_s))
                             : FakeReply::json(status, QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, u"no"_s}}}});
    };
    a.enqueue(reply(statuses[0]));
    b.enqueue(reply(statuses[1]));
    Plan plan;
    plan.rungs = {rung(a.v1UrlString(), u"a"_s), rung(b.v1UrlString(), u"b"_s)};
    LadderRunner runner(plan, prototype(), false, &m_client, nullptr, nullptr);
    const LadderOutcome o = run(runner);
    QCOMPARE(o.ok, ok);
    QCOMPARE(trace(o), expected);
    QCOMPARE(o.attempts, expected.size());
    if (ok) {
        QCOMPARE(o.result.usage.inputTokens, 10);
        QCOMPARE(o.result.content, u"hello"_s);
    }
}

void TestLadderRunner::connectFailureClimbs()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there any more
    FakeUpstream b;
    b.enqueue(FakeReply::json(200, completion(u"ok"_s)));
    Plan plan;
    plan.rungs = {rung(u"http://127.0.0.1:%1/v1"_s.arg(port), u"a"_s), rung(b.v1UrlString(), u"b"_s)};
    LadderRunner runner(plan, prototype(), false, &m_client, nullptr, nullptr);
    const LadderOutcome o = run(runner);
    QVERIFY(o.ok);
    QCOMPARE(trace(o), (QStringList{u"a:escalated:connect"_s, u"b:ok"_s}));
}

void TestLadderRunner::timeoutsAndBrokenAnswers_data()
{
    QTest::addColumn<QString>("first");       // what rung a answers
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QStringList>("escalateOn");
    QTest::addColumn<QStringList>("expected");
    const QStringList all{u"429"_s, u"5xx"_s, u"timeout"_s, u"connect"_s, u"first-token"_s};
    QTest::newRow("total timeout") << u"hang"_s << false << all << QStringList{u"a:escalated:timeout"_s, u"b:ok"_s};
    QTest::newRow("slow first token") << u"slow"_s << true << all << QStringList{u"a:escalated:first-token"_s, u"b:ok"_s};
    QTest::newRow("slow first token, not listed") << u"slow"_s << true << QStringList{u"5xx"_s} << QStringList{u"a:failed:first-token"_s};
    QTest::newRow("malformed json from upstream") << u"malformed"_s << false << all << QStringList{u"a:escalated:5xx"_s, u"b:ok"_s};
    QTest::newRow("timeout, not listed") << u"hang"_s << false << QStringList{u"429"_s} << QStringList{u"a:failed:timeout"_s};
}

void TestLadderRunner::timeoutsAndBrokenAnswers()
{
    QFETCH(QString, first);
    QFETCH(bool, stream);
    QFETCH(QStringList, escalateOn);
    QFETCH(QStringList, expected);
    FakeUpstream a, b;
    const QList<QByteArray> events{R"({"choices":[{"index":0,"delta":{"content":"hello"}}]})",
                                   R"({"choices":[],"usage":{"prompt_tokens":10,"completion_tokens":2}})", "[DONE]"};
    if (first == u"hang")
        a.enqueue(FakeReply::hanging());
    else if (first == u"slow")
        a.enqueue(FakeReply::sse(events, 1000)); // the first chunk a second late
    else
        a.enqueue(FakeReply::raw(200, R"({"choices":[{"message":{"content":"cut)"));
    b.enqueue(stream ? FakeReply::sse(events) : FakeReply::json(200, completion(u"hello"_s)));
    Plan plan;
    plan.rungs = {rung(a.v1UrlString(), u"a"_s, escalateOn), rung(b.v1UrlString(), u"b"_s)};
    plan.rungs[0].rung.timeoutMs = 300;
    plan.rungs[0].rung.firstTokenTimeoutMs = 200;
    LadderRunner runner(plan, prototype(stream), false, &m_client, nullptr, nullptr);
    QElapsedTimer clock;
    clock.start();
    const LadderOutcome o = run(runner);
    QCOMPARE(trace(o), expected);
    QCOMPARE(o.ok, expected.size() == 2);
    QCOMPARE(b.requestCount(), expected.size() == 2 ? 1 : 0);
    QVERIFY2(clock.elapsed() < 5000, "the rung's limits, not the test's, ended the first attempt");
    if (o.ok)
        QCOMPARE(o.result.content, u"hello"_s);
}

void TestLadderRunner::anthropicErrorBeforeTheFirstTokenClimbs()
{
    // Anthropic opens a stream with message_start and may still fail before any content
    // ("overloaded_error"): nothing reached the client yet, so the ladder climbs.
    FakeUpstream a, b;
    a.enqueue(FakeReply::sseRaw(
        {"event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"claude-sonnet-4-6\","
         "\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}}\n\n",
         "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n"}));
    b.enqueue(FakeReply::sse({R"({"choices":[{"index":0,"delta":{"content":"hello"}}]})",
                              R"({"choices":[],"usage":{"prompt_tokens":10,"completion_tokens":2}})", "[DONE]"}));
    Plan plan;
    plan.rungs = {rung(a.baseUrlString(), u"claude-sonnet-4-6"_s), rung(b.v1UrlString(), u"b"_s)};
    plan.rungs[0].target.kind = u"anthropic"_s;
    plan.rungs[0].target.pricingProvider = u"anthropic"_s;
    LadderRunner runner(plan, prototype(true), false, &m_client, nullptr, nullptr);
    QSignalSpy committed(&runner, &LadderRunner::committed);
    const LadderOutcome o = run(runner);
    QCOMPARE(trace(o), (QStringList{u"claude-sonnet-4-6:escalated:5xx"_s, u"b:ok"_s}));
    QVERIFY(o.ok);
    QCOMPARE(committed.count(), 1); // once, on the second rung's first chunk
    QCOMPARE(o.result.content, u"hello"_s);
}

void TestLadderRunner::notListedCauseStops()
{
    FakeUpstream a, b;
    a.enqueue(FakeReply::json(400, QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, u"bad request"_s}}}}));
    Plan plan;
    plan.rungs = {rung(a.v1UrlString(), u"a"_s), rung(b.v1UrlString(), u"b"_s)};
    LadderRunner runner(plan, prototype(), false, &m_client, nullptr, nullptr);
    const LadderOutcome o = run(runner);
    QVERIFY(!o.ok);
    QCOMPARE(o.result.httpStatus, 400);
    QCOMPARE(trace(o), QStringList{u"a:failed:400"_s});
    QCOMPARE(b.requestCount(), 0);
}

void TestLadderRunner::qualityChecks_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("finish");
    QTest::addColumn<bool>("jsonMode");
    QTest::addColumn<QString>("reason");
    QTest::newRow("length") << u"cut"_s << u"length"_s << false << u"length"_s;
    QTest::newRow("invalid json") << u"{not json"_s << u"stop"_s << true << u"invalid-json"_s;
    QTest::newRow("valid json") << u"{\"a\":1}"_s << u"stop"_s << true << QString();
    QTest::newRow("invalid json but not asked") << u"{not json"_s << u"stop"_s << false << QString();
    QTest::newRow("empty") << u"  "_s << u"stop"_s << false << u"empty"_s;
}

void TestLadderRunner::qualityChecks()
{
    QFETCH(QString, content);
    QFETCH(QString, finish);
    QFETCH(bool, jsonMode);
    QFETCH(QString, reason);
    FakeUpstream a, b;
    a.enqueue(FakeReply::json(200, completion(content, finish)));
    b.enqueue(FakeReply::json(200, completion(u"{\"fine\":true}"_s)));
    Plan plan;
    plan.rungs = {rung(a.v1UrlString(), u"a"_s), rung(b.v1UrlString(), u"b"_s)};
    plan.rungs[0].rung.escalateIf = EscalateIf{true, true, true};
    LadderRunner runner(plan, prototype(), jsonMode, &m_client, nullptr, nullptr);
    const LadderOutcome o = run(runner);
    QVERIFY(o.ok);
    if (reason.isEmpty())
        QCOMPARE(trace(o), QStringList{u"a:ok"_s});
    else
        QCOMPARE(trace(o), (QStringList{u"a:escalated:"_s + reason, u"b:ok"_s}));
}

void TestLadderRunner::missingKeyClimbs()
{
    FakeUpstream a, b;
    b.enqueue(FakeReply::json(200, completion(u"ok"_s)));
    Plan plan;
    plan.rungs = {rung(a.v1UrlString(), u"a"_s), rung(b.v1UrlString(), u"b"_s)};
    plan.rungs[0].target.apiKeyRef = u"env:SY_NOT_SET_ANYWHERE"_s;
    plan.rungs[1].target.apiKeyRef = u"env:SY_SET"_s;
    SecretCache secrets;
    secrets.set(u"env:SY_SET"_s, "sk-b");
    LadderRunner runner(plan, prototype(), false, &m_client, nullptr, &secrets);
    const LadderOutcome o = run(runner);
    QVERIFY(o.ok);
    QCOMPARE(trace(o), (QStringList{u"a:failed:no-key"_s, u"b:ok"_s}));
    QCOMPARE(a.requestCount(), 0);
    QCOMPARE(b.lastRequest().header("authorization"), QByteArray("Bearer sk-b"));
    QVERIFY(o.sentUpstream);

    // No rung has a key: nothing went out, so nothing can have been spent.
    plan.rungs[1].target.apiKeyRef = u"env:SY_NOT_SET_EITHER"_s;
    LadderRunner keyless(plan, prototype(), false, &m_client, nullptr, &secrets);
    const LadderOutcome none = run(keyless);
    QVERIFY(!none.ok);
    QCOMPARE(trace(none), (QStringList{u"a:failed:no-key"_s, u"b:failed:no-key"_s}));
    QVERIFY(!none.sentUpstream);
}

void TestLadderRunner::streamCommitsAtFirstChunk()
{
    FakeUpstream a, b;
    FakeReply broken = FakeReply::sse({R"({"choices":[{"index":0,"delta":{"content":"He"}}]})",
                                       R"({"choices":[{"index":0,"delta":{"content":"llo"}}]})"},
                                      5);
    broken.resetAfterChunk = 1;
    a.enqueue(broken);
    b.enqueue(FakeReply::sse({R"({"choices":[{"index":0,"delta":{"content":"never"}}]})", "[DONE]"}));
    Plan plan;
    plan.rungs = {rung(a.v1UrlString(), u"a"_s), rung(b.v1UrlString(), u"b"_s)};
    LadderRunner runner(plan, prototype(true), false, &m_client, nullptr, nullptr);
    QSignalSpy committed(&runner, &LadderRunner::committed);
    QSignalSpy chunks(&runner, &LadderRunner::chunk);
    const LadderOutcome o = run(runner);
    QCOMPARE(committed.count(), 1);
    QVERIFY(chunks.count() >= 1);
    QVERIFY(o.committed);
    QVERIFY(!o.ok);
    QCOMPARE(b.requestCount(), 0); // no escalation after the commit point
}

void TestLadderRunner::circuitOpensAfterRepeatedFailures()
{
    FakeUpstream a, b;
    a.setHandler([](const FakeRequest &) { return FakeReply::json(500, QJsonObject{}); });
    b.setHandler([](const FakeRequest &) { return FakeReply::json(200, completion(u"ok"_s)); });
    CircuitBreaker breaker(3, std::chrono::seconds(60));
    Plan plan;
    plan.rungs = {rung(a.v1UrlString(), u"a"_s), rung(b.v1UrlString(), u"b"_s)};
    for (int i = 0; i < 3; ++i) {
        LadderRunner runner(plan, prototype(), false, &m_client, &breaker, nullptr);
        QVERIFY(run(runner).ok);
    }
    QCOMPARE(a.requestCount(), 3);
    LadderRunner runner(plan, prototype(), false, &m_client, &breaker, nullptr);
    const LadderOutcome o = run(runner);
    QVERIFY(o.ok);
    QCOMPARE(trace(o), (QStringList{u"a:skipped:circuit-open"_s, u"b:ok"_s}));
    QCOMPARE(a.requestCount(), 3);
    const auto states = breaker.states();
    QCOMPARE(states.size(), 1);
    QCOMPARE(states.first().state, CircuitBreaker::State::Open);
}

void TestLadderRunner::abortCancels()
{
    FakeUpstream a;
    a.enqueue(FakeReply::hanging());
    QSignalSpy gone(&a, &FakeUpstream::clientDisconnected);
    Plan plan;
    plan.rungs = {rung(a.v1UrlString(), u"a"_s)};
    LadderRunner runner(plan, prototype(), false, &m_client, nullptr, nullptr);
    QSignalSpy finished(&runner, &LadderRunner::finished);
    runner.start();
    QTRY_COMPARE_WITH_TIMEOUT(a.requestCount(), 1, 5000);
    runner.abort();
    QVERIFY(finished.count() == 1 || finished.wait(5000));
    QVERIFY(finished.first().first().value<LadderOutcome>().cancelled);
    QVERIFY(gone.count() == 1 || gone.wait(5000));
}

QTEST_GUILESS_MAIN(TestLadderRunner)
#include "tst_ladderrunner.moc"
