// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/error.h"
#include "core/usage/spendquery.h"
#include "core/usage/usagerecord.h"

#include <QBasicTimer>
#include <QDeadlineTimer>
#include <QFuture>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>

class QThread;

namespace Switchyard {

class UsageReader;
class UsageWriter;
struct UsageQueue;

/// The usage database (SQLite, WAL): one row per client request and per attempt, plus
/// daily and weekly rollups kept current in the same transactions, for spend charts.
///
/// Threads: the UsageStore object lives on the thread that created it (GUI or main).
/// Writes happen on its own writer thread, which batches records into transactions;
/// queries run on a read-only connection on its own reader thread. record() may be called
/// from any thread at once. Signals are delivered on the store's thread (queued from the
/// writer), so that thread needs an event loop to see them.
class UsageStore : public QObject
{
    Q_OBJECT

public:
    struct Options {
        /// How long the first record of a batch may wait for company; the most a crash can lose.
        std::chrono::milliseconds batchWindow{100};
        /// Records per transaction; a full batch is written at once.
        int maxBatch = 10'000;
        /// How long a write waits for another connection's lock before it counts as failed.
        std::chrono::milliseconds busyTimeout{2'000};
        /// Pause before a failed batch is tried again.
        std::chrono::milliseconds retryInterval{1'000};
        /// close() gives up waiting for a failing disk after this long (and logs what is lost).
        std::chrono::milliseconds closeTimeout{30'000};
    };

    explicit UsageStore(QString path, QObject *parent = nullptr);
    UsageStore(QString path, Options options, QObject *parent = nullptr);
    ~UsageStore() override; ///< close()

    QString path() const { return m_path; }
    bool isOpen() const { return m_writerThread != nullptr; }

    /// Creates the folder, opens (or creates) the file and migrates it. Blocking; call once
    /// at startup. Refuses files that are not databases or come from a newer Switchyard.
    bool open(Errors *errors);

    /// Queues `record` for the writer; thread-safe, never waits for I/O. A record is never
    /// dropped: a failed commit keeps its batch queued, retries it and emits writeFailed().
    void record(RequestRecord record);

    /// Blocks until every record queued before the call is committed; false when `deadline`
    /// passed first (the records stay queued). For shutdown, the CLI and tests, not the GUI;
    /// never from a slot of the writer thread.
    bool flush(QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever));

    /// Flushes (up to Options::closeTimeout), then stops both threads; query and reprice
    /// futures still waiting are cancelled. Idempotent.
    void close();

    /// Records queued or in flight, not yet committed.
    qint64 pendingCount() const;

    /// Weekly sums (ISO weeks, Monday, UTC) grouped by one dimension, from the rollups only.
    /// A failed query finishes its future with a UsageStoreException.
    QFuture<SpendTable> querySpend(const SpendQuery &query) const;
    /// Totals over the filter, from the rollups only.
    QFuture<SpendSums> queryTotals(const UsageFilter &filter) const;
    /// The request log, newest first.
    QFuture<QList<RequestRecord>> queryRequests(const RequestQuery &query) const;
    /// Writes the filtered requests, oldest first, as RFC 4180 CSV; the future gives the row count.
    QFuture<qint64> exportCsv(const UsageFilter &filter, const QString &fileName) const;

    using PriceFunction = std::function<CostBreakdown(const RequestRecord &)>;
    /// Recomputes the cost of every request and attempt in `scope` from its stored tokens
    /// (an attempt is priced as a one-attempt request with the attempt's provider, node,
    /// model and tokens), then rebuilds the rollups of those days; one transaction on the
    /// writer thread, after the records queued so far. `price` is called on the writer
    /// thread. The future gives the number of rows (requests + attempts) whose cost changed.
    QFuture<qint64> reprice(PriceFunction price, const UsageFilter &scope = {});

Q_SIGNALS:
    /// `count` records became durable (committed).
    void recordsCommitted(int count);
    /// A batch could not be committed; it stays queued and is retried.
    void writeFailed(const Switchyard::Error &error);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void startUrgencyWatch();

    QString m_path;
    Options m_options;
    std::shared_ptr<UsageQueue> m_queue;
    QBasicTimer m_urgencyTimer; ///< wakes a writer that records have waited for too long
    QThread *m_writerThread = nullptr;
    QThread *m_readerThread = nullptr;
    UsageWriter *m_writer = nullptr; ///< lives on m_writerThread
    UsageReader *m_reader = nullptr; ///< lives on m_readerThread
};

} // namespace Switchyard
