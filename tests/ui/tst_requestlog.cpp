// SPDX-License-Identifier: MIT
// The request log: RequestLogModel over a real usage database (lazy pages, bounded cache,
// filters, stale answers, live insertion) and RequestLogPage (attempts panel, drill-down,
// empty state), on the offscreen platform.
#include "tests/support/usagetestdata.h"
#include "core/models/requestlogmodel.h"
#include "core/usage/usagestore.h"
#include "ui/requestlog/requestdetailview.h"
#include "ui/requestlog/requestfilterbar.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/requestlog/requestlogpage.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTreeWidget>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Switchyard;

namespace {

constexpr int kRows = 4000; // 20 pages: more than the model may cache

const QDateTime kBase = QDateTime(QDate(2026, 3, 2), QTime(0, 0), QTimeZone::utc());

/// Request i of the test database: one a minute from kBase (so 2026-03-02..04), with
/// known models, tasks, statuses, escalations and unpriced node calls.
RequestRecord makeRecord(int i, const QString &idPrefix = u"req-"_s)
{
    RequestRecord r;
    r.requestId = idPrefix + QString::number(i).rightJustified(4, u'0');
    r.time = kBase.addSecs(qint64(i) * 60);
    r.task = i % 2 ? u"classify"_s : u"generate"_s;
    r.requestedModel = i % 4 == 0 ? u"route/cheap-first"_s : u"auto"_s;
    r.route = i % 4 == 0 ? u"cheap-first"_s : QString();
    switch (i % 3) {
    case 0: r.provider = u"openai"_s, r.model = u"openai/gpt-4o"_s; break;
    case 1: r.provider = u"anthropic"_s, r.model = u"anthropic/claude-sonnet-4-6"_s; break;
    default: r.node = u"workstation-01"_s, r.model = u"llama-3.1-8b-instruct"_s; break;
    }
    const bool error = i % 10 == 0;
    const bool cancelled = !error && i % 25 == 1;
    r.status = error ? u"error"_s : cancelled ? u"cancelled"_s : u"ok"_s;
    r.httpStatus = error ? 502 : 200;
    r.error = error ? u"upstream answered 502 Bad Gateway"_s : QString();
    r.tokens.inputTokens = 100 + i;
    r.tokens.outputTokens = error ? 0 : 10 + i % 50;
    r.latencyMs = 200 + i % 300;
    r.ttftMs = i % 2 ? 90 : -1;
    r.stream = i % 2;
    r.cost.priced = r.node.isEmpty();
    if (r.cost.priced)
        r.cost.input = 1'000 * r.tokens.inputTokens;
    if (i % 7 == 0) { // rate-limited on the first rung
        AttemptRecord a;
        a.rung = 0;
        a.provider = u"deepseek"_s;
        a.model = u"deepseek/deepseek-v4-flash"_s;
        a.httpStatus = 429;
        a.outcome = u"escalated"_s;
        a.escalationReason = u"429"_s;
        a.latencyMs = 40;
        a.error = u"rate limited"_s;
        r.attemptRecords.append(a);
    }
    r.attemptRecords.append(TestData::finalAttempt(r, error));
    r.attempts = int(r.attemptRecords.size());
    return r;
}

/// Row of request i in the unfiltered log (newest first).
int rowOf(int i)
{
    return kRows - 1 - i;
}

std::unique_ptr<UsageStore> openStore(const QString &path, int rows)
{
    auto store = std::make_unique<UsageStore>(path);
    Errors errors;
    if (!store->open(&errors))
        return nullptr;
    for (int i = 0; i < rows; ++i)
        store->record(makeRecord(i));
    store->flush();
    return store;
}

} // namespace

class TestRequestLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void modelTesterBeforeData();
    void pagesLoadLazily();
    void cacheStaysBounded();
    void filters_data();
    void filters();
    void storeAnswersStatusAndSearch();
    void staleAnswersAreDropped();
    void selectingShowsAttempts();
    void drillDownAppliesFilter();
    void emptyState();
    void liveInsertionAtTop();
    void followsStoreChanges();
    void rendersInMainWindow();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<UsageStore> m_store;
};

