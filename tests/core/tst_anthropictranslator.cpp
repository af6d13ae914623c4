// SPDX-License-Identifier: MIT
#include "core/upstream/anthropictranslator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Switchyard;
using namespace Qt::StringLiterals;

namespace {

QJsonObject object(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        qFatal("bad test JSON: %s in %s", qPrintable(error.errorString()), json.constData());
    return doc.object();
}

QByteArray text(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

} // namespace

/// Compares JSON objects and shows both sides when they differ.
#define COMPARE_JSON(actual, expected)                                                                      \
    do {                                                                                                    \
        const QJsonObject a_ = (actual);                                                                    \
        const QJsonObject e_ = (expected);                                                                  \
        if (a_ != e_)                                                                                       \
            QFAIL(qPrintable(u"JSON differs\n actual:   %1\n expected: %2"_s.arg(QString::fromUtf8(text(a_)), \
                                                                                QString::fromUtf8(text(e_))))); \
    } while (false)

class TestAnthropicTranslator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void request_data();
    void request();
    void requestErrors_data();
    void requestErrors();
    void response_data();
    void response();
    void finishReasons_data();
    void finishReasons();
    void stream_data();
    void stream();
    void streamError();
    void errorStatuses();
};

void TestAnthropicTranslator::request_data()
{
    QTest::addColumn<QByteArray>("chat");
    QTest::addColumn<QByteArray>("messages");

    QTest::newRow("system and user strings, max_tokens default")
        << QByteArray(R"({"model":"claude-sonnet-4-6","messages":[{"role":"system","content":"Be brief."},
                         {"role":"developer","content":"Answer in French."},{"role":"user","content":"Hi"}]})")
        << QByteArray(R"({"model":"claude-sonnet-4-6","system":"Be brief.\n\nAnswer in French.",
                         "messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}],"max_tokens":4096})");

    QTest::newRow("system cache_control kept as blocks")
        << QByteArray(R"({"model":"m","messages":[{"role":"system","content":[
                           {"type":"text","text":"Long manual...","cache_control":{"type":"ephemeral"}},
                           {"type":"text","text":"Rules."}]},
                         {"role":"user","content":[{"type":"text","text":"Q","cache_control":{"type":"ephemeral","ttl":"1h"}}]}]})")
        << QByteArray(R"({"model":"m","system":[{"type":"text","text":"Long manual...","cache_control":{"type":"ephemeral"}},
                                                {"type":"text","text":"Rules."}],
                         "messages":[{"role":"user","content":[{"type":"text","text":"Q","cache_control":{"type":"ephemeral","ttl":"1h"}}]}],
                         "max_tokens":4096})");

    QTest::newRow("sampling fields; OpenAI-only fields dropped")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"x"}],"max_tokens":100,
                         "max_completion_tokens":200,"temperature":1.5,"top_p":0.9,"stop":"END","stream":true,
                         "stream_options":{"include_usage":true},"n":1,"frequency_penalty":0.5,"presence_penalty":0,
                         "seed":3,"logprobs":false,"user":"u-42"})")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"x"}]}],
                         "max_tokens":200,"temperature":1,"top_p":0.9,"stop_sequences":["END"],"stream":true,
                         "metadata":{"user_id":"u-42"}})");

    // Anthropic has no response_format: the system prompt asks for JSON (and the schema).
    QTest::newRow("response_format json_object")
        << QByteArray(R"({"model":"m","messages":[{"role":"system","content":"Extract the fields."},{"role":"user","content":"x"}],
                         "response_format":{"type":"json_object"}})")
        << QByteArray(R"({"model":"m","system":"Extract the fields.\n\nRespond with a single JSON object and nothing else: no prose, no code fences.",
                         "messages":[{"role":"user","content":[{"type":"text","text":"x"}]}],"max_tokens":4096})");
    QTest::newRow("response_format json_schema")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"x"}],
                         "response_format":{"type":"json_schema","json_schema":{"name":"p","schema":{"type":"object","properties":{"a":{"type":"integer"}}}}}})")
        << QByteArray(R"({"model":"m","system":"Respond with a single JSON object and nothing else: no prose, no code fences. It must match this JSON schema: {\"properties\":{\"a\":{\"type\":\"integer\"}},\"type\":\"object\"}",
                         "messages":[{"role":"user","content":[{"type":"text","text":"x"}]}],"max_tokens":4096})");
    QTest::newRow("thinking budget raises the default max_tokens")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"x"}],"thinking":{"type":"enabled","budget_tokens":10000}})")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"x"}]}],"max_tokens":14096,
                         "thinking":{"type":"enabled","budget_tokens":10000}})");

    QTest::newRow("stop array, max_tokens, top_k and thinking pass")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"x"}],"max_tokens":50,"stop":["a","b"],
                         "top_k":5,"thinking":{"type":"enabled","budget_tokens":1024},"temperature":0.2})")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"x"}]}],
                         "max_tokens":50,"stop_sequences":["a","b"],"top_k":5,
                         "thinking":{"type":"enabled","budget_tokens":1024},"temperature":0.2})");

    QTest::newRow("tools, required choice, no parallel calls")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"weather?"}],
                         "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather now",
                                   "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}},
                                  {"type":"function","function":{"name":"noop"},"cache_control":{"type":"ephemeral"}}],
                         "tool_choice":"required","parallel_tool_calls":false})")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"weather?"}]}],"max_tokens":4096,
                         "tools":[{"name":"get_weather","description":"Weather now",
                                   "input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}},
                                  {"name":"noop","input_schema":{"type":"object","properties":{}},"cache_control":{"type":"ephemeral"}}],
                         "tool_choice":{"type":"any","disable_parallel_tool_use":true}})");

    QTest::newRow("named tool choice; auto and none")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"x"}],
                         "tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}],
                         "tool_choice":{"type":"function","function":{"name":"f"}}})")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"x"}]}],"max_tokens":4096,
                         "tools":[{"name":"f","input_schema":{"type":"object"}}],"tool_choice":{"type":"tool","name":"f"}})");
    QTest::newRow("tool_choice none")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"x"}],
                         "tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":"none","parallel_tool_calls":false})")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"x"}]}],"max_tokens":4096,
                         "tools":[{"name":"f","input_schema":{"type":"object","properties":{}}}],"tool_choice":{"type":"none"}})");

    QTest::newRow("tool calls and results, turns merged")
        << QByteArray(R"({"model":"m","messages":[
                           {"role":"user","content":"Weather in Paris and Rome?"},
                           {"role":"assistant","content":null,"tool_calls":[
                             {"id":"toolu_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}},
                             {"id":"toolu_2","type":"function","function":{"name":"get_weather","arguments":""}}]},
                           {"role":"tool","tool_call_id":"toolu_1","content":"18C"},
                           {"role":"tool","tool_call_id":"toolu_2","content":[{"type":"text","text":"21C"}]},
                           {"role":"user","content":"Thanks"},
                           {"role":"assistant","content":"You're welcome."},
                           {"role":"assistant","content":""}]})")
        << QByteArray(R"({"model":"m","max_tokens":4096,"messages":[
                           {"role":"user","content":[{"type":"text","text":"Weather in Paris and Rome?"}]},
                           {"role":"assistant","content":[
                             {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}},
                             {"type":"tool_use","id":"toolu_2","name":"get_weather","input":{}}]},
                           {"role":"user","content":[
                             {"type":"tool_result","tool_use_id":"toolu_1","content":"18C"},
                             {"type":"tool_result","tool_use_id":"toolu_2","content":[{"type":"text","text":"21C"}]},
                             {"type":"text","text":"Thanks"}]},
                           {"role":"assistant","content":[{"type":"text","text":"You're welcome."}]}]})");

    QTest::newRow("images: data URL and https URL")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":[
                           {"type":"text","text":"What is this?"},
                           {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}},
                           {"type":"image_url","image_url":{"url":"https://example.com/cat.jpg","detail":"low"}}]}]})")
        << QByteArray(R"({"model":"m","max_tokens":4096,"messages":[{"role":"user","content":[
                           {"type":"text","text":"What is this?"},
                           {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0KGgo="}},
                           {"type":"image","source":{"type":"url","url":"https://example.com/cat.jpg"}}]}]})");
}

