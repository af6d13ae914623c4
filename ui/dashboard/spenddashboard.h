// SPDX-License-Identifier: MIT
#pragma once

#include "core/usage/spendanalysis.h"
#include "core/usage/spendquery.h"
#include "ui/mainwindow/page.h"

#include <QFuture>
#include <QHash>
#include <QPointer>

class QAbstractButton;
class QButtonGroup;
class QComboBox;
class QDateEdit;
class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace Switchyard {

class CheapWorkPanel;
class ConfigStore;
class CostCalculator;
class FilterButton;
class SpendChartView;
class SpendPivotModel;
class SpendTableModel;
class UsageDataSource;
class UsageStore;

/// The spend dashboard page: weekly spend as stacked bars by model, node, task or provider
/// over 4, 12, 52 weeks or a custom range, filters per dimension, totals and week-over-week
/// change, the unpriced share as its own warning, a flagship-model comparison line, the
/// "expensive model doing cheap work" findings and a sortable table of the same numbers.
///
/// Every query runs on the usage store's reader thread; answers carry a ticket and only
/// the newest is applied. New records refresh it at most once a second while it is shown.
/// Analyses come from SpendAnalysis; this class only asks and displays. GUI thread.
class SpendDashboard : public Page
{
    Q_OBJECT

public:
    SpendDashboard(UsageDataSource *source, ConfigStore *config, QWidget *parent = nullptr);
    ~SpendDashboard() override;

    QString pageId() const override { return QStringLiteral("dashboard"); }
    QString title() const override { return tr("Dashboard"); }
    QIcon icon() const override;
    void pageShown() override;

    SpendDimension dimension() const { return m_dimension; }
    void setDimension(SpendDimension dimension);
    /// The last `weeks` weeks up to today (4, 12, 52...).
    void setWeeks(int weeks);
    void setCustomRange(QDate from, QDate to);
    /// "provider/model" of the comparison line; empty for none.
    void setFlagship(const QString &target);
    /// Thresholds of "expensive model doing cheap work" (remembered); re-judges the last answer.
    void setCheapWorkOptions(const CheapWorkOptions &options);
    const CheapWorkOptions &cheapWorkOptions() const { return m_cheapWorkOptions; }
    /// The slices behind the last analysis (for tests and exports).
    const UsageSlices &lastSlices() const { return m_slices; }
    /// Prices the shown traffic: the demo's providers for demo data, else the user's.
    CostCalculator calculator() const;
    /// The filter of the shown numbers: the range plus every dimension's selection.
    UsageFilter filter() const;

    /// Asks the store again now (live updates call it throttled).
    void refresh();
    /// Writes the table's rows (weekly sums per key under the active filters) as CSV on a
    /// pool thread; the future gives the row count, or fails.
    QFuture<qint64> exportTableCsv(const QString &fileName);
    /// Writes every request behind the numbers (UsageStore::exportCsv, same filter).
    QFuture<qint64> exportRequestsCsv(const QString &fileName);
    /// Saves the chart as shown; false when the image could not be written.
    bool exportChartPng(const QString &fileName);

    SpendPivotModel *chartModel() const { return m_pivot; }
    SpendTableModel *tableModel() const { return m_tableModel; }
    SpendChartView *chartView() const { return m_chart; }
    const SpendTable &table() const { return m_table; }

Q_SIGNALS:
    /// The user asked for the requests behind a bar, a table row or a finding.
    void drillDownRequested(const Switchyard::UsageFilter &filter);
    /// A query answer was applied (tests and screenshots wait for it).
    void refreshed();
    void analysisUpdated();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createControls();
    QWidget *createSummary();
    void onStoreChanged(UsageStore *store, bool demo);
    void onRecordsCommitted();
    void applyTable(const SpendTable &table, SpendDimension dimension, const QList<QDate> &weeks);
    void applySlices(const UsageSlices &slices);
    void updateLine();
    void updateRangeEdits();
    void showQueryError(const QString &message);
    void drillDown(QDate week, const QStringList &keys);
    void onBarClicked(int row, int column);
    void onTableActivated(const QModelIndex &index);
    void onFindingRequests(const CheapWorkFinding &finding);
    void askExportCsv();
    void askExportPng();

    UsageDataSource *m_source;
    ConfigStore *m_config;
    QPointer<UsageStore> m_store;
    SpendDimension m_dimension = SpendDimension::Model;
    int m_weeks = 12;              ///< 0: custom range
    QDate m_customFrom;
    QDate m_customTo;
    QString m_flagship;
    quint64 m_ticket = 0;
    bool m_dirty = false;
    SpendTable m_table;
    SpendDimension m_tableDimension = SpendDimension::Model;
    CheapWorkOptions m_cheapWorkOptions;
    UsageSlices m_slices; ///< the last answer, re-analysed when a threshold changes

    SpendPivotModel *m_pivot;
    SpendTableModel *m_tableModel;
    QSortFilterProxyModel *m_proxy;
    QTimer *m_throttle;

    QStackedWidget *m_stack;       ///< dashboard or empty state
    QLabel *m_demoBanner;
    QWidget *m_demoBar;
    QLabel *m_unpricedBanner;
    QLabel *m_errorBanner;
    QButtonGroup *m_dimensionGroup;
    QButtonGroup *m_rangeGroup;
    QDateEdit *m_fromEdit;
    QDateEdit *m_toEdit;
    QHash<SpendDimension, FilterButton *> m_filters;
    QComboBox *m_flagshipCombo;
    QLabel *m_totalLabel;
    QLabel *m_requestsLabel;
    QLabel *m_weekLabel;
    QLabel *m_flagshipLabel;
    QLabel *m_rangeEmptyLabel;
    SpendChartView *m_chart;
    CheapWorkPanel *m_cheapWork;
    QTableView *m_tableView;
};

} // namespace Switchyard
