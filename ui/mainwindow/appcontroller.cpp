// SPDX-License-Identifier: MIT
#include "ui/mainwindow/appcontroller.h"

#include "core/runtime/runtime.h"
#include "ui/dashboard/spenddashboard.h"
#include "ui/dashboard/usagedatasource.h"
#include "ui/gateway/gatewaycontrol.h"
#include "ui/gateway/gatewaystatuswidget.h"
#include "ui/gateway/overviewpage.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/uioption.h"
#include "ui/providers/providerspage.h"
#include "ui/requestlog/requestlogpage.h"
#include "ui/welcome/welcomepage.h"

#include <QAction>
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
    auto *gateway = new GatewayControl(m_runtime, this);
    m_window->addPage(new OverviewPage(gateway));
    m_window->addPage(new ProvidersPage(m_runtime));
    auto *usage = new UsageDataSource(m_runtime->usageStore(), this); // real or demo database, for the usage pages
    auto *dashboard = new SpendDashboard(usage, m_runtime->configStore());
    m_window->addPage(dashboard);
    auto *requestLog = new RequestLogPage(usage->store());
    connect(usage, &UsageDataSource::storeChanged, requestLog, &RequestLogPage::setStore);
    m_window->addPage(requestLog);
    m_window->addPage(new WelcomePage(m_runtime, usage));
    for (Page *page : m_window->pages()) { // drill-down: the request log shows the requests behind a bar
        if (auto *log = qobject_cast<RequestLogPage *>(page))
            connect(dashboard, &SpendDashboard::drillDownRequested, log, &RequestLogPage::showRequests);
    }

    m_window->setStatusWidget(new GatewayStatusWidget(gateway, m_runtime->usageStore()));
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
    // The user's choice, offered only where a tray icon can bring the window back.
    QAction *keepRunning = new QAction(tr("Keep the gateway running in the tray when the window closes"), m_window);
    keepRunning->setCheckable(true);
    keepRunning->setChecked(s_closeToTray.get());
    connect(keepRunning, &QAction::toggled, this, [this](bool on) {
        s_closeToTray.set(on);
        m_window->setCloseToTray(on);
    });
    QMenu *file = m_window->fileMenu();
    file->insertAction(file->actions().value(0), keepRunning);
    file->insertSeparator(file->actions().value(1));
}

void AppController::raiseWindow()
{
    m_window->show();
    m_window->setWindowState((m_window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window->raise();
    m_window->activateWindow();
}

} // namespace Switchyard
