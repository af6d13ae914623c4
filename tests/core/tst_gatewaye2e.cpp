// SPDX-License-Identifier: MIT
// End to end: the real switchyard-gateway binary (`serve`) between a test client and
// scripted fake upstreams on loopback; checks what the client receives, the response
// headers, what the upstream received, and the rows in the usage database.
#include "core/gateway/openaierror.h"
#include "tests/support/fakeupstream.h"
#include "tests/support/gatewayprocess.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

#include <signal.h>

using namespace Switchyard;
using namespace Qt::StringLiterals;

namespace {

QByteArray chatBody(const QString &model, bool stream = false, bool includeUsage = false)
{
    QJsonObject body{{u"model"_s, model},
                     {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"Say hi"_s}}}}};
    if (stream)
        body.insert(u"stream"_s, true);
    if (includeUsage)
        body.insert(u"stream_options"_s, QJsonObject{{u"include_usage"_s, true}});
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QJsonObject completion(const QString &model, const QString &content, int prompt = 1000, int completionTokens = 200)
{
    return QJsonObject{
        {u"id"_s, u"chatcmpl-1"_s},
        {u"object"_s, u"chat.completion"_s},
        {u"model"_s, model},
        {u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0},
                                              {u"message"_s, QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, content}}},
                                              {u"finish_reason"_s, u"stop"_s}}}},
        {u"usage"_s, QJsonObject{{u"prompt_tokens"_s, prompt}, {u"completion_tokens"_s, completionTokens},
                                 {u"total_tokens"_s, prompt + completionTokens}}}};
}

/// A chat completions request as raw HTTP/1.1, for tests that write and read the wire themselves.
QByteArray rawChatRequest(const QByteArray &body)
{
    return "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QList<QByteArray> streamEvents(const QString &model)
{
    QList<QByteArray> events;
    for (const char *piece : {"Hel", "lo", "!"})
        events.append(R"({"id":"c1","object":"chat.completion.chunk","model":")" + model.toUtf8()
                      + R"(","choices":[{"index":0,"delta":{"content":")" + piece + R"("},"finish_reason":null}]})");
    events.append(R"({"id":"c1","object":"chat.completion.chunk","model":")" + model.toUtf8()
                  + R"(","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})");
    events.append(R"({"id":"c1","object":"chat.completion.chunk","model":")" + model.toUtf8()
                  + R"(","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}})");
    events.append("[DONE]");
    return events;
}

QString configFor(const FakeUpstream &a, const FakeUpstream &b, const QString &extra = {})
{
    return uR"({ "version": 1,
      "gateway": { "listen": "127.0.0.1:4000", "maxBodyBytes": 65536 },
      "providers": [
        { "id": "fake", "kind": "openai", "baseUrl": "%1", "apiKey": "env:SY_FAKE_KEY", "catalogId": "openai" },
        { "id": "fake2", "kind": "openai", "baseUrl": "%2", "apiKey": "env:SY_FAKE_KEY", "catalogId": "openai" },
        { "id": "sim", "kind": "simulated", "models": ["sim-small"],
          "simulated": { "latencyMs": 20, "firstTokenMs": 5, "failureRate": 0, "completionTokens": 16 } }
      ],
      "prices": { "sim/sim-small": { "input": 1, "output": 2 } },
      "routes": [
        { "name": "ladder", "aliases": ["auto"], "ladder": [
            { "target": "fake/gpt-4o-mini", "escalateOn": ["429", "5xx", "timeout", "connect"] },
            { "target": "fake2/gpt-4o" } ] }
      ]%3 })"_s.arg(a.v1UrlString(), b.v1UrlString(), extra);
}

using Headers = QList<QPair<QByteArray, QByteArray>>;

struct Row {
    QString status, provider, model, route, error, keyName;
    int httpStatus = 0, attempts = 0;
    qint64 input = 0, output = 0;
    QVariant cost;
    bool priced = false, stream = false;
    QString node, task;
    QVariant ttftMs; ///< null when there was no first token
    qint64 latencyMs = 0;
};

QList<Row> requestRows(const QString &dbPath)
{
    QList<Row> rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"e2e-check"_s);
        db.setDatabaseName(dbPath);
        if (db.open()) {
            QSqlQuery q(u"SELECT status, provider, model, route, error, http_status, attempts, input_tokens, output_tokens, "
                        "cost_nano, priced, stream, key_name, node, task, ttft_ms, latency_ms FROM requests ORDER BY id"_s, db);
            while (q.next())
                rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                             q.value(4).toString(), q.value(12).toString(), q.value(5).toInt(), q.value(6).toInt(), q.value(7).toLongLong(),
                             q.value(8).toLongLong(), q.value(9), q.value(10).toBool(), q.value(11).toBool(), q.value(13).toString(),
                             q.value(14).toString(), q.value(15), q.value(16).toLongLong()});
        }
    }
    QSqlDatabase::removeDatabase(u"e2e-check"_s);
    return rows;
}

QStringList attemptReasons(const QString &dbPath)
{
    QStringList reasons;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"e2e-attempts"_s);
        db.setDatabaseName(dbPath);
        if (db.open()) {
            QSqlQuery q(u"SELECT provider || '/' || model || ':' || outcome || ':' || escalation_reason FROM attempts ORDER BY id"_s, db);
            while (q.next())
                reasons.append(q.value(0).toString());
        }
    }
    QSqlDatabase::removeDatabase(u"e2e-attempts"_s);
    return reasons;
}

QProcessEnvironment gatewayEnv()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SY_FAKE_KEY"_s, u"sk-test-upstream-key"_s);
    env.insert(u"QT_LOGGING_RULES"_s, u"switchyard.*=true"_s);
    return env;
}

} // namespace

