// SPDX-License-Identifier: MIT
#include "core/models/spendpivotmodel.h"
#include "core/models/spendtablemodel.h"
#include "core/usage/costcalculator.h"
#include "core/usage/demodata.h"
#include "core/usage/pricecatalog.h"
#include "core/usage/spendanalysis.h"
#include "core/usage/usagestore.h"
#include "tests/support/usagetestdata.h"
#include "ui/dashboard/filterbutton.h"
#include "ui/dashboard/spendchartview.h"
#include "ui/dashboard/spenddashboard.h"
#include "ui/dashboard/usagedatasource.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/welcome/welcomepage.h"

#include <QBarSet>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QPushButton>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QValueAxis>
#include <QToolButton>

using namespace Switchyard;
using namespace Qt::StringLiterals;

namespace {

using Bars = QMap<QString, QMap<QDate, NanoUsd>>; // key -> week -> priced cost

QDate todayUtc()
{
    return QDateTime::currentDateTimeUtc().date();
}

QString column(SpendDimension d)
{
    return spendDimensionName(d); // the requests table names its columns the same
}

} // namespace

class TestSpendDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void breakdownButtonsMatchDatabase_data();
    void breakdownButtonsMatchDatabase();
    void filtersNarrowBars();
    void unpricedBanner();
    void flagshipLine();
    void cheapWorkFindings();
    void cheapWorkThresholdsAreEditable();
    void drillDownFromBar();
    void drillDownFromTableRow();
    void exportCsvFollowsFilters();
    void exportPng();
    void liveUpdate();
    void firstCallsOfTheCurrentWeek();
    void emptyState();
    void demoSwitchInMainWindow();

private:
    /// Priced cost per key and week straight from the `requests` rows (not the rollups).
    Bars sqlBars(SpendDimension dimension, const UsageFilter &filter, qint64 *unpriced = nullptr, qint64 *rows = nullptr);
    Bars chartBars() const;
    void refreshAndWait();

    QTemporaryDir m_dir;
    UsageStore *m_store = nullptr;
    UsageDataSource *m_source = nullptr;
    SpendDashboard *m_dashboard = nullptr;
};

void TestSpendDashboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_store = new UsageStore(m_dir.filePath(u"demo.sqlite3"_s));
    Errors errors;
    QVERIFY(m_store->open(&errors));
    DemoDataOptions options;
    options.weeks = 12;
    options.seed = 7;
    options.lastDay = todayUtc();
    QVERIFY(DemoData::write(m_store, options) > 5000);
    QVERIFY(m_store->flush(QDeadlineTimer(60'000)));

    m_source = new UsageDataSource(m_store, this);
    m_dashboard = new SpendDashboard(m_source, nullptr);
    m_dashboard->resize(1280, 800);
    m_dashboard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dashboard));
    m_dashboard->setWeeks(12);
    m_dashboard->setFlagship(QString());
    refreshAndWait();
}

void TestSpendDashboard::cleanupTestCase()
{
    delete m_dashboard;
    delete m_source;
    delete m_store;
}

void TestSpendDashboard::init()
{
    for (FilterButton *b : m_dashboard->findChildren<FilterButton *>())
        b->setSelected({});
    m_dashboard->setWeeks(12);
    refreshAndWait();
}

