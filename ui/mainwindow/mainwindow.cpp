// SPDX-License-Identifier: MIT
#include "ui/mainwindow/mainwindow.h"

#include "ui/mainwindow/page.h"
#include "ui/mainwindow/uioption.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>

namespace Switchyard {

namespace {
const UiOption<QByteArray> s_geometry("window/geometry", QByteArray());
const UiOption<QByteArray> s_state("window/state", QByteArray());
const UiOption<QString> s_lastPage("window/lastPage", QString());
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_sidebar(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
{
    setWindowTitle(tr("Switchyard"));
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setFixedWidth(190);
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setSpacing(2);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_stack->setObjectName(QStringLiteral("pages"));

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = m_fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &MainWindow::quitRequested);

    connect(m_sidebar, &QListWidget::currentRowChanged, this, &MainWindow::onCurrentRowChanged);
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(Page *page)
{
    m_pages.append(page);
    m_stack->addWidget(page);
    auto *item = new QListWidgetItem(page->icon(), page->title(), m_sidebar);
    item->setData(Qt::UserRole, page->pageId());
    item->setSizeHint(QSize(0, 36));
    if (m_sidebar->currentRow() < 0)
        m_sidebar->setCurrentRow(0);
}

Page *MainWindow::currentPage() const
{
    return m_pages.value(m_stack->currentIndex());
}

bool MainWindow::showPage(const QString &pageId)
{
    for (int i = 0; i < m_pages.size(); ++i) {
        if (m_pages.at(i)->pageId() == pageId) {
            m_sidebar->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

void MainWindow::setStatusWidget(QWidget *widget)
{
    statusBar()->addPermanentWidget(widget, 1);
}

void MainWindow::restoreState()
{
    const QByteArray geometry = s_geometry.get();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = s_state.get();
    if (!state.isEmpty())
        QMainWindow::restoreState(state);
    const QString last = s_lastPage.get();
    if (!last.isEmpty())
        showPage(last);
}

void MainWindow::onCurrentRowChanged(int row)
{
    if (row < 0 || row >= m_pages.size())
        return;
    if (m_previous >= 0 && m_previous < m_pages.size())
        m_pages.at(m_previous)->pageHidden();
    m_stack->setCurrentIndex(row);
    m_pages.at(row)->pageShown();
    m_previous = row;
    s_lastPage.set(m_pages.at(row)->pageId());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    s_geometry.set(saveGeometry());
    s_state.set(saveState());
    if (m_closeToTray) {
        hide();
        event->ignore();
        return;
    }
    event->accept();
    Q_EMIT quitRequested();
}

} // namespace Switchyard
