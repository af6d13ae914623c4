// SPDX-License-Identifier: MIT
#include "ui/dashboard/spenddashboard.h"

#include "core/config/configstore.h"
#include "core/models/spendpivotmodel.h"
#include "core/models/spendtablemodel.h"
#include "core/usage/costcalculator.h"
#include "core/usage/demodata.h"
#include "core/usage/pricecatalog.h"
#include "core/usage/usagestore.h"
#include "ui/dashboard/cheapworkpanel.h"
#include "ui/dashboard/filterbutton.h"
#include "ui/dashboard/spendchartview.h"
#include "ui/dashboard/usagedatasource.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/uioption.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPromise>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {

const UiOption<QString> s_breakdown("dashboard/breakdown", u"model"_s);
const UiOption<int> s_weeks("dashboard/weeks", 12);
const UiOption<QString> s_flagship("dashboard/flagship", u"openai/gpt-4o"_s);
const UiOption<QByteArray> s_splitter("dashboard/splitter", QByteArray());
const UiOption<QByteArray> s_chartSplitter("dashboard/chartSplitter", QByteArray());
const UiOption<double> s_cheapMaxOutput("dashboard/cheapWork/maxAvgOutputTokens", CheapWorkOptions().maxAvgOutputTokens);
const UiOption<qint64> s_cheapPremium("dashboard/cheapWork/premiumOutputPerMTok", CheapWorkOptions().premiumOutputPerMTok);

constexpr SpendDimension kDimensions[] = {SpendDimension::Model, SpendDimension::Node, SpendDimension::Task,
                                          SpendDimension::Provider};

QDate todayUtc()
{
    return QDateTime::currentDateTimeUtc().date();
}

QLabel *banner(const QString &style, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setStyleSheet(style);
    label->setVisible(false);
    return label;
}

QLabel *statLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::RichText);
    label->setFrameShape(QFrame::StyledPanel);
    label->setMargin(6);
    label->setMinimumWidth(150);
    label->setWordWrap(true); // never cut a figure off at narrow widths
    return label;
}

QString percent(double fraction, int decimals = 1)
{
    return QLocale().toString(fraction * 100.0, 'f', decimals) + u'%';
}

} // namespace

