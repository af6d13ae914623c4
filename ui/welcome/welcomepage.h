// SPDX-License-Identifier: MIT
#pragma once

#include "ui/mainwindow/page.h"

class QLabel;
class QPushButton;

namespace Switchyard {

class NodeForm;
class Runtime;
class UsageDataSource;

/// First run: the gateway's base URL to give SDKs, and three ways on: add a provider key
/// (the providers page), add a local node (NodeForm) or explore with demo data. It finds
/// and changes nothing on its own. Shown first while the usage database is empty, until
/// the user dismisses it. Lives on the GUI thread.
class WelcomePage : public Page
{
    Q_OBJECT

public:
    WelcomePage(Runtime *runtime, UsageDataSource *source, QWidget *parent = nullptr);

    QString pageId() const override { return QStringLiteral("welcome"); }
    QString title() const override { return tr("First run"); }
    QIcon icon() const override;

    /// "http://HOST:PORT/v1" of the running gateway (the configured address when stopped).
    QString baseUrl() const;

private:
    void updateBaseUrl();
    void showPage(const QString &pageId);
    void maybeShowFirst();

    Runtime *m_runtime;
    UsageDataSource *m_source;
    QLabel *m_baseUrl;
    QLabel *m_snippet;
    QPushButton *m_demoButton;
    QLabel *m_demoStatus;
    NodeForm *m_nodeForm;
};

} // namespace Switchyard