void TestAnthropicTranslator::request()
{
    QFETCH(QByteArray, chat);
    QFETCH(QByteArray, messages);
    QString error;
    COMPARE_JSON(AnthropicTranslator::toMessagesRequest(object(chat), &error), object(messages));
    QCOMPARE(error, QString());
}

void TestAnthropicTranslator::requestErrors_data()
{
    QTest::addColumn<QByteArray>("chat");
    QTest::addColumn<QString>("error");
    QTest::newRow("no messages") << QByteArray(R"({"model":"m"})") << u"messages: must be an array"_s;
    QTest::newRow("bad tool arguments")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":"x"},{"role":"assistant","tool_calls":[
                         {"id":"a","type":"function","function":{"name":"f","arguments":"{not json"}}]}]})")
        << u"messages[1].tool_calls[0].function.arguments: not a JSON object"_s;
    QTest::newRow("unknown role") << QByteArray(R"({"model":"m","messages":[{"role":"critic","content":"x"}]})")
                                  << u"messages[0].role: 'critic' is not supported"_s;
    QTest::newRow("audio part")
        << QByteArray(R"({"model":"m","messages":[{"role":"user","content":[{"type":"input_audio","input_audio":{}}]}]})")
        << u"messages[0].content[0].type: 'input_audio' is not supported by the Anthropic Messages API"_s;
    QTest::newRow("image in a system message")
        << QByteArray(R"({"model":"m","messages":[{"role":"system","content":[{"type":"image_url","image_url":{"url":"x"}}]}]})")
        << u"messages[0].content[0].type: 'image_url' is not supported by the Anthropic Messages API"_s;
    QTest::newRow("content of the wrong type") << QByteArray(R"({"model":"m","messages":[{"role":"user","content":5}]})")
                                               << u"messages[0].content: must be a string or an array of content parts"_s;
    QTest::newRow("non-function tool")
        << QByteArray(R"({"model":"m","messages":[],"tools":[{"type":"web_search"}]})")
        << u"tools[0].type: only function tools are supported by Anthropic"_s;
}

