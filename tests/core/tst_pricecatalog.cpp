// SPDX-License-Identifier: MIT
// Price catalog: clause matching, provider and model lookup, prices in force at an instant,
// tier cliffs, usage extraction, and malformed catalogs.
#include "core/usage/catalogbuilder.h"
#include "core/usage/pricecatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Switchyard;

Q_DECLARE_METATYPE(Switchyard::TokenUsage)

class TestPriceCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void matchRule_data();
    void matchRule();
    void provider_data();
    void provider();
    void findModel_data();
    void findModel();
    void priceIndexAt_data();
    void priceIndexAt();
    void tierCliff_data();
    void tierCliff();
    void extractUsage_data();
    void extractUsage();
    void extractUsageErrors_data();
    void extractUsageErrors();
    void malformedCatalog_data();
    void malformedCatalog();
    void builderSlimsAndRoundTrips();
    void builtInCatalog();
    void copiesKeepWorking();

private:
    std::shared_ptr<const PriceCatalog> m_catalog;
};

static QByteArray readTestFile(const QString &name)
{
    QFile file(QStringLiteral(SY_TEST_DATA_DIR "/pricing/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

static QDateTime utc(const QString &iso)
{
    QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    Q_ASSERT(t.isValid());
    return t;
}

void TestPriceCatalog::initTestCase()
{
    Errors errors;
    m_catalog = PriceCatalog::load(readTestFile(u"test-catalog.json"_s), &errors);
    QVERIFY2(m_catalog, qPrintable(errors.value(0).toString()));
    QVERIFY(errors.isEmpty());
}

void TestPriceCatalog::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
}

void TestPriceCatalog::matchRule_data()
{
    QTest::addColumn<QByteArray>("clause");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("matches");

    QTest::addRow("equals hit") << QByteArray(R"({"equals":"gpt-4o"})") << u"gpt-4o"_s << true;
    QTest::addRow("equals is exact") << QByteArray(R"({"equals":"gpt-4o"})") << u"gpt-4o-mini"_s << false;
    QTest::addRow("equals is case-sensitive") << QByteArray(R"({"equals":"gpt-4o"})") << u"GPT-4o"_s << false;
    QTest::addRow("starts_with") << QByteArray(R"({"starts_with":"claude-"})") << u"claude-haiku"_s << true;
    QTest::addRow("starts_with miss") << QByteArray(R"({"starts_with":"claude-"})") << u"my-claude-"_s << false;
    QTest::addRow("ends_with") << QByteArray(R"({"ends_with":"-long"})") << u"model-long"_s << true;
    QTest::addRow("ends_with miss") << QByteArray(R"({"ends_with":"-long"})") << u"long-model"_s << false;
    QTest::addRow("contains") << QByteArray(R"({"contains":"sonnet"})") << u"claude-3-sonnet-x"_s << true;
    QTest::addRow("contains miss") << QByteArray(R"({"contains":"sonnet"})") << u"claude-opus"_s << false;
    QTest::addRow("regex searches, unanchored") << QByteArray(R"({"regex":"o[134]-mini"})") << u"x-o3-mini-y"_s << true;
    QTest::addRow("regex anchored miss") << QByteArray(R"({"regex":"^o[134]"})") << u"xo3"_s << false;
    QTest::addRow("or: second arm") << QByteArray(R"({"or":[{"equals":"a"},{"equals":"b"}]})") << u"b"_s << true;
    QTest::addRow("or: no arm") << QByteArray(R"({"or":[{"equals":"a"},{"equals":"b"}]})") << u"c"_s << false;
    QTest::addRow("and: both") << QByteArray(R"({"and":[{"starts_with":"a"},{"ends_with":"z"}]})") << u"abz"_s << true;
    QTest::addRow("and: one fails") << QByteArray(R"({"and":[{"starts_with":"a"},{"ends_with":"z"}]})") << u"aby"_s << false;
    QTest::addRow("nested or in and")
        << QByteArray(R"({"and":[{"or":[{"contains":"x"},{"contains":"y"}]},{"starts_with":"m"}]})") << u"my"_s << true;
    QTest::addRow("unknown clause never matches") << QByteArray(R"({"fuzzy":"a"})") << u"a"_s << false;
}

void TestPriceCatalog::matchRule()
{
    QFETCH(QByteArray, clause);
    QFETCH(QString, text);
    QFETCH(bool, matches);
    const MatchRule rule = MatchRule::fromJson(QJsonDocument::fromJson(clause).object());
    QCOMPARE(rule.matches(text), matches);
}

void TestPriceCatalog::provider_data()
{
    QTest::addColumn<QString>("asked");
    QTest::addColumn<QString>("expected"); // empty: none

    QTest::addRow("exact id") << u"deepseek"_s << u"deepseek"_s;
    QTest::addRow("exact id before provider_match") << u"azure"_s << u"azure"_s;
    QTest::addRow("id is lowercased and trimmed") << u" OpenAI "_s << u"openai"_s;
    QTest::addRow("provider_match contains") << u"azure-openai"_s << u"openai"_s;
    QTest::addRow("provider_match or arm") << u"vertex-ai"_s << u"google"_s;
    QTest::addRow("unknown") << u"acme"_s << QString();
    QTest::addRow("empty") << QString() << QString();
}

void TestPriceCatalog::provider()
{
    QFETCH(QString, asked);
    QFETCH(QString, expected);
    for (int pass = 0; pass < 2; ++pass) { // the second pass is answered from the cache
        const CatalogProvider *p = m_catalog->provider(asked);
        QCOMPARE(p ? p->id : QString(), expected);
    }
}

void TestPriceCatalog::findModel_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("expected"); // "provider/model id", empty: none

    QTest::addRow("equals") << u"openai"_s << u"gpt-4o"_s << u"openai/gpt-4o"_s;
    QTest::addRow("dated snapshot") << u"openai"_s << u"gpt-4o-2024-08-06"_s << u"openai/gpt-4o"_s;
    QTest::addRow("first model in order wins") << u"openai"_s << u"gpt-4o-mini-2024-07-18"_s << u"openai/gpt-4o-mini"_s;
    QTest::addRow("and with regex") << u"openai"_s << u"o3-2025-04-16"_s << u"openai/o3"_s;
    QTest::addRow("and with regex, miss") << u"openai"_s << u"o3-pro"_s << QString();
    QTest::addRow("lowercased retry") << u"openai"_s << u"GPT-4o"_s << u"openai/gpt-4o"_s;
    QTest::addRow("mixed-case clause as given") << u"openai"_s << u"Vendor-Model"_s << u"openai/Vendor-Model"_s;
    QTest::addRow("provider found by provider_match") << u"my-openai"_s << u"gpt-4o"_s << u"openai/gpt-4o"_s;
    QTest::addRow("own model before fallback") << u"azure"_s << u"phi-4"_s << u"azure/phi-4"_s;
    QTest::addRow("first fallback provider") << u"azure"_s << u"gpt-4o"_s << u"openai/gpt-4o"_s;
    QTest::addRow("second fallback provider") << u"azure"_s << u"claude-haiku-4-5-20251001"_s << u"anthropic/claude-haiku-4-5"_s;
    QTest::addRow("fallback of google") << u"google"_s << u"claude-haiku-4-5"_s << u"anthropic/claude-haiku-4-5"_s;
    QTest::addRow("fallback is one step only") << u"openai"_s << u"claude-haiku-4-5"_s << QString();
    QTest::addRow("unknown model") << u"openai"_s << u"gpt-4x"_s << QString();
    QTest::addRow("unknown provider") << u"acme"_s << u"gpt-4o"_s << QString();
    QTest::addRow("empty model") << u"openai"_s << QString() << QString();
}

void TestPriceCatalog::findModel()
{
    QFETCH(QString, provider);
    QFETCH(QString, model);
    QFETCH(QString, expected);
    for (int pass = 0; pass < 2; ++pass) {
        const auto match = m_catalog->findModel(provider, model);
        QCOMPARE(match ? match->provider->id + u'/' + match->model->id : QString(), expected);
    }
}

void TestPriceCatalog::priceIndexAt_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<int>("index");
    QTest::addColumn<double>("inputPrice");

    // o3: 10 $/MTok, then 2 from 2025-06-10 (UTC date).
    QTest::addRow("before start_date") << u"o3"_s << utc(u"2025-06-09T23:59:59Z"_s) << 0 << 10.0;
    QTest::addRow("on start_date") << u"o3"_s << utc(u"2025-06-10T00:00:00Z"_s) << 1 << 2.0;
    QTest::addRow("after start_date") << u"o3"_s << utc(u"2026-01-01T12:00:00Z"_s) << 1 << 2.0;
    QTest::addRow("offset: still 9 June in UTC") << u"o3"_s << utc(u"2025-06-10T01:00:00+02:00"_s) << 0 << 10.0;
    QTest::addRow("offset: already 10 June in UTC") << u"o3"_s << utc(u"2025-06-09T23:00:00-02:00"_s) << 1 << 2.0;
    QTest::addRow("none active: first") << u"future-only"_s << utc(u"2025-01-01T00:00:00Z"_s) << 0 << 1.0;
    QTest::addRow("last active wins") << u"future-only"_s << utc(u"2092-01-01T00:00:00Z"_s) << 1 << 2.0;
    QTest::addRow("flat price") << u"gpt-4o"_s << utc(u"2025-01-01T00:00:00Z"_s) << 0 << 2.5;
    // DeepSeek: off-peak is the default entry; standard applies daily [00:30, 16:30) UTC.
    QTest::addRow("deepseek before window") << u"deepseek-chat"_s << utc(u"2025-03-01T00:29:59Z"_s) << 0 << 0.135;
    QTest::addRow("deepseek window start") << u"deepseek-chat"_s << utc(u"2025-03-01T00:30:00Z"_s) << 1 << 0.27;
    QTest::addRow("deepseek inside window") << u"deepseek-chat"_s << utc(u"2025-03-01T16:29:59Z"_s) << 1 << 0.27;
    QTest::addRow("deepseek window end is open") << u"deepseek-chat"_s << utc(u"2025-03-01T16:30:00Z"_s) << 0 << 0.135;
    QTest::addRow("deepseek window in UTC, not local")
        << u"deepseek-chat"_s << utc(u"2025-03-01T18:00:00+08:00"_s) << 1 << 0.27;
    QTest::addRow("window past midnight, late") << u"night-owl"_s << utc(u"2025-03-01T23:00:00Z"_s) << 1 << 0.5;
    QTest::addRow("window past midnight, early") << u"night-owl"_s << utc(u"2025-03-01T01:59:59Z"_s) << 1 << 0.5;
    QTest::addRow("window past midnight, outside") << u"night-owl"_s << utc(u"2025-03-01T02:00:00Z"_s) << 0 << 1.0;
}

