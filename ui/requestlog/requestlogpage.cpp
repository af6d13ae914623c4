// SPDX-License-Identifier: MIT
#include "ui/requestlog/requestlogpage.h"

#include "core/models/requestlogmodel.h"
#include "core/usage/usagestore.h"
#include "ui/mainwindow/uioption.h"
#include "ui/requestlog/requestdetailview.h"
#include "ui/requestlog/requestfilterbar.h"
#include "ui/requestlog/requeststatusdelegate.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {
const UiOption<QByteArray> s_splitter("requestLog/splitter", QByteArray());
const UiOption<QByteArray> s_columns("requestLog/columns", QByteArray());

bool isEmptyFilter(const UsageFilter &f)
{
    return !f.from.isValid() && !f.to.isValid() && f.models.isEmpty() && f.nodes.isEmpty() && f.tasks.isEmpty()
        && f.providers.isEmpty() && f.statuses.isEmpty() && f.search.isEmpty();
}

QStringList keysOf(const SpendTable &table)
{
    QStringList keys;
    for (const SpendRow &row : table)
        keys.append(row.key);
    keys.removeDuplicates();
    keys.sort(Qt::CaseInsensitive);
    return keys;
}
} // namespace

RequestLogPage::RequestLogPage(UsageStore *store, QWidget *parent)
    : Page(parent)
    , m_store(store)
    , m_model(new RequestLogModel(store, this))
    , m_filterBar(new RequestFilterBar(this))
    , m_tableStack(new QStackedWidget(this))
    , m_view(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_detail(new RequestDetailView(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_demoLabel(new QLabel(tr("Demo data: these requests are made up"), this))
{
    setObjectName(u"requestLogPage"_s);
    m_view->setObjectName(u"requestTable"_s);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new RequestStatusDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setCornerButtonEnabled(false);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerItem); // row indexes stay exact at 10M rows
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed row heights: the view never measures rows, so a 10M-row log costs nothing to lay out.
    QHeaderView *rows = m_view->verticalHeader();
    rows->setVisible(false);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    QHeaderView *columns = m_view->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setSectionsMovable(true);
    // Sized so that every column fits a 1280-wide window beside the sidebar.
    const int widths[] = {142, 108, 76, 166, 72, 70, 58, 92, 74, 66, 56, 50};
    for (int i = 0; i < int(std::size(widths)); ++i)
        columns->resizeSection(i, widths[i]);
    columns->setStretchLastSection(true);
    if (const QByteArray state = s_columns.get(); !state.isEmpty())
        columns->restoreState(state);

    m_empty->setObjectName(u"emptyState"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);
    m_tableStack->addWidget(m_view);
    m_tableStack->addWidget(m_empty);

    m_splitter->setObjectName(u"requestLogSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_tableStack);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({560, 170});
    if (const QByteArray state = s_splitter.get(); !state.isEmpty())
        m_splitter->restoreState(state);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { s_splitter.set(m_splitter->saveState()); });

    auto *heading = new QLabel(tr("Request log"), this);
    QFont big = heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    heading->setFont(big);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);
    m_demoLabel->setObjectName(u"demoLabel"_s);
    m_demoLabel->setStyleSheet(u"QLabel { background: #fff3cd; color: #664d03; border-radius: 4px; padding: 2px 8px; }"_s);
    m_demoLabel->setVisible(false);
    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(heading);
    headingRow->addSpacing(12);
    headingRow->addWidget(m_demoLabel);
    headingRow->addStretch(1);
    layout->addLayout(headingRow);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_splitter, 1);

    connect(m_filterBar, &RequestFilterBar::filterChanged, this, &RequestLogPage::applyFilter);
    connect(m_model, &RequestLogModel::totalChanged, this, &RequestLogPage::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RequestLogPage::updateState);
    connect(m_model, &RequestLogModel::queryFailed, this, [this](const QString &message) {
        m_filterBar->setSummary(tr("Query failed: %1").arg(message));
    });
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, &RequestLogPage::onRowsAboutToBePrepended);
    connect(m_model, &RequestLogModel::rowsPrepended, this, &RequestLogPage::onRowsPrepended);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RequestLogPage::updateDetail);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        const int row = m_view->currentIndex().row();
        if (row >= from.row() && row <= to.row())
            updateDetail();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &RequestLogPage::updateDetail);
    // Live updates only while the page is on screen; pageShown() catches up.
    m_model->setLiveUpdates(false);
    updateState();
}

