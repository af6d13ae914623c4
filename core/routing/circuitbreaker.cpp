// SPDX-License-Identifier: MIT
#include "core/routing/circuitbreaker.h"

#include <QMutexLocker>

namespace Switchyard {

CircuitBreaker::CircuitBreaker(int failureThreshold, std::chrono::milliseconds cooldown)
    : m_threshold(failureThreshold)
    , m_cooldown(cooldown)
{
}

bool CircuitBreaker::allow(const QString &target)
{
    if (m_troubled.load(std::memory_order_acquire) == 0)
        return true;
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.find(target);
    if (it == m_entries.end() || !it->open)
        return true;
    if (!it->openUntil.hasExpired() || it->trialInFlight)
        return false;
    it->trialInFlight = true; // half-open: exactly one trial
    return true;
}

void CircuitBreaker::recordSuccess(const QString &target)
{
    if (m_troubled.load(std::memory_order_acquire) == 0)
        return;
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.find(target);
    if (it == m_entries.end())
        return;
    if (troubled(*it))
        m_troubled.fetch_sub(1, std::memory_order_release);
    it->failures = 0;
    it->open = false;
    it->trialInFlight = false;
}

void CircuitBreaker::recordFailure(const QString &target)
{
    QMutexLocker lock(&m_mutex);
    Entry &e = m_entries[target];
    if (!troubled(e))
        m_troubled.fetch_add(1, std::memory_order_release);
    ++e.failures;
    if (e.trialInFlight || (!e.open && e.failures >= m_threshold)) {
        e.open = true;
        ++e.opened;
        e.openUntil = QDeadlineTimer(m_cooldown);
    }
    e.trialInFlight = false;
}

void CircuitBreaker::recordRetryAfter(const QString &target, std::chrono::milliseconds retryAfter)
{
    QMutexLocker lock(&m_mutex);
    Entry &e = m_entries[target];
    if (!troubled(e))
        m_troubled.fetch_add(1, std::memory_order_release);
    if (!e.open || e.trialInFlight)
        ++e.opened; // an opening like any other, for /metrics
    e.open = true;
    e.trialInFlight = false;
    e.openUntil = QDeadlineTimer(retryAfter);
}

QList<CircuitBreaker::TargetState> CircuitBreaker::states() const
{
    QMutexLocker lock(&m_mutex);
    QList<TargetState> result;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        TargetState s;
        s.target = it.key();
        s.consecutiveFailures = it->failures;
        s.opened = it->opened;
        if (it->open) {
            s.state = it->openUntil.hasExpired() ? State::HalfOpen : State::Open;
            s.remainingMs = qMax<qint64>(0, it->openUntil.remainingTime());
        }
        result.append(s);
    }
    return result;
}

} // namespace Switchyard
