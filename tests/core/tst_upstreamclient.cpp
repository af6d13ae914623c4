// SPDX-License-Identifier: MIT
#include "core/upstream/httpupstreamcall.h"
#include "core/upstream/simulatedadapter.h"
#include "core/upstream/upstreamclient.h"
#include "tests/support/fakeupstream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <cmath>

using namespace Switchyard;
using namespace Qt::StringLiterals;

namespace {

constexpr int WaitMs = 10'000;
const QByteArray ApiKey = "sk-test-5ecret-key";

/// What a call produced: every chunk, whether the fake had finished writing when each one
/// arrived, and the one result.
struct Outcome {
    QByteArrayList chunks;
    QList<bool> fakeDoneAtChunk;
    QList<UpstreamResult> results;
    bool chunkAfterFinish = false;
    const UpstreamResult &result() const { return results.first(); }
};

QJsonObject chatBody(const QString &model, bool stream = false)
{
    QJsonObject body{{u"model"_s, model},
                     {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, u"Be brief."_s}},
                                                QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"Say hello."_s}}}},
                     {u"temperature"_s, 0.2},
                     {u"response_format"_s, QJsonObject{{u"type"_s, u"text"_s}}}};
    if (stream) {
        body.insert(u"stream"_s, true);
        body.insert(u"stream_options"_s, QJsonObject{{u"include_obfuscation"_s, false}});
    }
    return body;
}

UpstreamCall openAiCall(const FakeUpstream &fake, bool stream)
{
    UpstreamCall call;
    call.target.provider = u"openai"_s;
    call.target.model = u"gpt-4o-mini"_s;
    call.target.kind = u"openai"_s;
    call.target.baseUrl = fake.v1UrlString();
    call.target.pricingProvider = u"openai"_s;
    call.body = chatBody(call.target.model, stream);
    call.stream = stream;
    call.apiKey = ApiKey;
    call.requestId = "req-42";
    return call;
}

UpstreamCall anthropicCall(const FakeUpstream &fake, bool stream)
{
    UpstreamCall call = openAiCall(fake, stream);
    call.target.provider = u"anthropic"_s;
    call.target.model = u"claude-sonnet-4-6"_s;
    call.target.kind = u"anthropic"_s;
    call.target.baseUrl = fake.baseUrlString();
    call.target.pricingProvider = u"anthropic"_s;
    call.body = chatBody(call.target.model, stream);
    return call;
}

UpstreamCall simulatedCall(const SimulatedSettings &settings, bool stream, const QString &prompt = u"Say hello."_s)
{
    UpstreamCall call;
    call.target.provider = u"demo"_s;
    call.target.model = u"sim-small"_s;
    call.target.kind = u"simulated"_s;
    call.target.simulated = settings;
    call.body = {{u"model"_s, call.target.model},
                 {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, prompt}}}}};
    call.stream = stream;
    return call;
}

QByteArray chatCompletionJson()
{
    return R"({"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini-2024-07-18",
               "choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"},"finish_reason":"stop"}],
               "usage":{"prompt_tokens":20,"completion_tokens":3,"total_tokens":23,
                        "prompt_tokens_details":{"cached_tokens":8}}})";
}

QByteArrayList openAiStreamEvents()
{
    return {R"({"id":"c1","object":"chat.completion.chunk","model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]})",
            R"({"id":"c1","object":"chat.completion.chunk","model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]})",
            R"({"id":"c1","object":"chat.completion.chunk","model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"content":"lo!"},"finish_reason":null}]})",
            R"({"id":"c1","object":"chat.completion.chunk","model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})",
            R"({"id":"c1","object":"chat.completion.chunk","model":"gpt-4o-mini-2024-07-18","choices":[],"usage":{"prompt_tokens":20,"completion_tokens":3,"total_tokens":23}})",
            "[DONE]"};
}

QByteArray anthropicEvent(const QByteArray &type, const QByteArray &json)
{
    return "event: " + type + "\ndata: " + json + "\n\n";
}

QByteArrayList anthropicStream()
{
    return {anthropicEvent("message_start", R"({"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-6","stop_reason":null,"usage":{"input_tokens":10,"cache_creation_input_tokens":200,"cache_read_input_tokens":3000,"output_tokens":1}}})"),
            anthropicEvent("content_block_start", R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})"),
            anthropicEvent("ping", R"({"type":"ping"})"),
            anthropicEvent("content_block_delta", R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Bonjour"}})"),
            anthropicEvent("content_block_delta", R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" !"}})"),
            anthropicEvent("content_block_stop", R"({"type":"content_block_stop","index":0})"),
            anthropicEvent("message_delta", R"({"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":12}})"),
            anthropicEvent("message_stop", R"({"type":"message_stop"})")};
}

} // namespace

class TestUpstreamClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void openAiNonStreaming();
    void openAiStreaming();
    void openAiForwardsTheClientText_data();
    void openAiForwardsTheClientText();
    void modelNameThatNeedsEscaping();
    void textBodyForOtherProtocols();
    void completionsAndEmbeddings();
    void httpErrors_data();
    void httpErrors();
    void retryAfter_data();
    void retryAfter();
    void connectionRefused();
    void noHeadersIsConnectFailure();
    void slowNonStreamingAnswerIsNotAConnectFailure();
    void slowFirstToken();
    void totalTimeout();
    void brokenConnection_data();
    void brokenConnection();
    void streamCutAfterItsEndIsWhole();
    void malformed_data();
    void malformed();
    void midStreamErrorObject();
    void abortClosesTheConnection();
    void abortFromAChunkReceiver();
    void keepAliveReusesTheConnection();
    void anthropicNonStreaming();
    void anthropicStreaming();
    void anthropicErrors();
    void anthropicRefusesEmbeddings();
    void simulatedIsDeterministic();
    void simulatedStreaming();
    void simulatedFailureShare();
    void simulatedTimeouts();
    void simulatedEmbeddingsAndCompletions();