class TestGatewayE2E : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void healthModelsAndMetrics();
    void plainChatThroughProvider();
    void ladderClimbsOn429();
    void streamingRelaysChunksAndStripsUsage();
    void usageChunkOnlyQtAcceptsIsStrippedToo();
    void streamingKeepsUsageWhenAsked();
    void streamEscalatesBeforeFirstByte();
    void streamFailureAfterCommitIsAnErrorEvent();
    void exhaustedLadderIsOpenAiError();
    void simulatedProviderWorksWithoutKeys();
    void badInput_data();
    void badInput();
    void bodyForwardedAsWritten();
    void clientDisconnectCancelsUpstream();
    void shutdownWithACallInFlight_data();
    void embeddingsAndCompletionsPassThrough();
    void nodeCallIsRecordedWithNodeTaskAndFirstToken();
    void brokenAnthropicStreamKeepsItsInputCounts();
    void pipelinedRequestsAnswerInOrder();
    void streamChunksAreRelayedAsTheyArrive();
    void shutdownWithACallInFlight();
    void keysAreEnforced();
    void keysFollowTheListenAddressNotTheConfig();
    void nonLoopbackListenWithoutKeysRefusesToStart();
    void configReloadKeepsRunningSnapshotOnError();
    void logsOneLinePerRequest_data();
    void logsOneLinePerRequest();

private:
    std::unique_ptr<FakeUpstream> m_a, m_b;
    std::unique_ptr<GatewayProcess> m_gateway;
    bool start(const QString &extraConfig = {});
    /// Connects `client` to the gateway and writes `bytes`.
    bool connectAndWrite(QTcpSocket &client, const QByteArray &bytes) const;
    /// The test configuration with one local key, named "ci".
    QByteArray configWithKey(const QByteArray &key) const;
};

void TestGatewayE2E::init()
{
    m_a = std::make_unique<FakeUpstream>();
    m_b = std::make_unique<FakeUpstream>();
    m_gateway = std::make_unique<GatewayProcess>();
}

void TestGatewayE2E::cleanup()
{
    if (m_gateway && m_gateway->isRunning())
        QCOMPARE(m_gateway->stop(), 0);
    m_gateway.reset();
    m_a.reset();
    m_b.reset();
}

bool TestGatewayE2E::start(const QString &extraConfig)
{
    m_gateway->writeConfig(configFor(*m_a, *m_b, extraConfig).toUtf8());
    const bool ok = m_gateway->start({}, gatewayEnv());
    if (!ok)
        qWarning().noquote() << m_gateway->log();
    return ok;
}

bool TestGatewayE2E::connectAndWrite(QTcpSocket &client, const QByteArray &bytes) const
{
    client.connectToHost(u"127.0.0.1"_s, quint16(QUrl(m_gateway->baseUrl()).port()));
    if (!client.waitForConnected(5000))
        return false;
    client.write(bytes);
    return true;
}

QByteArray TestGatewayE2E::configWithKey(const QByteArray &key) const
{
    const QString digest = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex());
    return configFor(*m_a, *m_b)
        .replace(u"\"maxBodyBytes\": 65536"_s,
                 u"\"maxBodyBytes\": 65536, \"keys\": [{\"name\":\"ci\",\"sha256\":\"%1\"}]"_s.arg(digest))
        .toUtf8();
}

void TestGatewayE2E::healthModelsAndMetrics()
{
    QVERIFY(start());
    TestResponse r = m_gateway->get(u"/health"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"status"_s).toString(), u"ok"_s);

    r = m_gateway->get(u"/v1/models"_s);
    QCOMPARE(r.status, 200);
    QStringList ids;
    for (const QJsonValue &m : r.json().value(u"data"_s).toArray())
        ids.append(m.toObject().value(u"id"_s).toString());
    QVERIFY2(ids.contains(u"route/ladder"_s) && ids.contains(u"auto"_s) && ids.contains(u"sim/sim-small"_s), qPrintable(ids.join(u',')));

    m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"sim/sim-small"_s));
    r = m_gateway->get(u"/metrics"_s);
    QCOMPARE(r.status, 200);
    QVERIFY2(r.body.contains(R"(switchyard_requests_total{route="",target="sim/sim-small",status="200"} 1)"), r.body.constData());
    QVERIFY(r.body.contains("switchyard_request_duration_seconds_bucket"));
    QVERIFY2(r.body.contains("switchyard_request_errors_total{route=\"\",target=\"sim/sim-small\"} 0\n"), r.body.constData());
    QCOMPARE(m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"nope/gpt-9"_s)).status, 404);
    r = m_gateway->get(u"/metrics"_s);
    QVERIFY2(r.body.contains("switchyard_request_errors_total{route=\"\",target=\"\"} 1\n"), r.body.constData());

    // Every answer carries its own request id, also the ones that are not calls to a model.
    QSet<QByteArray> requestIds;
    for (const QString &path : {u"/health"_s, u"/v1/models"_s, u"/metrics"_s}) {
        const QByteArray id = m_gateway->get(path).header("X-Request-Id");
        QVERIFY2(QRegularExpression(u"^req_[0-9a-f]{28}$"_s).match(QString::fromLatin1(id)).hasMatch(), qPrintable(path));
        requestIds.insert(id);
    }
    QCOMPARE(requestIds.size(), 3);
}

void TestGatewayE2E::plainChatThroughProvider()
{
    QVERIFY(start());
    const QJsonObject answer = completion(u"gpt-4o-2024-08-06"_s, u"Hi!"_s, 1000, 200);
    m_a->enqueue(FakeReply::json(200, answer));
    const TestResponse r = m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"fake/gpt-4o"_s),
                                           {{"X-Switchyard-Task", "greet"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json(), answer); // passed through untouched
    QCOMPARE(r.header("X-Switchyard-Served-By"), QByteArray("fake/gpt-4o"));
    QCOMPARE(r.header("X-Switchyard-Attempts"), QByteArray("1"));
    // gpt-4o: $2.50 in, $10 out per MTok: 1000 × 2.5e-6 + 200 × 1e-5 = 0.0045
    QCOMPARE(r.header("X-Switchyard-Cost-USD"), QByteArray("0.004500000"));
    QVERIFY2(QRegularExpression(u"^req_[0-9a-f]{28}$"_s).match(QString::fromLatin1(r.header("X-Request-Id"))).hasMatch(),
             r.header("X-Request-Id").constData());

    QCOMPARE(m_a->requestCount(), 1);
    const FakeRequest up = m_a->lastRequest();
    QCOMPARE(up.path(), QByteArray("/v1/chat/completions"));
    QCOMPARE(up.header("authorization"), QByteArray("Bearer sk-test-upstream-key"));
    QCOMPARE(up.json().value(u"model"_s).toString(), u"gpt-4o"_s);

    QCOMPARE(m_gateway->stop(), 0);
    QVERIFY2(!m_gateway->log().contains(u"sk-test-upstream-key"_s), "the provider key must never be logged");
    const QList<Row> rows = requestRows(m_gateway->databasePath());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].status, u"ok"_s);
    QCOMPARE(rows[0].provider, u"fake"_s);
    QCOMPARE(rows[0].model, u"gpt-4o"_s);
    QCOMPARE(rows[0].input, 1000);
    QCOMPARE(rows[0].output, 200);
    QVERIFY(rows[0].priced);
    QCOMPARE(rows[0].cost.toLongLong(), 4'500'000);
}

