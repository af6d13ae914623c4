// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QSocketNotifier;

namespace Switchyard {

/// Turns SIGINT and SIGTERM into a Qt signal on the main thread (self-pipe), so shutdown
/// runs in the event loop and flushes everything instead of dying mid-write.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signal);

private:
    static void onSignal(int signal);
    QSocketNotifier *m_notifier = nullptr;
    static int s_fds[2];
};

} // namespace Switchyard
