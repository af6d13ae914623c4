// SPDX-License-Identifier: MIT
#include "ui/dashboard/usagedatasource.h"

#include "core/usage/usagestore.h"

#include <QFile>
#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <memory>

namespace Switchyard {

namespace {

/// Writes a fresh demo database; runs on a pool thread. Returns an error text, empty on success.
QString writeDemoDatabase(const QString &path, const DemoDataOptions &options)
{
    // A fresh file each time: the demo covers the weeks before today.
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    UsageStore store(path);
    Errors errors;
    if (!store.open(&errors))
        return errors.value(0).toString();
    DemoData::write(&store, options);
    if (!store.flush(QDeadlineTimer(std::chrono::minutes(2))))
        return UsageDataSource::tr("the demo database could not be written in time");
    store.close();
    return {};
}

} // namespace

UsageDataSource::UsageDataSource(UsageStore *realStore, QObject *parent)
    : QObject(parent), m_real(realStore), m_demoPath(DemoData::defaultPath())
{
}

UsageDataSource::~UsageDataSource()
{
    delete m_demo;
}

UsageStore *UsageDataSource::store() const
{
    return m_demoShown && m_demo ? m_demo : m_real;
}

void UsageDataSource::showDemo()
{
    if (m_demo) {
        if (!m_demoShown) {
            m_demoShown = true;
            Q_EMIT storeChanged(m_demo, true);
        }
        return;
    }
    if (m_preparing)
        return;
    m_preparing = true;
    Q_EMIT demoPreparingChanged(true);
    auto promise = std::make_shared<QPromise<QString>>();
    QFuture<QString> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, path = m_demoPath, options = m_demoOptions] {
        promise->addResult(writeDemoDatabase(path, options));
        promise->finish();
    });
    future.then(this, [this](const QString &error) { onDemoWritten(error); });
}

void UsageDataSource::onDemoWritten(const QString &error)
{
    m_preparing = false;
    Q_EMIT demoPreparingChanged(false);
    if (!error.isEmpty()) {
        Q_EMIT demoFailed(error);
        return;
    }
    auto store = std::make_unique<UsageStore>(m_demoPath);
    Errors errors;
    // The file was just created and migrated on the pool thread: opening it again only
    // starts the store's threads.
    if (!store->open(&errors)) {
        Q_EMIT demoFailed(errors.value(0).toString());
        return;
    }
    m_demo = store.release();
    m_demoShown = true;
    Q_EMIT storeChanged(m_demo, true);
}

void UsageDataSource::showRealUsage()
{
    if (!m_demoShown)
        return;
    m_demoShown = false;
    Q_EMIT storeChanged(m_real, false);
}

} // namespace Switchyard