private:
    Outcome run(const UpstreamCall &call, FakeUpstream *fake = nullptr);

    UpstreamClient *m_client = nullptr;
};

Outcome TestUpstreamClient::run(const UpstreamCall &call, FakeUpstream *fake)
{
    UpstreamClient client;
    UpstreamClient *used = m_client ? m_client : &client;
    Outcome outcome;
    bool fakeDone = false;
    if (fake)
        connect(fake, &FakeUpstream::replyFinished, this, [&] { fakeDone = true; });
    UpstreamCallHandle *handle = used->start(call);
    connect(handle, &UpstreamCallHandle::chunk, this, [&](const QByteArray &json) {
        outcome.chunks.append(json);
        outcome.fakeDoneAtChunk.append(fakeDone);
        outcome.chunkAfterFinish = outcome.chunkAfterFinish || !outcome.results.isEmpty();
    });
    connect(handle, &UpstreamCallHandle::finished, this, [&](const UpstreamResult &result) { outcome.results.append(result); });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(!outcome.results.isEmpty(), WaitMs); }();
    delete handle;
    if (fake)
        disconnect(fake, &FakeUpstream::replyFinished, this, nullptr);
    if (outcome.results.isEmpty())
        outcome.results.append(UpstreamResult());
    return outcome;
}

void TestUpstreamClient::openAiNonStreaming()
{
    FakeUpstream fake;
    QVERIFY(fake.isListening());
    fake.enqueue(FakeReply::raw(200, chatCompletionJson()));

    const Outcome outcome = run(openAiCall(fake, false), &fake);
    const UpstreamResult &r = outcome.result();
    QCOMPARE(r.failure, UpstreamFailure::None);
    QCOMPARE(r.httpStatus, 200);
    QCOMPARE(r.body, chatCompletionJson()); // as received, byte for byte
    QCOMPARE(r.content, u"Hello!"_s);
    QCOMPARE(r.finishReason, u"stop"_s);
    QCOMPARE(r.servedModel, u"gpt-4o-mini-2024-07-18"_s);
    QVERIFY(r.hasUsage);
    QCOMPARE(r.usage.inputTokens, 20);
    QCOMPARE(r.usage.cacheReadTokens, 8);
    QCOMPARE(r.usage.outputTokens, 3);
    QCOMPARE(r.ttftMs, -1);
    QVERIFY(outcome.chunks.isEmpty());

    QCOMPARE(fake.requestCount(), 1);
    const FakeRequest request = fake.lastRequest();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.target, QByteArray("/v1/chat/completions"));
    QCOMPARE(request.header("Authorization"), "Bearer " + ApiKey);
    QCOMPARE(request.header("X-Request-Id"), QByteArray("req-42"));
    QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(request.json(), chatBody(u"gpt-4o-mini"_s)); // passed through untouched
}

void TestUpstreamClient::openAiStreaming()
{
    FakeUpstream fake;
    FakeReply reply = FakeReply::sse(openAiStreamEvents(), 40);
    reply.chunks.last().delayMs = 400; // [DONE] comes late: earlier chunks must not wait for it
    fake.enqueue(reply);

    UpstreamCall call = openAiCall(fake, true);
    call.timeouts.firstTokenMs = 5000;
    const Outcome outcome = run(call, &fake);
    const UpstreamResult &r = outcome.result();
    QCOMPARE(r.failure, UpstreamFailure::None);
    QCOMPARE(r.content, u"Hello!"_s);
    QCOMPARE(r.finishReason, u"stop"_s);
    QVERIFY(r.hasUsage);
    QCOMPARE(r.usage.inputTokens, 20);
    QCOMPARE(r.usage.outputTokens, 3);
    QCOMPARE(r.chunks, 5);
    QVERIFY2(r.ttftMs >= 30, qPrintable(QString::number(r.ttftMs))); // the first event came after 40 ms
    QVERIFY(r.latencyMs >= r.ttftMs);

    // Every chunk, the usage chunk included, byte for byte; [DONE] is the relay's business.
    QCOMPARE(outcome.chunks, openAiStreamEvents().mid(0, 5));
    QVERIFY(!outcome.chunkAfterFinish);
    // Streamed as they came, not buffered: the first chunks arrived before the fake finished.
    QCOMPARE(outcome.fakeDoneAtChunk.first(), false);
    QCOMPARE(outcome.fakeDoneAtChunk.at(3), false);

    const QJsonObject sent = fake.lastRequest().json();
    QCOMPARE(sent.value(u"stream"_s), QJsonValue(true));
    QCOMPARE(sent.value(u"stream_options"_s).toObject(),
             (QJsonObject{{u"include_obfuscation"_s, false}, {u"include_usage"_s, true}}));
    QCOMPARE(fake.lastRequest().header("Accept"), QByteArray("text/event-stream"));
}

