// SPDX-License-Identifier: MIT
#include "ui/providers/providereditor.h"

#include "core/config/configstore.h"
#include "core/config/secretresolver.h"
#include "core/runtime/runtime.h"
#include "ui/gateway/configwriter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace Switchyard {

namespace {

const QString kErrorStyle = QStringLiteral("color: #b3261e;");
const QString kErrorFrame = QStringLiteral("QLineEdit, QComboBox { border: 1px solid #b3261e; border-radius: 2px; padding: 2px; }");

QString environmentNameFor(const QString &id)
{
    QString name;
    for (const QChar c : id.toUpper())
        name.append(c.isLetterOrNumber() && c.unicode() < 128 ? c : u'_');
    return name.isEmpty() ? QString() : name + QStringLiteral("_API_KEY");
}

qsizetype indexOfProvider(const Config &config, const QString &id)
{
    for (qsizetype i = 0; i < config.providers.size(); ++i) {
        if (config.providers.at(i).id == id)
            return i;
    }
    return -1;
}

} // namespace

ProviderEditor::ProviderEditor(Runtime *runtime, qsizetype index, QWidget *parent)
    : QDialog(parent)
    , m_runtime(runtime)
    , m_draft(runtime->configStore()->snapshot()->config, index)
    , m_form(new QFormLayout)
{
    const ProviderConfig original = m_draft.provider();
    const bool adding = m_adding = original.id.isEmpty();
    m_originalId = original.id;
    m_originalKeyReference = original.apiKey;
    setWindowTitle(adding ? tr("Add a provider") : tr("Edit provider %1").arg(original.id));
    setMinimumWidth(680);

    m_id = addLineField(tr("&Id:"), QStringLiteral("idEdit"), ProviderDraft::Field::Id);
    m_id->setPlaceholderText(tr("e.g. openai; used in model names: id/model"));

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    m_kind->addItem(tr("OpenAI-compatible API"), QStringLiteral("openai"));
    m_kind->addItem(tr("Anthropic Messages API"), QStringLiteral("anthropic"));
    m_kind->addItem(tr("Simulated (built in, for demos and fault drills)"), QStringLiteral("simulated"));
    {
        auto *label = new QLabel(tr("&Kind:"), this);
        label->setBuddy(m_kind);
        m_form->addRow(label, m_kind);
    }

    m_baseUrl = addLineField(tr("&Base URL:"), QStringLiteral("baseUrlEdit"), ProviderDraft::Field::BaseUrl);
    m_baseUrl->setPlaceholderText(QStringLiteral("https://api.openai.com/v1"));

    // API key: a source, then the field for that source, its note and its errors.
    m_keySource = new QComboBox(this);
    m_keySource->setObjectName(QStringLiteral("keySourceCombo"));
    m_keySource->addItem(tr("Store in the OS keychain"), int(KeySource::Keychain));
    m_keySource->addItem(tr("Read from an environment variable"), int(KeySource::Environment));
    m_keySource->addItem(tr("No key"), int(KeySource::None));
    m_form->addRow(tr("API key:"), m_keySource);
    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("keyEdit"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("paste the provider's API key"));
    m_envVariable = new QLineEdit(this);
    m_envVariable->setObjectName(QStringLiteral("envVariableEdit"));
    m_envVariable->setPlaceholderText(tr("variable name, e.g. OPENAI_API_KEY"));
    m_keychainNote = new QLabel(this);
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->setWordWrap(true);
    m_keychainNote->setText(tr("Checking the keychain…"));
    auto *keyBox = new QWidget(this);
    auto *keyLayout = new QVBoxLayout(keyBox);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    keyLayout->setSpacing(3);
    keyLayout->addWidget(m_key);
    keyLayout->addWidget(m_envVariable);
    keyLayout->addWidget(m_keychainNote);
    auto *keyError = new QLabel(keyBox);
    keyError->setObjectName(QStringLiteral("apiKeyError"));
    keyError->setStyleSheet(kErrorStyle);
    keyError->setWordWrap(true);
    keyError->hide();
    keyLayout->addWidget(keyError);
    m_errorLabels.insert(ProviderDraft::Field::ApiKey, keyError);
    m_form->addRow(QString(), keyBox);

    m_catalogId = addLineField(tr("&Catalog id:"), QStringLiteral("catalogIdEdit"), ProviderDraft::Field::CatalogId);
    m_catalogId->setPlaceholderText(tr("price catalog provider; empty: same as the id"));
    m_models = addLineField(tr("&Models:"), QStringLiteral("modelsEdit"), ProviderDraft::Field::Models);
    m_models->setPlaceholderText(tr("comma-separated, e.g. gpt-4o, gpt-4o-mini; empty: any model the catalog knows"));

    m_otherErrors = new QLabel(this);
    m_otherErrors->setObjectName(QStringLiteral("otherErrors"));
    m_otherErrors->setStyleSheet(kErrorStyle);
    m_otherErrors->setWordWrap(true);
    m_otherErrors->hide();
    m_errorLabels.insert(ProviderDraft::Field::Other, m_otherErrors);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("editorStatus"));
    m_status->setWordWrap(true);
    m_status->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = m_buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveButton"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_otherErrors);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    // Fill the form from the provider before wiring it, so loading is not an edit.
    m_id->setText(original.id);
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(adding ? QStringLiteral("openai") : original.kind)));
    m_baseUrl->setText(original.baseUrl);
    m_catalogId->setText(original.catalogId);
    m_models->setText(original.models.join(QStringLiteral(", ")));
    KeySource source = KeySource::Keychain;
    if (original.apiKey.startsWith(u"env:")) {
        source = KeySource::Environment;
        m_envVariable->setText(original.apiKey.mid(4));
    } else if (!adding && original.apiKey.isEmpty()) {
        source = KeySource::None;
    }
    m_keySource->setCurrentIndex(m_keySource->findData(int(source)));
    if (original.apiKey.startsWith(u"keychain:"))
        m_key->setPlaceholderText(tr("stored in the keychain; type a new key to replace it"));

    m_envVariableEdited = original.apiKey.startsWith(u"env:");
    connect(m_envVariable, &QLineEdit::textEdited, this, [this] { m_envVariableEdited = true; });
    for (QLineEdit *edit : {m_id, m_baseUrl, m_key, m_envVariable, m_catalogId, m_models})
        connect(edit, &QLineEdit::textEdited, this, &ProviderEditor::onEdited);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProviderEditor::onEdited);
    connect(m_keySource, &QComboBox::currentIndexChanged, this, &ProviderEditor::onKeySourceChanged);
    connect(m_save, &QPushButton::clicked, this, &ProviderEditor::onSave);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    onKeySourceChanged();

    // Whether a keychain service runs is only known by asking it; the answer comes later.
    const QString probe = original.apiKey.startsWith(u"keychain:")
        ? original.apiKey
        : QStringLiteral("keychain:") + (adding ? QStringLiteral("switchyard-probe") : original.id);
    QPointer<ProviderEditor> self(this);
    m_runtime->secretResolver()->resolve(probe, [self](const SecretResult &r) {
        if (self)
            self->onKeychainProbed(r);
    });
}

