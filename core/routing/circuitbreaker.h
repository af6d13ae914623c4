// SPDX-License-Identifier: MIT
#pragma once

#include <QDeadlineTimer>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <atomic>
#include <chrono>

namespace Switchyard {

/// Per-target health shared by all worker threads: after `failureThreshold` consecutive
/// failures (connect, timeout, 5xx) a target is skipped for `cooldown`; then one trial call
/// is let through (half-open) and its outcome closes or re-opens the circuit. A 429 with
/// Retry-After skips the target until that time. Touched once per attempt, never per byte.
/// While every target is healthy (the usual case) allow() and recordSuccess() take no lock:
/// an atomic count of troubled targets says there is nothing to look up. Any thread.
class CircuitBreaker
{
public:
    enum class State { Closed, Open, HalfOpen };
    struct TargetState {
        QString target;
        State state = State::Closed;
        int consecutiveFailures = 0;
        qint64 opened = 0;          ///< times the circuit opened
        qint64 remainingMs = 0;     ///< until the next trial, when open
    };

    explicit CircuitBreaker(int failureThreshold = 5, std::chrono::milliseconds cooldown = std::chrono::seconds(30));

    /// True while no target has failures or an open circuit, the usual case: allow() and
    /// recordSuccess() are then no-ops, so callers can skip building a target's name.
    bool allHealthy() const { return m_troubled.load(std::memory_order_acquire) == 0; }
    /// False when the target is open (skip it); true lets a call through (the trial when half-open).
    bool allow(const QString &target);
    void recordSuccess(const QString &target);
    void recordFailure(const QString &target);
    /// The target said "come back later": skip it until then.
    void recordRetryAfter(const QString &target, std::chrono::milliseconds retryAfter);

    QList<TargetState> states() const;

private:
    struct Entry {
        int failures = 0;
        qint64 opened = 0;
        QDeadlineTimer openUntil{QDeadlineTimer::Forever};
        bool open = false;
        bool trialInFlight = false;
    };

    static bool troubled(const Entry &e) { return e.failures > 0 || e.open; }

    const int m_threshold;
    const std::chrono::milliseconds m_cooldown;
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    std::atomic<int> m_troubled{0}; ///< entries with failures or an open circuit
};

} // namespace Switchyard