void TestRequestLog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(u"requestLog"_s); // column widths and splitter of earlier runs
    QVERIFY(m_dir.isValid());
    m_store = openStore(m_dir.filePath(u"usage.sqlite3"_s), kRows);
    QVERIFY(m_store);
}

void TestRequestLog::modelTesterBeforeData()
{
    RequestLogModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The count arrives from the reader thread; until then the model is empty. (A count
    // that finished before the continuation was attached is applied at once.)
    if (!model.isCounted())
        QCOMPARE(model.rowCount(), 0);
    QTRY_COMPARE(model.rowCount(), kRows);
    QCOMPARE(model.columnCount(), int(RequestLogModel::ColumnCount));
    QTRY_VERIFY(model.recordAt(0));
    QCOMPARE(model.recordAt(0)->requestId, u"req-3999"_s);
    QCOMPARE(model.index(0, 0).data(RequestLogModel::RequestIdRole).toString(), u"req-3999"_s);
    // Unpriced node calls say so, never $0.
    QTRY_VERIFY(model.recordAt(rowOf(2)));
    QCOMPARE(model.index(rowOf(2), RequestLogModel::CostColumn).data().toString(), u"unpriced"_s);
    QCOMPARE(model.index(rowOf(2), RequestLogModel::ServedByColumn).data().toString(),
             u"workstation-01 / llama-3.1-8b-instruct"_s);
    QCOMPARE(model.index(rowOf(10), RequestLogModel::StatusColumn).data().toString(), u"error 502"_s);
    QCOMPARE(model.index(rowOf(3), RequestLogModel::CostColumn).data().toString(), u"$0.000103"_s);
}

void TestRequestLog::pagesLoadLazily()
{
    RequestLogModel model(m_store.get());
    QTableView view;
    view.resize(900, 500);
    view.setModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_COMPARE(model.rowCount(), kRows);
    QTRY_VERIFY(model.index(0, 0).data(RequestLogModel::LoadedRole).toBool());
    QCOMPARE(model.pageQueryCount(), 1); // only the visible page

    view.scrollToBottom();
    QTRY_VERIFY(model.index(kRows - 1, 0).data(RequestLogModel::LoadedRole).toBool());
    QCOMPARE(model.recordAt(kRows - 1)->requestId, u"req-0000"_s);
    // The last page or two, never the pages in between.
    QVERIFY2(model.pageQueryCount() <= 3, qPrintable(QString::number(model.pageQueryCount())));

    view.scrollToTop();
    QTRY_VERIFY(model.index(0, 0).data(RequestLogModel::LoadedRole).toBool());
    QCOMPARE(model.recordAt(0)->requestId, u"req-3999"_s);
    QVERIFY(model.pageQueryCount() <= 4);
    QVERIFY(model.cachedRowCount() < kRows / 4);
}

void TestRequestLog::cacheStaysBounded()
{
    RequestLogModel model(m_store.get());
    QTRY_COMPARE(model.rowCount(), kRows);
    for (int row = 0; row < kRows; row += RequestLogModel::kPageSize) {
        model.ensureLoaded(row);
        QTRY_VERIFY(model.recordAt(row));
        QCOMPARE(model.recordAt(row)->requestId, makeRecord(kRows - 1 - row).requestId);
        QVERIFY(model.cachedPageCount() <= RequestLogModel::kMaxCachedPages);
    }
    QCOMPARE(model.pageQueryCount(), kRows / RequestLogModel::kPageSize);
    QCOMPARE(model.cachedPageCount(), RequestLogModel::kMaxCachedPages);
    // An evicted page comes back on demand.
    QVERIFY(!model.index(0, 0).data(RequestLogModel::LoadedRole).toBool());
    QTRY_VERIFY(model.recordAt(0));
    QCOMPARE(model.recordAt(0)->requestId, u"req-3999"_s);
}

void TestRequestLog::filters_data()
{
    QTest::addColumn<UsageFilter>("filter");
    QTest::addColumn<std::function<bool(const RequestRecord &)>>("matches");
    using Match = std::function<bool(const RequestRecord &)>;

    UsageFilter f;
    f.models = {u"openai/gpt-4o"_s};
    QTest::addRow("model") << f << Match([](const RequestRecord &r) { return r.model == u"openai/gpt-4o"_s; });
    f = {};
    f.tasks = {u"classify"_s};
    QTest::addRow("task") << f << Match([](const RequestRecord &r) { return r.task == u"classify"_s; });
    f = {};
    f.nodes = {u"workstation-01"_s};
    QTest::addRow("node") << f << Match([](const RequestRecord &r) { return r.node == u"workstation-01"_s; });
    f = {};
    f.providers = {u"anthropic"_s};
    QTest::addRow("provider") << f << Match([](const RequestRecord &r) { return r.provider == u"anthropic"_s; });
    f = {};
    f.statuses = {u"error"_s};
    QTest::addRow("status error") << f << Match([](const RequestRecord &r) { return r.status == u"error"_s; });
    f = {};
    f.statuses = {u"cancelled"_s};
    QTest::addRow("status cancelled")
        << f << Match([](const RequestRecord &r) { return r.status == u"cancelled"_s; });
    f = {};
    f.search = u"req-0123"_s;
    QTest::addRow("search request id") << f << Match([](const RequestRecord &r) { return r.requestId == u"req-0123"_s; });
    f = {};
    f.search = u"bad gateway"_s;
    QTest::addRow("search error text") << f << Match([](const RequestRecord &r) { return !r.error.isEmpty(); });
    f = {};
    f.search = u"SONNET"_s;
    QTest::addRow("search model") << f << Match([](const RequestRecord &r) { return r.model.contains(u"sonnet"_s); });
    f = {};
    f.search = u"100%_"_s;
    QTest::addRow("search wildcards are literal") << f << Match([](const RequestRecord &) { return false; });
    f = {};
    f.from = f.to = QDate(2026, 3, 3);
    QTest::addRow("one day") << f << Match([](const RequestRecord &r) { return r.time.date() == QDate(2026, 3, 3); });
    f = {};
    f.from = QDate(2026, 3, 3);
    f.tasks = {u"generate"_s};
    f.statuses = {u"ok"_s};
    f.search = u"gpt"_s;
    QTest::addRow("combined") << f << Match([](const RequestRecord &r) {
        return r.time.date() >= QDate(2026, 3, 3) && r.task == u"generate"_s && r.status == u"ok"_s
            && r.model.contains(u"gpt"_s);
    });
}

void TestRequestLog::filters()
{
    QFETCH(UsageFilter, filter);
    QFETCH(std::function<bool(const RequestRecord &)>, matches);
    QStringList expected; // newest first
    for (int i = kRows - 1; i >= 0; --i) {
        const RequestRecord r = makeRecord(i);
        if (matches(r))
            expected.append(r.requestId);
    }

    RequestLogModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter(filter);
    QTRY_VERIFY(model.isCounted());
    QCOMPARE(model.rowCount(), int(expected.size()));
    for (int row = 0; row < expected.size(); row += 97) {
        QTRY_VERIFY(model.recordAt(row));
        QCOMPARE(model.recordAt(row)->requestId, expected.at(row));
    }
    if (!expected.isEmpty()) {
        QTRY_VERIFY(model.recordAt(int(expected.size()) - 1));
        QCOMPARE(model.recordAt(int(expected.size()) - 1)->requestId, expected.last());
    }
}

void TestRequestLog::storeAnswersStatusAndSearch()
{
    // The rollups know neither status nor text: totals and spend fall back to the rows.
    UsageFilter f;
    f.statuses = {u"error"_s, u"cancelled"_s};
    qint64 expected = 0, unpriced = 0;
    for (int i = 0; i < kRows; ++i) {
        const RequestRecord r = makeRecord(i);
        if (r.status != u"ok"_s) {
            ++expected;
            unpriced += r.cost.priced ? 0 : 1;
        }
    }
    const SpendSums sums = m_store->queryTotals(f).result();
    QCOMPARE(sums.requests, expected);
    QCOMPARE(sums.errors, expected);
    QCOMPARE(sums.unpricedRequests, unpriced);

    f = {};
    f.search = u"req-000"_s; // req-0000 .. req-0009
    const SpendTable byModel = m_store->querySpend({f, SpendDimension::Model}).result();
    QCOMPARE(totalsOf(byModel).requests, 10);
    QCOMPARE(byModel.size(), 3);
    QCOMPARE(byModel.first().weekStart, QDate(2026, 3, 2)); // a Monday
}

void TestRequestLog::staleAnswersAreDropped()
{
    RequestLogModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    UsageFilter errors;
    errors.statuses = {u"error"_s};
    UsageFilter one;
    one.search = u"req-0042"_s;
    // Both filters' counts and first pages are on their way; only the second may land.
    model.setFilter(errors);
    model.ensureLoaded(0);
    model.setFilter(one);
    model.ensureLoaded(0);
    QTRY_VERIFY(model.isCounted());
    QCOMPARE(model.rowCount(), 1);
    QTRY_VERIFY(model.recordAt(0));
    QCOMPARE(model.recordAt(0)->requestId, u"req-0042"_s);
    QSignalSpy loaded(&model, &RequestLogModel::pageLoaded);
    // Let any late answer of the first filter arrive: it must not change the rows.
    QTRY_COMPARE(m_store->queryTotals({}).result().requests, qint64(kRows));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.recordAt(0)->requestId, u"req-0042"_s);
    QCOMPARE(loaded.size(), 0);
}

