// SPDX-License-Identifier: MIT
#include "core/usage/costcalculator.h"
#include "core/usage/pricecatalog.h"
#include "core/usage/spendanalysis.h"
#include "core/usage/usagestore.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Switchyard;
using namespace Qt::StringLiterals;

namespace {

CostCalculator catalogCalculator()
{
    return CostCalculator(PriceCatalog::builtIn(), Config());
}

SpendSums sums(qint64 requests, qint64 input, qint64 output, NanoUsd cost = 0)
{
    SpendSums s;
    s.requests = requests;
    s.inputTokens = input;
    s.outputTokens = output;
    s.cost = cost;
    return s;
}

// nano-USD of `tokens` at `usdPerMTok`, as the calculator rounds it.
NanoUsd nano(qint64 tokens, double usdPerMTok)
{
    return std::llround(double(tokens) * usdPerMTok * 1000.0);
}

} // namespace

class TestSpendAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void weekStartOf_data()
    {
        QTest::addColumn<QDate>("day");
        QTest::addColumn<QDate>("monday");
        QTest::addRow("monday") << QDate(2026, 3, 2) << QDate(2026, 3, 2);
        QTest::addRow("sunday") << QDate(2026, 3, 8) << QDate(2026, 3, 2);
        QTest::addRow("across a year") << QDate(2026, 1, 1) << QDate(2025, 12, 29);
        QTest::addRow("null") << QDate() << QDate();
    }
    void weekStartOf()
    {
        QFETCH(QDate, day);
        QFETCH(QDate, monday);
        QCOMPARE(SpendAnalysis::weekStartOf(day), monday);
    }

    void weeksBetween()
    {
        QCOMPARE(SpendAnalysis::weeksBetween(QDate(2026, 3, 4), QDate(2026, 3, 17)),
                 (QList<QDate>{QDate(2026, 3, 2), QDate(2026, 3, 9), QDate(2026, 3, 16)}));
        QCOMPARE(SpendAnalysis::weeksBetween(QDate(2026, 3, 9), QDate(2026, 3, 9)), QList<QDate>{QDate(2026, 3, 9)});
        QVERIFY(SpendAnalysis::weeksBetween(QDate(2026, 3, 9), QDate(2026, 3, 1)).isEmpty());
    }

    void costOnPricesAverageCalls()
    {
        const CostCalculator calc = catalogCalculator();
        // 10 calls of 1000 in / 100 out on gpt-4o ($2.50 / $10 per MTok).
        const auto cost = SpendAnalysis::costOn(calc, u"openai"_s, u"gpt-4o"_s, sums(10, 10'000, 1'000), {});
        QVERIFY(cost);
        QCOMPARE(*cost, 10 * (nano(1000, 2.5) + nano(100, 10.0)));
        QCOMPARE(*cost, NanoUsd(35'000'000));
    }

    void costOnUnknownModelIsNoPrice()
    {
        QVERIFY(!SpendAnalysis::costOn(catalogCalculator(), u"labs"_s, u"labs-coder-preview"_s, sums(3, 10, 10), {}));
    }

    void outputPerMTok()
    {
        QCOMPARE(SpendAnalysis::outputPerMTok(catalogCalculator(), u"openai"_s, u"gpt-4o"_s, {}),
                 std::optional<NanoUsd>(10 * kNanoPerUsd));
        QVERIFY(!SpendAnalysis::outputPerMTok(catalogCalculator(), u"labs"_s, u"nothing"_s, {}));
    }

    void flagshipCostPerWeek()
    {
        const QDate w1(2026, 3, 2), w2(2026, 3, 9);
        const SpendTable table{{w1, u"a"_s, sums(4, 4'000, 400)}, {w1, u"b"_s, sums(6, 6'000, 600)},
                               {w2, u"a"_s, sums(2, 1'000, 2'000)}};
        const QMap<QDate, NanoUsd> line =
            SpendAnalysis::flagshipCost(table, catalogCalculator(), u"openai"_s, u"gpt-4o"_s);
        QCOMPARE(line.size(), 2);
        QCOMPARE(line.value(w1), 10 * (nano(1000, 2.5) + nano(100, 10.0))); // keys summed per week
        QCOMPARE(line.value(w2), 2 * (nano(500, 2.5) + nano(1000, 10.0)));
        QVERIFY(SpendAnalysis::flagshipCost(table, catalogCalculator(), u"labs"_s, u"x"_s).isEmpty());
    }

    void expensiveModelsOnCheapWork()
    {
        const NanoUsd gpt4oCost = 100 * (nano(500, 2.5) + nano(10, 10.0));
        const NanoUsd sonnetCost = 50 * (nano(1200, 3.0) + nano(100, 15.0));
        const UsageSlices slices{
            {u"classify"_s, u"openai"_s, {}, u"gpt-4o"_s, sums(100, 50'000, 1'000, gpt4oCost)},
            {u"classify"_s, u"openai"_s, {}, u"gpt-4o-mini"_s, sums(40, 20'000, 400, 1)},
            {u"classify"_s, {}, u"workstation-01"_s, u"llama-3.1-8b-instruct"_s, sums(300, 150'000, 3'000)},
            {u"extract"_s, u"anthropic"_s, {}, u"claude-sonnet-4-5"_s, sums(50, 60'000, 5'000, sonnetCost)},
            {u"chat"_s, u"anthropic"_s, {}, u"claude-sonnet-4-5"_s, sums(20, 40'000, 10'000, 5)}, // long answers
            {u"codegen"_s, u"labs"_s, {}, u"labs-coder-preview"_s, sums(9, 9'000, 90)},          // unpriced
        };
        const QList<CheapWorkFinding> findings =
            SpendAnalysis::expensiveModelsOnCheapWork(slices, catalogCalculator(), CheapWorkOptions());
        QCOMPARE(findings.size(), 2);

        // classify on gpt-4o: gpt-4o-mini is the cheapest model used for short work.
        const CheapWorkFinding &classify = findings.at(0).task == u"classify" ? findings.at(0) : findings.at(1);
        QCOMPARE(classify.model, u"gpt-4o"_s);
        QCOMPARE(classify.avgOutputTokens, 10.0);
        QCOMPARE(classify.outputPerMTok, 10 * kNanoPerUsd);
        QCOMPARE(classify.cheaperProvider, u"openai"_s);
        QCOMPARE(classify.cheaperModel, u"gpt-4o-mini"_s);
        QCOMPARE(classify.cheaperCost, 100 * (nano(500, 0.15) + nano(10, 0.6)));
        QCOMPARE(classify.savings(), gpt4oCost - classify.cheaperCost);

        const CheapWorkFinding &extract = findings.at(0).task == u"extract" ? findings.at(0) : findings.at(1);
        QCOMPARE(extract.model, u"claude-sonnet-4-5"_s);
        QCOMPARE(extract.cheaperModel, u"gpt-4o-mini"_s);
        QCOMPARE(extract.cheaperCost, 50 * (nano(1200, 0.15) + nano(100, 0.6)));

        QVERIFY(findings.at(0).savings() >= findings.at(1).savings()); // most savings first
    }

    void mostExpensiveModelInUseCountsAsPremium()
    {
        // Both below the $10 threshold: the priciest in use is still flagged.
        const UsageSlices slices{
            {u"classify"_s, u"openai"_s, {}, u"gpt-4o-mini"_s, sums(10, 1'000, 50, 100)},
            {u"tag"_s, u"openai"_s, {}, u"gpt-4.1-nano"_s, sums(10, 1'000, 50, 50)},
        };
        const auto findings = SpendAnalysis::expensiveModelsOnCheapWork(slices, catalogCalculator());
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.at(0).model, u"gpt-4o-mini"_s);
        QCOMPARE(findings.at(0).cheaperModel, u"gpt-4.1-nano"_s);

        // One model alone is not "the most expensive" of anything.
        QVERIFY(SpendAnalysis::expensiveModelsOnCheapWork({slices.at(0)}, catalogCalculator()).isEmpty());
    }

    void premiumWithoutCheaperModel()
    {
        const UsageSlices slices{{u"classify"_s, u"openai"_s, {}, u"gpt-4o"_s, sums(10, 1'000, 50, 100)}};
        const auto findings = SpendAnalysis::expensiveModelsOnCheapWork(slices, catalogCalculator());
        QCOMPARE(findings.size(), 1);
        QVERIFY(!findings.at(0).hasAlternative());
        QCOMPARE(findings.at(0).savings(), NanoUsd(0));
    }

    void weekOverWeek()
    {
        const QDate w1(2026, 3, 2), w2(2026, 3, 9), w3(2026, 3, 16);
        const SpendTable table{{w1, u"a"_s, sums(1, 0, 0, 100)}, {w1, u"b"_s, sums(1, 0, 0, 100)},
                               {w2, u"a"_s, sums(1, 0, 0, 250)}, {w3, u"a"_s, sums(1, 0, 0, 999)}};
        // On Wednesday of w3, w3 is not complete: w2 against w1.
        WeekOverWeek w = SpendAnalysis::weekOverWeek(table, QDate(2026, 3, 18));
        QCOMPARE(w.week, w2);
        QVERIFY(w.complete);
        QCOMPARE(w.cost, NanoUsd(250));
        QCOMPARE(w.previousCost, NanoUsd(200));
        QVERIFY(w.change);
        QCOMPARE(*w.change, 0.25);
        // A month later every week is complete: w3 against w2.
        w = SpendAnalysis::weekOverWeek(table, QDate(2026, 4, 20));
        QCOMPARE(w.week, w3);
        QVERIFY(w.complete);
        // Only an incomplete week: it is shown, said to be so, with nothing to compare.
        w = SpendAnalysis::weekOverWeek({{w3, u"a"_s, sums(1, 0, 0, 5)}}, QDate(2026, 3, 18));
        QCOMPARE(w.week, w3);
        QVERIFY(!w.complete);
        QVERIFY(!w.change);
        QVERIFY(!SpendAnalysis::weekOverWeek({}, QDate(2026, 3, 18)).week.isValid());
    }

    void querySlicesFromStore()
    {
        QTemporaryDir dir;
        UsageStore store(dir.filePath(u"usage.sqlite3"_s));
        Errors errors;
        QVERIFY(store.open(&errors));
        const QDateTime t(QDate(2026, 3, 4), QTime(10, 0), QTimeZone::utc());
        const auto record = [&](const QString &task, const QString &provider, const QString &node, const QString &model,
                                qint64 out, NanoUsd cost) {
            RequestRecord r;
            r.requestId = QString::number(qHash(task + provider + node + model) ^ quint64(out));
            r.time = t;
            r.task = task;
            r.provider = provider;
            r.node = node;
            r.model = model;
            r.status = u"ok"_s;
            r.tokens.inputTokens = 100;
            r.tokens.outputTokens = out;
            r.cost.priced = true;
            r.cost.output = cost;
            store.record(r);
        };
        record(u"classify"_s, u"openai"_s, {}, u"gpt-4o"_s, 5, 10);
        record(u"classify"_s, u"openai"_s, {}, u"gpt-4o"_s, 7, 20);
        record(u"chat"_s, u"openai"_s, {}, u"gpt-4o"_s, 500, 300);
        record(u"classify"_s, {}, u"box"_s, u"llama"_s, 3, 0);
        record(u"chat"_s, u"anthropic"_s, {}, u"claude-sonnet-4-5"_s, 400, 700);
        QVERIFY(store.flush(QDeadlineTimer(30'000)));

        QFuture<UsageSlices> future = SpendAnalysis::querySlices(&store, UsageFilter());
        future.waitForFinished();
        UsageSlices slices = future.result();
        std::sort(slices.begin(), slices.end(), [](const UsageSlice &a, const UsageSlice &b) {
            return std::tie(a.task, a.provider, a.node, a.model) < std::tie(b.task, b.provider, b.node, b.model);
        });
        QCOMPARE(slices.size(), 4);
        QCOMPARE(slices.at(0).task, u"chat"_s);
        QCOMPARE(slices.at(0).provider, u"anthropic"_s);
        QCOMPARE(slices.at(0).sums.cost, NanoUsd(700));
        QCOMPARE(slices.at(1).model, u"gpt-4o"_s);
        QCOMPARE(slices.at(1).sums.outputTokens, qint64(500));
        QCOMPARE(slices.at(2).node, u"box"_s);
        QCOMPARE(slices.at(2).provider, QString());
        QCOMPARE(slices.at(3).task, u"classify"_s);
        QCOMPARE(slices.at(3).model, u"gpt-4o"_s);
        QCOMPARE(slices.at(3).sums.requests, qint64(2));
        QCOMPARE(slices.at(3).sums.outputTokens, qint64(12));
        QCOMPARE(slices.at(3).sums.cost, NanoUsd(30));

        // A filter narrows every slice.
        UsageFilter onlyClassify;
        onlyClassify.tasks = {u"classify"_s};
        future = SpendAnalysis::querySlices(&store, onlyClassify);
        future.waitForFinished();
        QCOMPARE(future.result().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSpendAnalysis)
#include "tst_spendanalysis.moc"