void TestUpstreamClient::openAiForwardsTheClientText_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<QByteArray>("sentBytes"); // empty: the object path, compared as objects
    QTest::addColumn<QJsonObject>("sentObject");

    const QJsonObject messages{{u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"hi"_s}}}}};
    // Numbers and spacing exactly as the client wrote them: 1.0 and a 20-digit seed would not
    // survive a QJsonDocument round trip.
    QTest::newRow("spliced") << QByteArray(R"(  {"messages":[{"role":"user","content":"hi"}], "model" : "route/cheap", "temperature":1.0, "seed":12345678901234567890}
)") << false << QByteArray(R"({"messages":[{"role":"user","content":"hi"}], "model" : "gpt-4o-mini", "temperature":1.0, "seed":12345678901234567890})")
                             << QJsonObject();
    QTest::newRow("stream gets include_usage")
        << QByteArray(R"({"model":"x","stream":true,"messages":[]})") << true
        << QByteArray(R"({"stream_options":{"include_usage":true},"model":"gpt-4o-mini","stream":true,"messages":[]})") << QJsonObject();
    QTest::newRow("stream already asks for usage")
        << QByteArray(R"({"model":"x","stream":true,"stream_options":{"include_usage":true}})") << true
        << QByteArray(R"({"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true}})") << QJsonObject();
    QTest::newRow("client options merged")
        << QByteArray(R"({"model":"x","stream":true,"stream_options":{"include_obfuscation":false}})") << true << QByteArray()
        << QJsonObject{{u"model"_s, u"gpt-4o-mini"_s},
                       {u"stream"_s, true},
                       {u"stream_options"_s, QJsonObject{{u"include_obfuscation"_s, false}, {u"include_usage"_s, true}}}};
    QJsonObject once = messages;
    once.insert(u"model"_s, u"gpt-4o-mini"_s);
    QTest::newRow("repeated model") << QByteArray(R"({"model":"a","messages":[{"role":"user","content":"hi"}],"model":"b"})")
                                    << false << QByteArray() << once;
    QTest::newRow("escaped key") << QByteArray(R"({"\u006dodel":"x","messages":[{"role":"user","content":"hi"}]})") << false
                                 << QByteArray() << once;
    // The gateway read "stream" as QJsonObject does (the last one wins): so must the upstream.
    QTest::newRow("repeated stream") << QByteArray(R"({"model":"x","stream":false,"stream":true})") << true << QByteArray()
                                     << QJsonObject{{u"model"_s, u"gpt-4o-mini"_s},
                                                    {u"stream"_s, true},
                                                    {u"stream_options"_s, QJsonObject{{u"include_usage"_s, true}}}};
    QTest::newRow("options without usage") << QByteArray(R"({"model":"x","stream":true,"stream_options":{}})") << true << QByteArray()
                                           << QJsonObject{{u"model"_s, u"gpt-4o-mini"_s},
                                                          {u"stream"_s, true},
                                                          {u"stream_options"_s, QJsonObject{{u"include_usage"_s, true}}}};
}

void TestUpstreamClient::openAiForwardsTheClientText()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, stream);
    QFETCH(QByteArray, sentBytes);
    QFETCH(QJsonObject, sentObject);

    FakeUpstream fake;
    if (stream)
        fake.enqueue(FakeReply::sse(openAiStreamEvents(), 0));
    else
        fake.enqueue(FakeReply::raw(200, chatCompletionJson()));
    UpstreamCall call = openAiCall(fake, stream);
    call.body = {};
    call.json = json;
    const Outcome outcome = run(call, &fake);
    QCOMPARE(outcome.result().failure, UpstreamFailure::None);
    QVERIFY(outcome.result().hasUsage);
    QCOMPARE(fake.requestCount(), 1);
    if (!sentBytes.isEmpty())
        QCOMPARE(fake.lastRequest().body, sentBytes);
    else
        QCOMPARE(fake.lastRequest().json(), sentObject);
}

void TestUpstreamClient::modelNameThatNeedsEscaping()
{
    // A node's model name with a quote in it is quoted properly, not spliced raw.
    FakeUpstream fake;
    fake.enqueue(FakeReply::raw(200, chatCompletionJson()));
    UpstreamCall call = openAiCall(fake, false);
    call.target.model = u"odd\"name\\x"_s;
    call.body = {};
    call.json = R"({"model":"x","messages":[]})";
    const Outcome outcome = run(call, &fake);
    QCOMPARE(outcome.result().failure, UpstreamFailure::None);
    QCOMPARE(fake.lastRequest().json(), (QJsonObject{{u"model"_s, u"odd\"name\\x"_s}, {u"messages"_s, QJsonArray()}}));
}

