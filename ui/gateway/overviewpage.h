// SPDX-License-Identifier: MIT
#pragma once

#include "ui/mainwindow/page.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace Switchyard {

class GatewayControl;

/// The first page: is the gateway serving, where, and how to call it. Start/Stop, the
/// listen address (saved to the configuration), the base URL, creating a key, and
/// ready-to-paste Python, JavaScript and curl snippets that follow the current address.
/// GUI thread.
class OverviewPage : public Page
{
    Q_OBJECT
public:
    explicit OverviewPage(GatewayControl *gateway, QWidget *parent = nullptr);

    QString pageId() const override { return QStringLiteral("overview"); }
    QString title() const override { return tr("Overview"); }
    QIcon icon() const override;

private:
    QWidget *createGatewayBox();
    QWidget *createKeysBox();
    QWidget *createSnippetsBox();
    QWidget *createSnippetTab(const QString &name, QPlainTextEdit **view);
    void updateState();
    void updateKeys();
    void updateSnippets();
    void onApplyListen();
    void onCreateKey();

    GatewayControl *m_gateway;
    QLabel *m_state = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_stop = nullptr;
    QLineEdit *m_listen = nullptr;
    QPushButton *m_applyListen = nullptr;
    QLabel *m_listenError = nullptr;
    QLabel *m_baseUrl = nullptr;
    QPushButton *m_copyBaseUrl = nullptr;
    QLabel *m_keys = nullptr;
    QPushButton *m_createKey = nullptr;
    QTabWidget *m_snippetTabs = nullptr;
    QPlainTextEdit *m_python = nullptr;
    QPlainTextEdit *m_javascript = nullptr;
    QPlainTextEdit *m_curl = nullptr;
};

} // namespace Switchyard
