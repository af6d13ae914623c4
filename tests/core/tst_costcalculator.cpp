// SPDX-License-Identifier: MIT
// Cost engine against the real built-in catalog. Every expected amount is worked out by hand
// in nano-USD: tokens x USD/MTok x 1000 (1 MTok at $1 = 1e9 nano-USD).
#include "core/usage/costcalculator.h"
#include "core/usage/pricecatalog.h"

#include <QRegularExpression>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace Switchyard;

Q_DECLARE_METATYPE(Switchyard::TokenUsage)
Q_DECLARE_METATYPE(Switchyard::CostBreakdown)

namespace {

TokenUsage tokens(qint64 input, qint64 output, qint64 cacheRead = 0, qint64 cacheWrite = 0, qint64 cacheWrite1h = 0,
                  qint64 reasoning = 0)
{
    TokenUsage u;
    u.inputTokens = input;
    u.outputTokens = output;
    u.cacheReadTokens = cacheRead;
    u.cacheWriteTokens = cacheWrite;
    u.cacheWrite1hTokens = cacheWrite1h;
    u.reasoningTokens = reasoning;
    return u;
}

struct Expected {
    NanoUsd input = 0, cacheRead = 0, cacheWrite = 0, output = 0, reasoning = 0, audio = 0, requests = 0;
};

CostBreakdown breakdown(const QString &source, const QString &model, const Expected &e)
{
    CostBreakdown c;
    c.priced = true;
    c.input = e.input;
    c.cacheRead = e.cacheRead;
    c.cacheWrite = e.cacheWrite;
    c.output = e.output;
    c.reasoning = e.reasoning;
    c.audio = e.audio;
    c.requests = e.requests;
    c.priceSource = source;
    c.matchedModel = model;
    return c;
}

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

} // namespace

class TestCostCalculator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void usdText_data();
    void usdText();
    void catalogPrices_data();
    void catalogPrices();
    void unpriced_data();
    void unpriced();
    void configOverrides_data();
    void configOverrides();
    void nodeCost_data();
    void nodeCost();
    void dispatchesOnRecord();

private:
    static Config testConfig();
};

void TestCostCalculator::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
}

Config TestCostCalculator::testConfig()
{
    Config config;
    ProviderConfig work;
    work.id = u"work-openai"_s; // a second OpenAI account, priced from the openai catalog entry
    work.kind = u"openai"_s;
    work.catalogId = u"openai"_s;
    config.providers.append(work);
    NodeConfig gpu;
    gpu.id = u"gpu-box"_s;
    gpu.kind = u"llama.cpp"_s;
    gpu.energyUsdPerHour = 0.36;
    NodeConfig laptop;
    laptop.id = u"laptop"_s;
    laptop.kind = u"ollama"_s;
    config.nodes = {gpu, laptop};
    return config;
}