RequestLogPage::~RequestLogPage()
{
    // Saved once, not on every resize: the stretched last column changes with the window.
    s_columns.set(m_view->horizontalHeader()->saveState());
}

QString RequestLogPage::pageId() const
{
    return u"requests"_s;
}

QString RequestLogPage::title() const
{
    return tr("Request log");
}

QIcon RequestLogPage::icon() const
{
    return QApplication::style()->standardIcon(QStyle::SP_FileDialogDetailedView);
}

void RequestLogPage::pageShown()
{
    m_model->setLiveUpdates(true);
    if (!m_choicesLoaded)
        loadChoices();
}

void RequestLogPage::pageHidden()
{
    m_model->setLiveUpdates(false);
}

void RequestLogPage::showRequests(const UsageFilter &filter)
{
    m_filterBar->setFilter(filter);
    applyFilter(filter);
}

void RequestLogPage::setStore(UsageStore *store, bool demo)
{
    m_demoLabel->setVisible(demo);
    if (store == m_store)
        return;
    m_store = store;
    m_view->selectionModel()->clear();
    m_model->setStore(store);
    m_choicesLoaded = false;
    ++m_choicesTicket; // the old database's lists are not wanted
    m_filterBar->setChoices({}, {}, {}, {});
    if (isVisible())
        loadChoices();
    updateState();
}

void RequestLogPage::applyFilter(const UsageFilter &filter)
{
    m_view->selectionModel()->clear();
    m_model->setFilter(filter);
    m_view->scrollToTop();
    updateState();
}

void RequestLogPage::loadChoices()
{
    if (!m_store)
        return;
    m_choicesLoaded = true;
    // The lists come from the weekly rollups: four small queries, whatever the log's size.
    struct Choices {
        QStringList lists[4];
        int pending = 4;
    };
    auto choices = std::make_shared<Choices>();
    const quint64 ticket = ++m_choicesTicket;
    const SpendDimension dims[] = {SpendDimension::Model, SpendDimension::Task, SpendDimension::Provider,
                                   SpendDimension::Node};
    for (int i = 0; i < 4; ++i) {
        m_store->querySpend({UsageFilter{}, dims[i]})
            .then(this, [this, choices, ticket, i](const SpendTable &table) {
                choices->lists[i] = keysOf(table);
                if (--choices->pending == 0 && ticket == m_choicesTicket)
                    m_filterBar->setChoices(choices->lists[0], choices->lists[1], choices->lists[2],
                                            choices->lists[3]);
            })
            .onFailed(this, [this](const UsageStoreException &) { m_choicesLoaded = false; });
    }
}

void RequestLogPage::updateState()
{
    const qint64 total = m_model->totalCount();
    const bool empty = m_model->isCounted() && total == 0;
    if (!m_store) {
        m_empty->setText(tr("The usage database is not open, so there are no requests to list."));
    } else if (isEmptyFilter(m_model->filter())) {
        m_empty->setText(tr("No requests yet. Every call your programs send to the local gateway is listed "
                            "here as soon as it finishes, with each ladder rung it tried."));
    } else {
        m_empty->setText(tr("No request matches these filters. Clear them to see every request."));
    }
    m_tableStack->setCurrentWidget(!m_store || empty ? static_cast<QWidget *>(m_empty) : m_view);
    if (!m_model->isCounted())
        m_filterBar->setSummary(m_store ? tr("Counting…") : QString());
    else
        m_filterBar->setSummary(total == 1 ? tr("1 request") : tr("%1 requests").arg(QLocale().toString(total)));
}

void RequestLogPage::updateDetail()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    const RequestRecord *record = m_model->recordAt(current.row());
    if (!record) {
        m_detail->clear(true); // filled in by the page's dataChanged
        return;
    }
    if (record->requestId != m_detail->requestId() || record->requestId.isEmpty())
        m_detail->showRecord(*record);
}

void RequestLogPage::onRowsAboutToBePrepended()
{
    m_wasAtTop = m_view->verticalScrollBar()->value() == 0;
}

void RequestLogPage::onRowsPrepended(int count)
{
    // At the top the new requests scroll into view; further down the rows the user is
    // reading stay where they are. The scroll bar's range catches up only at the next
    // layout, so widen it now.
    if (!m_wasAtTop) {
        QScrollBar *bar = m_view->verticalScrollBar();
        const int value = bar->value();
        bar->setMaximum(bar->maximum() + count);
        bar->setValue(value + count);
    }
}

} // namespace Switchyard