ProviderEditor::~ProviderEditor() = default;

QLineEdit *ProviderEditor::addLineField(const QString &label, const QString &objectName, ProviderDraft::Field field)
{
    // The error sits in the same cell as its field, so it collapses to nothing when fixed.
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    auto *edit = new QLineEdit(box);
    edit->setObjectName(objectName);
    auto *error = new QLabel(box);
    error->setObjectName(objectName.chopped(4) + QStringLiteral("Error")); // idEdit -> idError
    error->setStyleSheet(kErrorStyle);
    error->setWordWrap(true);
    error->hide();
    layout->addWidget(edit);
    layout->addWidget(error);
    auto *labelWidget = new QLabel(label, this);
    labelWidget->setBuddy(edit);
    m_form->addRow(labelWidget, box);
    m_errorLabels.insert(field, error);
    return edit;
}

ProviderEditor::KeySource ProviderEditor::keySource() const
{
    return KeySource(m_keySource->currentData().toInt());
}

ProviderConfig ProviderEditor::providerFromForm() const
{
    ProviderConfig p = m_draft.provider(); // keeps what the form does not show (simulated settings)
    p.id = m_id->text().trimmed();
    p.kind = m_kind->currentData().toString();
    p.baseUrl = m_baseUrl->text().trimmed();
    p.catalogId = m_catalogId->text().trimmed();
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    p.models = m_models->text().split(separators, Qt::SkipEmptyParts);
    switch (keySource()) {
    case KeySource::Keychain:
        // A kept key stays under the name it was stored with; a new one goes under the id.
        if (m_key->text().isEmpty() && m_originalKeyReference.startsWith(u"keychain:"))
            p.apiKey = m_originalKeyReference;
        else
            p.apiKey = p.id.isEmpty() ? QString() : QStringLiteral("keychain:") + p.id;
        break;
    case KeySource::Environment:
        p.apiKey = QStringLiteral("env:") + m_envVariable->text().trimmed();
        break;
    case KeySource::None:
        p.apiKey.clear();
        break;
    }
    return p;
}

