// SPDX-License-Identifier: MIT
#include "ui/welcome/welcomepage.h"

#include "core/config/configstore.h"
#include "core/runtime/runtime.h"
#include "core/usage/usagestore.h"
#include "ui/dashboard/usagedatasource.h"
#include "ui/gateway/gatewaycontrol.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/uioption.h"
#include "ui/welcome/nodeform.h"

#include <QApplication>
#include <QClipboard>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {

const UiOption<bool> s_dismissed("welcome/dismissed", false);

QGroupBox *card(const QString &title, const QString &text, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    auto *label = new QLabel(text, box);
    label->setWordWrap(true);
    layout->addWidget(label);
    return box;
}

} // namespace

WelcomePage::WelcomePage(Runtime *runtime, UsageDataSource *source, QWidget *parent)
    : Page(parent)
    , m_runtime(runtime)
    , m_source(source)
    , m_baseUrl(new QLabel(this))
    , m_snippet(new QLabel(this))
    , m_demoButton(new QPushButton(tr("Explore with demo data"), this))
    , m_demoStatus(new QLabel(this))
    , m_nodeForm(new NodeForm(runtime ? runtime->configStore() : nullptr, this))
{
    setObjectName(u"welcomePage"_s);
    auto *body = new QWidget;
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(28, 20, 28, 20);
    layout->setSpacing(12);

    auto *heading = new QLabel(tr("<h1>Welcome to Switchyard</h1>"), body);
    layout->addWidget(heading);
    auto *intro = new QLabel(tr("Switchyard runs an OpenAI-compatible gateway on this computer. Point any OpenAI SDK at "
                                "the address below and only the <code>model</code> parameter decides which provider "
                                "or local node answers. Every call is recorded for the spend dashboard."),
                             body);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(new QLabel(tr("Base URL:"), body));
    m_baseUrl->setObjectName(u"baseUrl"_s);
    m_baseUrl->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_baseUrl->setStyleSheet(u"font-family: monospace; font-size: 13pt; font-weight: 600; padding: 4px 8px; "
                             "border: 1px solid palette(mid); border-radius: 4px;"_s);
    urlRow->addWidget(m_baseUrl);
    auto *copy = new QPushButton(tr("Copy"), body);
    copy->setObjectName(u"copyBaseUrl"_s);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(baseUrl()); });
    urlRow->addWidget(copy);
    urlRow->addStretch(1);
    layout->addLayout(urlRow);
    m_snippet->setObjectName(u"baseUrlSnippet"_s);
    m_snippet->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_snippet->setStyleSheet(u"font-family: monospace; background: palette(alternate-base); padding: 8px;"_s);
    layout->addWidget(m_snippet);

    auto *note = new QLabel(tr("Switchyard detects nothing silently: it does not scan your network for inference "
                               "servers. A cloud provider of the default configuration becomes active once its key is "
                               "set (an environment variable such as OPENAI_API_KEY, or a key added below); until then "
                               "the model \"auto\" answers with the built-in simulated provider, so everything can be "
                               "tried without a key."),
                            body);
    note->setWordWrap(true);
    layout->addWidget(note);

    auto *cards = new QHBoxLayout;
    cards->setSpacing(12);
    QGroupBox *provider = card(tr("1. Add a provider key"),
                               tr("OpenAI, Anthropic, Google or any OpenAI-compatible API. Keys stay in your system "
                                  "keychain or an environment variable, never in the configuration file."),
                               body);
    auto *openProviders = new QPushButton(tr("Open Providers && keys"), provider);
    openProviders->setObjectName(u"openProviders"_s);
    connect(openProviders, &QPushButton::clicked, this, [this] { showPage(u"providers"_s); });
    provider->layout()->addWidget(openProviders);
    static_cast<QVBoxLayout *>(provider->layout())->addStretch(1);
    cards->addWidget(provider, 1);

    QGroupBox *node = card(tr("2. Add a local node"),
                           tr("A llama.cpp, Ollama, vLLM or LM Studio server on this machine or your network."), body);
    node->layout()->addWidget(m_nodeForm);
    cards->addWidget(node, 1);

    QGroupBox *demo = card(tr("3. Explore with demo data"),
                           tr("Twelve weeks of made-up traffic across cloud models and local nodes, in a separate "
                              "database, so you can try the dashboard before your own usage arrives. It is always "
                              "labelled DEMO DATA and never mixes with your usage."),
                           body);
    m_demoButton->setObjectName(u"exploreDemo"_s);
    connect(m_demoButton, &QPushButton::clicked, this, [this] {
        if (!m_source)
            return;
        m_source->showDemo();
        if (m_source->isDemo())
            showPage(u"dashboard"_s);
    });
    demo->layout()->addWidget(m_demoButton);
    m_demoStatus->setWordWrap(true);
    demo->layout()->addWidget(m_demoStatus);
    static_cast<QVBoxLayout *>(demo->layout())->addStretch(1);
    cards->addWidget(demo, 1);
    layout->addLayout(cards);

    auto *footer = new QHBoxLayout;
    footer->addStretch(1);
    auto *dismiss = new QPushButton(tr("Don't show this page at start"), body);
    dismiss->setObjectName(u"dismissWelcome"_s);
    connect(dismiss, &QPushButton::clicked, this, [this] {
        s_dismissed.set(true);
        showPage(u"dashboard"_s);
    });
    footer->addWidget(dismiss);
    layout->addLayout(footer);
    layout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    if (m_source) {
        connect(m_source, &UsageDataSource::demoPreparingChanged, this, [this](bool preparing) {
            m_demoButton->setEnabled(!preparing);
            m_demoStatus->setText(preparing ? tr("Writing the demo database…") : QString());
        });
        connect(m_source, &UsageDataSource::storeChanged, this, [this](UsageStore *, bool demo) {
            if (demo && isVisible())
                showPage(u"dashboard"_s);
        });
        connect(m_source, &UsageDataSource::demoFailed, this,
                [this](const QString &message) { m_demoStatus->setText(tr("Could not make the demo data: %1").arg(message)); });
    }
    if (m_runtime)
        connect(m_runtime, &Runtime::gatewayStateChanged, this, &WelcomePage::updateBaseUrl);
    updateBaseUrl();
    // After MainWindow::restoreState() picked the last page: an empty database wins.
    QTimer::singleShot(0, this, &WelcomePage::maybeShowFirst);
}

