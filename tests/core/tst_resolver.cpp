// SPDX-License-Identifier: MIT
#include "core/common/jsonscanner.h"
#include "core/config/configio.h"
#include "core/routing/resolver.h"
#include "tests/support/jsonmutations.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace Switchyard;
using namespace Qt::StringLiterals;

using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {



Config config()
{
    const ConfigLoadResult r = ConfigIo::loadFile(QStringLiteral(SY_TEST_DATA_DIR "/routing/config.json"));
    if (!r.ok())
        qFatal("test config invalid: %s", qPrintable(r.errors.value(0).toString()));
    return *r.config;
}

} // namespace

class TestResolver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resolves_data();
    void resolves();
    void errors_data();
    void errors();
    void nodeTargetsSpeakOpenAiUnderV1();
    void defaultEscalationForDirectModels();
    void routingRequestFromText();
    void routingRequestFromTextMatchesTheObject();
    void routingRequestFromTextAgreesWithQt();
};

void TestResolver::resolves_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QStringList>("targets");
    using H = Headers;
    auto chat = [](const QString &model, const QString &text = u"hi"_s) {
        return QJsonObject{{u"model"_s, model},
                           {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, text}}}}};
    };
    QTest::newRow("provider/model") << chat(u"openai/gpt-4o"_s) << H{} << QString() << QStringList{u"openai/gpt-4o"_s};
    QTest::newRow("node/model") << chat(u"box/llama-3.1-8b-instruct"_s) << H{} << QString() << QStringList{u"box/llama-3.1-8b-instruct"_s};
    QTest::newRow("bare: local node first") << chat(u"llama-3.1-8b-instruct"_s) << H{} << QString()
                                            << QStringList{u"box/llama-3.1-8b-instruct"_s, u"lab/llama-3.1-8b-instruct"_s};
    QTest::newRow("bare with slash") << chat(u"meta-llama/Llama-3.1-70B"_s) << H{} << QString() << QStringList{u"gpu/meta-llama/Llama-3.1-70B"_s};
    QTest::newRow("bare: provider list") << chat(u"qwen3-32b"_s) << H{} << QString() << QStringList{u"lab/qwen3-32b"_s};
    QTest::newRow("route") << chat(u"route/smart"_s) << H{} << u"smart"_s
                           << QStringList{u"anthropic/claude-sonnet-4-5"_s, u"openai/gpt-4o"_s};
    QTest::newRow("alias") << chat(u"auto"_s) << H{} << u"smart"_s << QStringList{u"anthropic/claude-sonnet-4-5"_s, u"openai/gpt-4o"_s};
    QTest::newRow("nested route expands in place")
        << chat(u"route/local-first"_s) << H{} << u"local-first"_s
        << QStringList{u"box/llama-3.1-8b-instruct"_s, u"lab/llama-3.1-8b-instruct"_s, u"anthropic/claude-sonnet-4-5"_s, u"openai/gpt-4o"_s};
    QTest::newRow("rule: task header") << chat(u"auto"_s) << H{{"X-Switchyard-Task", "classify"}} << u"local-first"_s
                                       << QStringList{u"box/llama-3.1-8b-instruct"_s, u"lab/llama-3.1-8b-instruct"_s,
                                                      u"anthropic/claude-sonnet-4-5"_s, u"openai/gpt-4o"_s};
    QJsonObject withMetadata = chat(u"auto"_s);
    withMetadata.insert(u"metadata"_s, QJsonObject{{u"task"_s, u"classify"_s}});
    QTest::newRow("rule: metadata.task") << withMetadata << H{} << u"local-first"_s
                                         << QStringList{u"box/llama-3.1-8b-instruct"_s, u"lab/llama-3.1-8b-instruct"_s,
                                                        u"anthropic/claude-sonnet-4-5"_s, u"openai/gpt-4o"_s};
    QTest::newRow("rule: tasks never rewrite a concrete model")
        << chat(u"openai/gpt-4o"_s) << H{{"X-Switchyard-Task", "classify"}} << QString() << QStringList{u"openai/gpt-4o"_s};
    QTest::newRow("rule: long prompt") << chat(u"auto"_s, QString(4200, u'x')) << H{} << u"long"_s << QStringList{u"openai/gpt-4o-mini"_s};
    QTest::newRow("rule: header regex") << chat(u"auto"_s) << H{{"X-Team", "research"}} << QString() << QStringList{u"openai/gpt-4o"_s};
    QTest::newRow("rule: header regex no match") << chat(u"auto"_s) << H{{"X-Team", "research-ops"}} << u"smart"_s
                                                 << QStringList{u"anthropic/claude-sonnet-4-5"_s, u"openai/gpt-4o"_s};
    QJsonObject tools = chat(u"auto"_s);
    tools.insert(u"tools"_s, QJsonArray{QJsonObject{{u"type"_s, u"function"_s}}});
    QTest::newRow("rule: tools") << tools << H{} << QString() << QStringList{u"openai/gpt-4o"_s};
    QJsonObject json = chat(u"auto"_s);
    json.insert(u"response_format"_s, QJsonObject{{u"type"_s, u"json_object"_s}});
    QTest::newRow("rule: json mode") << json << H{} << QString() << QStringList{u"openai/gpt-4o-mini"_s};
    QTest::newRow("rule: last user message") << chat(u"auto"_s, u"Please Translate this"_s) << H{} << QString()
                                             << QStringList{u"anthropic/claude-sonnet-4-5"_s};
    QTest::newRow("pinned node") << chat(u"llama-3.1-8b-instruct"_s) << H{{"X-Switchyard-Node", "box"}} << QString()
                                 << QStringList{u"box/llama-3.1-8b-instruct"_s};
    QTest::newRow("pinned node inside a route") << chat(u"route/local-first"_s) << H{{"X-Switchyard-Node", "box"}} << u"local-first"_s
                                                << QStringList{u"box/llama-3.1-8b-instruct"_s};
    QTest::newRow("pinned node, route with failover: the node first, then the rest")
        << chat(u"route/local-or-cloud"_s) << H{{"X-Switchyard-Node", "box"}} << u"local-or-cloud"_s
        << QStringList{u"box/llama-3.1-8b-instruct"_s, u"lab/llama-3.1-8b-instruct"_s, u"openai/gpt-4o"_s};
    QTest::newRow("pinned node that cannot serve, route with failover") << chat(u"route/cloud-only"_s) << H{{"X-Switchyard-Node", "box"}}
                                                                        << u"cloud-only"_s << QStringList{u"openai/gpt-4o"_s};
}

