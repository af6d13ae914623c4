// SPDX-License-Identifier: MIT
#include "core/config/configstore.h"

#include "core/common/logging.h"
#include "core/config/configio.h"
#include "core/config/configvalidator.h"

#include <QFileInfo>
#include <QMutexLocker>

namespace Switchyard {

ConfigStore::ConfigStore(Config initial, QObject *parent)
    : ConfigStore(std::move(initial), QString(), parent)
{
}

ConfigStore::ConfigStore(Config initial, const QString &sourcePath, QObject *parent)
    : QObject(parent)
    , m_snapshot(std::make_shared<const ConfigSnapshot>(ConfigSnapshot{std::move(initial), 1, sourcePath}))
{
    // Editors save in bursts (truncate, write, rename): wait for the burst to end.
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &ConfigStore::onFileChanged);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_debounce, qOverload<>(&QTimer::start));
}

ConfigSnapshotPtr ConfigStore::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    return m_snapshot;
}

Errors ConfigStore::apply(const Config &config, const QString &sourcePath)
{
    Errors errors = ConfigValidator(ConfigValidator::catalogLookup()).validate(config);
    if (!errors.isEmpty())
        return errors;
    quint64 generation = 0;
    {
        QMutexLocker lock(&m_mutex);
        generation = m_snapshot->generation + 1;
        m_snapshot = std::make_shared<const ConfigSnapshot>(ConfigSnapshot{config, generation, sourcePath});
        m_generation.store(generation, std::memory_order_release);
    }
    Q_EMIT snapshotChanged(generation);
    return {};
}

Errors ConfigStore::loadFile(const QString &path)
{
    const ConfigLoadResult result = ConfigIo::loadFile(path);
    if (!result.ok())
        return result.errors;
    return apply(*result.config, path);
}

void ConfigStore::watchFile(const QString &path)
{
    if (!m_watchedPath.isEmpty()) {
        m_watcher.removePath(m_watchedPath);
        m_watcher.removePath(QFileInfo(m_watchedPath).absolutePath());
    }
    m_watchedPath = path;
    m_watcher.addPath(path);
    // Watching the folder too catches a rename-over save, which drops the file watch.
    m_watcher.addPath(QFileInfo(path).absolutePath());
}

void ConfigStore::onFileChanged()
{
    if (!m_watcher.files().contains(m_watchedPath) && QFileInfo::exists(m_watchedPath))
        m_watcher.addPath(m_watchedPath);
    if (!QFileInfo::exists(m_watchedPath))
        return; // mid-save; the folder watch fires again when it reappears
    const ConfigLoadResult result = ConfigIo::loadFile(m_watchedPath);
    if (result.ok() && *result.config == snapshot()->config)
        return; // touched, not changed
    const Errors errors = result.ok() ? apply(*result.config, m_watchedPath) : result.errors;
    if (errors.isEmpty()) {
        qCInfo(lcConfig) << "configuration reloaded from" << m_watchedPath;
        return;
    }
    qCWarning(lcConfig).noquote() << "configuration" << m_watchedPath << "not applied; keeping the running one:";
    for (const Error &e : errors)
        qCWarning(lcConfig).noquote() << "  " << e.toString();
    Q_EMIT reloadFailed(m_watchedPath, errors);
}

} // namespace Switchyard