void TestCostCalculator::catalogPrices_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("model");
    QTest::addColumn<TokenUsage>("usage");
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<CostBreakdown>("expected");

    const QDateTime jan2025 = utc("2025-01-15T12:00:00Z");

    // gpt-4o: input 2.50, cache read 1.25, output 10.
    // 1000 x 2.5 x 1000 = 2,500,000; 500 x 10 x 1000 = 5,000,000.
    QTest::addRow("gpt-4o plain") << u"openai"_s << u"gpt-4o"_s << tokens(1000, 500) << jan2025
        << breakdown(u"catalog:openai/gpt-4o"_s, u"gpt-4o"_s, {.input = 2'500'000, .output = 5'000'000});
    // 2000 prompt tokens of which 1500 cached: 500 x 2.5 x 1000 = 1,250,000;
    // 1500 x 1.25 x 1000 = 1,875,000; 100 x 10 x 1000 = 1,000,000.
    QTest::addRow("gpt-4o cached tokens") << u"openai"_s << u"gpt-4o-2024-08-06"_s << tokens(2000, 100, 1500) << jan2025
        << breakdown(u"catalog:openai/gpt-4o"_s, u"gpt-4o"_s,
                     {.input = 1'250'000, .cacheRead = 1'875'000, .output = 1'000'000});
    // Same prices through a configured provider whose catalogId is openai, and through azure,
    // whose catalog entry falls back to openai's models.
    QTest::addRow("configured provider with catalogId") << u"work-openai"_s << u"gpt-4o"_s << tokens(1000, 500) << jan2025
        << breakdown(u"catalog:openai/gpt-4o"_s, u"gpt-4o"_s, {.input = 2'500'000, .output = 5'000'000});
    QTest::addRow("azure falls back to openai") << u"azure"_s << u"gpt-4o"_s << tokens(1000, 500) << jan2025
        << breakdown(u"catalog:openai/gpt-4o"_s, u"gpt-4o"_s, {.input = 2'500'000, .output = 5'000'000});

    // claude-haiku-4-5: input 1, cache write 1.25, 1h write 2, cache read 0.1, output 5.
    // Prompt 5100 = 100 uncached + 2000 written (500 of them 1h) + 3000 read.
    // input 100 x 1 x 1000 = 100,000; read 3000 x 0.1 x 1000 = 300,000;
    // write 1500 x 1.25 x 1000 + 500 x 2 x 1000 = 1,875,000 + 1,000,000 = 2,875,000;
    // output 400 x 5 x 1000 = 2,000,000.
    QTest::addRow("anthropic cache write, 1h write, read")
        << u"anthropic"_s << u"claude-haiku-4-5-20251001"_s << tokens(5100, 400, 3000, 2000, 500) << jan2025
        << breakdown(u"catalog:anthropic/claude-haiku-4-5"_s, u"claude-haiku-4-5"_s,
                     {.input = 100'000, .cacheRead = 300'000, .cacheWrite = 2'875'000, .output = 2'000'000});

    // gemini-2.5-pro: input 1.25 (2.50 once the prompt exceeds 200k), output 10 (15).
    // Below: 100,000 x 1.25 x 1000 = 125,000,000; 1000 x 10 x 1000 = 10,000,000.
    QTest::addRow("tiered, below threshold") << u"google"_s << u"gemini-2.5-pro"_s << tokens(100'000, 1000) << jan2025
        << breakdown(u"catalog:google/gemini-2.5-pro"_s, u"gemini-2.5-pro"_s, {.input = 125'000'000, .output = 10'000'000});
    // Exactly 200,000 has not crossed the tier: 200,000 x 1.25 x 1000 = 250,000,000.
    QTest::addRow("tiered, at threshold") << u"google"_s << u"gemini-2.5-pro"_s << tokens(200'000, 1000) << jan2025
        << breakdown(u"catalog:google/gemini-2.5-pro"_s, u"gemini-2.5-pro"_s, {.input = 250'000'000, .output = 10'000'000});
    // Above: every token at the tier rate, output included (the prompt decides):
    // 250,000 x 2.5 x 1000 = 625,000,000; 1000 x 15 x 1000 = 15,000,000.
    QTest::addRow("tiered, above threshold") << u"google"_s << u"gemini-2.5-pro"_s << tokens(250'000, 1000) << jan2025
        << breakdown(u"catalog:google/gemini-2.5-pro"_s, u"gemini-2.5-pro"_s, {.input = 625'000'000, .output = 15'000'000});

    // o3 cut its prices on 2025-06-10: 10/40 before, 2/8 from then on.
    // Before: 1000 x 10 x 1000 = 10,000,000 + 1000 x 40 x 1000 = 40,000,000.
    QTest::addRow("dated price, day before") << u"openai"_s << u"o3"_s << tokens(1000, 1000) << utc("2025-06-09T23:59:59Z")
        << breakdown(u"catalog:openai/o3"_s, u"o3"_s, {.input = 10'000'000, .output = 40'000'000});
    // From: 1000 x 2 x 1000 = 2,000,000 + 1000 x 8 x 1000 = 8,000,000.
    QTest::addRow("dated price, from the day") << u"openai"_s << u"o3"_s << tokens(1000, 1000) << utc("2025-06-10T00:00:00Z")
        << breakdown(u"catalog:openai/o3"_s, u"o3"_s, {.input = 2'000'000, .output = 8'000'000});
    // claude-sonnet-4-6 was tiered (3 -> 6 above 200k) until 2026-03-13, flat 3 after.
    // 300,000 x 6 x 1000 = 1,800,000,000 before; 300,000 x 3 x 1000 = 900,000,000 after.
    QTest::addRow("dated and tiered, before") << u"anthropic"_s << u"claude-sonnet-4-6"_s << tokens(300'000, 0)
        << utc("2026-03-12T23:00:00Z")
        << breakdown(u"catalog:anthropic/claude-sonnet-4-6"_s, u"claude-sonnet-4-6"_s, {.input = 1'800'000'000});
    QTest::addRow("dated and tiered, after") << u"anthropic"_s << u"claude-sonnet-4-6"_s << tokens(300'000, 0)
        << utc("2026-03-13T00:00:00Z")
        << breakdown(u"catalog:anthropic/claude-sonnet-4-6"_s, u"claude-sonnet-4-6"_s, {.input = 900'000'000});

    // deepseek-chat: standard 0.27 input during [00:30, 16:30) UTC, off-peak 0.135 otherwise.
    // 1,000,000 x 0.27 x 1000 = 270,000,000; 1,000,000 x 0.135 x 1000 = 135,000,000.
    QTest::addRow("deepseek standard hours") << u"deepseek"_s << u"deepseek-chat"_s << tokens(1'000'000, 0)
        << utc("2025-03-01T12:00:00Z") << breakdown(u"catalog:deepseek/deepseek-chat"_s, u"deepseek-chat"_s, {.input = 270'000'000});
    QTest::addRow("deepseek off-peak") << u"deepseek"_s << u"deepseek-chat"_s << tokens(1'000'000, 0)
        << utc("2025-03-01T20:00:00Z") << breakdown(u"catalog:deepseek/deepseek-chat"_s, u"deepseek-chat"_s, {.input = 135'000'000});

    // sonar-deep-research prices reasoning apart: input 2, output 8, reasoning 3.
    // 1000 x 2 x 1000 = 2,000,000; (5000 - 3000) x 8 x 1000 = 16,000,000; 3000 x 3 x 1000 = 9,000,000.
    QTest::addRow("reasoning priced apart") << u"perplexity"_s << u"sonar-deep-research"_s << tokens(1000, 5000, 0, 0, 0, 3000)
        << jan2025 << breakdown(u"catalog:perplexity/sonar-deep-research"_s, u"sonar-deep-research"_s,
                                {.input = 2'000'000, .output = 16'000'000, .reasoning = 9'000'000});
    // o3 (July 2025: input 2, output 8) has no reasoning price: all 5000 output tokens at 8:
    // 1000 x 2 x 1000 = 2,000,000; 5000 x 8 x 1000 = 40,000,000.
    QTest::addRow("reasoning inside output") << u"openai"_s << u"o3"_s << tokens(1000, 5000, 0, 0, 0, 3000)
        << utc("2025-07-01T00:00:00Z")
        << breakdown(u"catalog:openai/o3"_s, u"o3"_s, {.input = 2'000'000, .output = 40'000'000});
    // sonar: input 1, output 1, 12 USD per thousand requests = 0.012 per request = 12,000,000.
    QTest::addRow("per-request fee") << u"perplexity"_s << u"sonar"_s << tokens(1000, 1000) << jan2025
        << breakdown(u"catalog:perplexity/sonar"_s, u"sonar"_s, {.input = 1'000'000, .output = 1'000'000, .requests = 12'000'000});

    // gemini-2.5-flash: text input 0.3, audio input 1, output 2.5.
    // 600 text x 0.3 x 1000 = 180,000; 400 audio x 1 x 1000 = 400,000; 100 x 2.5 x 1000 = 250,000.
    TokenUsage audio = tokens(1000, 100);
    audio.inputAudioTokens = 400;
    QTest::addRow("audio input priced apart") << u"google"_s << u"gemini-2.5-flash"_s << audio << jan2025
        << breakdown(u"catalog:google/gemini-2.5-flash"_s, u"gemini-2.5-flash"_s,
                     {.input = 180'000, .output = 250'000, .audio = 400'000});

    // A provider that reports cache writes without a catalog write price bills them as input:
    // gpt-4o, 1000 prompt with 400 written: 600 x 2.5 x 1000 = 1,500,000 + 400 x 2.5 x 1000 = 1,000,000.
    QTest::addRow("cache write without a write price") << u"openai"_s << u"gpt-4o"_s << tokens(1000, 0, 0, 400) << jan2025
        << breakdown(u"catalog:openai/gpt-4o"_s, u"gpt-4o"_s, {.input = 1'500'000, .cacheWrite = 1'000'000});
}

void TestCostCalculator::catalogPrices()
{
    QFETCH(QString, provider);
    QFETCH(QString, model);
    QFETCH(TokenUsage, usage);
    QFETCH(QDateTime, at);
    QFETCH(CostBreakdown, expected);
    const CostCalculator calculator(PriceCatalog::builtIn(), testConfig());
    const CostBreakdown c = calculator.providerCost(provider, model, usage, at);
    QCOMPARE(c.priced, true);
    QCOMPARE(c.priceSource, expected.priceSource);
    QCOMPARE(c.matchedModel, expected.matchedModel);
    QCOMPARE(c.input, expected.input);
    QCOMPARE(c.cacheRead, expected.cacheRead);
    QCOMPARE(c.cacheWrite, expected.cacheWrite);
    QCOMPARE(c.output, expected.output);
    QCOMPARE(c.reasoning, expected.reasoning);
    QCOMPARE(c.audio, expected.audio);
    QCOMPARE(c.requests, expected.requests);
    QCOMPARE(c.energy, NanoUsd(0));
    QCOMPARE(c.total(), expected.total());
}

void TestCostCalculator::unpriced_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("model");

    QTest::addRow("unknown model") << u"openai"_s << u"gpt-4x"_s;
    QTest::addRow("unknown provider") << u"acme"_s << u"gpt-4o"_s;
    QTest::addRow("no fallback from openai to anthropic") << u"openai"_s << u"claude-haiku-4-5"_s;
    QTest::addRow("empty model") << u"openai"_s << QString();
}

void TestCostCalculator::unpriced()
{
    QFETCH(QString, provider);
    QFETCH(QString, model);
    const CostCalculator calculator(PriceCatalog::builtIn(), testConfig());
    const CostBreakdown c = calculator.providerCost(provider, model, tokens(1000, 1000), utc("2025-01-01T00:00:00Z"));
    QCOMPARE(c.priced, false);
    QCOMPARE(c.total(), 0);
    QVERIFY(c.priceSource.isEmpty());
    QVERIFY(c.matchedModel.isEmpty());
}

void TestCostCalculator::configOverrides_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("source");
    QTest::addColumn<NanoUsd>("input");
    QTest::addColumn<NanoUsd>("cacheRead");
    QTest::addColumn<NanoUsd>("cacheWrite");
    QTest::addColumn<NanoUsd>("output");

    // Usage for every row: prompt 2000 = 1000 uncached + 600 read + 400 written; 500 out.
    // openai/gpt-4o in config: input 1, output 2, cachedInput 0.5 (no cacheWrite: input rate).
    // 1000 x 1 x 1000 = 1,000,000; 600 x 0.5 x 1000 = 300,000; 400 x 1 x 1000 = 400,000; 500 x 2 x 1000 = 1,000,000.
    QTest::addRow("provider/model key") << u"openai"_s << u"gpt-4o"_s << u"config:openai/gpt-4o"_s
        << NanoUsd(1'000'000) << NanoUsd(300'000) << NanoUsd(400'000) << NanoUsd(1'000'000);
    // Bare gpt-4o in config: input 3, output 4, cacheWrite 5 (no cachedInput: input rate).
    // 1000 x 3 x 1000 = 3,000,000; 600 x 3 x 1000 = 1,800,000; 400 x 5 x 1000 = 2,000,000; 500 x 4 x 1000 = 2,000,000.
    QTest::addRow("bare model key for another provider") << u"azure"_s << u"gpt-4o"_s << u"config:gpt-4o"_s
        << NanoUsd(3'000'000) << NanoUsd(1'800'000) << NanoUsd(2'000'000) << NanoUsd(2'000'000);
    // A model the catalog does not know, priced only by the user: input 0.2, output 0.4.
    // 1000 x 0.2 x 1000 = 200,000; 600 x 0.2 x 1000 = 120,000; 400 x 0.2 x 1000 = 80,000; 500 x 0.4 x 1000 = 200,000.
    QTest::addRow("model unknown to the catalog") << u"acme"_s << u"house-model"_s << u"config:acme/house-model"_s
        << NanoUsd(200'000) << NanoUsd(120'000) << NanoUsd(80'000) << NanoUsd(200'000);
    // Not in config: the catalog prices it (gpt-4o-mini 0.15 / 0.075 / 0.6; writes at input).
    // 1000 x 0.15 x 1000 = 150,000; 600 x 0.075 x 1000 = 45,000; 400 x 0.15 x 1000 = 60,000; 500 x 0.6 x 1000 = 300,000.
    QTest::addRow("catalog when config has no entry") << u"openai"_s << u"gpt-4o-mini"_s << u"catalog:openai/gpt-4o-mini"_s
        << NanoUsd(150'000) << NanoUsd(45'000) << NanoUsd(60'000) << NanoUsd(300'000);
}

void TestCostCalculator::configOverrides()
{
    QFETCH(QString, provider);
    QFETCH(QString, model);
    QFETCH(QString, source);
    QFETCH(NanoUsd, input);
    QFETCH(NanoUsd, cacheRead);
    QFETCH(NanoUsd, cacheWrite);
    QFETCH(NanoUsd, output);

    Config config = testConfig();
    config.prices.insert(u"openai/gpt-4o"_s, PriceEntry{1.0, 2.0, 0.5, std::nullopt});
    config.prices.insert(u"gpt-4o"_s, PriceEntry{3.0, 4.0, std::nullopt, 5.0});
    config.prices.insert(u"acme/house-model"_s, PriceEntry{0.2, 0.4, std::nullopt, std::nullopt});
    const CostCalculator calculator(PriceCatalog::builtIn(), config);
    const CostBreakdown c = calculator.providerCost(provider, model, tokens(2000, 500, 600, 400), utc("2025-01-01T00:00:00Z"));
    QVERIFY(c.priced);
    QCOMPARE(c.priceSource, source);
    QCOMPARE(c.input, input);
    QCOMPARE(c.cacheRead, cacheRead);
    QCOMPARE(c.cacheWrite, cacheWrite);
    QCOMPARE(c.output, output);
    QCOMPARE(c.total(), input + cacheRead + cacheWrite + output);
}

void TestCostCalculator::nodeCost_data()
{
    QTest::addColumn<QString>("node");
    QTest::addColumn<qint64>("latencyMs");
    QTest::addColumn<bool>("priced");
    QTest::addColumn<NanoUsd>("energy");

    // gpu-box: $0.36/h. 10 s = 1/360 h -> $0.001 = 1,000,000 nano-USD.
    QTest::addRow("energy for 10 s") << u"gpu-box"_s << qint64(10'000) << true << NanoUsd(1'000'000);
    // 1 h -> $0.36 = 360,000,000.
    QTest::addRow("energy for one hour") << u"gpu-box"_s << qint64(3'600'000) << true << NanoUsd(360'000'000);
    // 1 ms -> 0.36e9 / 3.6e6 = 100 nano-USD.
    QTest::addRow("energy for 1 ms") << u"gpu-box"_s << qint64(1) << true << NanoUsd(100);
    QTest::addRow("node without energy cost is free, and priced") << u"laptop"_s << qint64(10'000) << true << NanoUsd(0);
    QTest::addRow("unknown node is unpriced") << u"nowhere"_s << qint64(10'000) << false << NanoUsd(0);
}

void TestCostCalculator::nodeCost()
{
    QFETCH(QString, node);
    QFETCH(qint64, latencyMs);
    QFETCH(bool, priced);
    QFETCH(NanoUsd, energy);
    const CostCalculator calculator(PriceCatalog::builtIn(), testConfig());
    const CostBreakdown c = calculator.nodeCost(node, tokens(5000, 5000), latencyMs);
    QCOMPARE(c.priced, priced);
    QCOMPARE(c.energy, energy);
    QCOMPARE(c.total(), energy); // tokens of a local node cost nothing
    QCOMPARE(c.priceSource, priced ? u"node:"_s + node : QString());
}

void TestCostCalculator::dispatchesOnRecord()
{
    const CostCalculator calculator(PriceCatalog::builtIn(), testConfig());
    RequestRecord record;
    record.time = utc("2025-06-09T12:00:00Z");
    record.provider = u"openai"_s;
    record.model = u"o3"_s;
    record.tokens = tokens(1000, 1000);
    record.latencyMs = 10'000;
    // o3 on 9 June 2025: 10 + 40 -> 50,000,000 (the price in force then, not today's).
    CostBreakdown c = calculator.cost(record);
    QCOMPARE(c.priceSource, u"catalog:openai/o3"_s);
    QCOMPARE(c.total(), NanoUsd(50'000'000));

    record.provider.clear();
    record.node = u"gpu-box"_s;
    c = calculator.cost(record);
    QCOMPARE(c.priceSource, u"node:gpu-box"_s);
    QCOMPARE(c.total(), NanoUsd(1'000'000));

    record.node.clear();
    QCOMPARE(calculator.cost(record).priced, false);
}

void TestCostCalculator::usdText_data()
{
    QTest::addColumn<bool>("priced");
    QTest::addColumn<qint64>("nano");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("unpriced") << false << qint64(0) << QByteArray("unpriced");
    QTest::newRow("free") << true << qint64(0) << QByteArray("0.000000000");
    QTest::newRow("one nano-dollar") << true << qint64(1) << QByteArray("0.000000001");
    QTest::newRow("a typical call") << true << qint64(4'500'000) << QByteArray("0.004500000");
    QTest::newRow("dollars") << true << qint64(12'345'678'901) << QByteArray("12.345678901");
    QTest::newRow("exact past double precision") << true << qint64(9'007'199'254'740'993) << QByteArray("9007199.254740993");
    QTest::newRow("a credit") << true << qint64(-5) << QByteArray("-0.000000005");
    QTest::newRow("most negative") << true << std::numeric_limits<qint64>::min() << QByteArray("-9223372036.854775808");
}

void TestCostCalculator::usdText()
{
    QFETCH(bool, priced);
    QFETCH(qint64, nano);
    QFETCH(QByteArray, text);
    CostBreakdown cost;
    cost.priced = priced;
    cost.output = nano;
    QCOMPARE(cost.usdText(), text);
}

QTEST_GUILESS_MAIN(TestCostCalculator)
#include "tst_costcalculator.moc"