void TestResolver::resolves()
{
    QFETCH(QJsonObject, body);
    QFETCH(Headers, headers);
    QFETCH(QString, route);
    QFETCH(QStringList, targets);
    HttpRequest http;
    http.headers = headers;
    const auto result = Resolver::resolve(config(), RoutingRequest::from(body, &http));
    const Plan *plan = std::get_if<Plan>(&result);
    QVERIFY2(plan, plan ? "" : qPrintable(std::get<RoutingError>(result).message));
    QCOMPARE(plan->route, route);
    QStringList actual;
    for (const PlannedRung &r : plan->rungs)
        actual.append(r.target.label());
    QCOMPARE(actual, targets);
}

void TestResolver::errors_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QByteArray>("node");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("missing model") << QString() << QByteArray() << 400 << u"missing_model"_s;
    QTest::newRow("unknown provider") << u"acme/gpt-4o"_s << QByteArray() << 404 << u"model_not_found"_s;
    QTest::newRow("unknown bare") << u"gpt-9"_s << QByteArray() << 404 << u"model_not_found"_s;
    QTest::newRow("unknown route") << u"route/nowhere"_s << QByteArray() << 404 << u"model_not_found"_s;
    QTest::newRow("pipeline") << u"pipeline/p"_s << QByteArray() << 501 << u"pipelines_not_served"_s;
    QTest::newRow("unknown node") << u"llama-3.1-8b-instruct"_s << QByteArray("attic") << 400 << u"unknown_node"_s;
    QTest::newRow("node cannot serve") << u"openai/gpt-4o"_s << QByteArray("box") << 400 << u"node_cannot_serve"_s;
    QTest::newRow("node cannot serve, route without failover") << u"route/long"_s << QByteArray("box") << 400 << u"node_cannot_serve"_s;
    QTest::newRow("unknown node, even with failover") << u"route/cloud-only"_s << QByteArray("attic") << 400 << u"unknown_node"_s;
}

void TestResolver::errors()
{
    QFETCH(QString, model);
    QFETCH(QByteArray, node);
    QFETCH(int, status);
    QFETCH(QString, code);
    HttpRequest http;
    if (!node.isEmpty())
        http.headers.append({"X-Switchyard-Node", node});
    const auto result = Resolver::resolve(config(), RoutingRequest::from(QJsonObject{{u"model"_s, model}}, &http));
    const RoutingError *error = std::get_if<RoutingError>(&result);
    QVERIFY(error);
    QCOMPARE(error->httpStatus, status);
    QCOMPARE(error->code, code);
    QVERIFY(!error->message.isEmpty());
}