void TestUpstreamClient::textBodyForOtherProtocols()
{
    // Anthropic translates an object: the text is parsed once, with the target's model.
    FakeUpstream fake;
    fake.enqueue(FakeReply::json(200, QJsonDocument::fromJson(R"({"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-6",
        "content":[{"type":"text","text":"Hi"}],"stop_reason":"end_turn","usage":{"input_tokens":5,"output_tokens":1}})").object()));
    UpstreamCall call = anthropicCall(fake, false);
    call.body = {};
    call.json = R"({"model":"route/smart","max_tokens":50,"messages":[{"role":"user","content":"hi"}]})";
    const Outcome outcome = run(call, &fake);
    QCOMPARE(outcome.result().failure, UpstreamFailure::None);
    QCOMPARE(outcome.result().content, u"Hi"_s);
    QCOMPARE(fake.lastRequest().json().value(u"model"_s).toString(), u"claude-sonnet-4-6"_s);
    QCOMPARE(fake.lastRequest().json().value(u"max_tokens"_s).toInt(), 50);

    // The simulated provider answers in the target's name.
    UpstreamCall simulated = simulatedCall(SimulatedSettings(), false);
    simulated.body = {};
    simulated.json = R"({"model":"route/demo","messages":[{"role":"user","content":"Say hello."}]})";
    const Outcome sim = run(simulated);
    QCOMPARE(sim.result().failure, UpstreamFailure::None);
    QVERIFY(!sim.result().content.isEmpty());
    QCOMPARE(QJsonDocument::fromJson(sim.result().body).object().value(u"model"_s).toString(), u"sim-small"_s);
}

void TestUpstreamClient::completionsAndEmbeddings()
{
    FakeUpstream fake;
    fake.enqueue(FakeReply::json(200, QJsonDocument::fromJson(R"({"object":"list","model":"text-embedding-3-small",
        "data":[{"object":"embedding","index":0,"embedding":[0.1,0.2]}],"usage":{"prompt_tokens":5,"total_tokens":5}})").object()));
    fake.enqueue(FakeReply::json(200, QJsonDocument::fromJson(R"({"id":"cmpl-1","object":"text_completion","model":"gpt-3.5-turbo-instruct",
        "choices":[{"text":"Once upon","index":0,"finish_reason":"length"}],"usage":{"prompt_tokens":4,"completion_tokens":2,"total_tokens":6}})").object()));

    UpstreamCall embeddings = openAiCall(fake, false);
    embeddings.endpoint = UpstreamEndpoint::Embeddings;
    embeddings.body = {{u"model"_s, u"text-embedding-3-small"_s}, {u"input"_s, u"hello"_s}};
    const UpstreamResult e = run(embeddings, &fake).result();
    QCOMPARE(e.failure, UpstreamFailure::None);
    QCOMPARE(fake.lastRequest().target, QByteArray("/v1/embeddings"));
    QVERIFY(e.hasUsage);
    QCOMPARE(e.usage.inputTokens, 5);
    QCOMPARE(e.usage.outputTokens, 0);

    UpstreamCall completions = openAiCall(fake, false);
    completions.endpoint = UpstreamEndpoint::Completions;
    completions.body = {{u"model"_s, u"gpt-3.5-turbo-instruct"_s}, {u"prompt"_s, u"Tell a story"_s}};
    const UpstreamResult c = run(completions, &fake).result();
    QCOMPARE(fake.lastRequest().target, QByteArray("/v1/completions"));
    QCOMPARE(c.content, u"Once upon"_s);
    QCOMPARE(c.finishReason, u"length"_s);
    QCOMPARE(c.usage.outputTokens, 2);
}

void TestUpstreamClient::httpErrors_data()
{
    QTest::addColumn<bool>("stream");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("retryAfterMs");

    for (const bool stream : {false, true}) {
        const char *mode = stream ? "stream" : "non-stream";
        QTest::addRow("%s: 429 Retry-After seconds", mode) << stream << 429 << QByteArray("Retry-After") << QByteArray("7") << 7000;
        QTest::addRow("%s: 503 retry-after-ms", mode) << stream << 503 << QByteArray("retry-after-ms") << QByteArray("1500") << 1500;
        QTest::addRow("%s: 500 without Retry-After", mode) << stream << 500 << QByteArray("X-Other") << QByteArray("1") << -1;
        QTest::addRow("%s: 401", mode) << stream << 401 << QByteArray("X-Other") << QByteArray("1") << -1;
    }
}

void TestUpstreamClient::httpErrors()
{
    QFETCH(bool, stream);
    QFETCH(int, status);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    QFETCH(int, retryAfterMs);

    // The key quoted in an upstream message must not reach our error text.
    const QByteArray body = R"({"error":{"message":"Incorrect API key provided: )" + ApiKey
                            + R"(. Slow down.","type":"requests","code":"rate_limit_exceeded"}})";
    FakeUpstream fake;
    fake.enqueue(FakeReply::raw(status, body).withHeader(header, value));
    const UpstreamResult r = run(openAiCall(fake, stream), &fake).result();
    QCOMPARE(r.failure, UpstreamFailure::HttpStatus);
    QCOMPARE(r.httpStatus, status);
    QCOMPARE(r.body, body);
    QCOMPARE(r.retryAfterMs, retryAfterMs);
    QVERIFY(r.errorMessage.contains(QString::number(status)));
    QVERIFY(r.errorMessage.contains(u"Slow down"_s));
    QVERIFY(!r.errorMessage.contains(QString::fromLatin1(ApiKey)));
    QCOMPARE(r.chunks, 0);
}

void TestUpstreamClient::retryAfter_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("retryAfterMs");
    QTest::addColumn<int>("expected");
    QTest::newRow("seconds") << QByteArray("7") << QByteArray() << 7000;
    QTest::newRow("zero") << QByteArray("0") << QByteArray() << 0;
    QTest::newRow("fractional seconds") << QByteArray(" 1.5 ") << QByteArray() << 1500;
    QTest::newRow("HTTP-date") << QByteArray("Wed, 01 Jan 2025 00:00:30 GMT") << QByteArray() << 30000;
    QTest::newRow("HTTP-date in the past") << QByteArray("Tue, 31 Dec 2024 23:00:00 GMT") << QByteArray() << 0;
    QTest::newRow("milliseconds win") << QByteArray("7") << QByteArray("250") << 250;
    QTest::newRow("absent") << QByteArray() << QByteArray() << -1;
    QTest::newRow("garbage") << QByteArray("soon") << QByteArray() << -1;
    QTest::newRow("negative") << QByteArray("-3") << QByteArray() << -1;
    QTest::newRow("huge") << QByteArray("99999999999") << QByteArray() << std::numeric_limits<int>::max();
}

void TestUpstreamClient::retryAfter()
{
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, retryAfterMs);
    QFETCH(int, expected);
    const QDateTime now(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    QCOMPARE(HttpUpstreamCall::parseRetryAfter(retryAfter, retryAfterMs, now), expected);
}

void TestUpstreamClient::connectionRefused()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();

    FakeUpstream fake; // only for the URL shape
    UpstreamCall call = openAiCall(fake, false);
    call.target.baseUrl = u"http://127.0.0.1:%1/v1"_s.arg(port);
    const UpstreamResult r = run(call).result();
    QCOMPARE(r.failure, UpstreamFailure::Connect);
    QCOMPARE(r.httpStatus, 0);
    QVERIFY(!r.errorMessage.isEmpty());
}

void TestUpstreamClient::noHeadersIsConnectFailure()
{
    FakeUpstream fake;
    fake.enqueue(FakeReply::hanging());
    UpstreamCall call = openAiCall(fake, true);
    call.timeouts.connectMs = 150;
    const UpstreamResult r = run(call, &fake).result();
    QCOMPARE(r.failure, UpstreamFailure::Connect);
    QVERIFY(r.errorMessage.contains(u"150 ms"_s));
    QTRY_COMPARE_WITH_TIMEOUT(fake.clientDisconnects(), 1, WaitMs); // the request was given up
}

void TestUpstreamClient::slowNonStreamingAnswerIsNotAConnectFailure()
{
    // Non-streaming answers send headers only when generated: connectMs covers the connection.
    FakeUpstream fake;
    FakeReply slow = FakeReply::raw(200, chatCompletionJson());
    slow.delayBeforeHeadersMs = 700;
    fake.enqueue(slow);
    fake.enqueue(FakeReply::hanging());
    UpstreamCall call = openAiCall(fake, false);
    call.timeouts.connectMs = 250;
    QCOMPARE(run(call, &fake).result().failure, UpstreamFailure::None);

    call.timeouts.totalMs = 300;
    const UpstreamResult hung = run(call, &fake).result();
    QCOMPARE(hung.failure, UpstreamFailure::Timeout);
    QVERIFY(hung.errorMessage.contains(u"300 ms"_s));
}