void TestGatewayE2E::logsOneLinePerRequest_data()
{
    // The line goes straight to the log thread under Qt's default pattern, and through the
    // message handler when QT_MESSAGE_PATTERN is set: the same text either way.
    QTest::addColumn<QString>("messagePattern");
    QTest::newRow("default pattern") << QString();
    QTest::newRow("QT_MESSAGE_PATTERN set") << u"%{if-category}%{category}: %{endif}%{message}"_s;
}

void TestGatewayE2E::logsOneLinePerRequest()
{
    QFETCH(QString, messagePattern);
    QProcessEnvironment env = gatewayEnv();
    if (!messagePattern.isEmpty())
        env.insert(u"QT_MESSAGE_PATTERN"_s, messagePattern);
    m_gateway->writeConfig(configFor(*m_a, *m_b).toUtf8());
    QVERIFY2(m_gateway->start({}, env), qPrintable(m_gateway->log()));
    m_a->enqueue(FakeReply::json(200, completion(u"gpt-4o-2024-08-06"_s, u"Hi!"_s, 1000, 200)));
    QCOMPARE(m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"fake/gpt-4o"_s), {{"X-Switchyard-Task", "greet"}}).status, 200);
    const TestResponse unknown = m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"nope/modèle"_s));
    QCOMPARE(unknown.status, 404);
    QCOMPARE(m_gateway->stop(), 0); // every line written before the process ends

    QStringList lines;
    for (const QString &line : m_gateway->log().split(u'\n')) {
        if (line.startsWith(u"switchyard.gateway: req_"_s))
            lines.append(line);
    }
    QCOMPARE(lines.size(), 2);
    const QString id = u"req_[0-9a-f]{28}"_s;
    const QRegularExpression served(u"^switchyard.gateway: "_s + id
                                    + u" /v1/chat/completions model=fake/gpt-4o route=- served=fake/gpt-4o status=200"
                                      " attempts=1 latency=\\d+ms tokens=1000/200 cost=0.004500000 task=greet$"_s);
    QVERIFY2(served.match(lines.at(0)).hasMatch(), qPrintable(lines.at(0)));
    const QRegularExpression refused(u"^switchyard.gateway: "_s + id
                                     + u" /v1/chat/completions model=nope/modèle route=- served=- status=404 attempts=0"
                                       " latency=\\d+ms tokens=0/0 cost=0.000000000 error=\"[^\"]*nope/modèle[^\"]*\"$"_s);
    QVERIFY2(refused.match(lines.at(1)).hasMatch(), qPrintable(lines.at(1)));
}

void TestGatewayE2E::ladderClimbsOn429()
{
    QVERIFY(start());
    m_a->enqueue(FakeReply::json(429, QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, u"slow down"_s}}}})
                     .withHeader("Retry-After", "7"));
    m_b->enqueue(FakeReply::json(200, completion(u"gpt-4o"_s, u"from the second rung"_s)));
    const TestResponse r = m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"auto"_s));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("X-Switchyard-Served-By"), QByteArray("fake2/gpt-4o"));
    QCOMPARE(r.header("X-Switchyard-Attempts"), QByteArray("2"));

    // Retry-After keeps the rate-limited target out of the next request's way.
    m_b->enqueue(FakeReply::json(200, completion(u"gpt-4o"_s, u"again"_s)));
    const TestResponse again = m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"auto"_s));
    QCOMPARE(again.status, 200);
    QCOMPARE(m_a->requestCount(), 1);

    // The same story in /metrics: requests by route and target, attempts by outcome, tokens,
    // spend, and the rate-limited target's open circuit.
    const QByteArray metrics = m_gateway->get(u"/metrics"_s).body;
    for (const char *series : {R"(switchyard_requests_total{route="ladder",target="fake2/gpt-4o",status="200"} 2)",
                               R"(switchyard_attempts_total{target="fake/gpt-4o-mini",outcome="escalated"} 1)",
                               R"(switchyard_attempts_total{target="fake/gpt-4o-mini",outcome="skipped"} 1)",
                               R"(switchyard_attempts_total{target="fake2/gpt-4o",outcome="ok"} 2)",
                               R"(switchyard_tokens_total{target="fake2/gpt-4o",kind="input"} 2000)",
                               R"(switchyard_tokens_total{target="fake2/gpt-4o",kind="output"} 400)",
                               R"(switchyard_cost_usd_total{target="fake2/gpt-4o"} 0.009)",
                               R"(switchyard_circuit_open{target="fake/gpt-4o-mini"} 1)",
                               R"(switchyard_circuit_opened_total{target="fake/gpt-4o-mini"} 1)"})
        QVERIFY2(metrics.contains(QByteArray(QByteArray(series) + '\n')), series);

    QCOMPARE(m_gateway->stop(), 0);
    const QList<Row> rows = requestRows(m_gateway->databasePath());
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].route, u"ladder"_s);
    QCOMPARE(rows[0].attempts, 2);
    const QStringList reasons = attemptReasons(m_gateway->databasePath());
    QCOMPARE(reasons.mid(0, 2), (QStringList{u"fake/gpt-4o-mini:escalated:429"_s, u"fake2/gpt-4o:ok:"_s}));
    QCOMPARE(reasons.at(2), u"fake/gpt-4o-mini:skipped:circuit-open"_s);
}