SpendDashboard::SpendDashboard(UsageDataSource *source, ConfigStore *config, QWidget *parent)
    : Page(parent)
    , m_source(source)
    , m_config(config)
    , m_pivot(new SpendPivotModel(this))
    , m_tableModel(new SpendTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_throttle(new QTimer(this))
    , m_stack(new QStackedWidget(this))
{
    setObjectName(u"spendDashboard"_s);
    m_dimension = spendDimensionFromName(s_breakdown.get()).value_or(SpendDimension::Model);
    if (m_dimension == SpendDimension::Route)
        m_dimension = SpendDimension::Model;
    m_weeks = qBound(1, s_weeks.get(), 520);
    m_flagship = s_flagship.get();

    m_throttle->setSingleShot(true);
    m_throttle->setInterval(1000); // live updates: at most one refresh a second
    connect(m_throttle, &QTimer::timeout, this, &SpendDashboard::refresh);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    m_demoBar = new QWidget(this);
    m_demoBar->setObjectName(u"demoBar"_s);
    m_demoBar->setStyleSheet(u"#demoBar { background: #b45309; } #demoBar QLabel { color: white; }"_s);
    auto *demoLayout = new QHBoxLayout(m_demoBar);
    demoLayout->setContentsMargins(12, 4, 12, 4);
    m_demoBanner = new QLabel(tr("<b>DEMO DATA</b> — synthetic traffic for exploring the dashboard, kept in its own "
                                 "database; none of it is your usage."),
                              m_demoBar);
    m_demoBanner->setObjectName(u"demoLabel"_s);
    demoLayout->addWidget(m_demoBanner, 1);
    auto *back = new QPushButton(tr("Back to my usage"), m_demoBar);
    back->setObjectName(u"backToRealUsage"_s);
    connect(back, &QPushButton::clicked, m_source, &UsageDataSource::showRealUsage);
    demoLayout->addWidget(back);
    m_demoBar->setVisible(false);
    outer->addWidget(m_demoBar);
    outer->addWidget(m_stack, 1);

    // Page 0: the dashboard.
    auto *content = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(8);
    layout->addWidget(createControls());
    m_errorBanner = banner(u"background: #fde8e8; color: #8a1c1c; padding: 6px; border-radius: 4px;"_s, content);
    m_errorBanner->setObjectName(u"errorBanner"_s);
    layout->addWidget(m_errorBanner);
    m_unpricedBanner = banner(u"background: #fff4ce; color: #5c4400; padding: 6px; border: 1px solid #e6c84f; "
                              "border-radius: 4px;"_s,
                              content);
    m_unpricedBanner->setObjectName(u"unpricedBanner"_s);
    layout->addWidget(m_unpricedBanner);
    layout->addWidget(createSummary());

    m_chart = new SpendChartView(m_pivot, content);
    m_chart->setObjectName(u"spendChart"_s);
    connect(m_chart, &SpendChartView::barClicked, this, &SpendDashboard::onBarClicked);
    m_cheapWork = new CheapWorkPanel(content);
    m_cheapWorkOptions.maxAvgOutputTokens = s_cheapMaxOutput.get();
    m_cheapWorkOptions.premiumOutputPerMTok = s_cheapPremium.get();
    m_cheapWork->setOptions(m_cheapWorkOptions);
    connect(m_cheapWork, &CheapWorkPanel::requestsWanted, this, &SpendDashboard::onFindingRequests);
    connect(m_cheapWork, &CheapWorkPanel::optionsEdited, this, &SpendDashboard::setCheapWorkOptions);

    auto *chartArea = new QWidget(content);
    auto *chartLayout = new QVBoxLayout(chartArea);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addWidget(m_chart, 1);
    m_rangeEmptyLabel = new QLabel(tr("No requests in this range. Widen the range or clear the filters."), chartArea);
    m_rangeEmptyLabel->setAlignment(Qt::AlignCenter);
    m_rangeEmptyLabel->setVisible(false);
    chartLayout->addWidget(m_rangeEmptyLabel);

    auto *chartSplitter = new QSplitter(Qt::Horizontal, content);
    chartSplitter->setObjectName(u"chartSplitter"_s);
    chartSplitter->addWidget(chartArea);
    chartSplitter->addWidget(m_cheapWork);
    chartSplitter->setStretchFactor(0, 3);
    chartSplitter->setStretchFactor(1, 1);
    chartSplitter->setSizes({760, 320});
    chartSplitter->restoreState(s_chartSplitter.get());
    connect(chartSplitter, &QSplitter::splitterMoved, this,
            [chartSplitter] { s_chartSplitter.set(chartSplitter->saveState()); });

    m_proxy->setSourceModel(m_tableModel);
    m_proxy->setSortRole(SpendTableModel::RawValueRole);
    m_tableView = new QTableView(content);
    m_tableView->setObjectName(u"spendTable"_s);
    m_tableView->setModel(m_proxy);
    m_tableView->setSortingEnabled(true);
    m_tableView->sortByColumn(SpendTableModel::WeekColumn, Qt::DescendingOrder);
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tableView->setAlternatingRowColors(true);
    m_tableView->verticalHeader()->setVisible(false);
    m_tableView->verticalHeader()->setDefaultSectionSize(m_tableView->fontMetrics().height() + 8);
    m_tableView->horizontalHeader()->setStretchLastSection(true);
    m_tableView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_tableView->setToolTip(tr("Double-click a row to see its requests."));
    connect(m_tableView, &QTableView::doubleClicked, this, &SpendDashboard::onTableActivated);

    auto *splitter = new QSplitter(Qt::Vertical, content);
    splitter->setObjectName(u"dashboardSplitter"_s);
    splitter->addWidget(chartSplitter);
    splitter->addWidget(m_tableView);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    splitter->restoreState(s_splitter.get());
    connect(splitter, &QSplitter::splitterMoved, this, [splitter] { s_splitter.set(splitter->saveState()); });
    layout->addWidget(splitter, 1);
    m_stack->addWidget(content);

    // Page 1: nothing recorded yet.
    auto *empty = new QWidget(m_stack);
    empty->setObjectName(u"emptyState"_s);
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(1);
    auto *emptyText = new QLabel(tr("<h2>No requests recorded yet</h2><p>Spend appears here as soon as programs call "
                                    "the gateway. The First run page shows the address to use, or lets you explore "
                                    "this dashboard with demo data.</p>"),
                                 empty);
    emptyText->setAlignment(Qt::AlignCenter);
    emptyText->setWordWrap(true);
    emptyLayout->addWidget(emptyText);
    auto *openWelcome = new QPushButton(tr("Open First run"), empty);
    openWelcome->setObjectName(u"openWelcome"_s);
    connect(openWelcome, &QPushButton::clicked, this, [this] {
        if (auto *window = qobject_cast<MainWindow *>(this->window()))
            window->showPage(u"welcome"_s);
    });
    auto *demo = new QPushButton(tr("Explore with demo data"), empty);
    connect(demo, &QPushButton::clicked, m_source, &UsageDataSource::showDemo);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(openWelcome);
    buttons->addWidget(demo);
    buttons->addStretch(1);
    emptyLayout->addLayout(buttons);
    emptyLayout->addStretch(2);
    m_stack->addWidget(empty);

    connect(m_source, &UsageDataSource::storeChanged, this, &SpendDashboard::onStoreChanged);
    connect(m_source, &UsageDataSource::demoFailed, this,
            [this](const QString &message) { showQueryError(tr("The demo database could not be made: %1").arg(message)); });
    onStoreChanged(m_source->store(), m_source->isDemo());
}

SpendDashboard::~SpendDashboard() = default;

QIcon SpendDashboard::icon() const
{
    return style()->standardIcon(QStyle::SP_FileDialogDetailedView);
}

QWidget *SpendDashboard::createControls()
{
    auto *controls = new QWidget(this);
    auto *grid = new QVBoxLayout(controls);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);

    const auto segmented = [controls](QButtonGroup *group, QHBoxLayout *row, const QString &text, int id,
                                      const QString &name) {
        auto *button = new QToolButton(controls);
        button->setText(text);
        button->setCheckable(true);
        button->setObjectName(name);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setMinimumWidth(72);
        group->addButton(button, id);
        row->addWidget(button);
        return button;
    };

    auto *row1 = new QHBoxLayout;
    row1->setSpacing(0);
    row1->addWidget(new QLabel(tr("Break down by "), controls));
    m_dimensionGroup = new QButtonGroup(this);
    segmented(m_dimensionGroup, row1, tr("Model"), int(SpendDimension::Model), u"breakdown-model"_s);
    segmented(m_dimensionGroup, row1, tr("Node"), int(SpendDimension::Node), u"breakdown-node"_s);
    segmented(m_dimensionGroup, row1, tr("Task"), int(SpendDimension::Task), u"breakdown-task"_s);
    segmented(m_dimensionGroup, row1, tr("Provider"), int(SpendDimension::Provider), u"breakdown-provider"_s);
    m_dimensionGroup->button(int(m_dimension))->setChecked(true);
    connect(m_dimensionGroup, &QButtonGroup::idClicked, this,
            [this](int id) { setDimension(SpendDimension(id)); });

    row1->addSpacing(24);
    row1->addWidget(new QLabel(tr("Range "), controls));
    m_rangeGroup = new QButtonGroup(this);
    segmented(m_rangeGroup, row1, tr("4 weeks"), 4, u"range-4"_s);
    segmented(m_rangeGroup, row1, tr("12 weeks"), 12, u"range-12"_s);
    segmented(m_rangeGroup, row1, tr("52 weeks"), 52, u"range-52"_s);
    segmented(m_rangeGroup, row1, tr("Custom"), 0, u"range-custom"_s);
    if (!m_rangeGroup->button(m_weeks))
        m_weeks = 12;
    m_rangeGroup->button(m_weeks)->setChecked(true);
    connect(m_rangeGroup, &QButtonGroup::idClicked, this, [this](int id) {
        if (id > 0)
            setWeeks(id);
        else
            setCustomRange(filter().from, filter().to);
    });
    row1->addSpacing(8);
    m_fromEdit = new QDateEdit(controls);
    m_toEdit = new QDateEdit(controls);
    for (QDateEdit *edit : {m_fromEdit, m_toEdit}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
        connect(edit, &QDateEdit::editingFinished, this,
                [this] { setCustomRange(m_fromEdit->date(), m_toEdit->date()); });
    }
    m_fromEdit->setObjectName(u"rangeFrom"_s);
    m_toEdit->setObjectName(u"rangeTo"_s);
    row1->addWidget(m_fromEdit);
    row1->addWidget(new QLabel(u" – "_s, controls));
    row1->addWidget(m_toEdit);
    row1->addStretch(1);
    grid->addLayout(row1);

    auto *row2 = new QHBoxLayout;
    row2->setSpacing(6);
    row2->addWidget(new QLabel(tr("Filter"), controls));
    const QHash<SpendDimension, QString> titles{{SpendDimension::Model, tr("Models")},
                                                {SpendDimension::Node, tr("Nodes")},
                                                {SpendDimension::Task, tr("Tasks")},
                                                {SpendDimension::Provider, tr("Providers")}};
    for (SpendDimension d : kDimensions) {
        auto *button = new FilterButton(titles.value(d), [d](const QString &v) { return SpendTableModel::keyLabel(d, v); },
                                        controls);
        button->setObjectName(u"filter-"_s + spendDimensionName(d));
        connect(button, &FilterButton::selectionChanged, this, &SpendDashboard::refresh);
        m_filters.insert(d, button);
        row2->addWidget(button);
    }
    row2->addSpacing(16);
    row2->addWidget(new QLabel(tr("Compare with"), controls));
    m_flagshipCombo = new QComboBox(controls);
    m_flagshipCombo->setObjectName(u"flagshipCombo"_s);
    m_flagshipCombo->setToolTip(tr("Draws what the same traffic would have cost on one flagship model"));
    m_flagshipCombo->addItem(tr("(no comparison)"), QString());
    for (const char *target : {"openai/gpt-4o", "anthropic/claude-sonnet-4-5", "openai/gpt-5", "anthropic/claude-opus-4-5",
                               "google/gemini-2.5-pro", "openai/gpt-4.1"})
        m_flagshipCombo->addItem(QString::fromLatin1(target), QString::fromLatin1(target));
    m_flagshipCombo->setCurrentIndex(qMax(0, m_flagshipCombo->findData(m_flagship)));
    connect(m_flagshipCombo, &QComboBox::currentIndexChanged, this,
            [this] { setFlagship(m_flagshipCombo->currentData().toString()); });
    row2->addWidget(m_flagshipCombo);
    row2->addStretch(1);

    auto *exportButton = new QToolButton(controls);
    exportButton->setObjectName(u"exportButton"_s);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    menu->addAction(tr("Table as CSV (weekly sums)…"), this, &SpendDashboard::askExportCsv);
    menu->addAction(tr("Requests as CSV (every row behind the numbers)…"), this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export requests"), u"requests.csv"_s, tr("CSV (*.csv)"));
        if (!file.isEmpty())
            exportRequestsCsv(file);
    });
    menu->addAction(tr("Chart as PNG…"), this, &SpendDashboard::askExportPng);
    exportButton->setMenu(menu);
    row2->addWidget(exportButton);
    grid->addLayout(row2);

    updateRangeEdits();
    return controls;
}