void TestUpstreamClient::slowFirstToken()
{
    FakeUpstream fake;
    FakeReply reply = FakeReply::sse(openAiStreamEvents(), 0);
    reply.chunks.first().delayMs = 3000;
    fake.enqueue(reply);
    UpstreamCall call = openAiCall(fake, true);
    call.timeouts.firstTokenMs = 100;
    const Outcome outcome = run(call, &fake);
    QCOMPARE(outcome.result().failure, UpstreamFailure::FirstTokenTimeout);
    QCOMPARE(outcome.result().httpStatus, 200); // headers came, the tokens did not
    QVERIFY(outcome.chunks.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(fake.clientDisconnects(), 1, WaitMs);
}

void TestUpstreamClient::totalTimeout()
{
    FakeUpstream fake;
    QByteArrayList events;
    for (int i = 0; i < 50; ++i)
        events.append(R"({"choices":[{"index":0,"delta":{"content":"x"}}]})");
    fake.enqueue(FakeReply::sse(events, 30));
    UpstreamCall call = openAiCall(fake, true);
    call.timeouts.firstTokenMs = 5000;
    call.timeouts.totalMs = 400;
    const Outcome outcome = run(call, &fake);
    QCOMPARE(outcome.result().failure, UpstreamFailure::Timeout);
    QVERIFY(outcome.result().chunks > 0);
    QVERIFY(outcome.result().chunks < 50);
    QCOMPARE(outcome.chunks.size(), outcome.result().chunks);
}

void TestUpstreamClient::brokenConnection_data()
{
    QTest::addColumn<bool>("stream");
    QTest::addColumn<FakeReply>("reply");
    QTest::addColumn<int>("chunks");

    FakeReply chunked = FakeReply::sse(openAiStreamEvents(), 10);
    chunked.resetAfterChunk = 2;
    QTest::newRow("chunked stream cut after 2 events") << true << chunked << 2;

    FakeReply closeDelimited = FakeReply::sse(openAiStreamEvents().mid(0, 3), 10);
    closeDelimited.framing = FakeReply::Framing::Close;
    QTest::newRow("close-delimited stream without [DONE]") << true << closeDelimited << 3;

    FakeReply shortBody = FakeReply::raw(200, chatCompletionJson().left(40));
    shortBody.chunks.append({chatCompletionJson().mid(40), 10});
    shortBody.framing = FakeReply::Framing::ContentLength;
    shortBody.resetAfterChunk = 0;
    QTest::newRow("body shorter than Content-Length") << false << shortBody << 0;
}

void TestUpstreamClient::streamCutAfterItsEndIsWhole()
{
    // The connection breaks after [DONE] but before the chunked body's last empty chunk (a
    // proxy that closes early): the answer is complete, not a broken stream.
    FakeUpstream fake;
    FakeReply reply = FakeReply::sse(openAiStreamEvents(), 5);
    reply.resetAfterChunk = int(openAiStreamEvents().size());
    fake.enqueue(reply);
    const Outcome outcome = run(openAiCall(fake, true), &fake);
    QVERIFY2(outcome.result().failure == UpstreamFailure::None, qPrintable(outcome.result().errorMessage));
    QCOMPARE(outcome.result().usage.inputTokens, 20);
    QCOMPARE(outcome.chunks, openAiStreamEvents().mid(0, 5));
}

void TestUpstreamClient::brokenConnection()
{
    QFETCH(bool, stream);
    QFETCH(FakeReply, reply);
    QFETCH(int, chunks);
    FakeUpstream fake;
    fake.enqueue(reply);
    const Outcome outcome = run(openAiCall(fake, stream), &fake);
    QCOMPARE(outcome.result().failure, UpstreamFailure::Reset);
    QCOMPARE(outcome.result().chunks, chunks);
    QCOMPARE(outcome.chunks.size(), chunks);
}

void TestUpstreamClient::malformed_data()
{
    QTest::addColumn<bool>("stream");
    QTest::addColumn<FakeReply>("reply");
    QTest::addColumn<int>("chunks");
    QTest::newRow("non-stream body") << false << FakeReply::raw(200, "{\"choices\": [") << 0;
    QTest::newRow("non-stream HTML") << false << FakeReply::raw(200, "<html>proxy</html>", "text/html") << 0;
    QTest::newRow("JSON instead of a stream") << true << FakeReply::raw(200, chatCompletionJson()) << 0;
    // Marked compressed (the bytes happen to parse): never taken at face value.
    QTest::newRow("compressed although identity was asked for")
        << false << FakeReply::raw(200, chatCompletionJson()).withHeader("Content-Encoding", "gzip") << 0;
    QTest::newRow("stream data not JSON")
        << true << FakeReply::sse({openAiStreamEvents().at(0), "{\"choices\": [", "[DONE]"}) << 1;
}

void TestUpstreamClient::malformed()
{
    QFETCH(bool, stream);
    QFETCH(FakeReply, reply);
    QFETCH(int, chunks);
    FakeUpstream fake;
    fake.enqueue(reply);
    const Outcome outcome = run(openAiCall(fake, stream), &fake);
    QCOMPARE(outcome.result().failure, UpstreamFailure::InvalidResponse);
    QCOMPARE(outcome.result().chunks, chunks);
}

void TestUpstreamClient::midStreamErrorObject()
{
    FakeUpstream fake;
    fake.enqueue(FakeReply::sse({openAiStreamEvents().at(0), R"({"error":{"message":"Provider overloaded","code":503}})"}));
    const Outcome outcome = run(openAiCall(fake, true), &fake);
    QCOMPARE(outcome.result().failure, UpstreamFailure::HttpStatus);
    QCOMPARE(outcome.result().httpStatus, 503);
    QCOMPARE(outcome.result().chunks, 1);
    QVERIFY(outcome.result().errorMessage.contains(u"Provider overloaded"_s));
}

void TestUpstreamClient::abortClosesTheConnection()
{
    FakeUpstream fake;
    FakeReply reply = FakeReply::sse(openAiStreamEvents(), 0);
    reply.chunks[1].delayMs = 60'000; // the upstream keeps generating
    fake.enqueue(reply);

    UpstreamClient client;
    UpstreamCallHandle *handle = client.start(openAiCall(fake, true));
    QSignalSpy chunks(handle, &UpstreamCallHandle::chunk);
    QList<UpstreamResult> results;
    connect(handle, &UpstreamCallHandle::finished, this, [&](const UpstreamResult &r) { results.append(r); });
    QVERIFY(chunks.wait(WaitMs));
    handle->abort();
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().failure, UpstreamFailure::Cancelled);
    QCOMPARE(results.first().chunks, 1);
    handle->abort(); // a second abort reports nothing more
    QCOMPARE(results.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(fake.clientDisconnects(), 1, WaitMs);
    delete handle;
}

void TestUpstreamClient::abortFromAChunkReceiver()
{
    FakeUpstream fake;
    fake.enqueue(FakeReply::sse(openAiStreamEvents(), 0)); // all events in one read
    UpstreamClient client;
    QPointer<UpstreamCallHandle> handle = client.start(openAiCall(fake, true));
    int chunks = 0;
    QList<UpstreamResult> results;
    connect(handle, &UpstreamCallHandle::chunk, this, [&] {
        ++chunks;
        handle->abort();
    });
    connect(handle, &UpstreamCallHandle::finished, this, [&](const UpstreamResult &r) {
        results.append(r);
        delete handle.data(); // deleting in the slot is allowed
    });
    QTRY_VERIFY_WITH_TIMEOUT(!results.isEmpty(), WaitMs);
    QCOMPARE(chunks, 1);
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().failure, UpstreamFailure::Cancelled);
    QVERIFY(handle.isNull());
}

