// SPDX-License-Identifier: MIT
#include "core/models/requestlogmodel.h"

#include "core/usage/usagestore.h"

#include <QLocale>
#include <QTimer>

#include <limits>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {
constexpr int kMaxWanted = 8;
} // namespace

RequestLogModel::RequestLogModel(UsageStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_refreshTimer(new QTimer(this))
    , m_fetchTimer(new QTimer(this))
{
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(1000);
    connect(m_refreshTimer, &QTimer::timeout, this, &RequestLogModel::refresh);
    m_fetchTimer->setSingleShot(true);
    m_fetchTimer->setInterval(0);
    connect(m_fetchTimer, &QTimer::timeout, this, &RequestLogModel::sendPageQueries);
    if (m_store)
        connect(m_store, &UsageStore::recordsCommitted, this, &RequestLogModel::onRecordsCommitted);
    refresh();
}

RequestLogModel::~RequestLogModel() = default;

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(qMin<qint64>(totalCount(), std::numeric_limits<int>::max()));
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Chunk *chunk = chunkFor(row);
    if (!chunk || chunk->stale)
        ensureLoaded(row);
    if (role == LoadedRole)
        return chunk != nullptr;
    if (!chunk) {
        if (role == Qt::DisplayRole && index.column() == TimeColumn)
            return tr("Loading…");
        return {};
    }
    const RequestRecord &r = chunk->records.at(row - chunk->firstRow);
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TimeColumn: return r.time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
        case RequestedModelColumn: return r.requestedModel;
        case RouteColumn: return r.route;
        case ServedByColumn: return servedByText(r.provider, r.node, r.model);
        case TaskColumn: return r.task;
        case StatusColumn: return statusText(r.status, r.httpStatus);
        case AttemptsColumn: return r.attempts;
        case TokensColumn:
            return tr("%1 / %2").arg(locale.toString(r.tokens.inputTokens), locale.toString(r.tokens.outputTokens));
        case CostColumn: return costText(r.cost);
        case LatencyColumn: return durationText(r.latencyMs);
        case TtftColumn: return durationText(r.ttftMs);
        case StreamColumn: return r.stream ? tr("yes") : tr("no");
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole:
        if (!r.error.isEmpty())
            return tr("%1\n%2").arg(r.requestId, r.error);
        return r.requestId;
    case Qt::TextAlignmentRole:
        switch (Column(index.column())) {
        case AttemptsColumn:
        case TokensColumn:
        case CostColumn:
        case LatencyColumn:
        case TtftColumn: return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        default: return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
        }
    case RequestIdRole: return r.requestId;
    case StatusRole: return r.status;
    case PricedRole: return r.cost.priced;
    default: return {};
    }
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn: return tr("Time");
    case RequestedModelColumn: return tr("Requested model");
    case RouteColumn: return tr("Route");
    case ServedByColumn: return tr("Served by");
    case TaskColumn: return tr("Task");
    case StatusColumn: return tr("Status");
    case AttemptsColumn: return tr("Attempts");
    case TokensColumn: return tr("Tokens in / out");
    case CostColumn: return tr("Cost");
    case LatencyColumn: return tr("Latency");
    case TtftColumn: return tr("TTFT");
    case StreamColumn: return tr("Stream");
    case ColumnCount: break;
    }
    return {};
}

QHash<int, QByteArray> RequestLogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(LoadedRole, "loaded");
    names.insert(RequestIdRole, "requestId");
    names.insert(StatusRole, "status");
    names.insert(PricedRole, "priced");
    return names;
}

UsageStore *RequestLogModel::store() const
{
    return m_store;
}

void RequestLogModel::setStore(UsageStore *store)
{
    if (store == m_store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &UsageStore::recordsCommitted, this, &RequestLogModel::onRecordsCommitted);
    m_queriesInFlight = 0; // the old store's answers are dropped by the new ticket
    setFilter(m_filter);
}

void RequestLogModel::setFilter(const UsageFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    ++m_ticket;
    m_total = -1;
    m_shift = 0;
    m_chunks.clear();
    m_inFlight.clear();
    m_wanted.clear();
    m_countInFlight = false; // an older count in flight is dropped by its ticket
    m_countAgain = false;
    endResetModel();
    refresh();
}