void TestGatewayE2E::streamingRelaysChunksAndStripsUsage()
{
    QVERIFY(start());
    m_a->enqueue(FakeReply::sse(streamEvents(u"gpt-4o"_s), 10));
    const TestResponse r = m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"fake/gpt-4o"_s, true));
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("text/event-stream"));
    QCOMPARE(r.header("X-Switchyard-Served-By"), QByteArray("fake/gpt-4o"));
    const QList<QByteArray> events = r.body.split('\n');
    QByteArray text;
    for (const QByteArray &line : events)
        if (line.startsWith("data: {"))
            text += QJsonDocument::fromJson(line.mid(6)).object().value(u"choices"_s).toArray().at(0)
                        .toObject().value(u"delta"_s).toObject().value(u"content"_s).toString().toUtf8();
    QCOMPARE(text, QByteArray("Hello!"));
    QVERIFY2(!r.body.contains("\"usage\":{"), "the client did not ask for usage");
    QVERIFY(r.body.endsWith("data: [DONE]\n\n"));
    // Switchyard always asks the upstream for usage, so cost is never lost.
    QVERIFY(m_a->lastRequest().json().value(u"stream_options"_s).toObject().value(u"include_usage"_s).toBool());

    QCOMPARE(m_gateway->stop(), 0);
    const QList<Row> rows = requestRows(m_gateway->databasePath());
    QCOMPARE(rows.size(), 1);
    QVERIFY(rows[0].stream);
    QCOMPARE(rows[0].input, 12);
    QCOMPARE(rows[0].output, 3);
    QVERIFY(rows[0].priced);
}

void TestGatewayE2E::usageChunkOnlyQtAcceptsIsStrippedToo()
{
    // An unknown escape ("\q") is refused by JsonScanner but tolerated by Qt: the usage-only
    // chunk takes Qt's parse and is still stripped, and its tokens still counted.
    QVERIFY(start());
    QList<QByteArray> events = streamEvents(u"gpt-4o"_s);
    events[events.size() - 2] = R"({"id":"c1","object":"chat.completion.chunk","model":"gpt-4o","note":"\q",)"
                                R"("choices":[],"usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}})";
    m_a->enqueue(FakeReply::sse(events, 0));
    const TestResponse r = m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"fake/gpt-4o"_s, true));
    QCOMPARE(r.status, 200);
    QVERIFY2(!r.body.contains("\"usage\""), r.body.constData());
    QVERIFY(r.body.contains("lo"));
    QVERIFY(r.body.endsWith("data: [DONE]\n\n"));
    QCOMPARE(m_gateway->stop(), 0);
    const QList<Row> rows = requestRows(m_gateway->databasePath());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].input, 12);
    QCOMPARE(rows[0].output, 3);
}

void TestGatewayE2E::streamingKeepsUsageWhenAsked()
{
    QVERIFY(start());
    m_a->enqueue(FakeReply::sse(streamEvents(u"gpt-4o"_s)));
    const TestResponse r = m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"fake/gpt-4o"_s, true, true));
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains(R"("usage":{"prompt_tokens":12)"));
}

void TestGatewayE2E::streamEscalatesBeforeFirstByte()
{
    QVERIFY(start());
    m_a->enqueue(FakeReply::json(503, QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, u"overloaded"_s}}}}));
    m_b->enqueue(FakeReply::sse(streamEvents(u"gpt-4o"_s)));
    const TestResponse r = m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"route/ladder"_s, true));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("X-Switchyard-Served-By"), QByteArray("fake2/gpt-4o"));
    QCOMPARE(r.header("X-Switchyard-Attempts"), QByteArray("2"));
    QVERIFY(r.body.endsWith("data: [DONE]\n\n"));
}

void TestGatewayE2E::streamFailureAfterCommitIsAnErrorEvent()
{
    QVERIFY(start());
    FakeReply broken = FakeReply::sse(streamEvents(u"gpt-4o"_s), 10);
    broken.resetAfterChunk = 2;
    m_a->enqueue(broken);
    m_b->enqueue(FakeReply::json(200, completion(u"gpt-4o"_s, u"must not be used"_s)));
    const TestResponse r = m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"auto"_s, true));
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("Hel"));
    QVERIFY2(r.body.contains(R"(data: {"error":{)"), r.body.constData());
    QVERIFY2(!r.body.contains("[DONE]"), "a broken stream must not look like a complete one");
    QCOMPARE(m_b->requestCount(), 0); // no escalation after the first byte
    QCOMPARE(m_gateway->stop(), 0);
    const QList<Row> rows = requestRows(m_gateway->databasePath());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].status, u"error"_s);
}

void TestGatewayE2E::exhaustedLadderIsOpenAiError()
{
    QVERIFY(start());
    m_a->enqueue(FakeReply::json(500, QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, u"boom"_s}}}}));
    m_b->enqueue(FakeReply::json(503, QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, u"down for maintenance"_s}}}}));
    const TestResponse r = m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"auto"_s));
    QCOMPARE(r.status, 502);
    const QJsonObject error = r.json().value(u"error"_s).toObject();
    QVERIFY2(error.value(u"message"_s).toString().contains(u"down for maintenance"_s), r.body.constData());
    QCOMPARE(error.value(u"type"_s).toString(), u"api_error"_s);
    QCOMPARE(r.header("X-Switchyard-Attempts"), QByteArray("2"));
}

void TestGatewayE2E::simulatedProviderWorksWithoutKeys()
{
    QVERIFY(start());
    const TestResponse r = m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"sim/sim-small"_s));
    QCOMPARE(r.status, 200);
    const QJsonObject body = r.json();
    QVERIFY(!body.value(u"choices"_s).toArray().at(0).toObject().value(u"message"_s).toObject().value(u"content"_s).toString().isEmpty());
    QVERIFY(body.value(u"usage"_s).toObject().value(u"completion_tokens"_s).toInt() > 0);
    // Priced from the configuration's own price ($1 in, $2 out per million tokens), in nano-dollars.
    const QJsonObject usage = body.value(u"usage"_s).toObject();
    const qint64 nano = usage.value(u"prompt_tokens"_s).toInteger() * 1000 + usage.value(u"completion_tokens"_s).toInteger() * 2000;
    QVERIFY(nano > 0);
    QCOMPARE(r.header("X-Switchyard-Cost-USD"), QByteArray::number(double(nano) / 1e9, 'f', 9));
}

