// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

class QListWidget;
class QMenu;
class QStackedWidget;

namespace Switchyard {

class Page;

/// The thin shell: a sidebar listing the pages, the page stack, the status bar and the
/// window actions. Pages are separate classes added with addPage(); the shell remembers
/// geometry and the last page. Closing hides to the tray when `closeToTray` is on.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void addPage(Page *page);
    Page *currentPage() const;
    /// Shows the page with `pageId`; false if there is none.
    bool showPage(const QString &pageId);
    QList<Page *> pages() const { return m_pages; }

    /// Widget shown permanently at the right of the status bar (the gateway status).
    void setStatusWidget(QWidget *widget);

    /// The File menu, for actions the app adds (e.g. the tray choice).
    QMenu *fileMenu() const { return m_fileMenu; }

    void setCloseToTray(bool enabled) { m_closeToTray = enabled; }
    bool closeToTray() const { return m_closeToTray; }
    /// Restores geometry and the last page; call after all pages were added.
    void restoreState();

Q_SIGNALS:
    void quitRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void onCurrentRowChanged(int row);

    QListWidget *m_sidebar;
    QMenu *m_fileMenu = nullptr;
    QStackedWidget *m_stack;
    QList<Page *> m_pages;
    int m_previous = -1;
    bool m_closeToTray = false;
};

} // namespace Switchyard