void TestResolver::nodeTargetsSpeakOpenAiUnderV1()
{
    const auto result = Resolver::resolve(config(), RoutingRequest::from(QJsonObject{{u"model"_s, u"box/llama-3.1-8b-instruct"_s}}, nullptr));
    const PlannedRung &rung = std::get<Plan>(result).rungs.first();
    QCOMPARE(rung.target.kind, u"openai"_s);
    QCOMPARE(rung.target.baseUrl, u"http://127.0.0.1:8080/v1"_s);
    QCOMPARE(rung.target.node, u"box"_s);
    const auto gpu = Resolver::resolve(config(), RoutingRequest::from(QJsonObject{{u"model"_s, u"meta-llama/Llama-3.1-70B"_s}}, nullptr));
    QCOMPARE(std::get<Plan>(gpu).rungs.first().target.baseUrl, u"http://10.0.0.9:8000/v1"_s);
}

void TestResolver::defaultEscalationForDirectModels()
{
    const auto result = Resolver::resolve(config(), RoutingRequest::from(QJsonObject{{u"model"_s, u"route/smart"_s}}, nullptr));
    const Plan &plan = std::get<Plan>(result);
    QCOMPARE(plan.rungs.at(0).rung.escalateOn, QStringList{u"429"_s}); // configured
    QCOMPARE(plan.rungs.at(1).rung.escalateOn, Resolver::defaultEscalateOn());
}

QTEST_GUILESS_MAIN(TestResolver)
void TestResolver::routingRequestFromText()
{
    // The gateway reads routing fields from the request text with JsonScanner: escapes, UTF-16
    // lengths, content parts and repeated keys as QJsonObject would see them.
    const QByteArray json = R"( {"model":"ignored","\u006dodel":"route/smart",
        "metadata":{"task":"summarize"},
        "messages":[{"role":"system","content":"Be brief.\n"},
                    {"role":"user","content":"h\u00e9llo \ud83d\ude00"},
                    {"role":"assistant","content":null},
                    {"role":"us\u0065r","content":[{"type":"text","text":"part one "},{"type":"image_url","image_url":{"url":"x"}},{"type":"text","text":"caf\u00e9 \u2615 \ud83d\ude00"}]}],
        "tools":[], "functions":[{"name":"f"}],
        "response_format":{"type":"json_schema","json_schema":{}}} )";
    const RoutingRequest r = RoutingRequest::from(QByteArrayView(json), nullptr);
    QCOMPARE(r.model, u"route/smart"_s);
    QCOMPARE(r.task, u"summarize"_s);
    QCOMPARE(r.lastUserMessage, u"part one caf\u00e9 \u2615 \U0001F600"_s);
    // 10 + 8 ("héllo " + a surrogate pair) + 9 + 9 (the parts' text, 😀 counted as two units)
    QCOMPARE(r.estimatedPromptTokens, (10 + 8 + 9 + 9 + 3) / 4);
    QVERIFY(r.hasTools);
    QVERIFY(r.jsonMode);
    QVERIFY(!r.stream);
    QVERIFY(!r.includeUsage);

    const RoutingRequest plain = RoutingRequest::from(
        QByteArrayView(R"({"model":"m","tools":[],"prompt":["abcd","efgh"],"input":"ijkl","stream":true,"stream_options":{"include_usage":true}})"), nullptr);
    QVERIFY(plain.stream);
    QVERIFY(plain.includeUsage);
    QVERIFY(!plain.hasTools);
    QVERIFY(!plain.jsonMode);
    QCOMPARE(plain.estimatedPromptTokens, 3);
    QVERIFY(plain.lastUserMessage.isEmpty());
}

void TestResolver::routingRequestFromTextMatchesTheObject()
{
    // The text and the object overloads agree (the object one serialises and reads the text).
    HttpRequest http;
    http.headers = {{"X-Switchyard-Task", " extract "}};
    const QJsonObject body{{u"model"_s, u"auto"_s},
                           {u"metadata"_s, QJsonObject{{u"task"_s, u"ignored: the header wins"_s}}},
                           {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"\u00e9t\u00e9 \U0001F600"_s}}}},
                           {u"response_format"_s, QJsonObject{{u"type"_s, u"json_object"_s}}}};
    const RoutingRequest a = RoutingRequest::from(body, &http);
    const RoutingRequest b = RoutingRequest::from(QByteArrayView(QJsonDocument(body).toJson()), &http);
    QCOMPARE(a.model, u"auto"_s);
    QCOMPARE(a.task, u"extract"_s);
    QCOMPARE(a.lastUserMessage, u"\u00e9t\u00e9 \U0001F600"_s);
    QCOMPARE(a.estimatedPromptTokens, 2); // 6 UTF-16 units
    QVERIFY(a.jsonMode);
    QCOMPARE(b.model, a.model);
    QCOMPARE(b.task, a.task);
    QCOMPARE(b.lastUserMessage, a.lastUserMessage);
    QCOMPARE(b.estimatedPromptTokens, a.estimatedPromptTokens);
    QCOMPARE(b.jsonMode, a.jsonMode);
}