void TestGatewayE2E::badInput_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("path");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("usageRow"); // a refused call to a model still gets its row
    const Headers none;
    Headers flood;
    for (int i = 0; i < 150; ++i)
        flood.append({"X-Filler-" + QByteArray::number(i), "x"});
    QTest::newRow("malformed json") << QByteArray("application/json") << QByteArray("{\"model\": ") << u"/v1/chat/completions"_s << none << 400 << u"invalid_json"_s << true;
    QTest::newRow("not an object") << QByteArray("application/json") << QByteArray("[1,2]") << u"/v1/chat/completions"_s << none << 400 << u"invalid_json"_s << true;
    QTest::newRow("wrong content type") << QByteArray("text/plain") << chatBody(u"auto"_s) << u"/v1/chat/completions"_s << none << 415 << u"unsupported_media_type"_s << true;
    QTest::newRow("unknown model") << QByteArray("application/json") << chatBody(u"nope/gpt-9"_s) << u"/v1/chat/completions"_s << none << 404 << u"model_not_found"_s << true;
    QTest::newRow("missing model") << QByteArray("application/json") << QByteArray(R"({"messages":[]})") << u"/v1/chat/completions"_s << none << 400 << u"missing_model"_s << true;
    QTest::newRow("unknown node") << QByteArray("application/json") << chatBody(u"auto"_s) << u"/v1/chat/completions"_s
                                  << Headers{{"X-Switchyard-Node", "nope"}} << 400 << u"unknown_node"_s << true;
    QTest::newRow("unknown path") << QByteArray("application/json") << chatBody(u"auto"_s) << u"/v1/nothing"_s << none << 404 << u"unknown_url"_s << false;
    QTest::newRow("oversized body") << QByteArray("application/json") << QByteArray(70'000, ' ') << u"/v1/chat/completions"_s << none << 413 << u"request_too_large"_s << false;
    QTest::newRow("header flood") << QByteArray("application/json") << chatBody(u"auto"_s) << u"/v1/chat/completions"_s << flood << 431
                                  << u"request_header_fields_too_large"_s << false;
}

void TestGatewayE2E::badInput()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, path);
    QFETCH(Headers, headers);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(bool, usageRow);
    QVERIFY(start());
    const TestResponse r = m_gateway->post(path, body, Headers{{"Content-Type", contentType}} + headers);
    QCOMPARE(r.status, status);
    const QJsonObject error = r.json().value(u"error"_s).toObject();
    QVERIFY2(!error.value(u"message"_s).toString().isEmpty(), r.body.constData());
    QCOMPARE(error.value(u"code"_s).toString(), code);
    QCOMPARE(error.value(u"type"_s).toString(), OpenAiError::typeFor(status));
    // Every answer can be traced: an id the log line repeats; the gateway's own refusals
    // also say that no rung was tried (the connection's, 413 and 431, come before it).
    const QByteArray requestId = r.header("X-Request-Id");
    QVERIFY2(QRegularExpression(u"^req_[0-9a-f]{28}$"_s).match(QString::fromLatin1(requestId)).hasMatch(), r.body.constData());
    if (status != 413 && status != 431)
        QCOMPARE(r.header("X-Switchyard-Attempts"), QByteArray("0"));
    QCOMPARE(m_a->requestCount() + m_b->requestCount(), 0);
    // The gateway is still healthy afterwards.
    QCOMPARE(m_gateway->get(u"/health"_s).status, 200);
    QCOMPARE(m_gateway->stop(), 0);
    QVERIFY2(m_gateway->log().contains(QString::fromLatin1(requestId)), qPrintable(m_gateway->log()));
    const QList<Row> rows = requestRows(m_gateway->databasePath());
    QCOMPARE(rows.size(), usageRow ? 1 : 0);
    if (usageRow) {
        QCOMPARE(rows[0].httpStatus, status);
        QCOMPARE(rows[0].status, u"error"_s);
        QCOMPARE(rows[0].attempts, 0);
        QVERIFY(rows[0].priced); // nothing was sent upstream: $0, not "unpriced"
        QCOMPARE(rows[0].cost.toLongLong(), 0);
        QCOMPARE(rows[0].error, error.value(u"message"_s).toString());
    }
}

void TestGatewayE2E::bodyForwardedAsWritten()
{
    QVERIFY(start());
    // What the client wrote reaches the upstream as written, only the model changed: numbers a
    // JSON round trip would rewrite (1.0, a 20-digit seed), vendor fields, key order, spacing.
    const QByteArray body = R"({ "seed": 12345678901234567890, "model": "route/ladder", "temperature": 1.0,
  "x_vendor": {"a": [1, 2.50]}, "messages": [{"role": "user", "content": "caf\u00e9"}] })";
    m_a->enqueue(FakeReply::json(200, completion(u"gpt-4o-mini"_s, u"Hi!"_s)));
    TestResponse r = m_gateway->post(u"/v1/chat/completions"_s, body);
    QCOMPARE(r.status, 200);
    QCOMPARE(m_a->lastRequest().body, QByteArray(body).replace("route/ladder", "gpt-4o-mini"));

    // A body only Qt's more lenient parser accepts (a byte order mark) is served too, in Qt's
    // serialisation; the model is still the target's.
    m_a->enqueue(FakeReply::json(200, completion(u"gpt-4o-mini"_s, u"Hi!"_s)));
    r = m_gateway->post(u"/v1/chat/completions"_s, "\xef\xbb\xbf" + chatBody(u"auto"_s));
    QCOMPARE(r.status, 200);
    QCOMPARE(m_a->lastRequest().json().value(u"model"_s).toString(), u"gpt-4o-mini"_s);
    QCOMPARE(m_a->lastRequest().json().value(u"messages"_s).toArray().size(), 1);
}