void TestPriceCatalog::priceIndexAt()
{
    QFETCH(QString, model);
    QFETCH(QDateTime, at);
    QFETCH(int, index);
    QFETCH(double, inputPrice);
    const QString provider = model.startsWith(u"deepseek") || model == u"night-owl" ? u"deepseek"_s : u"openai"_s;
    const auto match = m_catalog->findModel(provider, model);
    QVERIFY(match);
    QCOMPARE(match->model->priceIndexAt(at), index);
    const UnitPrice *input = match->model->prices.at(index).prices.unit(u"input_mtok");
    QVERIFY(input);
    QCOMPARE(input->rateFor(0), inputPrice);
}

void TestPriceCatalog::tierCliff_data()
{
    QTest::addColumn<qint64>("totalInput");
    QTest::addColumn<int>("tier");
    QTest::addColumn<double>("rate");

    // long-context: base 1, > 200000 -> 2, > 1000000 -> 4. A tier applies once the prompt
    // crosses its start, so exactly 200000 tokens still pay the base rate.
    QTest::addRow("empty prompt") << qint64(0) << -1 << 1.0;
    QTest::addRow("below") << qint64(199'999) << -1 << 1.0;
    QTest::addRow("at the start") << qint64(200'000) << -1 << 1.0;
    QTest::addRow("just above") << qint64(200'001) << 0 << 2.0;
    QTest::addRow("second tier start") << qint64(1'000'000) << 0 << 2.0;
    QTest::addRow("above second tier") << qint64(1'000'001) << 1 << 4.0;
}

void TestPriceCatalog::tierCliff()
{
    QFETCH(qint64, totalInput);
    QFETCH(int, tier);
    QFETCH(double, rate);
    const auto match = m_catalog->findModel(u"openai"_s, u"ctx-long"_s);
    QVERIFY(match);
    QVERIFY(match->model->deprecated);
    const UnitPrice *input = match->model->prices.first().prices.unit(u"input_mtok");
    QVERIFY(input);
    QCOMPARE(input->tierIndexFor(totalInput), tier);
    QCOMPARE(input->rateFor(totalInput), rate);
    // A flat price has no tiers whatever the prompt.
    QCOMPARE(match->model->prices.first().prices.unit(u"output_mtok")->rateFor(totalInput), 3.0);
}

void TestPriceCatalog::extractUsage_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("flavor");
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<TokenUsage>("expected");

    TokenUsage chat;
    chat.inputTokens = 1200;
    chat.cacheReadTokens = 1000;
    chat.outputTokens = 300;
    chat.reasoningTokens = 120;
    const QByteArray chatUsage = R"({"prompt_tokens":1200,"completion_tokens":300,
        "prompt_tokens_details":{"cached_tokens":1000,"audio_tokens":null},
        "completion_tokens_details":{"reasoning_tokens":120}})";
    QTest::addRow("chat: whole response") << u"openai"_s << u"chat"_s
        << QByteArray(R"({"id":"c1","model":"gpt-4o","usage":)" + chatUsage + "}") << chat;
    QTest::addRow("chat: usage object only") << u"openai"_s << u"chat"_s << chatUsage << chat;

    TokenUsage plain;
    plain.inputTokens = 10;
    plain.outputTokens = 5;
    QTest::addRow("chat: optional paths absent") << u"openai"_s << u"chat"_s
        << QByteArray(R"({"prompt_tokens":10,"completion_tokens":5})") << plain;
    QTest::addRow("chat: provider without extractor uses openai's") << u"deepseek"_s << u"chat"_s
        << QByteArray(R"({"usage":{"prompt_tokens":10,"completion_tokens":5}})") << plain;

    // Anthropic reports input_tokens without the cache: the extractor sums the three.
    TokenUsage anthropic;
    anthropic.inputTokens = 100 + 2000 + 3000;
    anthropic.cacheWriteTokens = 2000;
    anthropic.cacheWrite1hTokens = 500;
    anthropic.cacheReadTokens = 3000;
    anthropic.outputTokens = 400;
    const QByteArray anthropicUsage = R"({"input_tokens":100,"cache_creation_input_tokens":2000,
        "cache_read_input_tokens":3000,"output_tokens":400,
        "cache_creation":{"ephemeral_5m_input_tokens":1500,"ephemeral_1h_input_tokens":500},
        "server_tool_use":{"web_search_requests":2}})";
    QTest::addRow("anthropic: default extractor of anthropic") << u"anthropic"_s << u"anthropic"_s
        << QByteArray(R"({"type":"message","usage":)" + anthropicUsage + "}") << anthropic;
    QTest::addRow("anthropic: usage object only") << u"anthropic"_s << u"anthropic"_s << anthropicUsage << anthropic;
    QTest::addRow("anthropic: other provider without one uses anthropic's") << u"azure"_s << u"anthropic"_s
        << anthropicUsage << anthropic;

    // google's test extractor: sums into one dest, array-match on `modality`.
    TokenUsage gemini;
    gemini.inputTokens = 900 + 100;
    gemini.inputAudioTokens = 250;
    gemini.outputTokens = 50 + 70;
    gemini.reasoningTokens = 70;
    QTest::addRow("path arrays and array-match") << u"google"_s << u"chat"_s
        << QByteArray(R"({"modelVersion":"gemini-2.5-pro","usageMetadata":{"promptTokenCount":900,
            "toolUsePromptTokenCount":100,"candidatesTokenCount":50,"thoughtsTokenCount":70,
            "promptTokensDetails":[{"modality":"TEXT","tokenCount":650},{"modality":"AUDIO","tokenCount":250}]}})")
        << gemini;
    TokenUsage noAudio = gemini;
    noAudio.inputAudioTokens = 0;
    QTest::addRow("exact past double precision") << u"openai"_s << u"chat"_s
        << QByteArray(R"({"prompt_tokens":123456789012345678,"completion_tokens":-0})")
        << TokenUsage{123456789012345678, 0, 0, 0, 0, 0, 0, 0};
    QTest::addRow("number spellings, escapes, repeated keys") << u"openai"_s << u"chat"_s
        << QByteArray(R"( {"usage": {"prompt_tokens": 1e3, "completion_tokens": 7, "completion_tokens": 5.0,
            "prompt_tokens_d\u0065tails": {"cached_tokens": 0}}} )")
        << TokenUsage{1000, 0, 0, 0, 5, 0, 0, 0};
    QTest::addRow("array-match without a match is absent") << u"google"_s << u"chat"_s
        << QByteArray(R"({"promptTokenCount":900,"toolUsePromptTokenCount":100,"candidatesTokenCount":50,
            "thoughtsTokenCount":70,"promptTokensDetails":[{"modality":"TEXT","tokenCount":900}]})")
        << noAudio;
}

