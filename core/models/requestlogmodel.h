// SPDX-License-Identifier: MIT
#pragma once

#include "core/usage/spendquery.h"
#include "core/usage/usagerecord.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QSet>

class QTimer;

namespace Switchyard {

class UsageStore;

/// The request log: every request of the usage database that matches a filter, newest
/// first, as a virtual table. It knows the row count (UsageStore::queryTotals) but holds only
/// a few pages of kPageSize records: data() for a row that is not loaded answers a
/// placeholder and asks the store for that page; the page's dataChanged() follows. Pages far
/// from the ones in use are evicted, so a 10M-row log costs a few thousand records of memory.
///
/// Every query runs on the store's reader thread. Answers carry the filter's ticket and are
/// dropped when the filter changed meanwhile. Live updates: recordsCommitted() starts a
/// throttled recount; requests that appeared since are inserted at the top (rows shift down,
/// so persistent indexes and selections follow them) and loaded pages are shown shifted
/// until their fresh copies arrive.
/// Lives on the GUI thread; holds no widgets.
class RequestLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        RequestedModelColumn,
        RouteColumn,
        ServedByColumn,
        TaskColumn,
        StatusColumn,
        AttemptsColumn,
        TokensColumn,
        CostColumn,
        LatencyColumn,
        TtftColumn,
        StreamColumn,
        ColumnCount
    };
    enum Role {
        LoadedRole = Qt::UserRole + 1, ///< bool: false while the row's page is on its way
        RequestIdRole,                 ///< QString
        StatusRole,                    ///< QString: "ok", "error", "cancelled"
        PricedRole,                    ///< bool
    };
    static constexpr int kPageSize = 200;
    /// Pages kept in memory at most (the visible ones plus some history).
    static constexpr int kMaxCachedPages = 16;
    /// Page queries on their way at once; more wishes wait, and only the newest few are kept,
    /// so dragging the scroll bar across 10M rows does not queue a query per page passed.
    static constexpr int kMaxPagesInFlight = 3;

    /// `store` may be null (no database): the log stays empty.
    explicit RequestLogModel(UsageStore *store, QObject *parent = nullptr);
    ~RequestLogModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Shows another database (the demo one, or back to the real one); reloads.
    void setStore(UsageStore *store);
    UsageStore *store() const;

    /// Replaces the filter: the log empties and is counted and loaded again.
    void setFilter(const UsageFilter &filter);
    UsageFilter filter() const { return m_filter; }

    /// Counts again now; new requests are inserted at the top.
    void refresh();
    /// Follow UsageStore::recordsCommitted with a recount at most every `interval` (on by
    /// default, 1000 ms), or less often when counting is slow (a text search over millions of
    /// rows): never more than a fifth of the reader's time. Off: commits are only remembered,
    /// and turning it on recounts.
    void setLiveUpdates(bool enabled);
    bool liveUpdates() const { return m_live; }
    void setRefreshInterval(int ms);

    /// The record of `row` with its attempts, or nullptr when its page is not loaded.
    const RequestRecord *recordAt(int row) const;
    /// Asks for the page holding `row` unless it is loaded or on its way (batched: the
    /// queries go out from the event loop, newest wishes first).
    void ensureLoaded(int row) const;

    /// False until the first count of the current filter arrived.
    bool isCounted() const { return m_total >= 0; }
    qint64 totalCount() const { return qMax<qint64>(0, m_total); }

    // Figures for tests and benchmarks.
    int pageQueryCount() const { return m_pageQueries; }
    int cachedPageCount() const { return int(m_chunks.size()); }
    int cachedRowCount() const;

    // Shared formatting, also used by the request detail view.
    static QString servedByText(const QString &provider, const QString &node, const QString &model);
    static QString statusText(const QString &status, int httpStatus);
    static QString costText(const CostBreakdown &cost);
    static QString durationText(qint64 ms);

Q_SIGNALS:
    /// The count of the current filter arrived (first time or changed).
    void totalChanged(qint64 total);
    /// `count` requests appeared at the top (rows 0..count-1), after rowsInserted().
    void rowsPrepended(int count);
    /// The page starting at `firstRow` was loaded and its dataChanged() emitted.
    void pageLoaded(int firstRow);
    /// A query failed; `message` is for the user.
    void queryFailed(const QString &message);

private:
    /// A loaded run of rows. `stale` when requests were inserted above it after it was
    /// loaded: it is shown shifted (usually right) until its page is loaded again.
    struct Chunk {
        int firstRow = 0;
        QList<RequestRecord> records;
        quint64 lastUse = 0;
        bool stale = false;
    };

    const Chunk *chunkFor(int row) const;
    void sendPageQueries();
    void applyPage(int offset, int shiftAtRequest, QList<RequestRecord> records);
    void applyCount(qint64 total);
    void evict();
    void onRecordsCommitted();

    QPointer<UsageStore> m_store;
    UsageFilter m_filter;
    qint64 m_total = -1;       ///< -1: not counted yet
    quint64 m_ticket = 0;      ///< bumped by setFilter(); older answers are dropped
    quint64 m_countTicket = 0; ///< newest recount; older recount answers are dropped
    bool m_countInFlight = false;
    bool m_countAgain = false;
    bool m_live = true;
    bool m_dirty = false;      ///< commits seen while live updates were off
    int m_shift = 0;           ///< rows inserted at the top since the filter was set
    QTimer *m_refreshTimer;
    int m_refreshInterval = 1000;
    QElapsedTimer m_countClock; ///< how long the running count takes
    QTimer *m_fetchTimer;

    // Loading state changes in const data(): a cache, not the model's logical state.
    mutable QList<Chunk> m_chunks;
    mutable QList<int> m_wanted;  ///< pages to ask for, newest wish last
    QSet<int> m_inFlight;         ///< pages asked for since the last shift
    int m_queriesInFlight = 0;    ///< including answers that will come back shifted
    mutable quint64 m_useClock = 0;
    mutable int m_pageQueries = 0;
};

} // namespace Switchyard