void TestGatewayE2E::clientDisconnectCancelsUpstream()
{
    QVERIFY(start());
    QList<QByteArray> slow = streamEvents(u"gpt-4o"_s);
    m_a->enqueue(FakeReply::sse(slow, 400));
    QSignalSpy upstreamGone(m_a.get(), &FakeUpstream::clientDisconnected);

    QTcpSocket client;
    QVERIFY(connectAndWrite(client, rawChatRequest(chatBody(u"fake/gpt-4o"_s, true))));
    QTRY_COMPARE_WITH_TIMEOUT(m_a->requestCount(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(client.bytesAvailable() > 0, 10000); // the stream has begun
    QVERIFY(client.readAll().startsWith("HTTP/1.1 200"));
    client.abort();
    QVERIFY(upstreamGone.wait(5000)); // the upstream request was cancelled

    QCOMPARE(m_gateway->stop(), 0);
    const QList<Row> rows = requestRows(m_gateway->databasePath());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].status, u"cancelled"_s);
    // The usage chunk never came: the spent tokens are estimated and priced, not dropped.
    QVERIFY(rows[0].input > 0);
    QVERIFY(rows[0].priced);
}

void TestGatewayE2E::embeddingsAndCompletionsPassThrough()
{
    QVERIFY(start());
    // Embeddings: forwarded to the provider's /v1/embeddings with its own model name, the
    // answer passed through untouched, the prompt tokens recorded and priced.
    const QJsonObject vectors{{u"object"_s, u"list"_s},
                              {u"data"_s, QJsonArray{QJsonObject{{u"object"_s, u"embedding"_s}, {u"index"_s, 0},
                                                                 {u"embedding"_s, QJsonArray{0.25, -0.5}}}}},
                              {u"model"_s, u"text-embedding-3-small"_s},
                              {u"usage"_s, QJsonObject{{u"prompt_tokens"_s, 5}, {u"total_tokens"_s, 5}}}};
    m_a->enqueue(FakeReply::json(200, vectors));
    TestResponse r = m_gateway->post(u"/v1/embeddings"_s, R"({"model":"fake/text-embedding-3-small","input":"hello"})");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json(), vectors);
    QCOMPARE(r.header("X-Switchyard-Served-By"), QByteArray("fake/text-embedding-3-small"));
    QCOMPARE(m_a->lastRequest().path(), QByteArray("/v1/embeddings"));
    QCOMPARE(m_a->lastRequest().json().value(u"model"_s).toString(), u"text-embedding-3-small"_s);
    QCOMPARE(m_a->lastRequest().json().value(u"input"_s).toString(), u"hello"_s);

    // Legacy completions, the same way.
    const QJsonObject text{{u"id"_s, u"cmpl-1"_s}, {u"object"_s, u"text_completion"_s},
                           {u"choices"_s, QJsonArray{QJsonObject{{u"text"_s, u"hi"_s}, {u"index"_s, 0}, {u"finish_reason"_s, u"stop"_s}}}},
                           {u"usage"_s, QJsonObject{{u"prompt_tokens"_s, 3}, {u"completion_tokens"_s, 1}, {u"total_tokens"_s, 4}}}};
    m_a->enqueue(FakeReply::json(200, text));
    r = m_gateway->post(u"/v1/completions"_s, R"({"model":"fake/gpt-4o-mini","prompt":"Say hi"})");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json(), text);
    QCOMPARE(m_a->lastRequest().path(), QByteArray("/v1/completions"));
    QCOMPARE(m_a->lastRequest().json().value(u"model"_s).toString(), u"gpt-4o-mini"_s);

    QCOMPARE(m_gateway->stop(), 0);
    const QList<Row> rows = requestRows(m_gateway->databasePath());
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].model, u"text-embedding-3-small"_s);
    QCOMPARE(rows[0].input, 5);
    QVERIFY(rows[0].priced);
    QCOMPARE(rows[1].model, u"gpt-4o-mini"_s);
    QCOMPARE(rows[1].input, 3);
    QCOMPARE(rows[1].output, 1);
    QVERIFY(rows[1].priced);
}

void TestGatewayE2E::nodeCallIsRecordedWithNodeTaskAndFirstToken()
{
    // A local node (llama.cpp speaks OpenAI under /v1), pinned, streaming, tagged with a task.
    QVERIFY(start(uR"(, "nodes": [ { "id": "box", "kind": "llama.cpp", "baseUrl": "http://127.0.0.1:%1",
                                     "models": ["llama-3.1-8b-instruct"] } ])"_s.arg(m_b->port())));
    m_b->enqueue(FakeReply::sse(streamEvents(u"llama-3.1-8b-instruct"_s), 60)); // the first chunk 60 ms late
    const TestResponse r = m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"llama-3.1-8b-instruct"_s, true),
                                           {{"X-Switchyard-Node", "box"}, {"X-Switchyard-Task", "summarize"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("X-Switchyard-Served-By"), QByteArray("box/llama-3.1-8b-instruct"));
    QCOMPARE(m_b->lastRequest().path(), QByteArray("/v1/chat/completions"));
    QCOMPARE(m_b->lastRequest().json().value(u"model"_s).toString(), u"llama-3.1-8b-instruct"_s);

    QCOMPARE(m_gateway->stop(), 0);
    const QList<Row> rows = requestRows(m_gateway->databasePath());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].node, u"box"_s);
    QCOMPARE(rows[0].provider, QString());
    QCOMPARE(rows[0].model, u"llama-3.1-8b-instruct"_s);
    QCOMPARE(rows[0].task, u"summarize"_s);
    QVERIFY(rows[0].stream);
    QVERIFY2(!rows[0].ttftMs.isNull() && rows[0].ttftMs.toLongLong() >= 50, qPrintable(rows[0].ttftMs.toString()));
    QVERIFY2(rows[0].latencyMs >= rows[0].ttftMs.toLongLong(), qPrintable(QString::number(rows[0].latencyMs)));
}

