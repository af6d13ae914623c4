// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QString>

QT_BEGIN_NAMESPACE
class QSyntaxHighlighter;
class QTextDocument;
QT_END_NAMESPACE

namespace Switchyard {

enum class SyntaxLanguage { Json, Markdown };
enum class SyntaxTheme { Light, Dark };

/// Colours of the built-in highlighters. Every foreground reaches WCAG AA (4.5:1) on both
/// `background` and `codeBackground` of its theme; views should paint `background` behind the text.
struct HighlightPalette {
    QColor background;
    QColor codeBackground; ///< behind fenced code blocks and inline code
    // JSON
    QColor key;
    QColor string;
    QColor number;
    QColor literal; ///< true, false, null
    QColor punctuation;
    // Markdown
    QColor heading;
    QColor inlineCode;
    QColor link;
    QColor linkUrl;
    QColor listMarker;
    QColor fenceMarker;

    static HighlightPalette forTheme(SyntaxTheme theme);
};

/// The one entry point the UI uses for highlighting JSON bodies and Markdown answers.
/// Uses KF6 KSyntaxHighlighting when the build found it, the built-in JsonHighlighter and
/// MarkdownHighlighter otherwise. GUI thread only, like QTextDocument.
class SyntaxHighlighting
{
public:
    /// Creates a highlighter owned by (a child of) \a document and returns it; nullptr for a null
    /// document. A highlighter attached earlier through this function is deleted first, so calling
    /// it again is how a view switches theme or language. Highlighting of existing text starts from
    /// the event loop (QSyntaxHighlighter behaviour); edits are highlighted as they happen.
    static QSyntaxHighlighter *attach(QTextDocument *document, SyntaxLanguage language,
                                      SyntaxTheme theme = SyntaxTheme::Light);

    /// "KSyntaxHighlighting <version>" or "built-in": which backend this build uses (About box, logs).
    static QString backendName();
};

} // namespace Switchyard
