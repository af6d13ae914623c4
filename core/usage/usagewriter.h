// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/error.h"
#include "core/usage/usagerecord.h"
#include "core/usage/usagerows.h"
#include "core/usage/usagestore.h"
#include "core/usage/writerpriority.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QWaitCondition>

#include <memory>

class QTimer;

namespace Switchyard {

class UsageWriter;

/// Records waiting for the writer, shared by UsageStore::record() (any thread) and the
/// writer thread. Everything is guarded by `mutex`; nothing under it does I/O.
struct UsageQueue {
    QMutex mutex;
    QWaitCondition committedChanged;
    QList<RequestRecord> records;
    qint64 enqueued = 0;    ///< records ever queued
    qint64 committed = 0;   ///< records ever committed; commits are FIFO
    qint64 flushTarget = 0; ///< commit without waiting for the window until `committed` reaches it
    bool wakePending = false; ///< the writer already knows there is work (timer or call queued)
    bool closed = false;      ///< the store was closed; later records cannot be written
    UsageWriter *writer = nullptr; ///< to wake; null while not open
    WriterPriority priority; ///< background work while it keeps up (see WriterPriority)
    qint64 oldestQueuedMs = 0; ///< steady clock, when `records` last became non-empty
    /// A record waiting this long makes the writer urgent.
    static constexpr qint64 kMaxWaitMs = 250;

    /// Caller holds `mutex`: true when the writer should become urgent now (a batch is full or
    /// the oldest record waited too long) and was not; apply with priority.apply(true) unlocked.
    bool becameUrgent(qsizetype maxBatch);
    /// Caller does not hold `mutex`: normal priority now (someone waits for the writer).
    void makeUrgent();
    static qint64 steadyMs();
};

/// The write side of UsageStore. Lives on the writer thread: moved there before open(),
/// which creates its connections and timers there; deleted there when the thread finishes.
///
/// Two connections: batches go through the sqlite3 C API (prepared once, positional binds,
/// no QVariant per value), which is most of the writer's cost; migrations and reprice,
/// rare and not hot, stay on a QtSql connection.
class UsageWriter : public QObject
{
    Q_OBJECT

public:
    UsageWriter(QString path, UsageStore::Options options, std::shared_ptr<UsageQueue> queue);
    ~UsageWriter() override;

    bool open(Error *error);
    /// Records were queued: write now if a batch is full, else within the batch window.
    void onQueued();
    /// Writes what is queued now, batch after batch while a flush waits.
    void commitNow();
    qint64 reprice(const UsageStore::PriceFunction &price, const UsageFilter &scope, Error *error);

Q_SIGNALS:
    void committed(int count);
    void failed(const Switchyard::Error &error);

private:
    /// Caught up: background work again, unless a producer made it urgent meanwhile.
    void becomeBackground();
    bool writeBatch(const QList<RequestRecord> &batch, Error *error);
    bool exec(const QString &sql, Error *error);
    bool execNative(const char *sql, Error *error);
    /// Steps a statement that returns no rows, then resets it for the next use.
    bool step(sqlite3_stmt *statement, Error *error);
    bool openNative(Error *error);
    qint64 repriceRequests(const UsageStore::PriceFunction &price, const UsageFilter &scope, Error *error);
    qint64 repriceAttempts(const UsageStore::PriceFunction &price, const UsageFilter &scope, Error *error);
    void closeDatabase();

    QString m_path;
    UsageStore::Options m_options;
    std::shared_ptr<UsageQueue> m_queue;
    QString m_connection; ///< QtSql: migrations, reprice
    // Declared before the statements, which must be finalized first.
    UsageRows::SqliteHandle m_db; ///< batches; null while not open
    UsageRows::Statement m_insertRequest;
    UsageRows::Statement m_insertAttempt;
    UsageRows::Statement m_upsertDaily;
    UsageRows::Statement m_upsertWeekly;
    UsageRows::Utf8Arena m_text; ///< UTF-8 of the row being bound
    QTimer *m_batchTimer = nullptr;
    QTimer *m_retryTimer = nullptr;
    int m_failureStreak = 0;
};

} // namespace Switchyard