void TestSpendDashboard::refreshAndWait()
{
    QSignalSpy refreshed(m_dashboard, &SpendDashboard::refreshed);
    m_dashboard->refresh();
    // An answer that is ready before then() attaches is applied at once, inside refresh().
    QTRY_VERIFY2_WITH_TIMEOUT(!refreshed.isEmpty(), qPrintable(m_dashboard->findChild<QLabel *>(u"errorBanner"_s)->text()),
                              10'000);
}

Bars TestSpendDashboard::sqlBars(SpendDimension dimension, const UsageFilter &filter, qint64 *unpriced, qint64 *rows)
{
    Bars bars;
    const QString name = u"check-%1"_s.arg(quintptr(this));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_store->path());
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        [&] { QVERIFY(db.open()); }();
        QString sql = u"SELECT time_ms, %1, CASE WHEN priced THEN cost_nano ELSE 0 END, priced FROM requests "
                      "WHERE time_ms >= ? AND time_ms < ?"_s.arg(column(dimension));
        const QList<std::pair<QString, QStringList>> lists{
            {u"model"_s, filter.models}, {u"node"_s, filter.nodes}, {u"task"_s, filter.tasks}, {u"provider"_s, filter.providers}};
        for (const auto &[col, values] : lists) {
            if (!values.isEmpty())
                sql += u" AND %1 IN ('%2')"_s.arg(col, values.join(u"','"_s)); // test data, no quotes inside
        }
        QSqlQuery q(db);
        q.prepare(sql);
        q.addBindValue(filter.from.startOfDay(QTimeZone::utc()).toMSecsSinceEpoch());
        q.addBindValue(filter.to.addDays(1).startOfDay(QTimeZone::utc()).toMSecsSinceEpoch());
        [&] { QVERIFY(q.exec()); }();
        qint64 count = 0, unpricedCount = 0;
        while (q.next()) {
            const QDate day = QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), QTimeZone::utc()).date();
            bars[q.value(1).toString()][SpendAnalysis::weekStartOf(day)] += q.value(2).toLongLong();
            ++count;
            unpricedCount += q.value(3).toBool() ? 0 : 1;
        }
        if (unpriced)
            *unpriced = unpricedCount;
        if (rows)
            *rows = count;
    }
    QSqlDatabase::removeDatabase(name);
    // Keys that cost nothing (local nodes, unpriced models) get no bars.
    for (auto it = bars.begin(); it != bars.end();) {
        NanoUsd total = 0;
        for (NanoUsd c : it.value())
            total += c;
        it = total == 0 ? bars.erase(it) : std::next(it);
    }
    return bars;
}

Bars TestSpendDashboard::chartBars() const
{
    Bars bars;
    const SpendPivotModel *pivot = m_dashboard->chartModel();
    const QList<QBarSet *> sets = m_dashboard->chartView()->barSeries()->barSets();
    for (int i = 0; i < sets.size(); ++i) {
        const int c = SpendPivotModel::FirstKeyColumn + i; // bar set i maps key column c
        const QStringList keys = pivot->keysOf(c);
        if (keys.size() != 1)
            continue; // "Other" would merge keys; the demo stays under the limit
        if (sets.at(i)->label() != pivot->headerData(c, Qt::Horizontal).toString())
            return {};
        for (int row = 0; row < sets.at(i)->count(); ++row) {
            const NanoUsd nano = std::llround(sets.at(i)->at(row) * double(kNanoPerUsd));
            if (nano != 0)
                bars[keys.constFirst()][pivot->weekAt(row)] = nano;
        }
    }
    return bars;
}

static void compareBars(const Bars &chart, const Bars &sql)
{
    QCOMPARE(chart.keys(), sql.keys());
    for (auto it = sql.cbegin(); it != sql.cend(); ++it) {
        const QMap<QDate, NanoUsd> &expected = it.value();
        const QMap<QDate, NanoUsd> actual = chart.value(it.key());
        for (auto w = expected.cbegin(); w != expected.cend(); ++w) {
            // Doubles in the chart: equal to the nano-USD within a rounding step.
            if (qAbs(actual.value(w.key()) - w.value()) > 2)
                QFAIL(qPrintable(u"%1, week %2: chart %3, database %4"_s.arg(it.key(), w.key().toString(Qt::ISODate))
                                     .arg(actual.value(w.key())).arg(w.value())));
        }
        QCOMPARE(actual.size(), expected.size());
    }
}