QWidget *SpendDashboard::createSummary()
{
    auto *summary = new QWidget(this);
    auto *row = new QHBoxLayout(summary);
    row->setContentsMargins(0, 0, 0, 0);
    m_totalLabel = statLabel(summary);
    m_totalLabel->setObjectName(u"totalLabel"_s);
    m_requestsLabel = statLabel(summary);
    m_weekLabel = statLabel(summary);
    m_weekLabel->setObjectName(u"weekOverWeekLabel"_s);
    m_flagshipLabel = statLabel(summary);
    m_flagshipLabel->setObjectName(u"flagshipLabel"_s);
    row->addWidget(m_totalLabel, 2);
    row->addWidget(m_requestsLabel, 2);
    row->addWidget(m_weekLabel, 3);
    row->addWidget(m_flagshipLabel, 4);
    return summary;
}

void SpendDashboard::pageShown()
{
    if (m_dirty)
        refresh();
}

void SpendDashboard::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    if (m_dirty)
        refresh();
}

UsageFilter SpendDashboard::filter() const
{
    UsageFilter f;
    if (m_weeks > 0) {
        f.to = todayUtc();
        f.from = SpendAnalysis::weekStartOf(f.to).addDays(-7 * (m_weeks - 1));
    } else {
        f.from = m_customFrom;
        f.to = m_customTo;
    }
    f.models = m_filters.value(SpendDimension::Model)->selected();
    f.nodes = m_filters.value(SpendDimension::Node)->selected();
    f.tasks = m_filters.value(SpendDimension::Task)->selected();
    f.providers = m_filters.value(SpendDimension::Provider)->selected();
    return f;
}

