// SPDX-License-Identifier: MIT
#include "ui/highlight/jsonhighlighter.h"

namespace Switchyard {

namespace {
bool isAsciiDigit(QChar c) { return c >= u'0' && c <= u'9'; }
bool isAsciiLetter(QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); }
bool isNumberChar(QChar c)
{
    return isAsciiDigit(c) || c == u'.' || c == u'e' || c == u'E' || c == u'+' || c == u'-';
}
bool isPunctuation(QChar c)
{
    return c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u':' || c == u',';
}
} // namespace

JsonHighlighter::JsonHighlighter(QTextDocument *document, SyntaxTheme theme)
    : QSyntaxHighlighter(document)
{
    const HighlightPalette palette = HighlightPalette::forTheme(theme);
    for (std::size_t i = 0; i < m_formats.size(); ++i)
        m_formats[i] = tokenFormat(static_cast<TokenKind>(i), palette);
}

QList<JsonHighlighter::Token> JsonHighlighter::tokenize(QStringView line)
{
    QList<Token> tokens;
    const int size = int(line.size());
    int i = 0;
    while (i < size) {
        const QChar c = line[i];
        if (c == u'"') {
            int end = i + 1;
            bool closed = false;
            while (end < size) {
                const QChar d = line[end++];
                if (d == u'\\') {
                    // The escaped character, even a quote, belongs to the string.
                    if (end < size)
                        ++end;
                } else if (d == u'"') {
                    closed = true;
                    break;
                }
            }
            // Deciding by the following ':' needs no nesting state and survives malformed input;
            // a key whose colon has not streamed in yet shows as a value until the next edit.
            TokenKind kind = TokenKind::String;
            if (closed) {
                int next = end;
                while (next < size && line[next].isSpace())
                    ++next;
                if (next < size && line[next] == u':')
                    kind = TokenKind::Key;
            }
            tokens.append({i, end - i, kind});
            i = end;
        } else if (c == u'-' || isAsciiDigit(c)) {
            int end = i + 1;
            while (end < size && isNumberChar(line[end]))
                ++end;
            tokens.append({i, end - i, TokenKind::Number});
            i = end;
        } else if (isAsciiLetter(c)) {
            int end = i + 1;
            while (end < size && isAsciiLetter(line[end]))
                ++end;
            const QStringView word = line.sliced(i, end - i);
            if (word == u"true" || word == u"false" || word == u"null")
                tokens.append({i, end - i, TokenKind::Literal});
            i = end;
        } else {
            if (isPunctuation(c))
                tokens.append({i, 1, TokenKind::Punctuation});
            ++i;
        }
    }
    return tokens;
}

QTextCharFormat JsonHighlighter::tokenFormat(TokenKind kind, const HighlightPalette &palette)
{
    QTextCharFormat format;
    switch (kind) {
    case TokenKind::Key:
        format.setForeground(palette.key);
        break;
    case TokenKind::String:
        format.setForeground(palette.string);
        break;
    case TokenKind::Number:
        format.setForeground(palette.number);
        break;
    case TokenKind::Literal:
        format.setForeground(palette.literal);
        break;
    case TokenKind::Punctuation:
        format.setForeground(palette.punctuation);
        break;
    }
    return format;
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    const QList<Token> tokens = tokenize(text);
    for (const Token &token : tokens)
        setFormat(token.start, token.length, m_formats[std::size_t(token.kind)]);
}

} // namespace Switchyard