void ProviderEditor::onEdited()
{
    // Suggest a variable named after the id until the user types one.
    if (keySource() == KeySource::Environment && !m_envVariableEdited)
        m_envVariable->setText(environmentNameFor(m_id->text().trimmed()));
    const bool simulated = m_kind->currentData().toString() == u"simulated";
    m_baseUrl->setEnabled(!simulated);
    m_baseUrl->setPlaceholderText(simulated ? tr("not used: simulated providers answer inside Switchyard")
                                            : (m_kind->currentData().toString() == u"anthropic"
                                                   ? QStringLiteral("https://api.anthropic.com")
                                                   : QStringLiteral("https://api.openai.com/v1")));
    m_draft.setProvider(providerFromForm());
    setFieldErrors(ProviderDraft::Field::Id, m_id);
    setFieldErrors(ProviderDraft::Field::Kind, m_kind);
    setFieldErrors(ProviderDraft::Field::BaseUrl, m_baseUrl);
    setFieldErrors(ProviderDraft::Field::ApiKey, keySource() == KeySource::Environment ? m_envVariable : m_key);
    setFieldErrors(ProviderDraft::Field::CatalogId, m_catalogId);
    setFieldErrors(ProviderDraft::Field::Models, m_models);
    setFieldErrors(ProviderDraft::Field::Other, nullptr);
    m_save->setEnabled(m_draft.isValid() && !m_busy);
    growToFit();
}