void SpendDashboard::setDimension(SpendDimension dimension)
{
    if (QAbstractButton *b = m_dimensionGroup->button(int(dimension)))
        b->setChecked(true);
    if (dimension == m_dimension)
        return;
    m_dimension = dimension;
    s_breakdown.set(spendDimensionName(dimension));
    refresh();
}

void SpendDashboard::setWeeks(int weeks)
{
    if (QAbstractButton *b = m_rangeGroup->button(weeks))
        b->setChecked(true);
    m_weeks = qMax(1, weeks);
    s_weeks.set(m_weeks);
    updateRangeEdits();
    refresh();
}

void SpendDashboard::setCustomRange(QDate from, QDate to)
{
    m_rangeGroup->button(0)->setChecked(true);
    if (to < from)
        std::swap(from, to);
    m_weeks = 0;
    m_customFrom = from;
    m_customTo = to;
    updateRangeEdits();
    refresh();
}

void SpendDashboard::updateRangeEdits()
{
    const UsageFilter f = filter();
    for (QDateEdit *edit : {m_fromEdit, m_toEdit}) {
        const QSignalBlocker block(edit);
        edit->setEnabled(m_weeks == 0);
    }
    const QSignalBlocker blockFrom(m_fromEdit);
    const QSignalBlocker blockTo(m_toEdit);
    m_fromEdit->setDate(f.from);
    m_toEdit->setDate(f.to);
}