QIcon WelcomePage::icon() const
{
    return style()->standardIcon(QStyle::SP_DialogHelpButton);
}

QString WelcomePage::baseUrl() const
{
    QString address = m_runtime ? m_runtime->listenAddress() : QString();
    if (address.isEmpty() && m_runtime && m_runtime->configStore())
        address = m_runtime->configStore()->snapshot()->config.gateway.listen;
    if (address.isEmpty())
        address = u"127.0.0.1:4000"_s;
    return GatewayControl::baseUrlFor(address); // where a client connects: never a wildcard
}

void WelcomePage::updateBaseUrl()
{
    const QString url = baseUrl();
    m_baseUrl->setText(url);
    m_snippet->setText(u"from openai import OpenAI<br>client = OpenAI(base_url=\"%1\", api_key=\"sy-…\")<br>"
                       "client.chat.completions.create(model=\"auto\", messages=[…])"_s.arg(url.toHtmlEscaped()));
}

void WelcomePage::showPage(const QString &pageId)
{
    if (auto *window = qobject_cast<MainWindow *>(this->window()))
        window->showPage(pageId);
}

void WelcomePage::maybeShowFirst()
{
    if (s_dismissed.get() || !m_source || !m_source->realStore())
        return;
    m_source->realStore()->queryTotals(UsageFilter()).then(this, [this](const SpendSums &all) {
        if (all.requests == 0 && !m_source->isDemo())
            showPage(pageId());
    });
}

} // namespace Switchyard
