// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Switchyard {

class Runtime;

/// Creates a local gateway key: asks for a name, saves only the key's SHA-256 to the
/// configuration, then shows the key this once with a Copy button. Open it with open();
/// it never blocks. GUI thread.
class CreateKeyDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CreateKeyDialog(Runtime *runtime, QWidget *parent = nullptr);
    ~CreateKeyDialog() override;

    /// The created key; empty until Create succeeded (tests).
    QByteArray key() const { return m_key; }

Q_SIGNALS:
    void keyCreated(const QString &name);

private:
    void onCreate();

    Runtime *m_runtime;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_name;
    QLabel *m_error;
    QLabel *m_shownOnce;
    QLineEdit *m_keyField;
    QPushButton *m_copy;
    QPushButton *m_create;
    QDialogButtonBox *m_buttons;
    QByteArray m_key;
};

} // namespace Switchyard