void SpendDashboard::setFlagship(const QString &target)
{
    const int index = m_flagshipCombo->findData(target);
    if (index >= 0 && index != m_flagshipCombo->currentIndex()) {
        const QSignalBlocker block(m_flagshipCombo);
        m_flagshipCombo->setCurrentIndex(index);
    }
    m_flagship = target;
    s_flagship.set(target);
    updateLine();
}

void SpendDashboard::onStoreChanged(UsageStore *store, bool demo)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &UsageStore::recordsCommitted, this, &SpendDashboard::onRecordsCommitted);
    m_demoBar->setVisible(demo);
    // Filters picked in one database mean nothing in the other.
    for (FilterButton *button : std::as_const(m_filters)) {
        const QSignalBlocker block(button);
        button->setSelected({});
        button->setValues({});
    }
    refresh();
}

void SpendDashboard::onRecordsCommitted()
{
    if (!m_throttle->isActive())
        m_throttle->start();
}

void SpendDashboard::refresh()
{
    m_throttle->stop();
    if (!isVisible() && m_ticket > 0) {
        m_dirty = true; // hidden pages catch up when shown
        return;
    }
    m_dirty = false;
    const quint64 ticket = ++m_ticket;
    if (!m_store)
        return;
    const UsageFilter f = filter();
    const SpendDimension dimension = m_dimension;
    const QList<QDate> weeks = SpendAnalysis::weeksBetween(f.from, f.to);
    const auto failed = [this, ticket](const UsageStoreException &e) {
        if (ticket == m_ticket)
            showQueryError(e.error().toString());
    };

    SpendQuery query;
    query.filter = f;
    query.groupBy = dimension;
    m_store->querySpend(query)
        .then(this, [this, ticket, dimension, weeks](const SpendTable &table) {
            if (ticket == m_ticket)
                applyTable(table, dimension, weeks);
        })
        .onFailed(this, failed);

    // Everything ever recorded: tells "nothing yet" (empty state) from "nothing in this range".
    m_store->queryTotals(UsageFilter())
        .then(this, [this, ticket](const SpendSums &all) {
            if (ticket == m_ticket)
                m_stack->setCurrentIndex(all.requests == 0 ? 1 : 0);
        })
        .onFailed(this, failed);

    // Filter menus offer what the range holds, whatever else is filtered.
    UsageFilter range;
    range.from = f.from;
    range.to = f.to;
    for (SpendDimension d : kDimensions) {
        SpendQuery values;
        values.filter = range;
        values.groupBy = d;
        m_store->querySpend(values)
            .then(this, [this, ticket, d](const SpendTable &table) {
                if (ticket != m_ticket)
                    return;
                QStringList keys;
                for (const SpendRow &row : table) {
                    if (!keys.contains(row.key))
                        keys.append(row.key);
                }
                m_filters.value(d)->setValues(keys);
            })
            .onFailed(this, failed);
    }

    m_cheapWork->setBusy();
    SpendAnalysis::querySlices(m_store, f)
        .then(this, [this, ticket](const UsageSlices &slices) {
            if (ticket == m_ticket)
                applySlices(slices);
        })
        .onFailed(this, failed);
}