void TestPriceCatalog::extractUsage()
{
    QFETCH(QString, provider);
    QFETCH(QString, flavor);
    QFETCH(QByteArray, response);
    QFETCH(TokenUsage, expected);
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(response, &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    Error error;
    const auto usage = m_catalog->extractUsage(provider, flavor, object, &error);
    QVERIFY2(usage, qPrintable(error.toString()));
    QCOMPARE(usage->inputTokens, expected.inputTokens);
    QCOMPARE(usage->cacheReadTokens, expected.cacheReadTokens);
    QCOMPARE(usage->cacheWriteTokens, expected.cacheWriteTokens);
    QCOMPARE(usage->cacheWrite1hTokens, expected.cacheWrite1hTokens);
    QCOMPARE(usage->outputTokens, expected.outputTokens);
    QCOMPARE(usage->reasoningTokens, expected.reasoningTokens);
    QCOMPARE(usage->inputAudioTokens, expected.inputAudioTokens);
    QVERIFY(*usage == expected);
    // The gateway reads the answer's text as written; the object overload reads Qt's serialisation.
    const auto fromText = m_catalog->extractUsage(provider, flavor, QByteArrayView(response), &error);
    QVERIFY2(fromText, qPrintable(error.toString()));
    QVERIFY(*fromText == expected);
}

void TestPriceCatalog::extractUsageErrors_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("flavor");
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QString>("errorPath");
    QTest::addColumn<QString>("message");

    QTest::addRow("required field missing") << u"openai"_s << u"chat"_s
        << QByteArray(R"({"usage":{"prompt_tokens":10}})") << u"completion_tokens"_s << u"required usage field missing"_s;
    QTest::addRow("required field null") << u"openai"_s << u"chat"_s
        << QByteArray(R"({"prompt_tokens":null,"completion_tokens":1})") << u"prompt_tokens"_s << u"required"_s;
    QTest::addRow("not a number") << u"openai"_s << u"chat"_s
        << QByteArray(R"({"prompt_tokens":"10","completion_tokens":1})") << u"prompt_tokens"_s << u"integer"_s;
    QTest::addRow("nested path not a number") << u"openai"_s << u"chat"_s
        << QByteArray(R"({"prompt_tokens":10,"completion_tokens":1,"prompt_tokens_details":{"cached_tokens":-3}})")
        << u"prompt_tokens_details.cached_tokens"_s << u"integer"_s;
    QTest::addRow("negative count (minus zero is zero)") << u"openai"_s << u"chat"_s
        << QByteArray(R"({"prompt_tokens":-0,"completion_tokens":-1})") << u"completion_tokens"_s << u"integer"_s;
    QTest::addRow("past qint64") << u"openai"_s << u"chat"_s
        << QByteArray(R"({"prompt_tokens":1e19,"completion_tokens":1})") << u"prompt_tokens"_s << u"integer"_s;
    QTest::addRow("fractional count") << u"anthropic"_s << u"anthropic"_s
        << QByteArray(R"({"input_tokens":1.5,"output_tokens":1})") << u"input_tokens"_s << u"integer"_s;
    QTest::addRow("anthropic body for chat") << u"openai"_s << u"chat"_s
        << QByteArray(R"({"usage":{"input_tokens":10,"output_tokens":2}})") << u"prompt_tokens"_s << u"missing"_s;
    QTest::addRow("unknown flavor") << u"openai"_s << u"responses-v9"_s
        << QByteArray(R"({})") << QString() << u"no usage extractor for API flavor 'responses-v9'"_s;
}

