// SPDX-License-Identifier: MIT
#include "ui/providers/providerspage.h"

#include "core/config/configstore.h"
#include "core/config/secretresolver.h"
#include "core/runtime/runtime.h"
#include "ui/gateway/configwriter.h"
#include "ui/gateway/createkeydialog.h"
#include "ui/gateway/gatewaykeyedits.h"
#include "ui/providers/gatewaykeytablemodel.h"
#include "ui/providers/providereditor.h"
#include "ui/providers/providertablemodel.h"
#include "ui/providers/providertester.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace Switchyard {

namespace {

QTableView *tableView(QAbstractItemModel *model, const QString &objectName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

QLabel *messageLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

void setMessage(QLabel *label, const QString &text, bool error)
{
    label->setText(text);
    label->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QStringLiteral("color: #1e6e34;"));
    label->setVisible(!text.isEmpty());
}

QString joined(const Errors &errors)
{
    QStringList lines;
    for (const Error &e : errors)
        lines.append(e.toString());
    return lines.join(u'\n');
}

/// Asks before a destructive action without blocking: the box is a child of `parent`
/// and `confirmed` runs only on Yes.
template<typename F>
void confirm(QWidget *parent, const QString &title, const QString &text, const QString &yesText, F confirmed)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
    box->setObjectName(QStringLiteral("confirmBox"));
    QPushButton *yes = box->addButton(yesText, QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirmButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::buttonClicked, parent, [yes, confirmed](QAbstractButton *button) {
        if (button == yes)
            confirmed();
    });
    box->open();
}

} // namespace

ProvidersPage::ProvidersPage(Runtime *runtime, QWidget *parent)
    : Page(parent)
    , m_runtime(runtime)
    , m_providers(new ProviderTableModel(this))
    , m_keys(new GatewayKeyTableModel(this))
    , m_tester(new ProviderTester(runtime, this))
{
    setObjectName(QStringLiteral("providersPage"));
    auto *title = new QLabel(tr("Providers & keys"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *intro = new QLabel(tr("Cloud providers the gateway forwards requests to, and the local keys programs use to "
                                "call the gateway. API keys live in your OS keychain or in environment variables; the "
                                "configuration file only names where to find them."),
                             this);
    intro->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->setSpacing(12);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(createProvidersBox(), 3);
    layout->addWidget(createKeysBox(), 2);

    connect(m_runtime->configStore(), &ConfigStore::snapshotChanged, this, &ProvidersPage::reload);
    connect(m_tester, &ProviderTester::finished, this, &ProvidersPage::onTestFinished);
    reload();
}

ProvidersPage::~ProvidersPage() = default;

QIcon ProvidersPage::icon() const
{
    return style()->standardIcon(QStyle::SP_DriveNetIcon);
}

QWidget *ProvidersPage::createProvidersBox()
{
    auto *box = new QGroupBox(tr("Providers"), this);
    m_providerView = tableView(m_providers, QStringLiteral("providerTable"), box);
    QHeaderView *header = m_providerView->horizontalHeader();
    header->setSectionResizeMode(ProviderTableModel::IdColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ProviderTableModel::KindColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ProviderTableModel::BaseUrlColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ProviderTableModel::KeyReferenceColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ProviderTableModel::StatusColumn, QHeaderView::ResizeToContents);
    m_providersEmpty = new QLabel(tr("No providers yet. Add one with your API key (OpenAI, Anthropic or any "
                                     "OpenAI-compatible service), or a simulated provider to try routing without "
                                     "spending anything."),
                                  box);
    m_providersEmpty->setObjectName(QStringLiteral("providersEmpty"));
    m_providersEmpty->setWordWrap(true);
    m_providerMessage = messageLabel(QStringLiteral("providerMessage"), box);

    m_add = new QPushButton(tr("Add…"), box);
    m_add->setObjectName(QStringLiteral("addProviderButton"));
    m_edit = new QPushButton(tr("Edit…"), box);
    m_edit->setObjectName(QStringLiteral("editProviderButton"));
    m_remove = new QPushButton(tr("Remove"), box);
    m_remove->setObjectName(QStringLiteral("removeProviderButton"));
    m_test = new QPushButton(tr("Test"), box);
    m_test->setObjectName(QStringLiteral("testProviderButton"));
    m_test->setToolTip(tr("Sends one tiny request (max_tokens 1) with the configured key"));

    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {m_add, m_edit, m_remove, m_test})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *row = new QHBoxLayout;
    auto *tableColumn = new QVBoxLayout;
    tableColumn->addWidget(m_providersEmpty);
    tableColumn->addWidget(m_providerView, 1);
    tableColumn->addWidget(m_providerMessage);
    row->addLayout(tableColumn, 1);
    row->addLayout(buttons);
    box->setLayout(row);

    connect(m_add, &QPushButton::clicked, this, &ProvidersPage::onAdd);
    connect(m_edit, &QPushButton::clicked, this, &ProvidersPage::onEdit);
    connect(m_remove, &QPushButton::clicked, this, &ProvidersPage::onRemove);
    connect(m_test, &QPushButton::clicked, this, &ProvidersPage::onTest);
    connect(m_providerView, &QTableView::doubleClicked, this, &ProvidersPage::onEdit);
    connect(m_providerView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ProvidersPage::updateButtons);
    return box;
}

QWidget *ProvidersPage::createKeysBox()
{
    auto *box = new QGroupBox(tr("Local gateway keys"), this);
    m_keyView = tableView(m_keys, QStringLiteral("keyTable"), box);
    m_keyView->horizontalHeader()->setSectionResizeMode(GatewayKeyTableModel::NameColumn, QHeaderView::Stretch);
    m_keyView->horizontalHeader()->setSectionResizeMode(GatewayKeyTableModel::CreatedColumn, QHeaderView::ResizeToContents);
    m_keyView->horizontalHeader()->setSectionResizeMode(GatewayKeyTableModel::FingerprintColumn, QHeaderView::ResizeToContents);
    m_keysEmpty = new QLabel(tr("No keys yet: on loopback the gateway accepts every local program. Create a key to "
                                "require it from every program (and to listen on other addresses)."),
                             box);
    m_keysEmpty->setObjectName(QStringLiteral("keysEmpty"));
    m_keysEmpty->setWordWrap(true);
    m_keyMessage = messageLabel(QStringLiteral("keyMessage"), box);
    m_createKey = new QPushButton(tr("Create key…"), box);
    m_createKey->setObjectName(QStringLiteral("createKeyButton"));
    m_revokeKey = new QPushButton(tr("Revoke"), box);
    m_revokeKey->setObjectName(QStringLiteral("revokeKeyButton"));

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_createKey);
    buttons->addWidget(m_revokeKey);
    buttons->addStretch(1);
    auto *tableColumn = new QVBoxLayout;
    tableColumn->addWidget(m_keysEmpty);
    tableColumn->addWidget(m_keyView, 1);
    tableColumn->addWidget(m_keyMessage);
    auto *row = new QHBoxLayout(box);
    row->addLayout(tableColumn, 1);
    row->addLayout(buttons);

    connect(m_createKey, &QPushButton::clicked, this, &ProvidersPage::onCreateKey);
    connect(m_revokeKey, &QPushButton::clicked, this, &ProvidersPage::onRevokeKey);
    connect(m_keyView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ProvidersPage::updateButtons);
    return box;
}