void TestRequestLog::selectingShowsAttempts()
{
    RequestLogPage page(m_store.get());
    page.resize(1100, 700);
    page.show();
    page.pageShown();
    RequestLogModel *model = page.model();
    QTRY_COMPARE(model->rowCount(), kRows);
    const int escalated = 3997; // i % 7 == 0: rate-limited on the first rung
    const int row = rowOf(escalated);
    page.view()->scrollTo(model->index(row, 0));
    page.view()->setCurrentIndex(model->index(row, 0));
    auto *attempts = page.detailView()->findChild<QTreeWidget *>(u"attempts"_s);
    QVERIFY(attempts);
    QTRY_COMPARE(page.detailView()->requestId(), u"req-3997"_s);
    QCOMPARE(attempts->topLevelItemCount(), 2);
    const QTreeWidgetItem *first = attempts->topLevelItem(0);
    QCOMPARE(first->text(0), u"1"_s);
    QVERIFY(first->text(1).contains(u"deepseek"_s));
    QCOMPARE(first->text(2), u"429"_s);
    QCOMPARE(first->text(3), u"escalated"_s);
    QCOMPARE(first->text(4), u"rate limited (429)"_s);
    QCOMPARE(first->text(9), u"rate limited"_s);
    const QTreeWidgetItem *second = attempts->topLevelItem(1);
    QCOMPARE(second->text(3), u"answered"_s);
    QVERIFY(second->text(4).isEmpty());
    QCOMPARE(second->text(8), u"$0.004097"_s); // 4097 input tokens at 1000 nano-USD
}