void TestSpendDashboard::breakdownButtonsMatchDatabase_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<int>("dimension");
    QTest::addRow("task") << u"breakdown-task"_s << int(SpendDimension::Task);
    QTest::addRow("provider") << u"breakdown-provider"_s << int(SpendDimension::Provider);
    QTest::addRow("node") << u"breakdown-node"_s << int(SpendDimension::Node);
    QTest::addRow("model") << u"breakdown-model"_s << int(SpendDimension::Model);
}

void TestSpendDashboard::breakdownButtonsMatchDatabase()
{
    QFETCH(QString, button);
    QFETCH(int, dimension);
    auto *b = m_dashboard->findChild<QToolButton *>(button);
    QVERIFY(b);
    // Start from another breakdown (the last one is remembered), so the click changes it.
    m_dashboard->setDimension(dimension == int(SpendDimension::Model) ? SpendDimension::Node : SpendDimension::Model);
    QSignalSpy refreshed(m_dashboard, &SpendDashboard::refreshed);
    QTest::mouseClick(b, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 10'000);
    QCOMPARE(int(m_dashboard->dimension()), dimension);
    QVERIFY(b->isChecked());
    const Bars sql = sqlBars(SpendDimension(dimension), m_dashboard->filter());
    QVERIFY(!sql.isEmpty());
    compareBars(chartBars(), sql);

    // The same numbers as the store's own weekly query.
    SpendQuery query;
    query.filter = m_dashboard->filter();
    query.groupBy = SpendDimension(dimension);
    QFuture<SpendTable> f = m_store->querySpend(query);
    f.waitForFinished();
    QCOMPARE(m_dashboard->table(), f.result());
    QCOMPARE(m_dashboard->tableModel()->rowCount(), int(f.result().size()));
}

void TestSpendDashboard::filtersNarrowBars()
{
    m_dashboard->setDimension(SpendDimension::Model);
    auto *providers = m_dashboard->findChild<FilterButton *>(u"filter-provider"_s);
    QVERIFY(providers);
    QTRY_VERIFY(providers->values().contains(u"openai"_s)); // offered from the data
    QSignalSpy refreshed(m_dashboard, &SpendDashboard::refreshed);
    providers->setSelected({u"openai"_s});
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 10'000);
    QCOMPARE(m_dashboard->filter().providers, QStringList{u"openai"_s});
    const Bars bars = chartBars();
    QCOMPARE(bars.keys(), (QStringList{u"gpt-4o"_s, u"gpt-4o-mini"_s}));
    compareBars(bars, sqlBars(SpendDimension::Model, m_dashboard->filter()));

    auto *tasks = m_dashboard->findChild<FilterButton *>(u"filter-task"_s);
    refreshed.clear();
    tasks->setSelected({u"classify"_s});
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 10'000);
    compareBars(chartBars(), sqlBars(SpendDimension::Model, m_dashboard->filter()));
}

void TestSpendDashboard::unpricedBanner()
{
    qint64 unpriced = 0, rows = 0;
    sqlBars(SpendDimension::Model, m_dashboard->filter(), &unpriced, &rows);
    QVERIFY(unpriced > 0); // the demo's unknown model and failed calls
    auto *banner = m_dashboard->findChild<QLabel *>(u"unpricedBanner"_s);
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QLocale().toString(unpriced) + u" requests"_s), qPrintable(banner->text()));
    QVERIFY(banner->text().contains(u"no known price"_s));
    const QString share = QLocale().toString(double(unpriced) * 100.0 / double(rows), 'f', 1) + u'%';
    QVERIFY2(banner->text().contains(share), qPrintable(banner->text() + u" / "_s + share));

    // Narrowed to a fully priced provider, the warning goes away.
    QSignalSpy refreshed(m_dashboard, &SpendDashboard::refreshed);
    m_dashboard->findChild<FilterButton *>(u"filter-provider"_s)->setSelected({u"google"_s});
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 10'000);
    sqlBars(SpendDimension::Model, m_dashboard->filter(), &unpriced, &rows);
    QCOMPARE(banner->isVisible(), unpriced > 0);
}

