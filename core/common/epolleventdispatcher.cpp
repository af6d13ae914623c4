// SPDX-License-Identifier: MIT
#include "core/common/epolleventdispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimerEvent>
#include <QVarLengthArray>

#include <algorithm>
#include <cerrno>
#include <limits>
#include <ctime>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace Switchyard {

namespace {

constexpr int kMaxEvents = 128;

/// The dispatcher whose processEvents() runs on this thread: its own posts need no eventfd.
thread_local const EpollEventDispatcher *t_running = nullptr;

qint64 nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

qint64 intervalNs(qint64 ms, Qt::TimerType type)
{
    // Very coarse timers fire on whole seconds, as Qt documents.
    if (type == Qt::VeryCoarseTimer && ms >= 1000)
        ms = (ms + 500) / 1000 * 1000;
    return ms * 1'000'000;
}

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_wakeEpoll(epoll_create1(EPOLL_CLOEXEC))
    , m_wakeFd(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_epoll < 0 || m_wakeEpoll < 0 || m_wakeFd < 0)
        qFatal("EpollEventDispatcher: cannot create epoll or eventfd descriptors (errno %d)", errno);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = m_wakeFd;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &ev);
    epoll_ctl(m_wakeEpoll, EPOLL_CTL_ADD, m_wakeFd, &ev);
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (t_running == this)
        t_running = nullptr;
    ::close(m_wakeFd);
    ::close(m_wakeEpoll);
    ::close(m_epoll);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    t_running = this;
    m_interrupted.store(false, std::memory_order_relaxed);
    Q_EMIT awake();

    // Cleared before sending, so a post made meanwhile keeps the next wait from blocking.
    m_wakePending.store(false);
    QCoreApplication::sendPostedEvents();
    if (m_interrupted.load(std::memory_order_relaxed))
        return false;

    const bool includeTimers = !(flags & QEventLoop::X11ExcludeTimers);
    int timeout = 0;
    if ((flags & QEventLoop::WaitForMoreEvents) && !m_wakePending.load()) {
        timeout = includeTimers ? msToNextTimer(nowNs()) : -1;
        if (timeout != 0)
            Q_EMIT aboutToBlock();
    }

    applyChanges();
    epoll_event events[kMaxEvents];
    // Sockets excluded by the caller stay out of the wait, or a ready one would make it spin.
    const bool includeSockets = !(flags & QEventLoop::ExcludeSocketNotifiers);
    int ready = epoll_wait(includeSockets ? m_epoll : m_wakeEpoll, events, kMaxEvents, timeout);
    if (ready < 0)
        ready = 0; // EINTR: a signal; the caller loops

    int handled = 0;
    ReadyList sockets;
    for (int i = 0; i < ready; ++i) {
        if (events[i].data.fd == m_wakeFd) {
            eventfd_t drained = 0;
            eventfd_read(m_wakeFd, &drained);
            ++handled;
        } else {
            sockets.append({events[i].data.fd, events[i].events});
        }
    }
    if (includeSockets && !sockets.isEmpty())
        handled += activateSockets(sockets);
    if (includeTimers)
        handled += activateTimers() ? 1 : 0;
    return handled > 0;
}

// --- sockets ------------------------------------------------------------------------------

quint32 EpollEventDispatcher::wantedEvents(const Watch &w)
{
    return (w.read ? quint32(EPOLLIN) : 0u) | (w.write ? quint32(EPOLLOUT) : 0u) | (w.exception ? quint32(EPOLLPRI) : 0u);
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    Watch &w = m_watches[fd];
    switch (notifier->type()) {
    case QSocketNotifier::Read: w.read = notifier; break;
    case QSocketNotifier::Write: w.write = notifier; break;
    case QSocketNotifier::Exception: w.exception = notifier; break;
    }
    markDirty(fd, w);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    Watch &w = *it;
    if (w.read == notifier)
        w.read = nullptr;
    if (w.write == notifier)
        w.write = nullptr;
    if (w.exception == notifier)
        w.exception = nullptr;
    if (wantedEvents(w) == 0) {
        w.stale = true;
        for (ReadyList *list : m_undelivered) {
            for (ReadyEvent &r : *list) {
                if (r.fd == fd)
                    r.fd = -1; // readiness seen for this socket is not its number's next owner's
            }
        }
    }
    markDirty(fd, w); // the kernel hears of it before the next wait, if it still matters then
}

void EpollEventDispatcher::markDirty(int fd, Watch &w)
{
    if (!w.dirty) {
        w.dirty = true;
        m_dirty.push_back(fd);
    }
}

void EpollEventDispatcher::applyChanges()
{
    for (int fd : m_dirty) {
        const auto it = m_watches.find(fd);
        if (it == m_watches.end())
            continue;
        Watch &w = *it;
        w.dirty = false;
        const quint32 wanted = wantedEvents(w);
        if (wanted == 0) {
            if (w.added) {
                epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr); // fails harmlessly once closed
                ++m_controlCalls;
            }
            m_watches.erase(it);
            continue;
        }
        if (!w.added || w.stale || wanted != w.applied)
            control(fd, w, wanted);
        w.stale = false;
    }
    m_dirty.clear();
}

