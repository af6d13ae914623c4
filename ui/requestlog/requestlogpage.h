// SPDX-License-Identifier: MIT
#pragma once

#include "core/usage/spendquery.h"
#include "core/usage/usagestore.h" // complete type for the UsageStore* slot argument
#include "ui/mainwindow/page.h"

class QLabel;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace Switchyard {

class RequestDetailView;
class RequestFilterBar;
class RequestLogModel;

/// The "Request log" page: filters, the virtual table of every recorded request (newest
/// first, loaded page by page by RequestLogModel) and, below it, the attempts of the
/// selected request. New requests appear at the top while the page is shown; the scroll
/// position is kept when the user is not at the top. Lives on the GUI thread.
class RequestLogPage : public Page
{
    Q_OBJECT
public:
    /// `store` may be null (no database): the page explains that it has nothing to show.
    explicit RequestLogPage(UsageStore *store, QWidget *parent = nullptr);
    ~RequestLogPage() override;

    QString pageId() const override;
    QString title() const override;
    QIcon icon() const override;
    void pageShown() override;
    void pageHidden() override;

    RequestLogModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    RequestDetailView *detailView() const { return m_detail; }
    RequestFilterBar *filterBar() const { return m_filterBar; }

public Q_SLOTS:
    /// Shows the requests of `filter` (a drill-down from the dashboard): the filter bar
    /// takes its values and the log reloads.
    void showRequests(const Switchyard::UsageFilter &filter);
    /// Follows UsageDataSource::storeChanged: lists the demo or the real database.
    void setStore(Switchyard::UsageStore *store, bool demo);

private:
    void applyFilter(const UsageFilter &filter);
    void loadChoices();
    void updateState();
    void updateDetail();
    void onRowsAboutToBePrepended();
    void onRowsPrepended(int count);

    UsageStore *m_store;
    RequestLogModel *m_model;
    RequestFilterBar *m_filterBar;
    QStackedWidget *m_tableStack;
    QTableView *m_view;
    QLabel *m_empty;
    RequestDetailView *m_detail;
    QSplitter *m_splitter;
    QLabel *m_demoLabel;
    bool m_wasAtTop = true;
    bool m_choicesLoaded = false;
    quint64 m_choicesTicket = 0;
};

} // namespace Switchyard