void TestSpendDashboard::flagshipLine()
{
    m_dashboard->setFlagship(u"openai/gpt-4o"_s);
    const QMap<QDate, NanoUsd> expected = SpendAnalysis::flagshipCost(
        m_dashboard->table(), CostCalculator(PriceCatalog::builtIn(), Config()), u"openai"_s, u"gpt-4o"_s);
    QVERIFY(!expected.isEmpty());
    QLineSeries *line = m_dashboard->chartView()->lineSeries();
    QVERIFY(line->isVisible());
    QCOMPARE(line->count(), m_dashboard->chartModel()->rowCount());
    for (int i = 0; i < line->count(); ++i) {
        const QDate week = m_dashboard->chartModel()->weekAt(i);
        QCOMPARE(line->at(i).x(), double(i));
        QCOMPARE(std::llround(line->at(i).y() * double(kNanoPerUsd)), expected.value(week));
    }
    m_dashboard->setFlagship(QString());
    QVERIFY(!line->isVisible());
}

void TestSpendDashboard::cheapWorkFindings()
{
    QSignalSpy analysed(m_dashboard, &SpendDashboard::analysisUpdated);
    m_dashboard->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!analysed.isEmpty(), 10'000);
    const QList<QLabel *> cards = m_dashboard->findChildren<QLabel *>(u"cheapWorkFinding"_s);
    QVERIFY(!cards.isEmpty());
    bool classifyOnGpt4o = false;
    for (QLabel *card : cards)
        classifyOnGpt4o = classifyOnGpt4o || (card->text().contains(u"classify"_s) && card->text().contains(u"gpt-4o<"_s));
    QVERIFY(classifyOnGpt4o); // the demo's premium model on short classification calls
}

void TestSpendDashboard::cheapWorkThresholdsAreEditable()
{
    QSignalSpy analysed(m_dashboard, &SpendDashboard::analysisUpdated);
    m_dashboard->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!analysed.isEmpty(), 10'000);
    const qsizetype before = m_dashboard->findChildren<QLabel *>(u"cheapWorkFinding"_s).size();
    QVERIFY(before > 0);

    // Typed by the user: short calls now need fewer than 2 output tokens on average. No demo
    // task is that short, so nothing is left, and the intro says which thresholds applied.
    auto *maxOutput = m_dashboard->findChild<QSpinBox *>(u"cheapWorkMaxOutput"_s);
    QVERIFY(maxOutput);
    QCOMPARE(maxOutput->value(), 200);
    maxOutput->setFocus();
    maxOutput->selectAll();
    QTest::keyClicks(maxOutput, u"2"_s);
    QTest::keyClick(maxOutput, Qt::Key_Return);
    QTRY_COMPARE(m_dashboard->findChildren<QLabel *>(u"cheapWorkFinding"_s).size(), 0);
    QCOMPARE(m_dashboard->cheapWorkOptions().maxAvgOutputTokens, 2.0);
    QVERIFY(m_dashboard->findChild<QLabel *>(u"cheapWorkIntro"_s)->text().contains(u"under 2 output tokens"_s));

    // Remembered for the next start, like the other view choices.
    QCOMPARE(QSettings().value(u"dashboard/cheapWork/maxAvgOutputTokens"_s).toDouble(), 2.0);

    // A premium threshold above every price leaves only the priciest model in use as premium.
    auto *premium = m_dashboard->findChild<QDoubleSpinBox *>(u"cheapWorkPremiumPrice"_s);
    QVERIFY(premium);
    maxOutput->setValue(200);
    Q_EMIT maxOutput->editingFinished();
    QTRY_COMPARE(m_dashboard->findChildren<QLabel *>(u"cheapWorkFinding"_s).size(), before);
    premium->setValue(999.0);
    Q_EMIT premium->editingFinished();
    const QList<CheapWorkFinding> expected = SpendAnalysis::expensiveModelsOnCheapWork(
        m_dashboard->lastSlices(), m_dashboard->calculator(), m_dashboard->cheapWorkOptions());
    QVERIFY(expected.size() < before); // fewer models are premium now
    QTRY_COMPARE(m_dashboard->findChildren<QLabel *>(u"cheapWorkFinding"_s).size(), expected.size());

    m_dashboard->setCheapWorkOptions(CheapWorkOptions()); // back to the defaults for the other tests
    QCOMPARE(premium->value(), 10.0);
    QCOMPARE(maxOutput->value(), 200);
}

