// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/error.h"
#include "core/config/config.h"

#include <QFileSystemWatcher>
#include <QMutex>

#include <atomic>
#include <QObject>
#include <QTimer>

#include <memory>

namespace Switchyard {

/// An immutable, validated configuration with the generation it was applied as.
/// The gateway holds a shared_ptr to one for the whole of a request, so a swap never
/// changes the rules under a request in flight.
struct ConfigSnapshot {
    Config config;
    quint64 generation = 0;
    QString sourcePath; ///< file it was read from, empty for in-memory configurations
};

using ConfigSnapshotPtr = std::shared_ptr<const ConfigSnapshot>;

/// Owns the current configuration snapshot and swaps it atomically.
///
/// snapshot() may be called from any thread. apply(), loadFile() and watching live on the
/// thread the store belongs to. An invalid configuration is never applied: the running
/// snapshot stays and the errors are returned and signalled.
class ConfigStore : public QObject
{
    Q_OBJECT
public:
    explicit ConfigStore(Config initial, QObject *parent = nullptr);
    /// `sourcePath`: the file `initial` was read from, so editors save back to it.
    ConfigStore(Config initial, const QString &sourcePath, QObject *parent = nullptr);

    ConfigSnapshotPtr snapshot() const;
    /// The current snapshot's generation, without a lock: hot paths keep their own copy of the
    /// snapshot and take a new one only when this changes.
    quint64 generation() const { return m_generation.load(std::memory_order_acquire); }

    /// Validates and swaps. Returns the errors; empty means applied.
    Errors apply(const Config &config, const QString &sourcePath = {});
    /// Reads, validates and swaps. A broken file leaves the running snapshot in place.
    Errors loadFile(const QString &path);

    /// Reloads `path` whenever it changes on disk (editors that replace the file included).
    void watchFile(const QString &path);

Q_SIGNALS:
    void snapshotChanged(quint64 generation);
    void reloadFailed(const QString &path, const Switchyard::Errors &errors);

private:
    void onFileChanged();

    mutable QMutex m_mutex;
    ConfigSnapshotPtr m_snapshot;
    std::atomic<quint64> m_generation{1}; // the first snapshot's
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    QString m_watchedPath;
};

} // namespace Switchyard
