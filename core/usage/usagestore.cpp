// SPDX-License-Identifier: MIT
#include "core/usage/usagestore.h"

#include "core/common/logging.h"
#include "core/usage/usagereader.h"
#include "core/usage/usagewriter.h"

#include <QDir>
#include <QFileInfo>
#include <QPromise>
#include <QThread>
#include <QTimerEvent>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {

/// Runs `work(Error *)` on `target`'s thread; an error fails the future with a UsageStoreException.
template <typename T, typename Work>
QFuture<T> runOn(QObject *target, const QString &path, Work work)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    if (!target) {
        promise->setException(UsageStoreException({path, UsageStore::tr("the usage database is not open")}));
        promise->finish();
        return future;
    }
    QMetaObject::invokeMethod(
        target,
        [promise, work = std::move(work)]() mutable {
            Error error;
            T result = work(&error);
            if (error.message.isEmpty())
                promise->addResult(std::move(result));
            else
                promise->setException(UsageStoreException(error));
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

} // namespace

UsageStore::UsageStore(QString path, QObject *parent) : UsageStore(std::move(path), Options{}, parent) {}

UsageStore::UsageStore(QString path, Options options, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_options(options), m_queue(std::make_shared<UsageQueue>())
{
    qRegisterMetaType<Switchyard::Error>();
}

UsageStore::~UsageStore()
{
    close();
}

bool UsageStore::open(Errors *errors)
{
    if (isOpen())
        return true;
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder)) {
        errors->append({m_path, tr("cannot create the folder %1").arg(folder)});
        return false;
    }

    auto *writerThread = new QThread;
    writerThread->setObjectName(u"usage-writer"_s);
    auto *writer = new UsageWriter(m_path, m_options, m_queue);
    writer->moveToThread(writerThread);
    connect(writerThread, &QThread::finished, writer, &QObject::deleteLater);
    connect(writer, &UsageWriter::committed, this, &UsageStore::recordsCommitted);
    connect(writer, &UsageWriter::failed, this, &UsageStore::writeFailed);
    writerThread->start();

    bool opened = false;
    Error error;
    QMetaObject::invokeMethod(writer, [&] { opened = writer->open(&error); }, Qt::BlockingQueuedConnection);
    if (!opened) {
        writerThread->quit();
        writerThread->wait();
        delete writerThread;
        errors->append(error);
        return false;
    }

    m_readerThread = new QThread;
    m_readerThread->setObjectName(u"usage-reader"_s);
    m_reader = new UsageReader(m_path, int(m_options.busyTimeout.count()));
    m_reader->moveToThread(m_readerThread);
    connect(m_readerThread, &QThread::finished, m_reader, &QObject::deleteLater);
    m_readerThread->start();

    m_writerThread = writerThread;
    m_writer = writer;
    QMutexLocker lock(&m_queue->mutex);
    m_queue->writer = writer;
    m_queue->closed = false;
    if (!m_queue->records.isEmpty()) { // recorded before open()
        m_queue->wakePending = true;
        QMetaObject::invokeMethod(writer, &UsageWriter::onQueued, Qt::QueuedConnection);
    }
    return true;
}

void UsageStore::record(RequestRecord record)
{
    if (!record.time.isValid())
        record.time = QDateTime::currentDateTimeUtc();
    bool boost = false;
    bool watch = false;
    {
        QMutexLocker lock(&m_queue->mutex);
        if (m_queue->closed) {
            qCWarning(lcUsage) << "usage record" << record.requestId << "arrived after the store was closed; not written";
            return;
        }
        if (m_queue->records.isEmpty()) {
            m_queue->oldestQueuedMs = UsageQueue::steadyMs();
            watch = m_queue->priority.attached() && !m_queue->priority.wantsUrgent();
        }
        m_queue->records.append(std::move(record));
        ++m_queue->enqueued;
        boost = m_queue->becameUrgent(m_options.maxBatch);
        // One wake-up per batch, not per record; a full batch wakes the writer early.
        const bool wake = !m_queue->wakePending || m_queue->records.size() == m_options.maxBatch;
        if (wake && m_queue->writer) {
            m_queue->wakePending = true;
            QMetaObject::invokeMethod(m_queue->writer, &UsageWriter::onQueued, Qt::QueuedConnection);
        }
    }
    if (boost)
        m_queue->priority.apply(true);
    if (watch) // the last records of a burst get no later record() to check on them
        QMetaObject::invokeMethod(this, &UsageStore::startUrgencyWatch, Qt::QueuedConnection);
}