void TestSpendDashboard::drillDownFromBar()
{
    m_dashboard->setDimension(SpendDimension::Model);
    refreshAndWait();
    SpendChartView *view = m_dashboard->chartView();
    QBarSet *set = view->barSeries()->barSets().value(0);
    QVERIFY(set);
    int row = 0;
    for (int i = 1; i < set->count(); ++i)
        row = set->at(i) > set->at(row) ? i : row;
    const QPointF inChart = view->chart()->mapToPosition(QPointF(row, set->at(row) / 2), view->barSeries());
    const QPoint at = view->mapFromScene(view->chart()->mapToScene(inChart));

    QSignalSpy drill(m_dashboard, &SpendDashboard::drillDownRequested);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE(drill.count(), 1);
    const auto filter = drill.at(0).at(0).value<UsageFilter>();
    const QDate week = m_dashboard->chartModel()->weekAt(row);
    QCOMPARE(filter.models, m_dashboard->chartModel()->keysOf(SpendPivotModel::FirstKeyColumn));
    QCOMPARE(filter.from, qMax(week, m_dashboard->filter().from));
    QCOMPARE(filter.to, qMin(week.addDays(6), m_dashboard->filter().to));
}

void TestSpendDashboard::drillDownFromTableRow()
{
    m_dashboard->setDimension(SpendDimension::Task);
    refreshAndWait();
    auto *view = m_dashboard->findChild<QTableView *>(u"spendTable"_s);
    const QModelIndex index = view->model()->index(0, SpendTableModel::KeyColumn);
    QSignalSpy drill(m_dashboard, &SpendDashboard::drillDownRequested);
    const QPoint at = view->visualRect(index).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at); // a double-click follows a press on the same row
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE(drill.count(), 1);
    const auto filter = drill.at(0).at(0).value<UsageFilter>();
    QCOMPARE(filter.tasks, QStringList{index.data(SpendTableModel::KeyRole).toString()});
    const QDate week = index.data(SpendTableModel::WeekRole).toDate();
    QCOMPARE(filter.from, qMax(week, m_dashboard->filter().from));
    QCOMPARE(filter.to, week.addDays(6) < m_dashboard->filter().to ? week.addDays(6) : m_dashboard->filter().to);
}

void TestSpendDashboard::exportCsvFollowsFilters()
{
    m_dashboard->setDimension(SpendDimension::Model);
    QSignalSpy refreshed(m_dashboard, &SpendDashboard::refreshed);
    m_dashboard->findChild<FilterButton *>(u"filter-provider"_s)->setSelected({u"anthropic"_s});
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 10'000);

    const QString tableFile = m_dir.filePath(u"table.csv"_s);
    QFuture<qint64> written = m_dashboard->exportTableCsv(tableFile);
    written.waitForFinished();
    QCOMPARE(written.result(), qint64(m_dashboard->table().size()));
    QFile file(tableFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u"\r\n"_s, Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), m_dashboard->table().size() + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString model = lines.at(i).section(u',', 1, 1);
        QVERIFY2(model.startsWith(u"claude-"_s), qPrintable(lines.at(i))); // only anthropic's rows
    }

    qint64 rows = 0;
    sqlBars(SpendDimension::Model, m_dashboard->filter(), nullptr, &rows);
    const QString requestsFile = m_dir.filePath(u"requests.csv"_s);
    written = m_dashboard->exportRequestsCsv(requestsFile);
    written.waitForFinished();
    QCOMPARE(written.result(), rows);
}

