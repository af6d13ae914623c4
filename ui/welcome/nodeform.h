// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/error.h"
#include "core/config/config.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Switchyard {

class ConfigStore;

/// A small form that adds one local node (`nodes[]`: id, kind, baseUrl, models) to the
/// configuration: validated with ConfigValidator (errors shown with their JSON paths),
/// saved with ConfigIo::saveFile on a pool thread, then applied to the ConfigStore.
/// Lives on the GUI thread.
class NodeForm : public QWidget
{
    Q_OBJECT

public:
    explicit NodeForm(ConfigStore *config, QWidget *parent = nullptr);

    /// The configuration with the form's node appended (no validation).
    Config configWithNode() const;

    /// Validates, saves and applies; the outcome comes as nodeAdded() or failed().
    void submit();

Q_SIGNALS:
    void nodeAdded(const QString &id);
    void failed(const Switchyard::Errors &errors);

private:
    void showErrors(const Errors &errors);

    ConfigStore *m_config;
    QLineEdit *m_id;
    QComboBox *m_kind;
    QLineEdit *m_baseUrl;
    QLineEdit *m_models;
    QPushButton *m_add;
    QLabel *m_status;
};

} // namespace Switchyard
