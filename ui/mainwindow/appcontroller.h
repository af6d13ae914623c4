// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class QSystemTrayIcon;

namespace Switchyard {

class MainWindow;
class Runtime;

/// Puts the desktop app together around a running core: the main window with its pages,
/// the tray icon and the quit path (which flushes every usage record before exit).
/// Lives on the GUI thread.
class AppController : public QObject
{
    Q_OBJECT
public:
    explicit AppController(Runtime *runtime, QObject *parent = nullptr);
    ~AppController() override;

    MainWindow *window() const { return m_window; }
    /// Shows and raises the window (also when a second instance asks for it).
    void raiseWindow();

Q_SIGNALS:
    void quitRequested();

private:
    void createTray();

    Runtime *m_runtime;
    MainWindow *m_window;
    QPointer<QSystemTrayIcon> m_tray;
};

} // namespace Switchyard