void TestGatewayE2E::brokenAnthropicStreamKeepsItsInputCounts()
{
    // An Anthropic stream that breaks after some text: message_start already said how many
    // input tokens came from the cache, so the row is priced with cache rates, not guessed.
    const QString claude = uR"({ "id": "claude", "kind": "anthropic", "baseUrl": "%1", "apiKey": "env:SY_FAKE_KEY",
                                 "catalogId": "anthropic" },)"_s.arg(m_b->baseUrlString());
    m_gateway->writeConfig(configFor(*m_a, *m_b).replace(u"\"providers\": ["_s, u"\"providers\": ["_s + claude).toUtf8());
    QVERIFY2(m_gateway->start({}, gatewayEnv()), qPrintable(m_gateway->log()));
    auto event = [](const QByteArray &type, const QByteArray &json) -> QByteArray { return "event: " + type + "\ndata: " + json + "\n\n"; };
    FakeReply cut = FakeReply::sseRaw(
        {event("message_start", R"({"type":"message_start","message":{"id":"msg_1","model":"claude-sonnet-4-5","usage":)"
                                R"({"input_tokens":10,"cache_creation_input_tokens":200,"cache_read_input_tokens":3000,"output_tokens":1}}})"),
         event("content_block_start", R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})"),
         event("content_block_delta", R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Bonjour"}})")},
        20);
    cut.resetAfterChunk = 3;
    m_b->enqueue(cut);
    const TestResponse r = m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"claude/claude-sonnet-4-5"_s, true));
    QCOMPARE(r.status, 200);
    QVERIFY2(r.body.contains("Bonjour") && r.body.contains("stream_interrupted"), r.body.constData());

    QCOMPARE(m_gateway->stop(), 0);
    const QList<Row> rows = requestRows(m_gateway->databasePath());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].input, 3210); // 10 + 200 written + 3000 read, as reported
    QCOMPARE(rows[0].output, 2);   // "Bonjour", estimated: the count never came
    QVERIFY(rows[0].priced);
    // Sonnet 4.5 per million: $3 input, $3.75 cache write, $0.30 cache read, $15 output.
    QCOMPARE(rows[0].cost.toLongLong(), 10 * 3000 + 200 * 3750 + 3000 * 300 + 2 * 15000);
}

void TestGatewayE2E::pipelinedRequestsAnswerInOrder()
{
    QVERIFY(start());
    // The first call is slow, the second fast: the answers still come in request order.
    FakeReply slow = FakeReply::json(200, completion(u"gpt-4o"_s, u"first"_s));
    slow.delayBeforeHeadersMs = 1000;
    m_a->enqueue(slow);
    m_b->enqueue(FakeReply::json(200, completion(u"gpt-4o"_s, u"second"_s)));
    QTcpSocket client;
    // One write: the second request is on the wire before the first is answered.
    QVERIFY(connectAndWrite(client, rawChatRequest(chatBody(u"fake/gpt-4o"_s)) + rawChatRequest(chatBody(u"fake2/gpt-4o"_s))));
    // Both are in flight at once: the second reaches its upstream while the first still waits.
    QTRY_COMPARE_WITH_TIMEOUT(m_b->requestCount(), 1, 900);
    QCOMPARE(m_a->requestCount(), 1);
    QCOMPARE(client.bytesAvailable(), 0);

    QByteArray received;
    QStringList contents;
    QDeadlineTimer deadline(10000);
    while (contents.size() < 2 && !deadline.hasExpired()) {
        const qsizetype headEnd = received.indexOf("\r\n\r\n");
        if (headEnd >= 0) {
            const QByteArray head = received.left(headEnd).toLower();
            const qsizetype at = head.indexOf("content-length: ");
            QVERIFY2(at >= 0, head.constData());
            const qsizetype length = head.mid(at + 16, head.indexOf("\r\n", at) - at - 16).toLongLong();
            if (received.size() >= headEnd + 4 + length) {
                QVERIFY(received.startsWith("HTTP/1.1 200"));
                const QJsonObject answer = QJsonDocument::fromJson(received.mid(headEnd + 4, length)).object();
                contents.append(answer.value(u"choices"_s).toArray().at(0).toObject().value(u"message"_s).toObject()
                                    .value(u"content"_s).toString());
                received.remove(0, headEnd + 4 + length);
                continue;
            }
        }
        QTest::qWait(10); // the fake upstreams answer from this thread's event loop
        received += client.readAll();
    }
    QCOMPARE(contents, (QStringList{u"first"_s, u"second"_s}));
    QCOMPARE(m_gateway->stop(), 0);
    QCOMPARE(requestRows(m_gateway->databasePath()).size(), 2);
}

void TestGatewayE2E::streamChunksAreRelayedAsTheyArrive()
{
    QVERIFY(start());
    // Three content chunks 300 ms apart: the client has the first long before the last is sent.
    m_a->enqueue(FakeReply::sse(streamEvents(u"gpt-4o"_s), 300));
    QTcpSocket client;
    QVERIFY(connectAndWrite(client, rawChatRequest(chatBody(u"fake/gpt-4o"_s, true))));
    QElapsedTimer clock;
    clock.start();
    QByteArray received;
    qint64 firstChunkMs = -1;
    while (!received.contains("[DONE]") && clock.elapsed() < 10000) {
        QTest::qWait(10); // the fake upstream answers from this thread's event loop
        received += client.readAll();
        if (firstChunkMs < 0 && received.contains("\"Hel\""))
            firstChunkMs = clock.elapsed();
    }
    QVERIFY2(received.contains("[DONE]"), received.constData());
    const qint64 totalMs = clock.elapsed();
    QVERIFY2(firstChunkMs >= 0 && totalMs - firstChunkMs >= 500,
             qPrintable(u"first chunk after %1 ms, end after %2 ms"_s.arg(firstChunkMs).arg(totalMs)));
}

void TestGatewayE2E::shutdownWithACallInFlight_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT); // Ctrl+C in a terminal
}

void TestGatewayE2E::shutdownWithACallInFlight()
{
    QFETCH(int, signal);
    QVERIFY(start());
    m_a->enqueue(FakeReply::sse(streamEvents(u"gpt-4o"_s), 400));
    QTcpSocket client;
    QVERIFY(connectAndWrite(client, rawChatRequest(chatBody(u"fake/gpt-4o"_s, true))));
    QTRY_VERIFY_WITH_TIMEOUT(client.bytesAvailable() > 0, 10000); // the stream has begun

    // A clean exit, and the call in flight is in the database, not lost with the process.
    QCOMPARE(m_gateway->stop(signal), 0);
    QVERIFY2(m_gateway->log().contains(u"usage records flushed"_s), qPrintable(m_gateway->log()));
    const QList<Row> rows = requestRows(m_gateway->databasePath());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].model, u"gpt-4o"_s);
    QCOMPARE(rows[0].status, u"cancelled"_s); // the client never got the whole answer
}