void EpollEventDispatcher::control(int fd, Watch &w, quint32 events)
{
    epoll_event ev{};
    ev.events = events;
    ev.data.fd = fd;
    ++m_controlCalls;
    if (w.added) {
        if (epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev) == 0 || (errno == ENOENT && epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) == 0)) {
            w.applied = events;
            return;
        }
    } else if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) == 0 || (errno == EEXIST && epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev) == 0)) {
        w.added = true;
        w.applied = events;
        return;
    }
    qWarning("EpollEventDispatcher: cannot watch socket %d (errno %d)", fd, errno);
}

int EpollEventDispatcher::activateSockets(ReadyList &ready)
{
    m_undelivered.append(&ready);
    int activated = 0;
    // Looked up again for each notifier: an earlier one's slot may have closed or replaced it.
    const auto fire = [this, &activated](const ReadyEvent &r, QSocketNotifier *Watch::*slot) {
        if (r.fd < 0)
            return;
        const auto it = m_watches.constFind(r.fd);
        QSocketNotifier *notifier = it == m_watches.constEnd() ? nullptr : (*it).*slot;
        if (!notifier)
            return;
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(notifier, &event);
        ++activated;
    };
    for (const ReadyEvent &r : ready) {
        if (r.events & (EPOLLIN | EPOLLHUP | EPOLLERR))
            fire(r, &Watch::read);
        if (r.events & (EPOLLOUT | EPOLLHUP | EPOLLERR))
            fire(r, &Watch::write);
        if (r.events & EPOLLPRI)
            fire(r, &Watch::exception);
    }
    m_undelivered.removeLast();
    return activated;
}

// --- timers -------------------------------------------------------------------------------

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    Timer t;
    t.id = timerId;
    t.interval = interval;
    t.type = timerType;
    t.object = object;
    t.deadline = nowNs() + intervalNs(interval, timerType);
    m_timers.push_back(t);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    for (auto it = m_timers.begin(); it != m_timers.end(); ++it) {
        if (it->id == timerId) {
            m_timers.erase(it);
            return true;
        }
    }
    return false;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    const auto before = m_timers.size();
    std::erase_if(m_timers, [object](const Timer &t) { return t.object == object; });
    return m_timers.size() != before;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> list;
    for (const Timer &t : m_timers) {
        if (t.object == object)
            list.append(TimerInfo(t.id, int(t.interval), t.type));
    }
    return list;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const qint64 now = nowNs();
    for (const Timer &t : m_timers) {
        if (t.id == timerId)
            return int(qMax<qint64>(0, (t.deadline - now + 999'999) / 1'000'000));
    }
    return -1;
}

int EpollEventDispatcher::msToNextTimer(qint64 now) const
{
    qint64 next = -1;
    for (const Timer &t : m_timers) {
        if (t.active)
            continue;
        const qint64 left = qMax<qint64>(0, t.deadline - now);
        if (next < 0 || left < next)
            next = left;
    }
    if (next < 0)
        return -1;
    return int(qMin<qint64>((next + 999'999) / 1'000'000, std::numeric_limits<int>::max()));
}

bool EpollEventDispatcher::activateTimers()
{
    if (m_timers.empty())
        return false;
    const qint64 now = nowNs();
    QVarLengthArray<int, 16> due;
    for (const Timer &t : m_timers) {
        if (!t.active && t.deadline <= now)
            due.append(t.id);
    }
    int fired = 0;
    const auto find = [this](int id) {
        return std::find_if(m_timers.begin(), m_timers.end(), [id](const Timer &t) { return t.id == id; });
    };
    for (int id : due) {
        auto it = find(id);
        if (it == m_timers.end() || it->active || it->deadline > now)
            continue; // killed, running in an outer pass, or its id reused by a new timer meanwhile
        const qint64 step = intervalNs(it->interval, it->type);
        it->deadline += step;
        if (it->deadline <= now)
            it->deadline = now + step; // late: skip the missed ticks rather than burst
        it->active = true;
        QObject *object = it->object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        ++fired;
        it = find(id); // the handler may have killed it or added others
        if (it != m_timers.end())
            it->active = false;
    }
    return fired > 0;
}

// --- waking -------------------------------------------------------------------------------

void EpollEventDispatcher::wakeUp()
{
    if (m_wakePending.exchange(true))
        return; // a wake-up is already owed
    if (t_running == this)
        return; // its own thread: processEvents() checks the flag before it blocks
    eventfd_write(m_wakeFd, 1);
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.store(true);
    // The flag first, then the write: a wait that cleared the flag before this store still
    // gets the eventfd, and no later wakeUp() finds a flag that owes nothing.
    m_wakePending.store(true);
    if (t_running != this)
        eventfd_write(m_wakeFd, 1);
}

} // namespace Switchyard