void TestAnthropicTranslator::requestErrors()
{
    QFETCH(QByteArray, chat);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(AnthropicTranslator::toMessagesRequest(object(chat), &actual).isEmpty());
    QCOMPARE(actual, error);
}

void TestAnthropicTranslator::response_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("completion");

    QTest::newRow("text, cache usage")
        << QByteArray(R"({"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-6",
                         "content":[{"type":"text","text":"Hello"},{"type":"text","text":" world"}],
                         "stop_reason":"end_turn","stop_sequence":null,
                         "usage":{"input_tokens":12,"cache_creation_input_tokens":100,"cache_read_input_tokens":2000,"output_tokens":7}})")
        << QByteArray(R"({"id":"msg_01","object":"chat.completion","created":1700000000,"model":"claude-sonnet-4-6",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"Hello world"},"logprobs":null,"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":2112,"completion_tokens":7,"total_tokens":2119,
                                  "prompt_tokens_details":{"cached_tokens":2000},
                                  "cache_creation_input_tokens":100,"cache_read_input_tokens":2000}})");

    QTest::newRow("tool use")
        << QByteArray(R"({"id":"msg_02","type":"message","role":"assistant","model":"claude-haiku-4-5",
                         "content":[{"type":"tool_use","id":"toolu_9","name":"get_weather","input":{"city":"Paris"}}],
                         "stop_reason":"tool_use","usage":{"input_tokens":30,"output_tokens":20}})")
        << QByteArray(R"({"id":"msg_02","object":"chat.completion","created":1700000000,"model":"claude-haiku-4-5",
                         "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
                            {"id":"toolu_9","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]},
                           "logprobs":null,"finish_reason":"tool_calls"}],
                         "usage":{"prompt_tokens":30,"completion_tokens":20,"total_tokens":50,"prompt_tokens_details":{"cached_tokens":0},
                                  "cache_creation_input_tokens":0,"cache_read_input_tokens":0}})");

    QTest::newRow("text with tool use, thinking, cut at max_tokens")
        << QByteArray(R"({"id":"msg_03","type":"message","role":"assistant","model":"m",
                         "content":[{"type":"thinking","thinking":"Hmm.","signature":"sig"},{"type":"text","text":"Let me check."},
                                    {"type":"tool_use","id":"t1","name":"f","input":{}}],
                         "stop_reason":"max_tokens"})")
        << QByteArray(R"({"id":"msg_03","object":"chat.completion","created":1700000000,"model":"m",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"Let me check.","reasoning_content":"Hmm.",
                            "tool_calls":[{"id":"t1","type":"function","function":{"name":"f","arguments":"{}"}}]},
                           "logprobs":null,"finish_reason":"length"}]})");
}