CostCalculator SpendDashboard::calculator() const
{
    // Demo traffic names the demo's providers and nodes, not the user's.
    Config config = m_source->isDemo() ? DemoData::config() : m_config ? m_config->snapshot()->config : Config();
    return CostCalculator(PriceCatalog::builtIn(), std::move(config));
}

void SpendDashboard::applyTable(const SpendTable &table, SpendDimension dimension, const QList<QDate> &weeks)
{
    m_errorBanner->setVisible(false);
    m_table = table;
    m_tableDimension = dimension;
    m_tableModel->setDimension(dimension);
    m_tableModel->setRows(table);
    m_tableView->resizeColumnsToContents();
    m_pivot->setTable(table, weeks, dimension, 8);
    updateLine();

    const QLocale locale;
    const SpendSums total = totalsOf(table);
    m_rangeEmptyLabel->setVisible(total.requests == 0);
    m_chart->setVisible(total.requests > 0);
    const QHash<SpendDimension, QString> by{{SpendDimension::Model, tr("model")}, {SpendDimension::Node, tr("node")},
                                            {SpendDimension::Task, tr("task")}, {SpendDimension::Provider, tr("provider")},
                                            {SpendDimension::Route, tr("route")}};
    m_chart->chart()->setTitle(tr("Weekly spend by %1").arg(by.value(dimension)));

    m_totalLabel->setText(tr("Spend in range<br><span style='font-size:16pt; font-weight:600'>%1</span>")
                              .arg(SpendTableModel::formatUsd(total.cost)));
    m_requestsLabel->setText(tr("Requests<br><span style='font-size:16pt; font-weight:600'>%1</span> &nbsp;%2")
                                 .arg(locale.toString(total.requests),
                                      total.errors > 0 ? tr("(%1 errors)").arg(locale.toString(total.errors)) : QString()));

    const WeekOverWeek wow = SpendAnalysis::weekOverWeek(table, todayUtc());
    if (!wow.week.isValid()) {
        m_weekLabel->setText(tr("Week over week<br><span style='font-size:16pt'>—</span>"));
    } else {
        QString change = tr("no spend the week before");
        if (wow.change) {
            const bool up = *wow.change >= 0;
            const double size = qAbs(*wow.change);
            change = QStringLiteral("<span style='color:%1'>%2 %3</span> %4")
                         .arg(up ? u"#b42318"_s : u"#1a7f37"_s, up ? u"▲"_s : u"▼"_s, percent(size, size < 0.1 ? 1 : 0),
                              tr("on the week before"));
        }
        const QString title = wow.complete ? tr("Last full week (from %1)") : tr("This week so far (from %1)");
        m_weekLabel->setText(title.arg(locale.toString(wow.week, u"MMM d"_s))
                             + QStringLiteral("<br><span style='font-size:16pt; font-weight:600'>%1</span> &nbsp;%2")
                                   .arg(SpendTableModel::formatUsd(wow.cost), change));
    }

    // The unpriced share is a warning of its own: their cost is missing, not zero.
    m_unpricedBanner->setVisible(total.unpricedRequests > 0);
    if (total.unpricedRequests > 0) {
        const QString share = percent(double(total.unpricedRequests) / double(total.requests));
        const QString count = QLocale().toString(total.unpricedRequests);
        m_unpricedBanner->setText(
            (total.unpricedRequests == 1 ? tr("⚠ <b>1 request (%1) has no known price</b>; its cost is not in these "
                                              "numbers.").arg(share)
                                         : tr("⚠ <b>%1 requests (%2) have no known price</b>; their cost is not in "
                                              "these numbers.").arg(count, share))
            + u' ' + tr("Add a price for their models in the configuration (\"prices\") to include them."));
    }
    Q_EMIT refreshed();
}

