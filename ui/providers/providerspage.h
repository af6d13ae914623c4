// SPDX-License-Identifier: MIT
#pragma once

#include "ui/mainwindow/page.h"

class QLabel;
class QPushButton;
class QTableView;

namespace Switchyard {

class GatewayKeyTableModel;
class ProviderTableModel;
class ProviderTester;
class Runtime;

/// Providers & keys: the configured cloud providers with their key status (Add, Edit,
/// Remove, Test) and the gateway's local keys (Create, Revoke). Every change is saved to
/// the configuration file and applied at once; the tables follow the running
/// configuration, also when the file is edited elsewhere. GUI thread.
class ProvidersPage : public Page
{
    Q_OBJECT
public:
    explicit ProvidersPage(Runtime *runtime, QWidget *parent = nullptr);
    ~ProvidersPage() override;

    QString pageId() const override { return QStringLiteral("providers"); }
    QString title() const override { return tr("Providers & keys"); }
    QIcon icon() const override;

    ProviderTableModel *providerModel() const { return m_providers; }
    GatewayKeyTableModel *keyModel() const { return m_keys; }

Q_SIGNALS:
    /// Every key status of the current configuration is known (tests wait for it).
    void keyStatusesChecked();

private:
    QWidget *createProvidersBox();
    QWidget *createKeysBox();
    void reload();
    void refreshKeyStatuses();
    void updateButtons();
    QString selectedProviderId() const;
    QString selectedKeyName() const;
    void onAdd();
    void onEdit();
    void onRemove();
    void onTest();
    void onTestFinished(const QString &providerId, bool ok, qint64 latencyMs, const QString &message);
    void onCreateKey();
    void onRevokeKey();
    void showProviderMessage(const QString &text, bool error);

    Runtime *m_runtime;
    ProviderTableModel *m_providers;
    GatewayKeyTableModel *m_keys;
    ProviderTester *m_tester;
    QTableView *m_providerView = nullptr;
    QLabel *m_providersEmpty = nullptr;
    QLabel *m_providerMessage = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_test = nullptr;
    QTableView *m_keyView = nullptr;
    QLabel *m_keysEmpty = nullptr;
    QLabel *m_keyMessage = nullptr;
    QPushButton *m_createKey = nullptr;
    QPushButton *m_revokeKey = nullptr;
    quint64 m_statusTicket = 0;
    int m_pendingStatuses = 0;
};

} // namespace Switchyard