void TestAnthropicTranslator::response()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, completion);
    COMPARE_JSON(AnthropicTranslator::toChatCompletion(object(message), 1700000000), object(completion));
}

void TestAnthropicTranslator::finishReasons_data()
{
    QTest::addColumn<QJsonValue>("stopReason");
    QTest::addColumn<QJsonValue>("finishReason");
    QTest::newRow("end_turn") << QJsonValue(u"end_turn"_s) << QJsonValue(u"stop"_s);
    QTest::newRow("stop_sequence") << QJsonValue(u"stop_sequence"_s) << QJsonValue(u"stop"_s);
    QTest::newRow("pause_turn") << QJsonValue(u"pause_turn"_s) << QJsonValue(u"stop"_s);
    QTest::newRow("max_tokens") << QJsonValue(u"max_tokens"_s) << QJsonValue(u"length"_s);
    QTest::newRow("context window") << QJsonValue(u"model_context_window_exceeded"_s) << QJsonValue(u"length"_s);
    QTest::newRow("tool_use") << QJsonValue(u"tool_use"_s) << QJsonValue(u"tool_calls"_s);
    QTest::newRow("refusal") << QJsonValue(u"refusal"_s) << QJsonValue(u"content_filter"_s);
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QJsonValue(QJsonValue::Null);
}

void TestAnthropicTranslator::finishReasons()
{
    QFETCH(QJsonValue, stopReason);
    QFETCH(QJsonValue, finishReason);
    QCOMPARE(AnthropicTranslator::finishReason(stopReason), finishReason);
}

