// SPDX-License-Identifier: MIT
#pragma once

#include "ui/highlight/syntaxhighlighting.h"

#include <QStringView>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>
#include <optional>

namespace Switchyard {

/// Built-in Markdown highlighter for model answers: ATX headings, emphasis, inline code, links,
/// list bullets and fenced code blocks (``` or ~~~ with an info string). An open fence is carried
/// to the following blocks in the block state, so opening or closing a fence re-highlights the
/// blocks after it. ```json fences get JsonHighlighter's rules; other fences a monospace format.
/// Owned by its document; GUI thread only.
class MarkdownHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit MarkdownHighlighter(QTextDocument *document, SyntaxTheme theme = SyntaxTheme::Light);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Fence {
        QChar marker; ///< ` or ~
        int length = 0;
        bool json = false;
    };
    static std::optional<Fence> openingFence(QStringView line);
    static bool closesFence(QStringView line, const Fence &fence);
    static int encodeState(const Fence &fence);
    static std::optional<Fence> decodeState(int state);

    void highlightCode(const QString &text, bool json);
    int highlightBlockStart(const QString &text);
    void highlightInline(const QString &text, int from);
    void mergeFormat(int start, int count, const QTextCharFormat &format);

    QTextCharFormat m_code;
    QTextCharFormat m_fenceLine;
    QTextCharFormat m_heading;
    QTextCharFormat m_inlineCode;
    QTextCharFormat m_link;
    QTextCharFormat m_linkUrl;
    QTextCharFormat m_listMarker;
    std::array<QTextCharFormat, 5> m_jsonInCode; ///< indexed by JsonHighlighter::TokenKind
};

} // namespace Switchyard