void TestPriceCatalog::extractUsageErrors()
{
    QFETCH(QString, provider);
    QFETCH(QString, flavor);
    QFETCH(QByteArray, response);
    QFETCH(QString, errorPath);
    QFETCH(QString, message);
    Error error;
    const auto usage = m_catalog->extractUsage(provider, flavor, QJsonDocument::fromJson(response).object(), &error);
    QVERIFY(!usage);
    QCOMPARE(error.path, errorPath);
    QVERIFY2(error.message.contains(message), qPrintable(error.toString()));
    Error textError;
    QVERIFY(!m_catalog->extractUsage(provider, flavor, QByteArrayView(response), &textError));
    QCOMPARE(textError.path, error.path);
    QCOMPARE(textError.message, error.message);
}

void TestPriceCatalog::malformedCatalog_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("errorPath");
    QTest::addColumn<QString>("message");

    const auto provider = [](const char *models, const char *extra = "") -> QByteArray {
        return QByteArray(R"([{"id":"p","name":"P","api_pattern":"x",)") + extra + R"("models":)" + models + "}]";
    };
    QTest::addRow("not JSON") << QByteArray("[{") << QString() << u"malformed JSON"_s;
    QTest::addRow("top-level scalar") << QByteArray(R"("prices")") << QString() << u"malformed JSON"_s;
    QTest::addRow("object of another format") << QByteArray(R"({"format":"other"})") << u"format"_s << u"not a price catalog"_s;
    QTest::addRow("future version")
        << QByteArray(R"({"format":"switchyard-price-catalog","version":9,"providers":[]})") << u"version"_s << u"unsupported"_s;
    QTest::addRow("providers not an array")
        << QByteArray(R"({"format":"switchyard-price-catalog","version":1,"providers":{}})") << u"providers"_s << u"array"_s;
    QTest::addRow("provider not an object") << QByteArray(R"([42])") << u"[0]"_s << u"provider must be an object"_s;
    QTest::addRow("provider without id") << QByteArray(R"([{"name":"P","models":[]}])") << u"[0].id"_s << u"provider without id"_s;
    QTest::addRow("slim: provider without id")
        << QByteArray(R"({"format":"switchyard-price-catalog","version":1,"providers":[{"models":[]}]})")
        << u"providers[0].id"_s << u"provider without id"_s;
    QTest::addRow("duplicate provider id") << QByteArray(R"([{"id":"p","models":[]},{"id":"p","models":[]}])")
        << u"[1].id"_s << u"duplicate"_s;
    QTest::addRow("models missing") << QByteArray(R"([{"id":"p"}])") << u"[0].models"_s << u"models array"_s;
    QTest::addRow("model without id") << provider(R"([{"match":{"equals":"m"},"prices":{}}])")
        << u"[0].models[0].id"_s << u"model without id"_s;
    QTest::addRow("model without match") << provider(R"([{"id":"m","prices":{}}])") << u"[0].models[0]"_s << u"match"_s;
    QTest::addRow("bad price value") << provider(R"([{"id":"m","match":{"equals":"m"},"prices":{"input_mtok":"2.5"}}])")
        << u"[0].models[0].prices.input_mtok"_s << u"bad price value"_s;
    QTest::addRow("negative price") << provider(R"([{"id":"m","match":{"equals":"m"},"prices":{"output_mtok":-1}}])")
        << u"[0].models[0].prices.output_mtok"_s << u"non-negative"_s;
    QTest::addRow("tiers out of order")
        << provider(R"([{"id":"m","match":{"equals":"m"},"prices":{"input_mtok":{"base":1,"tiers":[{"start":9,"price":2},{"start":5,"price":3}]}}}])")
        << u"[0].models[0].prices.input_mtok.tiers[1].start"_s << u"ascending"_s;
    QTest::addRow("tier without price")
        << provider(R"([{"id":"m","match":{"equals":"m"},"prices":{"input_mtok":{"base":1,"tiers":[{"start":9}]}}}])")
        << u"[0].models[0].prices.input_mtok.tiers[0].price"_s << u"bad price value"_s;
    QTest::addRow("bad start_date")
        << provider(R"([{"id":"m","match":{"equals":"m"},"prices":[{"prices":{}},{"constraint":{"start_date":"June 10"},"prices":{}}]}])")
        << u"[0].models[0].prices[1].constraint.start_date"_s << u"date"_s;
    QTest::addRow("bad time window")
        << provider(R"([{"id":"m","match":{"equals":"m"},"prices":[{"constraint":{"start_time":"25:00:00Z","end_time":"01:00:00Z"},"prices":{}}]}])")
        << u"[0].models[0].prices[0].constraint.start_time"_s << u"UTC time"_s;
    QTest::addRow("empty conditional prices") << provider(R"([{"id":"m","match":{"equals":"m"},"prices":[]}])")
        << u"[0].models[0].prices"_s << u"non-empty"_s;
    QTest::addRow("bad regex") << provider(R"([{"id":"m","match":{"regex":"(unclosed"},"prices":{}}])")
        << u"[0].models[0].match.regex"_s << u"invalid regular expression"_s;
    QTest::addRow("unknown clause") << provider(R"([{"id":"m","match":{"like":"m%"},"prices":{}}])")
        << u"[0].models[0].match"_s << u"unknown match clause 'like'"_s;
    QTest::addRow("empty or") << provider(R"([{"id":"m","match":{"or":[]},"prices":{}}])")
        << u"[0].models[0].match.or"_s << u"non-empty"_s;
    QTest::addRow("bad array-match step")
        << provider("[]", R"("extractors":[{"root":"usage","mappings":[{"path":["a",{"type":"array-find"}],"dest":"input_tokens"}]}],)")
        << u"[0].extractors[0].mappings[0].path[1]"_s << u"array-match"_s;
    QTest::addRow("unknown fallback provider") << provider("[]", R"("fallback_model_providers":["nobody"],)")
        << u"[0].fallback_model_providers[0]"_s << u"unknown provider 'nobody'"_s;
}

