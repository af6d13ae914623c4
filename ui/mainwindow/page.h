// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QString>
#include <QWidget>

namespace Switchyard {

/// One page of the main window's page stack. Pages own their widgets and logic helpers;
/// MainWindow only lists them in the sidebar and switches between them.
class Page : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    /// Stable id for the remembered last page, e.g. "dashboard".
    virtual QString pageId() const = 0;
    /// Translated title for the sidebar.
    virtual QString title() const = 0;
    virtual QIcon icon() const { return {}; }

    /// Called when the page becomes visible / hidden, so it can refresh or pause live updates.
    virtual void pageShown() {}
    virtual void pageHidden() {}
};

} // namespace Switchyard