void TestAnthropicTranslator::stream_data()
{
    QTest::addColumn<QByteArrayList>("events");   // "type|json"
    QTest::addColumn<QByteArrayList>("chunks");   // expected chunk JSON, compact, in order
    QTest::addColumn<QByteArray>("usage");        // Anthropic usage at the end
    QTest::addColumn<QString>("finishReason");

    const QByteArray head = R"("id":"msg_1","object":"chat.completion.chunk","created":1700000000,"model":"claude-sonnet-4-6")";
    auto chunk = [&](const QByteArray &delta, const QByteArray &finish = "null") -> QByteArray {
        return "{" + head + R"(,"choices":[{"index":0,"delta":)" + delta + R"(,"logprobs":null,"finish_reason":)" + finish + "}]}";
    };

    QTest::newRow("text with cache usage")
        << QByteArrayList{
               R"(message_start|{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],
                  "model":"claude-sonnet-4-6","stop_reason":null,"stop_sequence":null,
                  "usage":{"input_tokens":25,"cache_creation_input_tokens":1000,"cache_read_input_tokens":500,"output_tokens":1}}})",
               R"(content_block_start|{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})",
               R"(ping|{"type":"ping"})",
               R"(content_block_delta|{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}})",
               R"(content_block_delta|{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"!"}})",
               R"(content_block_stop|{"type":"content_block_stop","index":0})",
               R"(message_delta|{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":15}})",
               R"(message_stop|{"type":"message_stop"})"}
        << QByteArrayList{chunk(R"({"role":"assistant","content":""})"), chunk(R"({"content":"Hello"})"),
                          chunk(R"({"content":"!"})"), chunk("{}", R"("stop")"),
                          "{" + head + R"(,"choices":[],"usage":{"prompt_tokens":1525,"completion_tokens":15,"total_tokens":1540,)"
                              R"("prompt_tokens_details":{"cached_tokens":500},"cache_creation_input_tokens":1000,"cache_read_input_tokens":500}})"}
        << QByteArray(R"({"input_tokens":25,"cache_creation_input_tokens":1000,"cache_read_input_tokens":500,"output_tokens":15})")
        << u"stop"_s;

    QTest::newRow("text then two tool calls")
        << QByteArrayList{
               R"(|{"type":"message_start","message":{"id":"msg_1","model":"claude-sonnet-4-6","usage":{"input_tokens":40,"output_tokens":1}}})",
               R"(|{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})",
               R"(|{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Checking."}})",
               R"(|{"type":"content_block_stop","index":0})",
               R"(|{"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_a","name":"get_weather","input":{}}})",
               R"(|{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":""}})",
               R"(|{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"city\": "}})",
               R"(|{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"\"Paris\"}"}})",
               R"(|{"type":"content_block_stop","index":1})",
               R"(|{"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_b","name":"get_time","input":{}}})",
               R"(|{"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{}"}})",
               R"(|{"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":60}})",
               R"(|{"type":"message_stop"})"}
        << QByteArrayList{chunk(R"({"role":"assistant","content":""})"), chunk(R"({"content":"Checking."})"),
                          chunk(R"({"tool_calls":[{"index":0,"id":"toolu_a","type":"function","function":{"name":"get_weather","arguments":""}}]})"),
                          chunk(R"({"tool_calls":[{"index":0,"function":{"arguments":"{\"city\": "}}]})"),
                          chunk(R"({"tool_calls":[{"index":0,"function":{"arguments":"\"Paris\"}"}}]})"),
                          chunk(R"({"tool_calls":[{"index":1,"id":"toolu_b","type":"function","function":{"name":"get_time","arguments":""}}]})"),
                          chunk(R"({"tool_calls":[{"index":1,"function":{"arguments":"{}"}}]})"),
                          chunk("{}", R"("tool_calls")"),
                          "{" + head + R"(,"choices":[],"usage":{"prompt_tokens":40,"completion_tokens":60,"total_tokens":100,)"
                              R"("prompt_tokens_details":{"cached_tokens":0},"cache_creation_input_tokens":0,"cache_read_input_tokens":0}})"}
        << QByteArray(R"({"input_tokens":40,"output_tokens":60})") << u"tool_calls"_s;

    QTest::newRow("thinking, then max_tokens; unknown events ignored")
        << QByteArrayList{
               R"(|{"type":"message_start","message":{"id":"msg_1","model":"claude-sonnet-4-6","usage":{"input_tokens":5,"output_tokens":0}}})",
               R"(|{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}})",
               R"(|{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Let me"}})",
               R"(|{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"xyz"}})",
               R"(|{"type":"brand_new_event","foo":1})",
               R"(|{"type":"message_delta","delta":{"stop_reason":"max_tokens"},"usage":{"input_tokens":5,"output_tokens":9}})",
               R"(|{"type":"message_stop"})"}
        << QByteArrayList{chunk(R"({"role":"assistant","content":""})"), chunk(R"({"reasoning_content":"Let me"})"),
                          chunk("{}", R"("length")"),
                          "{" + head + R"(,"choices":[],"usage":{"prompt_tokens":5,"completion_tokens":9,"total_tokens":14,)"
                              R"("prompt_tokens_details":{"cached_tokens":0},"cache_creation_input_tokens":0,"cache_read_input_tokens":0}})"}
        << QByteArray(R"({"input_tokens":5,"output_tokens":9})") << u"length"_s;

    // What Anthropic sends for a tool without parameters: no argument text, or only "".
    // OpenAI streams "{}" for it, and clients parse the arguments as JSON.
    QTest::newRow("tool without arguments")
        << QByteArrayList{
               R"(|{"type":"message_start","message":{"id":"msg_1","model":"claude-sonnet-4-6","usage":{"input_tokens":7,"output_tokens":1}}})",
               R"(|{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_c","name":"now","input":{}}})",
               R"(|{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":""}})",
               R"(|{"type":"content_block_stop","index":0})",
               R"(|{"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_d","name":"ping","input":{}}})",
               R"(|{"type":"content_block_stop","index":1})",
               R"(|{"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":20}})",
               R"(|{"type":"message_stop"})"}
        << QByteArrayList{chunk(R"({"role":"assistant","content":""})"),
                          chunk(R"({"tool_calls":[{"index":0,"id":"toolu_c","type":"function","function":{"name":"now","arguments":""}}]})"),
                          chunk(R"({"tool_calls":[{"index":0,"function":{"arguments":"{}"}}]})"),
                          chunk(R"({"tool_calls":[{"index":1,"id":"toolu_d","type":"function","function":{"name":"ping","arguments":""}}]})"),
                          chunk(R"({"tool_calls":[{"index":1,"function":{"arguments":"{}"}}]})"),
                          chunk("{}", R"("tool_calls")"),
                          "{" + head + R"(,"choices":[],"usage":{"prompt_tokens":7,"completion_tokens":20,"total_tokens":27,)"
                              R"("prompt_tokens_details":{"cached_tokens":0},"cache_creation_input_tokens":0,"cache_read_input_tokens":0}})"}
        << QByteArray(R"({"input_tokens":7,"output_tokens":20})") << u"tool_calls"_s;
}