void TestPriceCatalog::malformedCatalog()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, errorPath);
    QFETCH(QString, message);
    Errors errors;
    QVERIFY(!PriceCatalog::load(json, &errors));
    QVERIFY(!errors.isEmpty());
    const bool found = std::any_of(errors.begin(), errors.end(), [&](const Error &e) {
        return e.path == errorPath && e.message.contains(message);
    });
    QStringList all;
    for (const Error &e : std::as_const(errors))
        all.append(e.toString());
    QVERIFY2(found, qPrintable(all.join(u" | ")));
}

void TestPriceCatalog::builderSlimsAndRoundTrips()
{
    Errors errors;
    const QByteArray slim = CatalogBuilder::build(readTestFile(u"test-catalog.json"_s), u"test feed"_s, &errors);
    QVERIFY2(!slim.isEmpty(), qPrintable(errors.value(0).toString()));
    QVERIFY(!slim.contains('\n')); // compact
    const QJsonObject root = QJsonDocument::fromJson(slim).object();
    QCOMPARE(root.value("format"_L1).toString(), u"switchyard-price-catalog"_s);
    QCOMPARE(root.value("version"_L1).toInt(), 1);
    QCOMPARE(root.value("source"_L1).toString(), u"test feed"_s);
    const QJsonObject openai = root.value("providers"_L1).toArray().at(0).toObject();
    QVERIFY(!openai.contains("pricing_urls"_L1));
    QVERIFY(openai.contains("provider_match"_L1));
    QVERIFY(openai.contains("extractors"_L1));
    const QJsonObject mini = openai.value("models"_L1).toArray().at(0).toObject();
    QVERIFY(!mini.contains("description"_L1));
    QCOMPARE(mini.value("context_window"_L1).toInt(), 128000);

    // The slim form prices exactly as the raw feed does.
    const auto fromSlim = PriceCatalog::load(slim, &errors);
    QVERIFY(fromSlim);
    QCOMPARE(fromSlim->source(), u"test feed"_s);
    QCOMPARE(fromSlim->providers().size(), m_catalog->providers().size());
    const auto match = fromSlim->findModel(u"azure"_s, u"o3"_s);
    QVERIFY(match);
    QCOMPARE(match->model->priceIndexAt(utc(u"2025-07-01T00:00:00Z"_s)), 1);
    QCOMPARE(match->model->prices.at(1).prices.unit(u"output_mtok")->rateFor(0), 8.0);

    QVERIFY(CatalogBuilder::build("{}", QString(), &errors).isEmpty()); // the builder wants raw data
    QVERIFY(errors.last().message.contains(u"array of providers"_s));
}

