// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>
#include <QVarLengthArray>

#include <atomic>
#include <vector>

namespace Switchyard {

/// An event dispatcher for the gateway's worker threads, built on epoll.
///
/// Why not Qt's own: the GLib dispatcher writes its wake-up eventfd every time a socket
/// notifier is switched on or off and on every posted event, even from its own thread, which
/// was seven extra system calls per proxied request; and poll() walks every open socket on
/// every pass. Here a notifier change is only remembered and handed to the kernel (one
/// epoll_ctl) before the thread next blocks, wake-ups from other threads are coalesced into one
/// eventfd write, and a post from the thread itself never needs one. Threads that run GLib
/// code (the keychain) keep Qt's dispatcher.
class EpollEventDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

    /// epoll_ctl calls made so far (for tests: notifier flips between waits cost none).
    quint64 epollControlCalls() const { return m_controlCalls; }

private:
    struct Watch {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        quint32 applied = 0; ///< events the kernel has for this descriptor
        bool added = false;
        bool dirty = false;
        /// Had no notifier since the last wait: its descriptor may have been closed and its
        /// number reused, so the kernel's registration is checked (MOD, else ADD) again.
        bool stale = false;
    };
    struct Timer {
        int id = 0;
        qint64 interval = 0; ///< ms
        Qt::TimerType type = Qt::CoarseTimer;
        QObject *object = nullptr;
        qint64 deadline = 0; ///< ns, monotonic
        bool active = false; ///< inside its own timerEvent(): not fired again by a nested loop
    };

    static quint32 wantedEvents(const Watch &w);
    void markDirty(int fd, Watch &w);
    void applyChanges();
    void control(int fd, Watch &w, quint32 events);
    int msToNextTimer(qint64 now) const;
    bool activateTimers();
    struct ReadyEvent {
        int fd;
        quint32 events;
    };
    using ReadyList = QVarLengthArray<ReadyEvent, 128>;
    int activateSockets(ReadyList &ready);

    int m_epoll = -1;
    int m_wakeEpoll = -1; ///< the wake-up descriptor alone: waits that exclude socket notifiers
    int m_wakeFd = -1;
    std::atomic<bool> m_wakePending{false}; ///< a wake-up is owed: the next wait must not block
    std::atomic<bool> m_interrupted{false};
    QHash<int, Watch> m_watches;
    std::vector<int> m_dirty;
    std::vector<Timer> m_timers;
    quint64 m_controlCalls = 0;
    /// Readiness not delivered yet, one list per (nested) processEvents(): a socket closed
    /// meanwhile is struck from them so its number's next owner gets no stale event.
    QVarLengthArray<ReadyList *, 4> m_undelivered;
};

} // namespace Switchyard