void TestRequestLog::drillDownAppliesFilter()
{
    RequestLogPage page(m_store.get());
    page.show();
    page.pageShown();
    UsageFilter f;
    f.models = {u"openai/gpt-4o"_s};
    f.tasks = {u"generate"_s};
    page.showRequests(f);
    QCOMPARE(page.model()->filter().models, f.models);
    QCOMPARE(page.model()->filter().tasks, f.tasks);
    int expected = 0;
    for (int i = 0; i < kRows; ++i)
        expected += i % 3 == 0 && i % 2 == 0 ? 1 : 0;
    QTRY_COMPARE(page.model()->rowCount(), expected);
    auto *model = page.filterBar()->findChild<QComboBox *>(u"model"_s);
    QCOMPARE(model->currentText(), u"openai/gpt-4o"_s);
    QCOMPARE(page.filterBar()->filter().models, f.models);
    QCOMPARE(page.filterBar()->filter().tasks, f.tasks);
}

void TestRequestLog::emptyState()
{
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(u"empty.sqlite3"_s), 0);
    QVERIFY(store);
    RequestLogPage page(store.get());
    page.show();
    auto *stack = page.findChild<QStackedWidget *>();
    auto *empty = page.findChild<QLabel *>(u"emptyState"_s);
    QVERIFY(stack && empty);
    QTRY_VERIFY(page.model()->isCounted());
    QCOMPARE(stack->currentWidget(), empty);
    QVERIFY(empty->text().startsWith(u"No requests yet"_s));
}