void TestAnthropicTranslator::stream()
{
    QFETCH(QByteArrayList, events);
    QFETCH(QByteArrayList, chunks);
    QFETCH(QByteArray, usage);
    QFETCH(QString, finishReason);

    AnthropicTranslator translator(1700000000, u"requested-model"_s);
    QList<QJsonObject> actual;
    for (const QByteArray &event : std::as_const(events)) {
        const qsizetype bar = event.indexOf('|');
        QVERIFY(!translator.isComplete());
        actual += translator.translateEvent(event.left(bar), object(event.mid(bar + 1)));
    }
    QVERIFY(translator.isComplete());
    QVERIFY(!translator.hasError());
    QCOMPARE(actual.size(), chunks.size());
    for (qsizetype i = 0; i < chunks.size(); ++i)
        COMPARE_JSON(actual.at(i), object(chunks.at(i)));
    COMPARE_JSON(translator.usage(), object(usage));
    QCOMPARE(translator.finishReason().toString(), finishReason);
    QCOMPARE(translator.model(), u"claude-sonnet-4-6"_s);
}

void TestAnthropicTranslator::streamError()
{
    AnthropicTranslator translator(1, u"m"_s);
    translator.translateEvent("message_start", object(R"({"type":"message_start","message":{"id":"x","usage":{"input_tokens":1}}})"));
    const QList<QJsonObject> chunks = translator.translateEvent(
        "error", object(R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})"));
    QVERIFY(chunks.isEmpty());
    QVERIFY(translator.hasError());
    QCOMPARE(translator.error().value(u"type"_s).toString(), u"overloaded_error"_s);
    QVERIFY(!translator.isComplete());
    QCOMPARE(translator.model(), u"m"_s); // message_start named none
}

void TestAnthropicTranslator::errorStatuses()
{
    QCOMPARE(AnthropicTranslator::httpStatusForErrorType(u"overloaded_error"_s), 529);
    QCOMPARE(AnthropicTranslator::httpStatusForErrorType(u"rate_limit_error"_s), 429);
    QCOMPARE(AnthropicTranslator::httpStatusForErrorType(u"api_error"_s), 500);
    QCOMPARE(AnthropicTranslator::httpStatusForErrorType(u"invalid_request_error"_s), 400);
    QCOMPARE(AnthropicTranslator::httpStatusForErrorType(u"something_new"_s), 502);
}

QTEST_GUILESS_MAIN(TestAnthropicTranslator)
#include "tst_anthropictranslator.moc"
