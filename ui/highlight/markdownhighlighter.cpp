// SPDX-License-Identifier: MIT
#include "ui/highlight/markdownhighlighter.h"

#include "ui/highlight/jsonhighlighter.h"

#include <QFont>
#include <QFontDatabase>
#include <QVarLengthArray>

#include <algorithm>

namespace Switchyard {

namespace {
// Block state layout: 0 = normal text; inside a fence, FenceFlag | marker | json | opening length.
// Keeping the opening length lets a longer fence contain a shorter one, as CommonMark requires.
constexpr int NormalState = 0;
constexpr int FenceFlag = 1 << 24;
constexpr int TildeFlag = 1 << 23;
constexpr int JsonFlag = 1 << 22;
constexpr int LengthMask = 0xffff;

int runLength(QStringView text, int from, QChar c)
{
    int end = from;
    while (end < text.size() && text[end] == c)
        ++end;
    return end - from;
}

int leadingSpaces(QStringView text)
{
    int n = 0;
    while (n < text.size() && text[n] == u' ')
        ++n;
    return n;
}

// Start of the next run of exactly `run` characters `c` at or after `from`, or -1.
int findRun(QStringView text, int from, QChar c, int run)
{
    int j = from;
    while (j < text.size()) {
        if (text[j] != c) {
            ++j;
            continue;
        }
        const int length = runLength(text, j, c);
        if (length == run)
            return j;
        j += length;
    }
    return -1;
}

// A closing delimiter run must touch the emphasised text, and `_` must not sit inside a word
// (snake_case identifiers are common in model answers).
int findEmphasisCloser(QStringView text, int from, QChar c, int run)
{
    int j = from;
    while ((j = findRun(text, j, c, run)) >= 0) {
        const bool touchesText = j > from && !text[j - 1].isSpace();
        const bool endsWord = c != u'_' || j + run >= text.size() || !text[j + run].isLetterOrNumber();
        if (touchesText && endsWord)
            return j;
        j += run;
    }
    return -1;
}

bool isJsonInfo(QStringView info)
{
    int end = 0;
    while (end < info.size() && !info[end].isSpace())
        ++end;
    const QStringView language = info.first(end);
    return language.compare(u"json", Qt::CaseInsensitive) == 0 || language.compare(u"jsonl", Qt::CaseInsensitive) == 0
        || language.compare(u"ndjson", Qt::CaseInsensitive) == 0;
}
} // namespace

MarkdownHighlighter::MarkdownHighlighter(QTextDocument *document, SyntaxTheme theme)
    : QSyntaxHighlighter(document)
{
    const HighlightPalette palette = HighlightPalette::forTheme(theme);

    m_code.setFontFamilies({QFontDatabase::systemFont(QFontDatabase::FixedFont).family()});
    m_code.setFontStyleHint(QFont::Monospace);
    m_code.setFontFixedPitch(true);
    m_code.setBackground(palette.codeBackground);

    m_fenceLine = m_code;
    m_fenceLine.setForeground(palette.fenceMarker);

    m_inlineCode = m_code;
    m_inlineCode.setForeground(palette.inlineCode);

    m_heading.setForeground(palette.heading);
    m_heading.setFontWeight(QFont::Bold);

    m_link.setForeground(palette.link);
    m_link.setFontUnderline(true);
    m_linkUrl.setForeground(palette.linkUrl);

    m_listMarker.setForeground(palette.listMarker);
    m_listMarker.setFontWeight(QFont::Bold);

    for (std::size_t i = 0; i < m_jsonInCode.size(); ++i) {
        m_jsonInCode[i] = m_code;
        m_jsonInCode[i].merge(JsonHighlighter::tokenFormat(static_cast<JsonHighlighter::TokenKind>(i), palette));
    }
}

void MarkdownHighlighter::highlightBlock(const QString &text)
{
    if (const std::optional<Fence> open = decodeState(previousBlockState())) {
        if (closesFence(text, *open)) {
            setFormat(0, int(text.size()), m_fenceLine);
            setCurrentBlockState(NormalState);
        } else {
            highlightCode(text, open->json);
            setCurrentBlockState(previousBlockState());
        }
        return;
    }
    if (const std::optional<Fence> fence = openingFence(text)) {
        setFormat(0, int(text.size()), m_fenceLine);
        setCurrentBlockState(encodeState(*fence));
        return;
    }
    setCurrentBlockState(NormalState);
    highlightInline(text, highlightBlockStart(text));
}

std::optional<MarkdownHighlighter::Fence> MarkdownHighlighter::openingFence(QStringView line)
{
    const int indent = leadingSpaces(line);
    if (indent > 3 || indent >= line.size())
        return std::nullopt;
    const QChar marker = line[indent];
    if (marker != u'`' && marker != u'~')
        return std::nullopt;
    const int length = runLength(line, indent, marker);
    if (length < 3)
        return std::nullopt;
    const QStringView info = line.sliced(indent + length).trimmed();
    // "```a`b" is inline code, not a fence (CommonMark).
    if (marker == u'`' && info.contains(u'`'))
        return std::nullopt;
    return Fence{marker, length, isJsonInfo(info)};
}

bool MarkdownHighlighter::closesFence(QStringView line, const Fence &fence)
{
    const int indent = leadingSpaces(line);
    if (indent > 3 || indent >= line.size() || line[indent] != fence.marker)
        return false;
    const int length = runLength(line, indent, fence.marker);
    return length >= fence.length && line.sliced(indent + length).trimmed().isEmpty();
}

int MarkdownHighlighter::encodeState(const Fence &fence)
{
    return FenceFlag | (fence.marker == u'~' ? TildeFlag : 0) | (fence.json ? JsonFlag : 0)
        | qMin(fence.length, LengthMask);
}

std::optional<MarkdownHighlighter::Fence> MarkdownHighlighter::decodeState(int state)
{
    // -1 is QSyntaxHighlighter's "never highlighted" state of the first block.
    if (state < 0 || !(state & FenceFlag))
        return std::nullopt;
    return Fence{(state & TildeFlag) ? QChar(u'~') : QChar(u'`'), state & LengthMask, (state & JsonFlag) != 0};
}

void MarkdownHighlighter::highlightCode(const QString &text, bool json)
{
    setFormat(0, int(text.size()), m_code);
    if (!json)
        return;
    const QList<JsonHighlighter::Token> tokens = JsonHighlighter::tokenize(text);
    for (const JsonHighlighter::Token &token : tokens)
        setFormat(token.start, token.length, m_jsonInCode[std::size_t(token.kind)]);
}

// Formats an ATX heading or a list bullet; returns where inline markup may start.
int MarkdownHighlighter::highlightBlockStart(const QString &text)
{
    const int size = int(text.size());
    const int indent = leadingSpaces(text);
    if (indent <= 3 && indent < size && text[indent] == u'#') {
        const int hashes = runLength(text, indent, u'#');
        const int after = indent + hashes;
        if (hashes <= 6 && (after == size || text[after] == u' ' || text[after] == u'\t')) {
            setFormat(0, size, m_heading);
            return after;
        }
    }

    int marker = 0;
    while (marker < size && (text[marker] == u' ' || text[marker] == u'\t'))
        ++marker;
    int end = marker;
    if (end < size && (text[end] == u'-' || text[end] == u'*' || text[end] == u'+')) {
        ++end;
    } else {
        while (end < size && end - marker < 9 && text[end] >= u'0' && text[end] <= u'9')
            ++end;
        if (end == marker || end >= size || (text[end] != u'.' && text[end] != u')'))
            return 0;
        ++end;
    }
    if (end < size && text[end] != u' ' && text[end] != u'\t')
        return 0;
    setFormat(marker, end - marker, m_listMarker);
    return end;
}

void MarkdownHighlighter::highlightInline(const QString &text, int from)
{
    const int size = int(text.size());
    // Once a search for a closer fails, later searches of the same kind fail too; remembering
    // that keeps a line full of unmatched delimiters linear.
    quint32 backtickRunWithoutCloser = 0; // bit n: no closing run of n backticks
    bool noCloser[2][4] = {};             // [* or _][run length]
    bool noBracketClose = false;
    QVarLengthArray<int, 8> emphasisClosers;

    int i = from;
    while (i < size) {
        const QChar c = text[i];
        if (c == u'\\') {
            i += 2; // an escaped delimiter is literal
        } else if (c == u'`') {
            const int run = runLength(text, i, c);
            const bool known = run < 32 && (backtickRunWithoutCloser & (1u << run));
            const int close = known ? -1 : findRun(text, i + run, c, run);
            if (close < 0) {
                if (run < 32)
                    backtickRunWithoutCloser |= 1u << run;
                i += run;
                continue;
            }
            mergeFormat(i, close + run - i, m_inlineCode);
            i = close + run;
        } else if (c == u'[' && !noBracketClose) {
            const int close = int(text.indexOf(u']', i + 1));
            noBracketClose = close < 0;
            const int urlEnd = close >= 0 && close + 1 < size && text[close + 1] == u'('
                ? int(text.indexOf(u')', close + 2))
                : -1;
            if (urlEnd < 0) {
                ++i;
                continue;
            }
            mergeFormat(i, 1, m_linkUrl);
            mergeFormat(i + 1, close - i - 1, m_link);
            mergeFormat(close, urlEnd - close + 1, m_linkUrl);
            i = urlEnd + 1;
        } else if (c == u'*' || c == u'_') {
            const int run = runLength(text, i, c);
            const auto closer = std::find(emphasisClosers.begin(), emphasisClosers.end(), i);
            if (closer != emphasisClosers.end()) {
                emphasisClosers.erase(closer);
                i += run;
                continue;
            }
            bool &failed = noCloser[c == u'_' ? 1 : 0][qMin(run, 3)];
            const bool canOpen = run <= 3 && i + run < size && !text[i + run].isSpace()
                && (c != u'_' || i == 0 || !text[i - 1].isLetterOrNumber());
            const int close = canOpen && !failed ? findEmphasisCloser(text, i + run, c, run) : -1;
            if (canOpen && close < 0)
                failed = true;
            if (close >= 0) {
                QTextCharFormat emphasis;
                emphasis.setFontItalic(run != 2);
                if (run >= 2)
                    emphasis.setFontWeight(QFont::Bold);
                mergeFormat(i, close + run - i, emphasis);
                emphasisClosers.append(close);
            }
            // Continue inside the emphasis: it may hold inline code or links.
            i += run;
        } else {
            ++i;
        }
    }
}

// setFormat() replaces; inline markup must add to a heading or an enclosing emphasis instead.
void MarkdownHighlighter::mergeFormat(int start, int count, const QTextCharFormat &format)
{
    for (int k = start; k < start + count; ++k) {
        QTextCharFormat merged = QSyntaxHighlighter::format(k);
        merged.merge(format);
        setFormat(k, 1, merged);
    }
}

} // namespace Switchyard