void SpendDashboard::updateLine()
{
    QString provider;
    QString model;
    const int slash = int(m_flagship.indexOf(u'/'));
    if (slash > 0) {
        provider = m_flagship.left(slash);
        model = m_flagship.mid(slash + 1);
    }
    const QMap<QDate, NanoUsd> line =
        model.isEmpty() ? QMap<QDate, NanoUsd>() : SpendAnalysis::flagshipCost(m_table, calculator(), provider, model);
    m_pivot->setLine(line.isEmpty() ? QString() : tr("All on %1").arg(m_flagship), line);

    if (model.isEmpty()) {
        m_flagshipLabel->setText(tr("Flagship comparison<br>Pick a model under “Compare with”."));
        return;
    }
    if (line.isEmpty()) {
        m_flagshipLabel->setText(tr("All on %1<br>no price known for this model").arg(m_flagship.toHtmlEscaped()));
        return;
    }
    NanoUsd flagship = 0;
    for (NanoUsd v : line)
        flagship += v;
    const SpendSums total = totalsOf(m_table);
    QString verdict;
    if (flagship > total.cost && flagship > 0)
        verdict = tr("routing saved <b>%1</b> (%2)")
                      .arg(SpendTableModel::formatUsd(flagship - total.cost),
                           percent(double(flagship - total.cost) / double(flagship), 0));
    else if (flagship < total.cost)
        verdict = tr("<b>%1</b> more than all on this model").arg(SpendTableModel::formatUsd(total.cost - flagship));
    m_flagshipLabel->setText(tr("All traffic on %1<br><span style='font-size:16pt; font-weight:600'>%2</span> &nbsp;%3")
                                 .arg(m_flagship.toHtmlEscaped(), SpendTableModel::formatUsd(flagship), verdict));
}

void SpendDashboard::setCheapWorkOptions(const CheapWorkOptions &options)
{
    m_cheapWorkOptions.maxAvgOutputTokens = options.maxAvgOutputTokens;
    m_cheapWorkOptions.premiumOutputPerMTok = options.premiumOutputPerMTok;
    s_cheapMaxOutput.set(options.maxAvgOutputTokens);
    s_cheapPremium.set(options.premiumOutputPerMTok);
    applySlices(m_slices); // the same calls, judged again: no query needed
}