void TestUpstreamClient::keepAliveReusesTheConnection()
{
    FakeUpstream fake;
    fake.enqueue(FakeReply::raw(200, chatCompletionJson()));
    fake.enqueue(FakeReply::sse(openAiStreamEvents()));
    fake.enqueue(FakeReply::raw(200, chatCompletionJson()));

    UpstreamClient client;
    m_client = &client;
    QCOMPARE(run(openAiCall(fake, false), &fake).result().failure, UpstreamFailure::None);
    QCOMPARE(run(openAiCall(fake, true), &fake).result().failure, UpstreamFailure::None);
    QCOMPARE(run(openAiCall(fake, false), &fake).result().failure, UpstreamFailure::None);
    m_client = nullptr;
    QCOMPARE(fake.requestCount(), 3);
    QCOMPARE(fake.connectionCount(), 1);
    QCOMPARE(fake.requests().at(2).connection, 1);
}

void TestUpstreamClient::anthropicNonStreaming()
{
    FakeUpstream fake;
    const QByteArray message = R"({"id":"msg_9","type":"message","role":"assistant","model":"claude-sonnet-4-6",
        "content":[{"type":"text","text":"Bonjour !"},{"type":"tool_use","id":"toolu_1","name":"f","input":{"a":1}}],
        "stop_reason":"tool_use","stop_sequence":null,
        "usage":{"input_tokens":10,"cache_creation_input_tokens":200,"cache_read_input_tokens":3000,"output_tokens":12}})";
    fake.enqueue(FakeReply::raw(200, message));

    const UpstreamResult r = run(anthropicCall(fake, false), &fake).result();
    QCOMPARE(r.failure, UpstreamFailure::None);
    QCOMPARE(r.content, u"Bonjour !"_s);
    QCOMPARE(r.finishReason, u"tool_calls"_s);
    QCOMPARE(r.servedModel, u"claude-sonnet-4-6"_s);
    QVERIFY(r.hasUsage);
    QCOMPARE(r.usage.inputTokens, 3210);
    QCOMPARE(r.usage.cacheReadTokens, 3000);
    QCOMPARE(r.usage.cacheWriteTokens, 200);
    QCOMPARE(r.usage.outputTokens, 12);

    const QJsonObject completion = QJsonDocument::fromJson(r.body).object();
    QCOMPARE(completion.value(u"object"_s).toString(), u"chat.completion"_s);
    QCOMPARE(completion[u"usage"_s][u"prompt_tokens"_s].toInt(), 3210);
    QCOMPARE(completion[u"choices"_s][0][u"message"_s][u"tool_calls"_s][0][u"function"_s][u"arguments"_s].toString(),
             u"{\"a\":1}"_s);

    const FakeRequest request = fake.lastRequest();
    QCOMPARE(request.target, QByteArray("/v1/messages"));
    QCOMPARE(request.header("x-api-key"), ApiKey);
    QCOMPARE(request.header("anthropic-version"), QByteArray("2023-06-01"));
    QVERIFY(request.header("Authorization").isEmpty());
    const QJsonObject sent = request.json();
    QCOMPARE(sent.value(u"system"_s).toString(), u"Be brief."_s);
    QCOMPARE(sent.value(u"max_tokens"_s).toInt(), 4096);
    QVERIFY(!sent.contains(u"response_format"_s));
    QVERIFY(!sent.contains(u"stream"_s));
}