void ProvidersPage::reload()
{
    const QString selectedProvider = selectedProviderId();
    const QString selectedKey = selectedKeyName();
    const Config config = m_runtime->configStore()->snapshot()->config;
    QList<ProviderRow> rows;
    for (const ProviderConfig &p : config.providers) {
        ProviderRow row;
        row.provider = p;
        if (p.apiKey.isEmpty()) {
            row.keyStatus = p.kind == u"simulated" ? KeyStatus::NotNeeded : KeyStatus::Missing;
            row.keyDetail = p.kind == u"simulated" ? QString() : tr("No key reference is configured.");
        }
        rows.append(row);
    }
    m_providers->setRows(rows);
    m_keys->setKeys(config.gateway.keys);
    m_providersEmpty->setVisible(rows.isEmpty());
    m_keysEmpty->setVisible(config.gateway.keys.isEmpty());

    for (int i = 0; i < m_providers->rowCount(); ++i) {
        if (m_providers->index(i, 0).data(ProviderTableModel::ProviderIdRole).toString() == selectedProvider)
            m_providerView->selectRow(i);
    }
    for (int i = 0; i < m_keys->rowCount(); ++i) {
        if (m_keys->index(i, 0).data(GatewayKeyTableModel::KeyNameRole).toString() == selectedKey)
            m_keyView->selectRow(i);
    }
    updateButtons();
    refreshKeyStatuses();
}

void ProvidersPage::refreshKeyStatuses()
{
    QSet<QString> references;
    for (const ProviderRow &row : m_providers->rows()) {
        if (!row.provider.apiKey.isEmpty())
            references.insert(row.provider.apiKey);
    }
    const quint64 ticket = ++m_statusTicket;
    m_pendingStatuses = int(references.size());
    if (references.isEmpty()) {
        Q_EMIT keyStatusesChecked();
        return;
    }
    QPointer<ProvidersPage> self(this);
    for (const QString &reference : std::as_const(references)) {
        m_runtime->secretResolver()->resolve(reference, [self, ticket, reference](const SecretResult &r) {
            if (!self || ticket != self->m_statusTicket)
                return; // the configuration changed since: a newer check is under way
            KeyStatus status = KeyStatus::Set;
            QString detail = r.notice.isEmpty() ? tr("Read from %1").arg(r.source) : r.notice;
            if (!r.ok) {
                status = r.notice.isEmpty() ? KeyStatus::Missing : KeyStatus::KeychainUnavailable;
                detail = r.notice.isEmpty() ? r.error : r.notice + u'\n' + r.error;
            }
            self->m_providers->setKeyStatus(reference, status, detail);
            if (--self->m_pendingStatuses == 0)
                Q_EMIT self->keyStatusesChecked();
        });
    }
}

