// SPDX-License-Identifier: MIT
#include "ui/welcome/nodeform.h"

#include "core/config/configio.h"
#include "core/config/configstore.h"
#include "core/config/configvalidator.h"

#include <QComboBox>
#include <QFormLayout>
#include <QFuture>
#include <QLabel>
#include <QLineEdit>
#include <QPromise>
#include <QPushButton>
#include <QThreadPool>

#include <memory>

using namespace Qt::StringLiterals;

namespace Switchyard {

NodeForm::NodeForm(ConfigStore *config, QWidget *parent)
    : QWidget(parent)
    , m_config(config)
    , m_id(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_baseUrl(new QLineEdit(this))
    , m_models(new QLineEdit(this))
    , m_add(new QPushButton(tr("Add node"), this))
    , m_status(new QLabel(this))
{
    m_id->setObjectName(u"nodeId"_s);
    m_id->setPlaceholderText(u"workstation-01"_s);
    m_kind->setObjectName(u"nodeKind"_s);
    for (const char *kind : {"ollama", "llama.cpp", "vllm", "lmstudio", "openai"})
        m_kind->addItem(QString::fromLatin1(kind));
    m_baseUrl->setObjectName(u"nodeBaseUrl"_s);
    m_baseUrl->setPlaceholderText(u"http://127.0.0.1:11434"_s);
    m_models->setObjectName(u"nodeModels"_s);
    m_models->setPlaceholderText(tr("llama-3.1-8b-instruct, qwen2.5-coder-14b (comma-separated)"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(u"nodeStatus"_s);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Id"), m_id);
    form->addRow(tr("Kind"), m_kind);
    form->addRow(tr("Base URL"), m_baseUrl);
    form->addRow(tr("Models"), m_models);
    form->addRow(QString(), m_add);
    form->addRow(QString(), m_status);
    connect(m_add, &QPushButton::clicked, this, &NodeForm::submit);
    connect(m_kind, &QComboBox::currentTextChanged, this, [this](const QString &kind) {
        // Each server's usual port, so the placeholder is a useful hint.
        const QString port = kind == u"ollama" ? u"11434"_s : kind == u"lmstudio" ? u"1234"_s
                             : kind == u"vllm" ? u"8000"_s : u"8080"_s;
        m_baseUrl->setPlaceholderText(u"http://127.0.0.1:"_s + port);
    });
    m_kind->setCurrentIndex(0);
}

Config NodeForm::configWithNode() const
{
    Config config = m_config ? m_config->snapshot()->config : Config();
    NodeConfig node;
    node.id = m_id->text().trimmed();
    node.kind = m_kind->currentText();
    node.baseUrl = m_baseUrl->text().trimmed();
    for (const QString &model : m_models->text().split(u',', Qt::SkipEmptyParts))
        node.models.append(model.trimmed());
    config.nodes.append(node);
    return config;
}

void NodeForm::submit()
{
    if (!m_config)
        return;
    const Config config = configWithNode();
    Errors errors = ConfigValidator(ConfigValidator::catalogLookup()).validate(config);
    if (m_id->text().trimmed().isEmpty())
        errors.prepend({u"nodes[%1].id"_s.arg(config.nodes.size() - 1), tr("give the node a name")});
    if (!errors.isEmpty()) {
        showErrors(errors);
        return;
    }
    const QString path = m_config->snapshot()->sourcePath;
    const QString id = config.nodes.constLast().id;
    m_add->setEnabled(false);
    m_status->setText(tr("Saving…"));
    auto promise = std::make_shared<QPromise<Error>>();
    QFuture<Error> saved = promise->future();
    promise->start();
    // Disk writes stay off the GUI thread; an in-memory configuration has nothing to save.
    QThreadPool::globalInstance()->start([promise, config, path] {
        Error error;
        if (!path.isEmpty() && !ConfigIo::saveFile(config, path, &error) && error.message.isEmpty())
            error.message = tr("cannot save %1").arg(path);
        promise->addResult(error);
        promise->finish();
    });
    saved.then(this, [this, config, path, id](const Error &error) {
        m_add->setEnabled(true);
        if (!error.message.isEmpty()) {
            showErrors({error});
            return;
        }
        const Errors applied = m_config->apply(config, path);
        if (!applied.isEmpty()) {
            showErrors(applied);
            return;
        }
        m_status->setStyleSheet(u"color: #1a7f37;"_s);
        m_status->setText(tr("Node %1 added. Requests for its models now go to %2.").arg(id, config.nodes.constLast().baseUrl));
        m_id->clear();
        m_baseUrl->clear();
        m_models->clear();
        Q_EMIT nodeAdded(id);
    });
}

void NodeForm::showErrors(const Errors &errors)
{
    QStringList lines;
    for (const Error &e : errors)
        lines.append(e.toString());
    m_status->setStyleSheet(u"color: #b42318;"_s);
    m_status->setText(lines.join(u'\n'));
    Q_EMIT failed(errors);
}

} // namespace Switchyard