void TestUpstreamClient::anthropicStreaming()
{
    FakeUpstream fake;
    fake.enqueue(FakeReply::sseRaw(anthropicStream(), 10));
    UpstreamCall call = anthropicCall(fake, true);
    call.target.baseUrl = fake.v1UrlString(); // ".../v1" configured: no doubled /v1
    const Outcome outcome = run(call, &fake);
    const UpstreamResult &r = outcome.result();
    QCOMPARE(r.failure, UpstreamFailure::None);
    QCOMPARE(fake.lastRequest().target, QByteArray("/v1/messages"));
    QCOMPARE(fake.lastRequest().json().value(u"stream"_s), QJsonValue(true));
    QCOMPARE(r.content, u"Bonjour !"_s);
    QCOMPARE(r.finishReason, u"stop"_s);
    QCOMPARE(r.usage.inputTokens, 3210);
    QCOMPARE(r.usage.cacheWriteTokens, 200);
    QCOMPARE(r.usage.outputTokens, 12);
    QCOMPARE(outcome.chunks.size(), 5); // role, 2 deltas, finish, usage
    QCOMPARE(r.chunks, 5);
    QCOMPARE(outcome.fakeDoneAtChunk.first(), false);
    const QJsonObject usageChunk = QJsonDocument::fromJson(outcome.chunks.last()).object();
    QCOMPARE(usageChunk.value(u"choices"_s).toArray().size(), 0);
    QCOMPARE(usageChunk[u"usage"_s][u"prompt_tokens"_s].toInt(), 3210);
    QCOMPARE(usageChunk[u"usage"_s][u"prompt_tokens_details"_s][u"cached_tokens"_s].toInt(), 3000);
    QCOMPARE(QJsonDocument::fromJson(outcome.chunks.at(1)).object()[u"choices"_s][0][u"delta"_s][u"content"_s].toString(),
             u"Bonjour"_s);
}

void TestUpstreamClient::anthropicErrors()
{
    FakeUpstream fake;
    const QByteArray overloaded = R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})";
    fake.enqueue(FakeReply::raw(529, overloaded).withHeader("retry-after", "3"));
    const UpstreamResult r = run(anthropicCall(fake, true), &fake).result();
    QCOMPARE(r.failure, UpstreamFailure::HttpStatus);
    QCOMPARE(r.httpStatus, 529);
    QCOMPARE(r.body, overloaded);
    QCOMPARE(r.retryAfterMs, 3000);

    // An error event inside a 200 stream, right after message_start: nothing was delivered
    // (the empty opening is held back), so a ladder can still climb to its next rung.
    fake.enqueue(FakeReply::sseRaw({anthropicStream().at(0), anthropicEvent("error", overloaded)}));
    const Outcome midStream = run(anthropicCall(fake, true), &fake);
    QCOMPARE(midStream.result().failure, UpstreamFailure::HttpStatus);
    QCOMPARE(midStream.result().httpStatus, 529);
    QCOMPARE(midStream.result().chunks, 0);
    QVERIFY(midStream.chunks.isEmpty());

    // A stream that stops before message_stop: a reset, with what message_start said about
    // the input and the cache kept (not the whole usage), so the cost is not a guess.
    FakeReply cut = FakeReply::sseRaw(anthropicStream().mid(0, 4));
    fake.enqueue(cut);
    const UpstreamResult broken = run(anthropicCall(fake, true), &fake).result();
    QCOMPARE(broken.failure, UpstreamFailure::Reset);
    QVERIFY(!broken.hasUsage);
    QCOMPARE(broken.usage.inputTokens, 3210);
    QCOMPARE(broken.usage.cacheReadTokens, 3000);
    QCOMPARE(broken.usage.cacheWriteTokens, 200);

    // A request that cannot be translated is refused without a request.
    const int before = fake.requestCount();
    UpstreamCall bad = anthropicCall(fake, false);
    bad.body.insert(u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"critic"_s}, {u"content"_s, u"x"_s}}});
    const UpstreamResult refused = run(bad, &fake).result();
    QCOMPARE(refused.failure, UpstreamFailure::HttpStatus);
    QCOMPARE(refused.httpStatus, 400);
    QCOMPARE(QJsonDocument::fromJson(refused.body).object()[u"error"_s][u"type"_s].toString(), u"invalid_request_error"_s);
    QCOMPARE(fake.requestCount(), before);
}

void TestUpstreamClient::anthropicRefusesEmbeddings()
{
    FakeUpstream fake;
    UpstreamCall call = anthropicCall(fake, false);
    call.endpoint = UpstreamEndpoint::Embeddings;
    const UpstreamResult r = run(call, &fake).result();
    QCOMPARE(r.failure, UpstreamFailure::HttpStatus);
    QCOMPARE(r.httpStatus, 400);
    QCOMPARE(fake.requestCount(), 0);
}

void TestUpstreamClient::simulatedIsDeterministic()
{
    const SimulatedSettings settings{20, 5, 0.0, 12};
    const UpstreamResult a = run(simulatedCall(settings, false)).result();
    const UpstreamResult b = run(simulatedCall(settings, false)).result();
    const UpstreamResult other = run(simulatedCall(settings, false, u"Something else entirely."_s)).result();
    QCOMPARE(a.failure, UpstreamFailure::None);
    QCOMPARE(a.httpStatus, 200);
    QCOMPARE(a.content, b.content);
    QVERIFY(a.content != other.content);
    QVERIFY(a.content.startsWith(u"Simulated reply from sim-small"_s));
    QCOMPARE(a.content.split(u' ').size(), 12);
    QCOMPARE(a.finishReason, u"stop"_s);
    QVERIFY(a.hasUsage);
    QCOMPARE(a.usage.outputTokens, 12);
    QCOMPARE(a.usage.inputTokens, 3); // "Say hello." = 10 chars
    QVERIFY(a.latencyMs >= 15);

    const QJsonObject body = QJsonDocument::fromJson(a.body).object();
    QCOMPARE(body.value(u"object"_s).toString(), u"chat.completion"_s);
    QCOMPARE(body[u"choices"_s][0][u"message"_s][u"content"_s].toString(), a.content);
    QCOMPARE(body[u"usage"_s][u"completion_tokens"_s].toInt(), 12);

    UpstreamCall limited = simulatedCall(settings, false);
    limited.body.insert(u"max_tokens"_s, 5);
    const UpstreamResult cut = run(limited).result();
    QCOMPARE(cut.finishReason, u"length"_s);
    QCOMPARE(cut.usage.outputTokens, 5);
    QVERIFY(a.content.startsWith(cut.content));
}