void ProviderEditor::growToFit()
{
    // A window does not grow by itself when wrapped labels under the fields gain lines.
    const int needed = heightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

void ProviderEditor::setFieldErrors(ProviderDraft::Field field, QWidget *input)
{
    const QStringList errors = m_draft.errors(field);
    // Kind has no label of its own: the combo box offers only valid kinds.
    if (QLabel *label = m_errorLabels.value(field)) {
        label->setText(errors.join(u'\n'));
        label->setVisible(!errors.isEmpty());
    }
    if (input) {
        input->setStyleSheet(errors.isEmpty() ? QString() : kErrorFrame);
        input->setToolTip(errors.join(u'\n'));
    }
}

void ProviderEditor::onKeySourceChanged()
{
    const KeySource source = keySource();
    m_key->setVisible(source == KeySource::Keychain);
    m_envVariable->setVisible(source == KeySource::Environment);
    m_keychainNote->setVisible(source == KeySource::Keychain || !m_keychainAvailable);
    m_key->setStyleSheet(QString());
    m_envVariable->setStyleSheet(QString());
    onEdited();
}

void ProviderEditor::onKeychainProbed(const SecretResult &result)
{
    // The resolver falls back to the environment, with a notice, only when no service runs.
    m_keychainAvailable = result.notice.isEmpty();
    auto *items = qobject_cast<QStandardItemModel *>(m_keySource->model());
    if (m_keychainAvailable) {
        const bool stored = result.ok && m_originalKeyReference.startsWith(u"keychain:");
        m_keychainNote->setText(stored ? tr("A key is stored in the keychain; leave the field empty to keep it.")
                                       : tr("The key is saved in your OS keychain (service \"%1\"), never in the "
                                            "configuration file.").arg(SecretResolver::serviceName()));
        m_keychainNote->setStyleSheet(QString());
    } else {
        const QString id = m_id->text().trimmed().isEmpty() ? QStringLiteral("NAME") : m_id->text().trimmed();
        m_keychainNote->setText(
            tr("No keychain service is running, so the key cannot be stored securely here. Set an environment "
               "variable before starting Switchyard and choose \"Read from an environment variable\" (a keychain: "
               "reference falls back to %1).").arg(SecretResolver::fallbackVariable(id)));
        m_keychainNote->setStyleSheet(QStringLiteral("color: #8a5300;"));
        if (items)
            items->item(m_keySource->findData(int(KeySource::Keychain)))->setEnabled(false);
        if (keySource() == KeySource::Keychain && !m_originalKeyReference.startsWith(u"keychain:"))
            m_keySource->setCurrentIndex(m_keySource->findData(int(KeySource::Environment)));
    }
    onKeySourceChanged();
    Q_EMIT keychainChecked(m_keychainAvailable);
}

void ProviderEditor::onSave()
{
    onEdited();
    if (!m_draft.isValid() || m_busy)
        return;
    const ProviderConfig provider = m_draft.provider();
    if (keySource() != KeySource::Keychain || m_key->text().isEmpty()) {
        commit(provider);
        return;
    }
    setBusy(true, tr("Saving the key in the keychain…"));
    QPointer<ProviderEditor> self(this);
    m_runtime->secretResolver()->store(provider.id, m_key->text(), [self, provider](const SecretResult &r) {
        if (self)
            self->onKeyStored(provider, r);
    });
}

void ProviderEditor::onKeyStored(const ProviderConfig &provider, const SecretResult &result)
{
    if (!result.ok) {
        setBusy(false);
        m_status->setText(result.error);
        m_status->setStyleSheet(kErrorStyle);
        m_status->show();
        return;
    }
    m_key->clear();
    commit(provider);
}

void ProviderEditor::commit(const ProviderConfig &provider)
{
    // Rebase on the configuration running now: it may have been reloaded since the dialog opened.
    const Config current = m_runtime->configStore()->snapshot()->config;
    ProviderDraft draft(current, m_adding ? -1 : indexOfProvider(current, m_originalId));
    draft.setProvider(provider);
    Errors errors;
    if (draft.isValid() && ConfigWriter::save(m_runtime, draft.config(), &errors)) {
        setBusy(false);
        Q_EMIT saved(provider.id);
        accept();
        return;
    }
    setBusy(false);
    QStringList lines;
    for (const Error &e : std::as_const(errors))
        lines.append(e.toString());
    for (ProviderDraft::Field f : {ProviderDraft::Field::Id, ProviderDraft::Field::BaseUrl, ProviderDraft::Field::ApiKey,
                                   ProviderDraft::Field::Models, ProviderDraft::Field::Other})
        lines.append(draft.errors(f));
    m_status->setText(tr("Not saved: %1").arg(lines.join(u'\n')));
    m_status->setStyleSheet(kErrorStyle);
    m_status->show();
}

void ProviderEditor::setBusy(bool busy, const QString &message)
{
    m_busy = busy;
    m_save->setEnabled(!busy && m_draft.isValid());
    m_status->setStyleSheet(QString());
    m_status->setText(message);
    m_status->setVisible(!message.isEmpty());
}

} // namespace Switchyard
