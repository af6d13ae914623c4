// SPDX-License-Identifier: MIT
#pragma once

#include "ui/providers/providerdraft.h"

#include <QDialog>
#include <QMap>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Switchyard {

class Runtime;
struct SecretResult;

/// Adds or edits one provider: id, kind, base URL, API key, catalog id and models.
///
/// Every edit is validated as part of the whole configuration (ProviderDraft); each error
/// shows under its field and Save stays disabled while there is one. A typed API key goes
/// to the OS keychain under the provider id and the configuration gets "keychain:<id>";
/// the key itself never reaches the configuration file, logs or QSettings. Where no
/// keychain service runs the dialog says so and offers an environment variable instead.
/// Saving writes the configuration file and applies it; open it with open(). GUI thread.
class ProviderEditor : public QDialog
{
    Q_OBJECT
public:
    enum class KeySource { Keychain, Environment, None };

    /// `index` of the provider in the current configuration, or -1 to add one.
    ProviderEditor(Runtime *runtime, qsizetype index, QWidget *parent = nullptr);
    ~ProviderEditor() override;

    bool isKeychainAvailable() const { return m_keychainAvailable; }

Q_SIGNALS:
    /// The keychain check finished (tests wait for it).
    void keychainChecked(bool available);
    /// The provider was saved to the configuration file and applied.
    void saved(const QString &providerId);

private:
    QLineEdit *addLineField(const QString &label, const QString &objectName, ProviderDraft::Field field);
    void setFieldErrors(ProviderDraft::Field field, QWidget *input);
    ProviderConfig providerFromForm() const;
    KeySource keySource() const;
    void onEdited();
    void onKeySourceChanged();
    void onKeychainProbed(const SecretResult &result);
    void onSave();
    void onKeyStored(const ProviderConfig &provider, const SecretResult &result);
    void commit(const ProviderConfig &provider);
    void setBusy(bool busy, const QString &message = {});
    void growToFit();

    Runtime *m_runtime;
    ProviderDraft m_draft;
    QString m_originalId;
    QString m_originalKeyReference;
    bool m_adding = true;
    bool m_envVariableEdited = false;
    bool m_keychainAvailable = true;
    bool m_busy = false;

    QFormLayout *m_form;
    QLineEdit *m_id = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QComboBox *m_keySource = nullptr;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_envVariable = nullptr;
    QLabel *m_keychainNote = nullptr;
    QLineEdit *m_catalogId = nullptr;
    QLineEdit *m_models = nullptr;
    QLabel *m_otherErrors = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_save = nullptr;
    QMap<ProviderDraft::Field, QLabel *> m_errorLabels;
};

} // namespace Switchyard