void TestPriceCatalog::builtInCatalog()
{
    const auto catalog = PriceCatalog::builtIn();
    QVERIFY(catalog);
    QCOMPARE(PriceCatalog::builtIn().get(), catalog.get()); // parsed once
    QVERIFY2(catalog->providers().size() > 30, "the shipped catalog is generated from the full genai-prices feed");
    QVERIFY(catalog->source().contains(u"genai-prices"_s));
    const auto gpt4o = catalog->findModel(u"openai"_s, u"gpt-4o-2024-11-20"_s);
    QVERIFY(gpt4o);
    QCOMPARE(gpt4o->model->id, u"gpt-4o"_s);
    QVERIFY(catalog->usageExtractor(u"anthropic"_s, u"anthropic"_s));
    QVERIFY(catalog->usageExtractor(u"openai"_s, u"chat"_s));
}

void TestPriceCatalog::copiesKeepWorking()
{
    const PriceCatalog copy = *m_catalog;
    const auto match = copy.findModel(u"openai"_s, u"gpt-4o"_s);
    QVERIFY(match);
    // The copy answers with its own data, not with pointers into the original.
    QVERIFY(match->provider >= copy.providers().constData()
            && match->provider < copy.providers().constData() + copy.providers().size());
}

QTEST_GUILESS_MAIN(TestPriceCatalog)
#include "tst_pricecatalog.moc"