void TestUpstreamClient::simulatedStreaming()
{
    const SimulatedSettings settings{60, 20, 0.0, 30};
    const Outcome outcome = run(simulatedCall(settings, true));
    const UpstreamResult &r = outcome.result();
    QCOMPARE(r.failure, UpstreamFailure::None);
    QCOMPARE(r.chunks, outcome.chunks.size());
    QVERIFY(outcome.chunks.size() >= 4);
    QVERIFY(r.ttftMs >= 15);
    QVERIFY(r.latencyMs >= 50);
    QString content;
    for (const QByteArray &chunk : outcome.chunks) {
        const QJsonObject json = QJsonDocument::fromJson(chunk).object();
        QCOMPARE(json.value(u"object"_s).toString(), u"chat.completion.chunk"_s);
        const QJsonArray choices = json.value(u"choices"_s).toArray();
        if (!choices.isEmpty())
            content += choices.at(0)[u"delta"_s][u"content"_s].toString();
    }
    QCOMPARE(content, r.content);
    QCOMPARE(r.content, run(simulatedCall(settings, false)).result().content);
    const QJsonObject last = QJsonDocument::fromJson(outcome.chunks.last()).object();
    QVERIFY(last.value(u"choices"_s).toArray().isEmpty());
    QCOMPARE(last[u"usage"_s][u"completion_tokens"_s].toInt(), 30);
    const QJsonObject finish = QJsonDocument::fromJson(outcome.chunks.at(outcome.chunks.size() - 2)).object();
    QCOMPARE(finish[u"choices"_s][0][u"finish_reason"_s].toString(), u"stop"_s);
}

void TestUpstreamClient::simulatedFailureShare()
{
    const SimulatedSettings settings{0, 0, 0.25, 4};
    auto drill = [&] {
        UpstreamClient client;
        QList<int> statuses;
        int finished = 0;
        for (int i = 0; i < 40; ++i) {
            UpstreamCallHandle *handle = client.start(simulatedCall(settings, false));
            statuses.append(0);
            connect(handle, &UpstreamCallHandle::finished, this, [&statuses, &finished, i](const UpstreamResult &r) {
                statuses[i] = r.httpStatus;
                ++finished;
            });
        }
        [&] { QTRY_COMPARE_WITH_TIMEOUT(finished, 40, WaitMs); }();
        return statuses;
    };
    const QList<int> first = drill();
    QCOMPARE(first, drill()); // a drill replays identically
    const int failures = int(first.count(503));
    QCOMPARE(failures + int(first.count(200)), 40);
    QVERIFY2(failures >= 8 && failures <= 12, qPrintable(QString::number(failures)));

    QCOMPARE(SimulatedAdapter::failsAt(123, 0, 0.0), false);
    QCOMPARE(SimulatedAdapter::failsAt(123, 7, 1.0), true);
}

void TestUpstreamClient::simulatedTimeouts()
{
    const SimulatedSettings slow{5000, 3000, 0.0, 10};
    UpstreamCall stream = simulatedCall(slow, true);
    stream.timeouts.firstTokenMs = 50;
    const Outcome firstToken = run(stream);
    QCOMPARE(firstToken.result().failure, UpstreamFailure::FirstTokenTimeout);
    QVERIFY(firstToken.chunks.isEmpty());

    UpstreamCall whole = simulatedCall(slow, false);
    whole.timeouts.totalMs = 50;
    const UpstreamResult total = run(whole).result();
    QCOMPARE(total.failure, UpstreamFailure::Timeout);
    QVERIFY(!total.hasUsage);

    UpstreamClient client;
    UpstreamCallHandle *handle = client.start(simulatedCall(slow, true));
    QList<UpstreamResult> results;
    connect(handle, &UpstreamCallHandle::finished, this, [&](const UpstreamResult &r) { results.append(r); });
    handle->abort();
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().failure, UpstreamFailure::Cancelled);
}

void TestUpstreamClient::simulatedEmbeddingsAndCompletions()
{
    const SimulatedSettings settings{0, 0, 0.0, 6};
    UpstreamCall embeddings = simulatedCall(settings, false);
    embeddings.endpoint = UpstreamEndpoint::Embeddings;
    embeddings.body = {{u"model"_s, u"sim-embed"_s}, {u"input"_s, QJsonArray{u"alpha"_s, u"beta"_s, u"alpha"_s}}, {u"dimensions"_s, 8}};
    const UpstreamResult e = run(embeddings).result();
    QCOMPARE(e.failure, UpstreamFailure::None);
    const QJsonArray data = QJsonDocument::fromJson(e.body).object().value(u"data"_s).toArray();
    QCOMPARE(data.size(), 3);
    const QJsonArray alpha = data.at(0)[u"embedding"_s].toArray();
    QCOMPARE(alpha.size(), 8);
    QCOMPARE(data.at(2)[u"embedding"_s].toArray(), alpha);
    QVERIFY(data.at(1)[u"embedding"_s].toArray() != alpha);
    double norm = 0;
    for (const QJsonValue &x : alpha)
        norm += x.toDouble() * x.toDouble();
    QVERIFY(std::abs(norm - 1.0) < 1e-9);
    QVERIFY(e.usage.inputTokens > 0);

    UpstreamCall completions = simulatedCall(settings, true);
    completions.endpoint = UpstreamEndpoint::Completions;
    completions.body = {{u"model"_s, u"sim-small"_s}, {u"prompt"_s, u"Once upon a time"_s}};
    const Outcome c = run(completions);
    QCOMPARE(c.result().failure, UpstreamFailure::None);
    const QJsonObject first = QJsonDocument::fromJson(c.chunks.first()).object();
    QCOMPARE(first.value(u"object"_s).toString(), u"text_completion"_s);
    QVERIFY(first[u"choices"_s][0].toObject().contains(u"text"_s));
    QCOMPARE(c.result().content.split(u' ').size(), 6);
}

QTEST_GUILESS_MAIN(TestUpstreamClient)
#include "tst_upstreamclient.moc"
