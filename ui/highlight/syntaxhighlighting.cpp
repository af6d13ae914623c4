// SPDX-License-Identifier: MIT
#include "ui/highlight/syntaxhighlighting.h"

#include "ui/highlight/jsonhighlighter.h"
#include "ui/highlight/markdownhighlighter.h"

#if defined(SWITCHYARD_HAVE_KSYNTAXHIGHLIGHTING)
#include "ui/highlight/ksyntaxhighlightingadapter.h"
#endif

#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {
// Marks highlighters made by attach(), so a second attach() replaces only those.
constexpr char AttachedProperty[] = "_switchyard_highlighter";

QSyntaxHighlighter *createBuiltIn(QTextDocument *document, SyntaxLanguage language, SyntaxTheme theme)
{
    switch (language) {
    case SyntaxLanguage::Json:
        return new JsonHighlighter(document, theme);
    case SyntaxLanguage::Markdown:
        return new MarkdownHighlighter(document, theme);
    }
    return nullptr;
}
} // namespace

HighlightPalette HighlightPalette::forTheme(SyntaxTheme theme)
{
    // Contrast ratios were checked against both backgrounds; tst_syntaxhighlighting re-checks them.
    if (theme == SyntaxTheme::Dark) {
        return HighlightPalette{
            .background = QColor(0x1e, 0x1e, 0x1e),
            .codeBackground = QColor(0x2a, 0x2d, 0x31),
            .key = QColor(0x9c, 0xdc, 0xfe),
            .string = QColor(0xce, 0x91, 0x78),
            .number = QColor(0xb5, 0xce, 0xa8),
            .literal = QColor(0xc5, 0x86, 0xc0),
            .punctuation = QColor(0xc8, 0xc8, 0xc8),
            .heading = QColor(0x79, 0xb8, 0xff),
            .inlineCode = QColor(0xf0, 0xa5, 0x7a),
            .link = QColor(0x4f, 0xc1, 0xff),
            .linkUrl = QColor(0xaa, 0xb0, 0xb6),
            .listMarker = QColor(0xe5, 0xc0, 0x7b),
            .fenceMarker = QColor(0x9a, 0xa0, 0xa6),
        };
    }
    return HighlightPalette{
        .background = QColor(0xff, 0xff, 0xff),
        .codeBackground = QColor(0xf4, 0xf5, 0xf7),
        .key = QColor(0x04, 0x51, 0xa5),
        .string = QColor(0xa3, 0x15, 0x15),
        .number = QColor(0x09, 0x6d, 0x48),
        .literal = QColor(0x7a, 0x3e, 0x9d),
        .punctuation = QColor(0x4b, 0x55, 0x63),
        .heading = QColor(0x1f, 0x3a, 0x8a),
        .inlineCode = QColor(0xb4, 0x23, 0x5a),
        .link = QColor(0x0b, 0x63, 0xb6),
        .linkUrl = QColor(0x4b, 0x55, 0x63),
        .listMarker = QColor(0xb4, 0x53, 0x09),
        .fenceMarker = QColor(0x59, 0x61, 0x70),
    };
}

QSyntaxHighlighter *SyntaxHighlighting::attach(QTextDocument *document, SyntaxLanguage language, SyntaxTheme theme)
{
    if (!document)
        return nullptr;

    // Two highlighters on one document overwrite each other's formats block by block.
    const auto existing = document->findChildren<QSyntaxHighlighter *>(Qt::FindDirectChildrenOnly);
    for (QSyntaxHighlighter *old : existing) {
        if (old->property(AttachedProperty).toBool())
            delete old;
    }

    QSyntaxHighlighter *highlighter = nullptr;
#if defined(SWITCHYARD_HAVE_KSYNTAXHIGHLIGHTING)
    highlighter = KSyntaxHighlightingAdapter::attach(document, language, theme);
#endif
    // Also the fallback when KF6 is present but its definition files are not.
    if (!highlighter)
        highlighter = createBuiltIn(document, language, theme);
    if (highlighter)
        highlighter->setProperty(AttachedProperty, true);
    return highlighter;
}

QString SyntaxHighlighting::backendName()
{
#if defined(SWITCHYARD_HAVE_KSYNTAXHIGHLIGHTING)
    return u"KSyntaxHighlighting "_s + KSyntaxHighlightingAdapter::version();
#else
    return u"built-in"_s;
#endif
}

} // namespace Switchyard
