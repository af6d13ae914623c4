// SPDX-License-Identifier: MIT
#include "ui/highlight/ksyntaxhighlightingadapter.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#include <ksyntaxhighlighting_version.h>

#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {
KSyntaxHighlighting::Repository &repository()
{
    // Definitions keep a pointer to their repository, so it must outlive every highlighter.
    static KSyntaxHighlighting::Repository s_repository;
    return s_repository;
}

QString definitionName(SyntaxLanguage language)
{
    switch (language) {
    case SyntaxLanguage::Json:
        return u"JSON"_s;
    case SyntaxLanguage::Markdown:
        return u"Markdown"_s;
    }
    return {};
}
} // namespace

QSyntaxHighlighter *KSyntaxHighlightingAdapter::attach(QTextDocument *document, SyntaxLanguage language,
                                                       SyntaxTheme theme)
{
    const KSyntaxHighlighting::Definition definition = repository().definitionForName(definitionName(language));
    if (!definition.isValid())
        return nullptr;

    auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document);
    // Theme first: setDefinition() triggers the re-highlight that uses it.
    highlighter->setTheme(repository().defaultTheme(theme == SyntaxTheme::Dark
                                                        ? KSyntaxHighlighting::Repository::DarkTheme
                                                        : KSyntaxHighlighting::Repository::LightTheme));
    highlighter->setDefinition(definition);
    return highlighter;
}

QString KSyntaxHighlightingAdapter::version()
{
    // The version macro's prefix changed between ECM releases.
#if defined(KSYNTAXHIGHLIGHTING_VERSION_STRING)
    return QStringLiteral(KSYNTAXHIGHLIGHTING_VERSION_STRING);
#elif defined(SyntaxHighlighting_VERSION_STRING)
    return QStringLiteral(SyntaxHighlighting_VERSION_STRING);
#else
    return QString();
#endif
}

} // namespace Switchyard