void UsageStore::startUrgencyWatch()
{
    if (!m_urgencyTimer.isActive())
        m_urgencyTimer.start(int(UsageQueue::kMaxWaitMs) + 10, this);
}

void UsageStore::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_urgencyTimer.timerId())
        return QObject::timerEvent(event);
    m_urgencyTimer.stop();
    bool boost;
    bool again;
    {
        QMutexLocker lock(&m_queue->mutex);
        boost = m_queue->becameUrgent(m_options.maxBatch);
        again = !boost && !m_queue->records.isEmpty() && m_queue->priority.attached() && !m_queue->priority.wantsUrgent();
    }
    if (boost)
        m_queue->priority.apply(true);
    if (again) // younger records than the ones this watch was for
        startUrgencyWatch();
}

bool UsageStore::flush(QDeadlineTimer deadline)
{
    QMutexLocker lock(&m_queue->mutex);
    const qint64 target = m_queue->enqueued;
    if (m_queue->committed >= target)
        return true;
    if (!m_queue->writer)
        return false;
    m_queue->flushTarget = qMax(m_queue->flushTarget, target);
    if (m_queue->priority.want(true)) { // someone waits for it
        lock.unlock();
        m_queue->priority.apply(true);
        lock.relock();
    }
    m_queue->wakePending = true;
    QMetaObject::invokeMethod(m_queue->writer, &UsageWriter::commitNow, Qt::QueuedConnection);
    while (m_queue->committed < target) {
        if (!m_queue->committedChanged.wait(&m_queue->mutex, deadline))
            return m_queue->committed >= target;
    }
    return true;
}

void UsageStore::close()
{
    if (!m_writerThread)
        return;
    if (!flush(QDeadlineTimer(m_options.closeTimeout)))
        qCCritical(lcUsage) << pendingCount() << "usage records could not be written to" << m_path << "and are lost";
    {
        QMutexLocker lock(&m_queue->mutex);
        m_queue->writer = nullptr;
        m_queue->closed = true;
    }
    m_queue->makeUrgent(); // closing the database checkpoints the WAL: not at idle priority
    m_urgencyTimer.stop();
    // Queued calls still pending are dropped; both objects are deleted on their own threads.
    for (QThread *thread : {m_writerThread, m_readerThread}) {
        thread->quit();
        thread->wait();
        delete thread;
    }
    m_writerThread = m_readerThread = nullptr;
    m_writer = nullptr;
    m_reader = nullptr;
}

qint64 UsageStore::pendingCount() const
{
    QMutexLocker lock(&m_queue->mutex);
    return m_queue->enqueued - m_queue->committed;
}

QFuture<SpendTable> UsageStore::querySpend(const SpendQuery &query) const
{
    UsageReader *reader = m_reader;
    return runOn<SpendTable>(reader, m_path, [reader, query](Error *e) { return reader->querySpend(query, e); });
}

QFuture<SpendSums> UsageStore::queryTotals(const UsageFilter &filter) const
{
    return querySpend({filter, SpendDimension::Provider}).then([](const SpendTable &table) { return totalsOf(table); });
}

QFuture<QList<RequestRecord>> UsageStore::queryRequests(const RequestQuery &query) const
{
    UsageReader *reader = m_reader;
    return runOn<QList<RequestRecord>>(reader, m_path,
                                       [reader, query](Error *e) { return reader->queryRequests(query, e); });
}

QFuture<qint64> UsageStore::exportCsv(const UsageFilter &filter, const QString &fileName) const
{
    UsageReader *reader = m_reader;
    return runOn<qint64>(reader, m_path,
                         [reader, filter, fileName](Error *e) { return reader->exportCsv(filter, fileName, e); });
}

QFuture<qint64> UsageStore::reprice(PriceFunction price, const UsageFilter &scope)
{
    UsageWriter *writer = m_writer;
    return runOn<qint64>(writer, m_path, [writer, price = std::move(price), scope](Error *e) {
        return writer->reprice(price, scope, e);
    });
}

} // namespace Switchyard