namespace {

/// The routing fields read the way QJsonObject sees the body: the oracle for the scanner.
RoutingRequest readWithQt(const QJsonObject &body)
{
    RoutingRequest r;
    r.model = body.value(u"model").toString();
    r.task = body.value(u"metadata").toObject().value(u"task").toString();
    qsizetype chars = 0;
    const auto contentLength = [](const QJsonValue &content, QString *text) -> qsizetype {
        if (content.isString()) {
            if (text)
                *text = content.toString();
            return content.toString().size();
        }
        qsizetype n = 0;
        QString joined;
        for (const QJsonValue &part : content.toArray()) {
            const QString t = part.toObject().value(u"text").toString();
            n += t.size();
            joined += t;
        }
        if (text)
            *text = joined;
        return n;
    };
    for (const QJsonValue &m : body.value(u"messages").toArray()) {
        const QJsonObject message = m.toObject();
        const bool user = message.value(u"role").toString() == u"user";
        chars += contentLength(message.value(u"content"), user ? &r.lastUserMessage : nullptr);
    }
    for (const char *key : {"prompt", "input"}) {
        const QJsonValue v = body.value(QLatin1StringView(key));
        if (v.isString())
            chars += v.toString().size();
        else
            for (const QJsonValue &item : v.toArray())
                chars += item.toString().size();
    }
    r.estimatedPromptTokens = (chars + 3) / 4;
    r.hasTools = !body.value(u"tools").toArray().isEmpty() || !body.value(u"functions").toArray().isEmpty();
    const QString format = body.value(u"response_format").toObject().value(u"type").toString();
    r.jsonMode = format == u"json_object" || format == u"json_schema";
    r.stream = body.value(u"stream").toBool();
    r.includeUsage = body.value(u"stream_options").toObject().value(u"include_usage").toBool();
    return r;
}

} // namespace

void TestResolver::routingRequestFromTextAgreesWithQt()
{
    // Random edits of a realistic body: whenever the scanner accepts the text, the routing
    // fields are the ones QJsonObject reads (escapes, repeats, UTF-16 lengths, odd types).
    const QByteArray seed = R"({"model":"route/smart","stream":true,"stream_options":{"include_usage":true},
        "metadata":{"task":"summarize"},"tools":[{"type":"function"}],"response_format":{"type":"json_object"},
        "messages":[{"role":"system","content":"Be brief.\n"},{"role":"user","content":"h\u00e9llo \ud83d\ude00 caf\u00e9"},
        {"role":"user","content":[{"type":"text","text":"part \"one\" "},{"type":"text","text":"\u2615 x 😀 été"}]}],
        "prompt":["ab","\u00e9"],"input":"\\"})";
    QRandomGenerator random(7);
    int checked = 0;
    for (int round = 0; round < 4000 && !QTest::currentTestFailed(); ++round) {
        const QByteArray json = TestData::mutatedJson(seed, random);
        QByteArrayView root;
        if (!JsonScanner::validate(json, &root) || JsonScanner::typeOf(root) != JsonScanner::Type::Object)
            continue; // the gateway then takes Qt's parse and its serialisation
        const QJsonDocument doc = QJsonDocument::fromJson(json);
        QVERIFY2(doc.isObject(), json.constData());
        const RoutingRequest expected = readWithQt(doc.object());
        const RoutingRequest actual = RoutingRequest::from(root, nullptr);
        QCOMPARE(actual.model, expected.model);
        QCOMPARE(actual.task, expected.task);
        QCOMPARE(actual.lastUserMessage, expected.lastUserMessage);
        QCOMPARE(actual.estimatedPromptTokens, expected.estimatedPromptTokens);
        QCOMPARE(actual.hasTools, expected.hasTools);
        QCOMPARE(actual.jsonMode, expected.jsonMode);
        QCOMPARE(actual.stream, expected.stream);
        QCOMPARE(actual.includeUsage, expected.includeUsage);
        ++checked;
    }
    QVERIFY2(checked > 500, qPrintable(QString::number(checked))); // enough bodies survived the edits
}

#include "tst_resolver.moc"
