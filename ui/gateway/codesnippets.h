// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Switchyard {

struct Config;

/// What the ready-to-paste client snippets are built from.
struct SnippetOptions {
    QString baseUrl;        ///< http://127.0.0.1:4000/v1
    QString model;          ///< a model name the gateway serves, e.g. "route/demo"
    QString node;           ///< a configured node for the X-Switchyard-Node example; empty: shown commented out
    QString task = QStringLiteral("classify");
    bool keysRequired = false; ///< the gateway asks for a key (keys exist, or it listens beyond loopback)
};

/// Client code for the Overview page: the openai Python package, the openai npm package
/// and curl, each pointed at the gateway, with the key read from SWITCHYARD_API_KEY and
/// the X-Switchyard-Node / X-Switchyard-Task headers. Code stays English; comments are
/// translated. Stateless.
class CodeSnippets
{
    Q_DECLARE_TR_FUNCTIONS(CodeSnippets)

public:
    /// Options for `config`: the first route (else a provider model), the first node; `listen`
    /// is the address the gateway listens on, which decides whether a key is required.
    static SnippetOptions optionsFor(const Config &config, const QString &baseUrl, const QString &listen);

    static QString python(const SnippetOptions &options);
    /// The comment above the key line, the same in every language.
    static QString keyComment(const SnippetOptions &options);
    static QString javascript(const SnippetOptions &options);
    static QString curl(const SnippetOptions &options);

    /// The environment variable the snippets read the key from.
    static QString keyVariable() { return QStringLiteral("SWITCHYARD_API_KEY"); }
};

} // namespace Switchyard
