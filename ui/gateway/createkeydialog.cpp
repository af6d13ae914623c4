// SPDX-License-Identifier: MIT
#include "ui/gateway/createkeydialog.h"

#include "core/config/configstore.h"
#include "core/runtime/runtime.h"
#include "ui/gateway/configwriter.h"
#include "ui/gateway/gatewaykeyedits.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStringList>
#include <QVBoxLayout>

namespace Switchyard {

CreateKeyDialog::CreateKeyDialog(Runtime *runtime, QWidget *parent)
    : QDialog(parent)
    , m_runtime(runtime)
    , m_name(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_shownOnce(new QLabel(this))
    , m_keyField(new QLineEdit(this))
    , m_copy(new QPushButton(tr("Copy"), this))
    , m_create(new QPushButton(tr("Create"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Create a gateway key"));
    setMinimumWidth(560);
    m_name->setObjectName(QStringLiteral("keyName"));
    m_name->setText(GatewayKeyEdits::suggestedName(m_runtime->configStore()->snapshot()->config));
    m_name->selectAll();
    m_error->setObjectName(QStringLiteral("keyError"));
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *intro = new QLabel(tr("Programs send this key as \"Authorization: Bearer sy-…\". Only its SHA-256 is saved, "
                                "so the key is shown once, right after you create it. Once a key exists, the gateway "
                                "refuses requests without a valid key."),
                             this);
    intro->setWordWrap(true);

    m_keyField->setObjectName(QStringLiteral("createdKey"));
    m_keyField->setReadOnly(true);
    m_keyField->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copy->setObjectName(QStringLiteral("copyKeyButton"));
    m_shownOnce->setObjectName(QStringLiteral("shownOnce"));
    m_shownOnce->setWordWrap(true);
    m_shownOnce->setText(tr("Copy the key now and store it in your program's environment (e.g. SWITCHYARD_API_KEY). "
                            "It cannot be shown again; if you lose it, revoke it and create a new one."));
    m_create->setObjectName(QStringLiteral("createButton"));
    m_create->setDefault(true);
    m_buttons->addButton(m_create, QDialogButtonBox::ActionRole);

    auto *form = m_form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(QString(), m_error);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyField, 1);
    keyRow->addWidget(m_copy);
    form->addRow(tr("Key:"), keyRow);
    form->addRow(QString(), m_shownOnce);
    form->setRowVisible(2, false);
    form->setRowVisible(3, false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_create, &QPushButton::clicked, this, &CreateKeyDialog::onCreate);
    connect(m_name, &QLineEdit::returnPressed, this, &CreateKeyDialog::onCreate);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(QString::fromLatin1(m_key));
        m_copy->setText(tr("Copied"));
    });
}

CreateKeyDialog::~CreateKeyDialog()
{
    // Do not leave the only copy of a key lying around in freed memory longer than needed.
    m_key.fill('\0');
}

void CreateKeyDialog::onCreate()
{
    if (!m_key.isEmpty())
        return;
    Config config = m_runtime->configStore()->snapshot()->config;
    QString error;
    const QByteArray key = GatewayKeyEdits::create(&config, m_name->text(), &error);
    Errors errors;
    if (!key.isEmpty() && !ConfigWriter::save(m_runtime, config, &errors)) {
        QStringList lines;
        for (const Error &e : std::as_const(errors))
            lines.append(e.toString());
        error = tr("The key was not saved: %1").arg(lines.join(u'\n'));
    }
    if (!error.isEmpty()) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    m_key = key;
    m_error->hide();
    m_name->setReadOnly(true);
    m_keyField->setText(QString::fromLatin1(m_key));
    m_form->setRowVisible(2, true);
    m_form->setRowVisible(3, true);
    m_buttons->removeButton(m_create);
    m_create->hide();
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    // A window does not grow by itself when wrapped text appears in it.
    layout()->activate();
    const int needed = heightForWidth(width());
    if (needed > height())
        resize(width(), needed);
    m_copy->setFocus();
    Q_EMIT keyCreated(m_name->text().trimmed());
}

} // namespace Switchyard