void TestGatewayE2E::keysAreEnforced()
{
    // The key's digest is configured; the gateway accepts only that bearer.
    const QByteArray key = "sy-" + QByteArray(43, 'A');
    m_gateway->writeConfig(configWithKey(key));
    QVERIFY2(m_gateway->start({}, gatewayEnv()), qPrintable(m_gateway->log()));
    TestResponse r = m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"sim/sim-small"_s));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"type"_s).toString(), u"authentication_error"_s);
    r = m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"sim/sim-small"_s), {{"Authorization", "Bearer sy-wrong"}});
    QCOMPARE(r.status, 401);
    r = m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"sim/sim-small"_s), {{"Authorization", "Bearer " + key}});
    QCOMPARE(r.status, 200);
    QCOMPARE(m_gateway->get(u"/health"_s).status, 200);
    // The usage row names the key that made the call (refused calls never reach routing).
    QCOMPARE(m_gateway->stop(), 0);
    const QList<Row> rows = requestRows(m_gateway->databasePath());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].keyName, u"ci"_s);
}

void TestGatewayE2E::keysFollowTheListenAddressNotTheConfig()
{
    // The configuration says 127.0.0.1; --listen puts the gateway on every interface.
    const QByteArray key = "sy-" + QByteArray(43, 'B');
    m_gateway->writeConfig(configWithKey(key));
    QVERIFY2(m_gateway->start({u"--listen"_s, u"0.0.0.0:0"_s}, gatewayEnv()), qPrintable(m_gateway->log()));
    QCOMPARE(m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"sim/sim-small"_s)).status, 401);
    QCOMPARE(m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"sim/sim-small"_s), {{"Authorization", "Bearer " + key}}).status, 200);

    // An edit removes the last key. The edit is valid for the file's own loopback address,
    // so it applies; the gateway on 0.0.0.0 must then refuse everyone, not open up.
    m_gateway->writeConfig(configFor(*m_a, *m_b).toUtf8());
    QTRY_COMPARE_WITH_TIMEOUT(
        m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"sim/sim-small"_s), {{"Authorization", "Bearer " + key}}).status,
        401, 10000);
    const TestResponse open = m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"sim/sim-small"_s));
    QCOMPARE(open.status, 401);
    QVERIFY2(open.json().value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"has no keys"_s), open.body.constData());
}

void TestGatewayE2E::nonLoopbackListenWithoutKeysRefusesToStart()
{
    m_gateway->writeConfig(configFor(*m_a, *m_b).toUtf8());
    QVERIFY(!m_gateway->start({u"--listen"_s, u"0.0.0.0:0"_s}, gatewayEnv()));
    QVERIFY(m_gateway->stop() != 0);
    QVERIFY2(m_gateway->log().contains(u"requires at least one key"_s), qPrintable(m_gateway->log()));
}

void TestGatewayE2E::configReloadKeepsRunningSnapshotOnError()
{
    QVERIFY(start());
    QCOMPARE(m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"fast"_s)).status, 404);
    // A new alias appears without a restart.
    m_gateway->writeConfig(configFor(*m_a, *m_b).replace(u"\"aliases\": [\"auto\"]"_s, u"\"aliases\": [\"auto\", \"fast\"]"_s).toUtf8());
    m_b->setHandler([](const FakeRequest &) { return FakeReply::json(200, completion(u"gpt-4o"_s, u"ok"_s)); });
    m_a->setHandler([](const FakeRequest &) { return FakeReply::json(200, completion(u"gpt-4o-mini"_s, u"ok"_s)); });
    QTRY_COMPARE_WITH_TIMEOUT(m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"fast"_s)).status, 200, 10000);
    // A setting of the listening server is not silently ignored: the log says when it applies.
    m_gateway->writeConfig(configFor(*m_a, *m_b)
                               .replace(u"\"aliases\": [\"auto\"]"_s, u"\"aliases\": [\"auto\", \"fast\"]"_s)
                               .replace(u"\"maxBodyBytes\": 65536"_s, u"\"maxBodyBytes\": 100000"_s)
                               .toUtf8());
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway->log().contains(u"changes to gateway.maxBodyBytes take effect when the gateway restarts"_s), 10000);
    // Edited back to what runs, with another change: applied, and no new notice.
    m_gateway->writeConfig(configFor(*m_a, *m_b)
                               .replace(u"\"aliases\": [\"auto\"]"_s, u"\"aliases\": [\"auto\", \"fast\", \"quick\"]"_s)
                               .toUtf8());
    QTRY_COMPARE_WITH_TIMEOUT(m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"quick"_s)).status, 200, 10000);
    QCOMPARE(m_gateway->log().count(u"take effect when the gateway restarts"_s), 1);
    // A broken edit is reported and the running configuration stays.
    m_gateway->writeConfig("{ \"version\": 1, \"gateway\": { \"listen\": ");
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway->log().contains(u"not applied"_s), 10000);
    QCOMPARE(m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"fast"_s)).status, 200);
    // Well-formed JSON with two mistakes: both are logged, each with its path, and the
    // running configuration still stays.
    const qsizetype logged = m_gateway->log().size();
    m_gateway->writeConfig(configFor(*m_a, *m_b)
                               .replace(u"\"target\": \"fake/gpt-4o-mini\""_s, u"\"target\": \"nowhere/one\""_s)
                               .replace(u"\"target\": \"fake2/gpt-4o\""_s, u"\"target\": \"nowhere/two\""_s)
                               .toUtf8());
    QTRY_VERIFY_WITH_TIMEOUT(m_gateway->log().mid(logged).contains(u"not applied"_s), 10000);
    const QString report = m_gateway->log().mid(logged);
    QVERIFY2(report.contains(u"routes[0].ladder[0].target"_s) && report.contains(u"nowhere/one"_s), qPrintable(report));
    QVERIFY2(report.contains(u"routes[0].ladder[1].target"_s) && report.contains(u"nowhere/two"_s), qPrintable(report));
    QCOMPARE(m_gateway->post(u"/v1/chat/completions"_s, chatBody(u"fast"_s)).status, 200);
}

QTEST_GUILESS_MAIN(TestGatewayE2E)
#include "tst_gatewaye2e.moc"