void SpendDashboard::applySlices(const UsageSlices &slices)
{
    m_slices = slices;
    m_cheapWork->setFindings(SpendAnalysis::expensiveModelsOnCheapWork(slices, calculator(), m_cheapWorkOptions),
                             m_cheapWorkOptions);
    Q_EMIT analysisUpdated();
}

void SpendDashboard::showQueryError(const QString &message)
{
    m_errorBanner->setText(tr("The usage database did not answer: %1").arg(message.toHtmlEscaped()));
    m_errorBanner->setVisible(true);
}

void SpendDashboard::drillDown(QDate week, const QStringList &keys)
{
    UsageFilter f = filter();
    if (week.isValid()) {
        f.from = f.from.isValid() ? qMax(f.from, week) : week;
        f.to = f.to.isValid() ? qMin(f.to, week.addDays(6)) : week.addDays(6);
    }
    // An empty key is a value too: the node of cloud calls, the task of untagged calls.
    const QStringList wanted = keys;
    if (!wanted.isEmpty()) {
        switch (m_tableDimension) {
        case SpendDimension::Model: f.models = wanted; break;
        case SpendDimension::Node: f.nodes = wanted; break;
        case SpendDimension::Task: f.tasks = wanted; break;
        case SpendDimension::Provider: f.providers = wanted; break;
        case SpendDimension::Route: break;
        }
    }
    Q_EMIT drillDownRequested(f);
    if (auto *window = qobject_cast<MainWindow *>(this->window()))
        window->showPage(u"requests"_s);
}

void SpendDashboard::onBarClicked(int row, int column)
{
    drillDown(m_pivot->weekAt(row), m_pivot->keysOf(column));
}

void SpendDashboard::onTableActivated(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    drillDown(index.data(SpendTableModel::WeekRole).toDate(), {index.data(SpendTableModel::KeyRole).toString()});
}

void SpendDashboard::onFindingRequests(const CheapWorkFinding &finding)
{
    UsageFilter f = filter();
    f.tasks = QStringList{finding.task};
    f.providers = QStringList{finding.provider};
    f.models = QStringList{finding.model};
    Q_EMIT drillDownRequested(f);
    if (auto *window = qobject_cast<MainWindow *>(this->window()))
        window->showPage(u"requests"_s);
}

QFuture<qint64> SpendDashboard::exportTableCsv(const QString &fileName)
{
    auto promise = std::make_shared<QPromise<qint64>>();
    QFuture<qint64> future = promise->future();
    promise->start();
    // The table's own rows: exactly the numbers shown, under the filters that made them.
    QThreadPool::globalInstance()->start([promise, fileName, rows = m_table, dimension = m_tableDimension] {
        QSaveFile file(fileName);
        if (file.open(QIODevice::WriteOnly) && SpendTableModel::writeCsv(rows, dimension, &file) && file.commit())
            promise->addResult(rows.size());
        else
            promise->setException(UsageStoreException({fileName, file.errorString()}));
        promise->finish();
    });
    return future;
}

QFuture<qint64> SpendDashboard::exportRequestsCsv(const QString &fileName)
{
    if (!m_store)
        return QtFuture::makeReadyFuture<qint64>(-1);
    return m_store->exportCsv(filter(), fileName);
}

bool SpendDashboard::exportChartPng(const QString &fileName)
{
    return m_chart->image().save(fileName, "PNG");
}

void SpendDashboard::askExportCsv()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export table"), u"spend.csv"_s, tr("CSV (*.csv)"));
    if (file.isEmpty())
        return;
    exportTableCsv(file).onFailed(this, [this](const UsageStoreException &e) {
        showQueryError(e.error().toString());
        return qint64(-1);
    });
}

void SpendDashboard::askExportPng()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Save chart"), u"spend.png"_s, tr("PNG image (*.png)"));
    if (!file.isEmpty() && !exportChartPng(file))
        showQueryError(tr("cannot write %1").arg(file.toHtmlEscaped()));
}

} // namespace Switchyard