void RequestLogModel::refresh()
{
    m_refreshTimer->stop();
    m_dirty = false;
    if (!m_store)
        return;
    // One count at a time; commits meanwhile ask for one more.
    if (m_countInFlight) {
        m_countAgain = true;
        return;
    }
    m_countInFlight = true;
    m_countClock.start();
    const quint64 ticket = m_ticket;
    const quint64 countTicket = ++m_countTicket;
    m_store->queryTotals(m_filter)
        .then(this,
              [this, ticket, countTicket](const SpendSums &sums) {
                  if (ticket != m_ticket || countTicket != m_countTicket)
                      return; // a newer filter won
                  m_countInFlight = false;
                  const qint64 tookMs = m_countClock.elapsed();
                  m_refreshTimer->setInterval(int(qBound(qint64(m_refreshInterval), 4 * tookMs, qint64(60'000))));
                  applyCount(sums.requests);
                  if (std::exchange(m_countAgain, false))
                      refresh();
              })
        .onFailed(this, [this, ticket](const UsageStoreException &e) {
            if (ticket != m_ticket)
                return;
            m_countInFlight = false;
            Q_EMIT queryFailed(e.error().message);
        });
}

void RequestLogModel::setLiveUpdates(bool enabled)
{
    m_live = enabled;
    if (!enabled)
        m_refreshTimer->stop();
    else if (m_dirty)
        refresh();
}

void RequestLogModel::setRefreshInterval(int ms)
{
    m_refreshInterval = ms;
    m_refreshTimer->setInterval(ms);
}

void RequestLogModel::onRecordsCommitted()
{
    m_dirty = true;
    if (m_live && !m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void RequestLogModel::applyCount(qint64 total)
{
    if (m_total < 0) {
        if (total > 0) {
            beginInsertRows({}, 0, int(qMin<qint64>(total, std::numeric_limits<int>::max()) - 1));
            m_total = total;
            endInsertRows();
        } else {
            m_total = total;
        }
        Q_EMIT totalChanged(m_total);
        return;
    }
    if (total == m_total)
        return;
    if (total < m_total) {
        // Rows went away (reprice or a migration): nothing to keep track of, start over.
        beginResetModel();
        m_total = total;
        m_chunks.clear();
        m_inFlight.clear();
        m_wanted.clear();
        endResetModel();
        Q_EMIT totalChanged(m_total);
        return;
    }
    const int added = int(qMin<qint64>(total - m_total, std::numeric_limits<int>::max() - rowCount()));
    if (added <= 0)
        return;
    beginInsertRows({}, 0, added - 1);
    m_total = total;
    m_shift += added;
    for (Chunk &chunk : m_chunks) {
        chunk.firstRow += added;
        chunk.stale = true;
    }
    // Page numbers asked for are now other rows; their answers come back shifted.
    m_inFlight.clear();
    m_wanted.clear();
    endInsertRows();
    Q_EMIT totalChanged(m_total);
    Q_EMIT rowsPrepended(added);
}

const RequestLogModel::Chunk *RequestLogModel::chunkFor(int row) const
{
    Chunk *found = nullptr;
    for (Chunk &chunk : m_chunks) {
        if (row < chunk.firstRow || row >= chunk.firstRow + chunk.records.size())
            continue;
        if (!chunk.stale) {
            found = &chunk;
            break;
        }
        if (!found)
            found = &chunk;
    }
    if (found)
        found->lastUse = ++m_useClock;
    return found;
}

void RequestLogModel::ensureLoaded(int row) const
{
    if (row < 0 || row >= rowCount())
        return;
    const int page = row / kPageSize;
    if (m_inFlight.contains(page))
        return;
    const Chunk *chunk = chunkFor(row);
    if (chunk && !chunk->stale)
        return;
    m_wanted.removeOne(page);
    m_wanted.append(page);
    if (m_wanted.size() > kMaxWanted)
        m_wanted.removeFirst();
    if (!m_fetchTimer->isActive())
        m_fetchTimer->start();
}

void RequestLogModel::sendPageQueries()
{
    if (!m_store)
        return;
    while (m_queriesInFlight < kMaxPagesInFlight && !m_wanted.isEmpty()) {
        const int page = m_wanted.takeLast();
        const int offset = page * kPageSize;
        if (m_inFlight.contains(page) || offset >= rowCount())
            continue;
        if (const Chunk *chunk = chunkFor(offset); chunk && !chunk->stale)
            continue;
        m_inFlight.insert(page);
        ++m_pageQueries;
        ++m_queriesInFlight;
        RequestQuery query;
        query.filter = m_filter;
        query.limit = kPageSize;
        query.offset = offset;
        query.withAttempts = true; // the detail panel shows them without another query
        const quint64 ticket = m_ticket;
        const int shift = m_shift;
        m_store->queryRequests(query)
            .then(this,
                  [this, ticket, offset, shift](QList<RequestRecord> records) {
                      --m_queriesInFlight;
                      if (ticket == m_ticket)
                          applyPage(offset, shift, std::move(records));
                      sendPageQueries();
                  })
            .onFailed(this, [this, ticket](const UsageStoreException &e) {
                --m_queriesInFlight;
                if (ticket == m_ticket)
                    Q_EMIT queryFailed(e.error().message);
            });
    }
}

void RequestLogModel::applyPage(int offset, int shiftAtRequest, QList<RequestRecord> records)
{
    // Rows inserted at the top since the query went out push its rows down.
    const int moved = m_shift - shiftAtRequest;
    if (moved == 0)
        m_inFlight.remove(offset / kPageSize);
    const int first = offset + moved;
    if (records.isEmpty() || first >= rowCount())
        return;
    if (first + records.size() > rowCount())
        records.resize(rowCount() - first);
    Chunk chunk;
    chunk.firstRow = first;
    chunk.records = std::move(records);
    chunk.lastUse = ++m_useClock;
    chunk.stale = moved != 0;
    const int last = first + int(chunk.records.size()) - 1;
    // A fresh page replaces the older copies of its rows.
    if (!chunk.stale) {
        m_chunks.removeIf([&](const Chunk &c) {
            return c.firstRow >= first && c.firstRow + c.records.size() - 1 <= last;
        });
    }
    m_chunks.append(std::move(chunk));
    evict();
    Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    Q_EMIT pageLoaded(first);
}

void RequestLogModel::evict()
{
    while (m_chunks.size() > kMaxCachedPages) {
        auto oldest = std::min_element(m_chunks.begin(), m_chunks.end(),
                                       [](const Chunk &a, const Chunk &b) { return a.lastUse < b.lastUse; });
        m_chunks.erase(oldest);
    }
}

const RequestRecord *RequestLogModel::recordAt(int row) const
{
    const Chunk *chunk = chunkFor(row);
    if (!chunk || chunk->stale)
        ensureLoaded(row);
    return chunk ? &chunk->records.at(row - chunk->firstRow) : nullptr;
}

int RequestLogModel::cachedRowCount() const
{
    int rows = 0;
    for (const Chunk &chunk : m_chunks)
        rows += int(chunk.records.size());
    return rows;
}

QString RequestLogModel::servedByText(const QString &provider, const QString &node, const QString &model)
{
    const QString where = provider.isEmpty() ? node : provider;
    if (where.isEmpty())
        return model;
    if (model.isEmpty())
        return where;
    // Provider models are often already named "provider/model".
    if (model.startsWith(where + u'/'))
        return model;
    return where + u" / "_s + model;
}

QString RequestLogModel::statusText(const QString &status, int httpStatus)
{
    QString text = status == u"ok"_s        ? tr("ok")
        : status == u"error"_s              ? tr("error")
        : status == u"cancelled"_s          ? tr("cancelled")
                                            : status;
    if (httpStatus > 0)
        text += u' ' + QString::number(httpStatus);
    return text;
}

QString RequestLogModel::costText(const CostBreakdown &cost)
{
    if (!cost.priced)
        return tr("unpriced");
    const NanoUsd total = cost.total();
    // Single calls are often fractions of a cent: show six decimals below one cent.
    // Digits in the user's locale, as on the dashboard; "$" leads whatever the locale.
    return u"$"_s + QLocale().toString(double(total) / double(kNanoPerUsd), 'f', total < kNanoPerUsd / 100 ? 6 : 4);
}

QString RequestLogModel::durationText(qint64 ms)
{
    if (ms < 0)
        return u"—"_s;
    return tr("%1 ms").arg(QLocale().toString(ms));
}

} // namespace Switchyard
