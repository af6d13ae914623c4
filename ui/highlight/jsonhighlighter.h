// SPDX-License-Identifier: MIT
#pragma once

#include "ui/highlight/syntaxhighlighting.h"

#include <QList>
#include <QStringView>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

namespace Switchyard {

/// Built-in JSON highlighter: keys, string values, numbers, true/false/null and punctuation.
/// JSON strings cannot span lines, so each block is highlighted on its own (no block state) in
/// O(length). Malformed or partial input (a body still streaming in) never throws it off for more
/// than the current line. Owned by its document; GUI thread only.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class TokenKind : quint8 { Key, String, Number, Literal, Punctuation };
    struct Token {
        int start = 0;
        int length = 0;
        TokenKind kind = TokenKind::Punctuation;
        friend bool operator==(const Token &, const Token &) = default;
    };

    explicit JsonHighlighter(QTextDocument *document, SyntaxTheme theme = SyntaxTheme::Light);

    /// Splits one line of possibly partial or malformed JSON into tokens, in order. A string is a
    /// key when a ':' follows it on the same line; unterminated strings run to the end of the line;
    /// anything unrecognised (bare words, stray characters) yields no token. Shared with
    /// MarkdownHighlighter for ```json fences.
    static QList<Token> tokenize(QStringView line);

    /// Foreground-only format for a token kind, so callers can merge it over their own base format.
    static QTextCharFormat tokenFormat(TokenKind kind, const HighlightPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    std::array<QTextCharFormat, 5> m_formats;
};

} // namespace Switchyard