void ProvidersPage::updateButtons()
{
    const bool provider = !selectedProviderId().isEmpty();
    m_edit->setEnabled(provider);
    m_remove->setEnabled(provider);
    m_test->setEnabled(provider);
    m_revokeKey->setEnabled(!selectedKeyName().isEmpty());
}

QString ProvidersPage::selectedProviderId() const
{
    const QModelIndexList rows = m_providerView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(ProviderTableModel::ProviderIdRole).toString();
}

QString ProvidersPage::selectedKeyName() const
{
    const QModelIndexList rows = m_keyView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(GatewayKeyTableModel::KeyNameRole).toString();
}

void ProvidersPage::onAdd()
{
    auto *editor = new ProviderEditor(m_runtime, -1, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &ProviderEditor::saved, this, [this](const QString &id) {
        showProviderMessage(tr("Provider %1 added and saved.").arg(id), false);
    });
    editor->open();
}

void ProvidersPage::onEdit()
{
    const QString id = selectedProviderId();
    const Config config = m_runtime->configStore()->snapshot()->config;
    for (qsizetype i = 0; i < config.providers.size(); ++i) {
        if (config.providers.at(i).id != id)
            continue;
        auto *editor = new ProviderEditor(m_runtime, i, this);
        editor->setAttribute(Qt::WA_DeleteOnClose);
        connect(editor, &ProviderEditor::saved, this, [this](const QString &savedId) {
            showProviderMessage(tr("Provider %1 saved.").arg(savedId), false);
        });
        editor->open();
        return;
    }
}

void ProvidersPage::onRemove()
{
    const QString id = selectedProviderId();
    if (id.isEmpty())
        return;
    confirm(this, tr("Remove provider"),
            tr("Remove the provider %1 from the configuration? Routes that use it must be changed first.").arg(id),
            tr("Remove"), [this, id] {
                Config config = m_runtime->configStore()->snapshot()->config;
                const ProviderConfig *provider = config.provider(id);
                const QString reference = provider ? provider->apiKey : QString();
                config.providers.removeIf([&](const ProviderConfig &p) { return p.id == id; });
                Errors errors;
                if (!ConfigWriter::save(m_runtime, config, &errors)) {
                    showProviderMessage(tr("%1 was not removed:\n%2").arg(id, joined(errors)), true);
                    return;
                }
                showProviderMessage(tr("Provider %1 removed.").arg(id), false);
                // The stored key would otherwise linger in the keychain with nothing using it.
                if (reference == QStringLiteral("keychain:") + id)
                    m_runtime->secretResolver()->remove(id, [](const SecretResult &) {});
            });
}

void ProvidersPage::onTest()
{
    const QString id = selectedProviderId();
    const ProviderConfig *provider = m_runtime->configStore()->snapshot()->config.provider(id);
    if (!provider)
        return;
    showProviderMessage(tr("Testing %1…").arg(id), false);
    m_test->setEnabled(false);
    m_tester->test(*provider);
}

void ProvidersPage::onTestFinished(const QString &providerId, bool ok, qint64 latencyMs, const QString &message)
{
    Q_UNUSED(latencyMs) // part of `message`
    updateButtons();
    showProviderMessage(ok ? tr("%1: %2").arg(providerId, message) : tr("%1 failed: %2").arg(providerId, message), !ok);
}

void ProvidersPage::onCreateKey()
{
    auto *dialog = new CreateKeyDialog(m_runtime, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CreateKeyDialog::keyCreated, this, [this](const QString &name) {
        setMessage(m_keyMessage, tr("Key %1 created.").arg(name), false);
    });
    dialog->open();
}

void ProvidersPage::onRevokeKey()
{
    const QString name = selectedKeyName();
    if (name.isEmpty())
        return;
    confirm(this, tr("Revoke key"),
            tr("Revoke the key %1? Programs using it get 401 errors from now on.").arg(name), tr("Revoke"),
            [this, name] {
                Config config = m_runtime->configStore()->snapshot()->config;
                Errors errors;
                if (!GatewayKeyEdits::revoke(&config, name) || !ConfigWriter::save(m_runtime, config, &errors)) {
                    setMessage(m_keyMessage, tr("%1 was not revoked:\n%2").arg(name, joined(errors)), true);
                    return;
                }
                setMessage(m_keyMessage, tr("Key %1 revoked.").arg(name), false);
            });
}

void ProvidersPage::showProviderMessage(const QString &text, bool error)
{
    setMessage(m_providerMessage, text, error);
}

} // namespace Switchyard
