// SPDX-License-Identifier: MIT
#include "ui/gateway/overviewpage.h"

#include "core/config/configstore.h"
#include "core/gateway/apikeys.h"
#include "core/runtime/runtime.h"
#include "ui/gateway/codesnippets.h"
#include "ui/gateway/createkeydialog.h"
#include "ui/gateway/gatewaycontrol.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Switchyard {

namespace {

QLabel *errorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setStyleSheet(QStringLiteral("color: #b3261e;"));
    label->setWordWrap(true);
    label->hide();
    return label;
}

/// Briefly says "Copied" on the button that copied, so the click visibly did something.
void copyWithFeedback(QPushButton *button, const QString &text)
{
    QApplication::clipboard()->setText(text);
    const QString label = button->text();
    button->setText(OverviewPage::tr("Copied"));
    QTimer::singleShot(1500, button, [button, label] { button->setText(label); });
}

} // namespace

OverviewPage::OverviewPage(GatewayControl *gateway, QWidget *parent)
    : Page(parent)
    , m_gateway(gateway)
{
    setObjectName(QStringLiteral("overviewPage"));
    auto *title = new QLabel(tr("Overview"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *intro = new QLabel(tr("Programs on this computer call Switchyard like the OpenAI API: point their SDK at the "
                                "base URL below and choose the model by name. Routing, fallbacks and spend are handled here."),
                             this);
    intro->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->setSpacing(12);
    layout->addWidget(title);
    layout->addWidget(intro);
    auto *top = new QHBoxLayout;
    top->setSpacing(12);
    top->addWidget(createGatewayBox(), 3);
    top->addWidget(createKeysBox(), 2);
    layout->addLayout(top);
    layout->addWidget(createSnippetsBox(), 1);

    connect(m_gateway, &GatewayControl::stateChanged, this, [this] {
        updateState();
        updateKeys(); // whether keys are required follows the address listened on
        updateSnippets();
    });
    connect(m_gateway->runtime()->configStore(), &ConfigStore::snapshotChanged, this, [this] {
        updateKeys();
        updateSnippets();
    });
    updateState();
    updateKeys();
    updateSnippets();
}

QIcon OverviewPage::icon() const
{
    return style()->standardIcon(QStyle::SP_ComputerIcon);
}

QWidget *OverviewPage::createGatewayBox()
{
    auto *box = new QGroupBox(tr("Gateway"), this);
    m_state = new QLabel(box);
    m_state->setObjectName(QStringLiteral("stateLabel"));
    m_state->setTextFormat(Qt::RichText);
    m_state->setWordWrap(true);
    m_start = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("Start"), box);
    m_start->setObjectName(QStringLiteral("startButton"));
    m_stop = new QPushButton(style()->standardIcon(QStyle::SP_MediaStop), tr("Stop"), box);
    m_stop->setObjectName(QStringLiteral("stopButton"));

    m_listen = new QLineEdit(box);
    m_listen->setObjectName(QStringLiteral("listenEdit"));
    m_listen->setPlaceholderText(QStringLiteral("127.0.0.1:4000"));
    m_listen->setToolTip(tr("HOST:PORT. Addresses other than loopback (127.0.0.1, ::1) require at least one key."));
    m_applyListen = new QPushButton(tr("Apply"), box);
    m_applyListen->setObjectName(QStringLiteral("applyListenButton"));
    m_listenError = errorLabel(QStringLiteral("listenError"), box);

    m_baseUrl = new QLabel(box);
    m_baseUrl->setObjectName(QStringLiteral("baseUrlLabel"));
    m_baseUrl->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_baseUrl->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copyBaseUrl = new QPushButton(tr("Copy base URL"), box);
    m_copyBaseUrl->setObjectName(QStringLiteral("copyBaseUrlButton"));

    auto *grid = new QGridLayout(box);
    grid->setColumnStretch(1, 1);
    grid->addWidget(new QLabel(tr("State:"), box), 0, 0);
    grid->addWidget(m_state, 0, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    grid->addLayout(buttons, 0, 2);
    auto *listenLabel = new QLabel(tr("&Listen address:"), box);
    listenLabel->setBuddy(m_listen);
    grid->addWidget(listenLabel, 1, 0);
    grid->addWidget(m_listen, 1, 1);
    grid->addWidget(m_applyListen, 1, 2);
    grid->addWidget(m_listenError, 2, 1, 1, 2);
    grid->addWidget(new QLabel(tr("Base URL:"), box), 3, 0);
    grid->addWidget(m_baseUrl, 3, 1);
    grid->addWidget(m_copyBaseUrl, 3, 2);
    grid->setRowStretch(4, 1);

    connect(m_start, &QPushButton::clicked, this, [this] { m_gateway->start(); });
    connect(m_stop, &QPushButton::clicked, this, [this] { m_gateway->stop(); });
    connect(m_applyListen, &QPushButton::clicked, this, &OverviewPage::onApplyListen);
    connect(m_listen, &QLineEdit::returnPressed, this, &OverviewPage::onApplyListen);
    connect(m_copyBaseUrl, &QPushButton::clicked, this,
            [this] { copyWithFeedback(m_copyBaseUrl, m_gateway->baseUrl()); });
    return box;
}

QWidget *OverviewPage::createKeysBox()
{
    auto *box = new QGroupBox(tr("API keys"), this);
    m_keys = new QLabel(box);
    m_keys->setObjectName(QStringLiteral("keysLabel"));
    m_keys->setWordWrap(true);
    m_keys->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_createKey = new QPushButton(tr("Create key…"), box);
    m_createKey->setObjectName(QStringLiteral("createKeyButton"));
    m_createKey->setToolTip(tr("Stored keys cannot be shown again: create a new one to copy it."));
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_keys, 1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_createKey);
    layout->addLayout(row);
    connect(m_createKey, &QPushButton::clicked, this, &OverviewPage::onCreateKey);
    return box;
}

QWidget *OverviewPage::createSnippetsBox()
{
    auto *box = new QGroupBox(tr("Connect your code"), this);
    auto *hint = new QLabel(tr("Ready to paste: the key is read from SWITCHYARD_API_KEY. The X-Switchyard-Task header "
                               "tags requests for spend per task; X-Switchyard-Node pins a request to a local node."),
                            box);
    hint->setWordWrap(true);
    m_snippetTabs = new QTabWidget(box);
    m_snippetTabs->setObjectName(QStringLiteral("snippetTabs"));
    m_snippetTabs->addTab(createSnippetTab(QStringLiteral("python"), &m_python), tr("Python"));
    m_snippetTabs->addTab(createSnippetTab(QStringLiteral("javascript"), &m_javascript), tr("JavaScript"));
    m_snippetTabs->addTab(createSnippetTab(QStringLiteral("curl"), &m_curl), tr("curl"));
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(hint);
    layout->addWidget(m_snippetTabs, 1);
    return box;
}

QWidget *OverviewPage::createSnippetTab(const QString &name, QPlainTextEdit **view)
{
    auto *tab = new QWidget;
    auto *text = new QPlainTextEdit(tab);
    text->setObjectName(name + QStringLiteral("Snippet"));
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *copy = new QPushButton(tr("Copy"), tab);
    copy->setObjectName(QStringLiteral("copy") + name.at(0).toUpper() + name.mid(1) + QStringLiteral("Button"));
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(text, 1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(copy);
    layout->addLayout(row);
    connect(copy, &QPushButton::clicked, this, [copy, text] { copyWithFeedback(copy, text->toPlainText()); });
    *view = text;
    return tab;
}

void OverviewPage::updateState()
{
    const GatewayControl::State state = m_gateway->state();
    const QString address = m_gateway->address().toHtmlEscaped();
    switch (state) {
    case GatewayControl::State::Serving:
        m_state->setText(tr("<span style=\"color:#1e8e3e\">\u25CF</span> <b>Serving</b> on %1").arg(address));
        break;
    case GatewayControl::State::Stopped:
        m_state->setText(tr("<span style=\"color:#80868b\">\u25CF</span> <b>Stopped</b>: programs cannot reach the "
                            "gateway until you start it"));
        break;
    case GatewayControl::State::Error:
        m_state->setText(tr("<span style=\"color:#d93025\">\u25CF</span> <b>Error</b>: %1")
                             .arg(m_gateway->errorText().toHtmlEscaped()));
        break;
    }
    m_start->setEnabled(state != GatewayControl::State::Serving);
    m_stop->setEnabled(state == GatewayControl::State::Serving);
    if (!m_listen->isModified())
        m_listen->setText(m_gateway->address());
    m_baseUrl->setText(m_gateway->baseUrl());
}

void OverviewPage::updateKeys()
{
    const GatewaySettings &settings = m_gateway->runtime()->configStore()->snapshot()->config.gateway;
    if (settings.keys.isEmpty()) {
        // The address listened on decides, not the configured one (--listen may differ).
        const QString listen = m_gateway->runtime()->listenAddress();
        if (m_gateway->runtime()->isGatewayRunning() && !ApiKeys::isLoopbackListen(listen)) {
            m_keys->setText(tr("No keys, and the gateway listens on %1, which is not loopback: it refuses every "
                               "request until you create a key.").arg(listen));
            return;
        }
        m_keys->setText(tr("No keys yet. On loopback the gateway accepts any key (the SDKs need a non-empty one), "
                           "so local programs work at once. Create a key to require it from every program."));
        return;
    }
    QStringList names;
    for (const GatewayKey &k : settings.keys)
        names.append(k.name);
    const QString configured = settings.keys.size() == 1
        ? tr("One key configured: %1.").arg(names.first())
        : tr("%1 keys configured: %2.").arg(settings.keys.size()).arg(names.join(QStringLiteral(", ")));
    m_keys->setText(configured + u' '
                    + tr("Every request needs one of them.\n\nKeys are stored hashed and cannot be shown again; to "
                         "copy a key, create a new one (and revoke old ones on the Providers & keys page)."));
}

void OverviewPage::updateSnippets()
{
    const SnippetOptions options
        = CodeSnippets::optionsFor(m_gateway->runtime()->configStore()->snapshot()->config, m_gateway->baseUrl(),
                                   m_gateway->runtime()->listenAddress());
    m_python->setPlainText(CodeSnippets::python(options));
    m_javascript->setPlainText(CodeSnippets::javascript(options));
    m_curl->setPlainText(CodeSnippets::curl(options));
}

void OverviewPage::onApplyListen()
{
    Errors errors;
    const bool ok = m_gateway->setListenAddress(m_listen->text().trimmed(), &errors);
    if (ok) {
        m_listenError->hide();
        m_listen->setModified(false);
        updateState();
        return;
    }
    QStringList lines;
    for (const Error &e : std::as_const(errors))
        lines.append(e.message);
    m_listenError->setText(lines.join(u'\n'));
    m_listenError->show();
}

void OverviewPage::onCreateKey()
{
    auto *dialog = new CreateKeyDialog(m_gateway->runtime(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace Switchyard