void TestSpendDashboard::exportPng()
{
    m_dashboard->setFlagship(u"openai/gpt-4o"_s); // a reset right before the export
    const QString png = m_dir.filePath(u"chart.png"_s);
    QVERIFY(m_dashboard->exportChartPng(png));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 100 && image.height() > 100);
    QVERIFY(m_dashboard->chartView()->chart()->legend()->markers(m_dashboard->chartView()->barSeries()).constFirst()->isVisible());
    m_dashboard->setFlagship(QString());
}

void TestSpendDashboard::liveUpdate()
{
    m_dashboard->setDimension(SpendDimension::Model);
    refreshAndWait();
    QVERIFY(!chartBars().contains(u"live-model"_s));
    RequestRecord r;
    r.requestId = u"live-1"_s;
    r.time = QDateTime::currentDateTimeUtc();
    r.task = u"chat"_s;
    r.provider = u"openai"_s;
    r.model = u"live-model"_s;
    r.status = u"ok"_s;
    r.cost.priced = true;
    r.cost.output = 3 * kNanoPerUsd;
    m_store->record(r);
    // recordsCommitted -> throttled refresh; no explicit refresh here.
    QTRY_VERIFY_WITH_TIMEOUT(chartBars().contains(u"live-model"_s), 10'000);
    QCOMPARE(chartBars().value(u"live-model"_s).value(SpendAnalysis::weekStartOf(todayUtc())), 3 * kNanoPerUsd);
}

void TestSpendDashboard::firstCallsOfTheCurrentWeek()
{
    // A new user's first few calls, all this week and worth fractions of a cent: the summary
    // says the week is not over, and the axis ticks read differently from each other.
    UsageStore store(m_dir.filePath(u"first-calls.sqlite3"_s));
    Errors errors;
    QVERIFY(store.open(&errors));
    for (int i = 0; i < 12; ++i)
        store.record(TestData::simulatedCall(u"first-%1"_s.arg(i), 40'000)); // $0.00004 each
    QVERIFY(store.flush(QDeadlineTimer(10'000)));
    UsageDataSource source(&store);
    SpendDashboard dashboard(&source, nullptr);
    dashboard.resize(1100, 700);
    dashboard.show();
    QSignalSpy updated(&dashboard, &SpendDashboard::refreshed);
    dashboard.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty(), 10'000);
    auto *week = dashboard.findChild<QLabel *>(u"weekOverWeekLabel"_s);
    QTRY_VERIFY(week->text().startsWith(u"This week so far"_s));
    QValueAxis *axis = dashboard.chartView()->costAxis();
    QStringList ticks;
    for (int i = 0; i < axis->tickCount(); ++i) {
        const double value = axis->min() + (axis->max() - axis->min()) * i / (axis->tickCount() - 1);
        ticks.append(QString::asprintf(qPrintable(axis->labelFormat()), value));
    }
    QCOMPARE(QSet<QString>(ticks.begin(), ticks.end()).size(), ticks.size());
}

void TestSpendDashboard::emptyState()
{
    UsageStore empty(m_dir.filePath(u"empty.sqlite3"_s));
    Errors errors;
    QVERIFY(empty.open(&errors));
    UsageDataSource source(&empty);
    SpendDashboard dashboard(&source, nullptr);
    dashboard.show();
    auto *stack = dashboard.findChild<QWidget *>(u"emptyState"_s);
    QVERIFY(stack);
    QTRY_VERIFY(stack->isVisible());
    QVERIFY(dashboard.findChild<QWidget *>(u"openWelcome"_s)->isVisible());
}

void TestSpendDashboard::demoSwitchInMainWindow()
{
    // The real window with both pages: the demo switch, its label and the way back.
    // With SY_SCREENSHOT_DIR set it also saves screenshots at 1280x800.
    UsageStore real(m_dir.filePath(u"real-empty.sqlite3"_s));
    Errors errors;
    QVERIFY(real.open(&errors));
    UsageDataSource source(&real);
    source.setDemoPath(m_dir.filePath(u"demo-usage.sqlite3"_s));
    DemoDataOptions options;
    options.seed = 11;
    options.lastDay = todayUtc();
    source.setDemoOptions(options);

    MainWindow window;
    auto *dashboard = new SpendDashboard(&source, nullptr);
    window.addPage(dashboard);
    window.addPage(new WelcomePage(nullptr, &source));
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString dir = qEnvironmentVariable("SY_SCREENSHOT_DIR");

    dashboard->setDimension(SpendDimension::Model);
    dashboard->setWeeks(12);
    window.showPage(u"dashboard"_s);
    QTRY_VERIFY(dashboard->findChild<QWidget *>(u"emptyState"_s)->isVisible());
    if (!dir.isEmpty())
        QVERIFY(window.grab().save(dir + u"/shot-dashboard-empty.png"_s));

    window.showPage(u"welcome"_s);
    auto *explore = window.findChild<QPushButton *>(u"exploreDemo"_s);
    QVERIFY(explore && explore->isVisible());
    if (!dir.isEmpty())
        QVERIFY(window.grab().save(dir + u"/shot-welcome.png"_s));

    QSignalSpy analysed(dashboard, &SpendDashboard::analysisUpdated);
    QTest::mouseClick(explore, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(source.isDemo(), 30'000);
    QTRY_COMPARE(window.currentPage(), static_cast<Page *>(dashboard)); // shown once the demo is ready
    QVERIFY(QFileInfo::exists(m_dir.filePath(u"demo-usage.sqlite3"_s)));
    QVERIFY(source.store() != &real);
    QTRY_VERIFY(dashboard->findChild<QWidget *>(u"demoBar"_s)->isVisible());
    QTRY_VERIFY(!dashboard->table().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!analysed.isEmpty(), 10'000);
    analysed.clear();
    dashboard->refresh(); // settled: every answer of one refresh in place for the screenshots
    QTRY_VERIFY_WITH_TIMEOUT(!analysed.isEmpty(), 10'000);
    // QtCharts shows new legend markers once its posted layout ran.
    const auto legendShown = [dashboard] {
        const auto markers = dashboard->chartView()->chart()->legend()->markers(dashboard->chartView()->barSeries());
        return !markers.isEmpty() && markers.constFirst()->isVisible();
    };
    if (!dir.isEmpty()) {
        dashboard->setFlagship(u"openai/gpt-4o"_s);
        QTRY_VERIFY(legendShown());
        QVERIFY(window.grab().save(dir + u"/shot-dashboard.png"_s));
        QVERIFY(dashboard->exportChartPng(dir + u"/shot-chart.png"_s));
        QSignalSpy refreshed(dashboard, &SpendDashboard::refreshed);
        dashboard->setWeeks(52);
        QTRY_VERIFY(!refreshed.isEmpty());
        QTRY_VERIFY(legendShown());
        QVERIFY(window.grab().save(dir + u"/shot-dashboard-52w.png"_s));
        refreshed.clear();
        dashboard->setDimension(SpendDimension::Task);
        dashboard->setWeeks(4);
        QTRY_VERIFY(!refreshed.isEmpty());
        QTRY_VERIFY(legendShown());
        QVERIFY(window.grab().save(dir + u"/shot-dashboard-tasks-4w.png"_s));
    }

    // Back to the real (empty) database: the label goes, the empty state returns.
    QTest::mouseClick(dashboard->findChild<QPushButton *>(u"backToRealUsage"_s), Qt::LeftButton);
    QVERIFY(!source.isDemo());
    QCOMPARE(source.store(), &real);
    QVERIFY(!dashboard->findChild<QWidget *>(u"demoBar"_s)->isVisible());
    QTRY_VERIFY(dashboard->findChild<QWidget *>(u"emptyState"_s)->isVisible());
}

QTEST_MAIN(TestSpendDashboard)
#include "tst_spenddashboard.moc"