void TestRequestLog::liveInsertionAtTop()
{
    QTemporaryDir dir;
    const int rows = 1000;
    auto store = openStore(dir.filePath(u"live.sqlite3"_s), rows);
    QVERIFY(store);
    RequestLogPage page(store.get());
    page.resize(1100, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.pageShown();
    RequestLogModel *model = page.model();
    model->setRefreshInterval(10);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model->rowCount(), rows);
    QTableView *view = page.view();

    // At the top: new requests appear as row 0.
    QSignalSpy prepended(model, &RequestLogModel::rowsPrepended);
    for (int i = rows; i < rows + 3; ++i)
        store->record(makeRecord(i, u"live-"_s));
    QTRY_COMPARE(model->rowCount(), rows + 3);
    QTRY_VERIFY(model->recordAt(0) && model->recordAt(0)->requestId == u"live-1002"_s);
    QCOMPARE(view->verticalScrollBar()->value(), 0);

    // Further down with a selection: the selection and the rows in view stay put.
    view->scrollTo(model->index(500, 0), QAbstractItemView::PositionAtTop);
    const int top = view->verticalScrollBar()->value();
    QVERIFY(top > 0);
    view->setCurrentIndex(model->index(510, 0));
    QTRY_VERIFY(!page.detailView()->requestId().isEmpty());
    const QString selected = page.detailView()->requestId();
    prepended.clear();
    for (int i = rows + 3; i < rows + 5; ++i)
        store->record(makeRecord(i, u"live-"_s));
    QTRY_COMPARE(model->rowCount(), rows + 5);
    QCOMPARE(prepended.size(), 1);
    QCOMPARE(view->currentIndex().row(), 512);
    QCOMPARE(view->verticalScrollBar()->value(), top + 2);
    QTRY_VERIFY(model->recordAt(512) && model->recordAt(512)->requestId == selected);
    QCOMPARE(page.detailView()->requestId(), selected);
    QTRY_VERIFY(model->recordAt(0) && model->recordAt(0)->requestId == u"live-1004"_s);
}

void TestRequestLog::followsStoreChanges()
{
    QTemporaryDir dir;
    auto demo = openStore(dir.filePath(u"demo.sqlite3"_s), 250);
    QVERIFY(demo);
    RequestLogPage page(m_store.get());
    page.show();
    QTRY_COMPARE(page.model()->rowCount(), kRows);
    auto *label = page.findChild<QLabel *>(u"demoLabel"_s);
    QVERIFY(label && label->isHidden());
    page.setStore(demo.get(), true);
    QTRY_COMPARE(page.model()->rowCount(), 250);
    QVERIFY(!label->isHidden());
    page.setStore(m_store.get(), false);
    QTRY_COMPARE(page.model()->rowCount(), kRows);
    QVERIFY(label->isHidden());
}

void TestRequestLog::rendersInMainWindow()
{
    // The page as users see it: 1280x800, a few hundred rows with escalations, errors and
    // unpriced node calls, an escalated request selected. SY_SCREENSHOT=file keeps the picture.
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(u"shot.sqlite3"_s), 400);
    QVERIFY(store);
    MainWindow window;
    auto *page = new RequestLogPage(store.get());
    window.addPage(page);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    page->pageShown();
    QTRY_COMPARE(page->model()->rowCount(), 400);
    const int row = 400 - 1 - 392; // request 392: rate-limited first, then answered
    page->view()->setCurrentIndex(page->model()->index(row, 0));
    QTRY_COMPARE(page->detailView()->requestId(), u"req-0392"_s);
    auto *models = page->filterBar()->findChild<QComboBox *>(u"model"_s);
    QTRY_VERIFY(models->count() > 1); // the lists were filled from the rollups
    QTRY_VERIFY(page->model()->index(0, 0).data(RequestLogModel::LoadedRole).toBool());
    const QImage image = window.grab().toImage();
    QCOMPARE(image.size(), QSize(1280, 800));
    if (const QString file = qEnvironmentVariable("SY_SCREENSHOT"); !file.isEmpty())
        QVERIFY(image.save(file));
}

QTEST_MAIN(TestRequestLog)
#include "tst_requestlog.moc"
