// SPDX-License-Identifier: MIT
#include "ui/mainwindow/appcontroller.h"

#include "core/runtime/runtime.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/uioption.h"

#include <QApplication>
#include <QMenu>
#include <QStyle>
#include <QSystemTrayIcon>

namespace Switchyard {

namespace {
const UiOption<bool> s_closeToTray("window/closeToTray", true);
} // namespace

AppController::AppController(Runtime *runtime, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
    , m_window(new MainWindow)
{
    // Pages are added here, one line each, in sidebar order.

    connect(m_window, &MainWindow::quitRequested, this, &AppController::quitRequested);
    createTray();
    m_window->restoreState();
}

AppController::~AppController()
{
    delete m_window;
}

void AppController::createTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(QApplication::style()->standardIcon(QStyle::SP_ComputerIcon), this);
    m_tray->setToolTip(tr("Switchyard gateway"));
    auto *menu = new QMenu(m_window);
    menu->addAction(tr("Show Switchyard"), this, &AppController::raiseWindow);
    menu->addSeparator();
    menu->addAction(tr("Quit"), this, &AppController::quitRequested);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            raiseWindow();
    });
    m_tray->show();
    // Closing the window keeps the gateway serving only where a tray icon can bring it back.
    m_window->setCloseToTray(s_closeToTray.get());
}

void AppController::raiseWindow()
{
    m_window->show();
    m_window->setWindowState((m_window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window->raise();
    m_window->activateWindow();
}

} // namespace Switchyard
