// SPDX-License-Identifier: MIT
// Checks the formats the built-in highlighters leave on exact character ranges (what
// QTextLayout will draw), fence state across edits and streaming, the palette's contrast,
// and that the factory and backendName() agree on the backend this build uses.
#include "ui/highlight/jsonhighlighter.h"
#include "ui/highlight/markdownhighlighter.h"
#include "ui/highlight/syntaxhighlighting.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QPointer>
#include <QRegularExpression>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QAbstractTextDocumentLayout>
#include <QTextDocument>
#include <QTextLayout>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Switchyard;

namespace {

enum class Role { Key, String, Number, Literal, Punctuation, Heading, Italic, Bold, InlineCode, Link, ListMarker,
                  FenceMarker, Code, Plain };

QTextCharFormat formatAt(const QTextBlock &block, int position)
{
    const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : ranges) {
        if (position >= range.start && position < range.start + range.length)
            return range.format;
    }
    return {};
}

bool hasForeground(const QTextCharFormat &format, const QColor &color)
{
    return format.hasProperty(QTextFormat::ForegroundBrush) && format.foreground().color() == color;
}

bool hasRole(const QTextCharFormat &format, Role role, const HighlightPalette &palette)
{
    switch (role) {
    case Role::Key:
        return hasForeground(format, palette.key);
    case Role::String:
        return hasForeground(format, palette.string);
    case Role::Number:
        return hasForeground(format, palette.number);
    case Role::Literal:
        return hasForeground(format, palette.literal);
    case Role::Punctuation:
        return hasForeground(format, palette.punctuation);
    case Role::Heading:
        return hasForeground(format, palette.heading) && format.fontWeight() >= QFont::Bold;
    case Role::Italic:
        return format.fontItalic();
    case Role::Bold:
        return format.fontWeight() >= QFont::Bold;
    case Role::InlineCode:
        return hasForeground(format, palette.inlineCode) && format.fontFixedPitch();
    case Role::Link:
        return hasForeground(format, palette.link) && format.fontUnderline();
    case Role::ListMarker:
        return hasForeground(format, palette.listMarker);
    case Role::FenceMarker:
        return hasForeground(format, palette.fenceMarker) && format.fontFixedPitch();
    case Role::Code:
        return format.fontFixedPitch() && format.background().color() == palette.codeBackground;
    case Role::Plain:
        return !format.hasProperty(QTextFormat::ForegroundBrush);
    }
    return false;
}

std::unique_ptr<QSyntaxHighlighter> makeHighlighter(SyntaxLanguage language, QTextDocument *document,
                                                    SyntaxTheme theme)
{
    // A view gives its document a layout; without one QTextDocument emits no contentsChange and
    // edits would never reach the highlighter.
    document->documentLayout();
    std::unique_ptr<QSyntaxHighlighter> highlighter;
    if (language == SyntaxLanguage::Json)
        highlighter = std::make_unique<JsonHighlighter>(document, theme);
    else
        highlighter = std::make_unique<MarkdownHighlighter>(document, theme);
    // Construction queues the first pass, and edits are ignored until it ran: deliver it as the
    // event loop would.
    QCoreApplication::sendPostedEvents(highlighter.get(), QEvent::MetaCall);
    return highlighter;
}

// Every character of `needle` (first occurrence in the block) has `role`; unless the role is a
// background one (Code, Plain), the characters just outside do not, so the range is exact.
void verifyRange(const QTextDocument &document, int blockNumber, const QString &needle, Role role,
                 const HighlightPalette &palette)
{
    const QTextBlock block = document.findBlockByNumber(blockNumber);
    QVERIFY2(block.isValid(), qPrintable(u"no block %1"_s.arg(blockNumber)));
    const int start = int(block.text().indexOf(needle));
    QVERIFY2(start >= 0, qPrintable(u"'%1' not in '%2'"_s.arg(needle, block.text())));
    const int end = start + int(needle.size());
    for (int i = start; i < end; ++i) {
        QVERIFY2(hasRole(formatAt(block, i), role, palette),
                 qPrintable(u"char %1 ('%2') of '%3'"_s.arg(i).arg(block.text().at(i)).arg(block.text())));
    }
    if (role == Role::Code || role == Role::Plain)
        return;
    if (start > 0)
        QVERIFY2(!hasRole(formatAt(block, start - 1), role, palette), "range starts too early");
    if (end < block.length() - 1)
        QVERIFY2(!hasRole(formatAt(block, end), role, palette), "range ends too late");
}

// Returns from the calling test on the first wrong range.
#define VERIFY_RANGE(...)                                                                                        \
    do {                                                                                                          \
        verifyRange(__VA_ARGS__);                                                                                 \
        if (QTest::currentTestFailed())                                                                           \
            return;                                                                                               \
    } while (false)

double relativeLuminance(const QColor &color)
{
    const auto channel = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// All formats of all blocks, for comparing a streamed document with one highlighted at once.
QList<QList<QTextLayout::FormatRange>> allFormats(const QTextDocument &document)
{
    QList<QList<QTextLayout::FormatRange>> result;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        result.append(block.layout()->formats());
    return result;
}

} // namespace

class TestSyntaxHighlighting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }
    void ranges_data();
    void ranges();
    void tokenizer();
    void fenceFollowsEdits();
    void streamingMatchesWholeText_data();
    void streamingMatchesWholeText();
    void paletteIsReadable_data();
    void paletteIsReadable();
    void backendName();
    void attachReplacesEarlierHighlighter();
};

void TestSyntaxHighlighting::ranges_data()
{
    QTest::addColumn<SyntaxLanguage>("language");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("block");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<Role>("role");

    const auto json = SyntaxLanguage::Json;
    const auto md = SyntaxLanguage::Markdown;
    const QString object = uR"({"name": "Ada", "age": -1.5e+3, "ok": true, "x": null})"_s;
    QTest::addRow("json key") << json << object << 0 << uR"("name")"_s << Role::Key;
    QTest::addRow("json string value") << json << object << 0 << uR"("Ada")"_s << Role::String;
    QTest::addRow("json number") << json << object << 0 << u"-1.5e+3"_s << Role::Number;
    QTest::addRow("json true") << json << object << 0 << u"true"_s << Role::Literal;
    QTest::addRow("json null") << json << object << 0 << u"null"_s << Role::Literal;
    QTest::addRow("json colon") << json << object << 0 << u":"_s << Role::Punctuation;
    QTest::addRow("json brace") << json << object << 0 << u"{"_s << Role::Punctuation;
    QTest::addRow("json key, space before colon") << json << uR"({"a" : 1})"_s << 0 << uR"("a")"_s << Role::Key;
    QTest::addRow("json escaped quotes in key")
        << json << uR"({"say \"hi\"": "x"})"_s << 0 << uR"("say \"hi\"")"_s << Role::Key;
    QTest::addRow("json escaped quote in value")
        << json << uR"({"a": "x\"y", "b": 2})"_s << 0 << uR"("x\"y")"_s << Role::String;
    QTest::addRow("json after escaped quote") << json << uR"({"a": "x\"y", "b": 2})"_s << 0 << uR"("b")"_s
                                              << Role::Key;
    QTest::addRow("json escaped backslash ends string")
        << json << uR"({"p": "C:\\", "q": 1})"_s << 0 << uR"("q")"_s << Role::Key;
    QTest::addRow("json brackets inside string")
        << json << uR"({"a": "[1, {x}]"})"_s << 0 << uR"("[1, {x}]")"_s << Role::String;
    QTest::addRow("json partial value runs to end")
        << json << uR"({"name": "Swi)"_s << 0 << uR"("Swi)"_s << Role::String;
    QTest::addRow("json partial, key before it") << json << uR"({"name": "Swi)"_s << 0 << uR"("name")"_s
                                                 << Role::Key;
    QTest::addRow("json partial key without colon yet")
        << json << uR"({"name")"_s << 0 << uR"("name")"_s << Role::String;
    QTest::addRow("json bare word is plain") << json << uR"({"a": tru})"_s << 0 << u"tru"_s << Role::Plain;
    QTest::addRow("json brace after bad word") << json << uR"({"a": tru})"_s << 0 << u"}"_s << Role::Punctuation;
    QTest::addRow("json second line key") << json << u"{\n  \"k\": [1,\n  2]\n}"_s << 1 << uR"("k")"_s << Role::Key;
    QTest::addRow("json third line number") << json << u"{\n  \"k\": [1,\n  2]\n}"_s << 2 << u"2"_s << Role::Number;

    QTest::addRow("md heading") << md << u"# Title"_s << 0 << u"# Title"_s << Role::Heading;
    QTest::addRow("md heading level 6") << md << u"###### Six"_s << 0 << u"###### Six"_s << Role::Heading;
    QTest::addRow("md seven hashes") << md << u"####### no"_s << 0 << u"####### no"_s << Role::Plain;
    QTest::addRow("md hash tag") << md << u"#tag"_s << 0 << u"#tag"_s << Role::Plain;
    QTest::addRow("md emphasis in heading") << md << u"## A *b* c"_s << 0 << u"*b*"_s << Role::Italic;
    QTest::addRow("md inline code") << md << u"use `x.y` now"_s << 0 << u"`x.y`"_s << Role::InlineCode;
    QTest::addRow("md double backtick code") << md << u"a `` b`c `` d"_s << 0 << u"`` b`c ``"_s
                                             << Role::InlineCode;
    QTest::addRow("md unmatched backtick") << md << u"a ` b"_s << 0 << u"a ` b"_s << Role::Plain;
    QTest::addRow("md italic") << md << u"a *it* b"_s << 0 << u"*it*"_s << Role::Italic;
    QTest::addRow("md bold") << md << u"a **bold** b"_s << 0 << u"**bold**"_s << Role::Bold;
    QTest::addRow("md underscore italic") << md << u"a _it_ b"_s << 0 << u"_it_"_s << Role::Italic;
    QTest::addRow("md snake_case is not emphasis") << md << u"call my_func_name here"_s << 0 << u"_func_"_s
                                                   << Role::Plain;
    QTest::addRow("md code inside bold") << md << u"**see `x`**"_s << 0 << u"`x`"_s << Role::InlineCode;
    QTest::addRow("md link text") << md << u"see [docs](https://x.io/a_b) now"_s << 0 << u"docs"_s << Role::Link;
    QTest::addRow("md bullet") << md << u"- item *x*"_s << 0 << u"-"_s << Role::ListMarker;
    QTest::addRow("md star bullet") << md << u"* item"_s << 0 << u"*"_s << Role::ListMarker;
    QTest::addRow("md ordered bullet") << md << u"12. item"_s << 0 << u"12."_s << Role::ListMarker;
    QTest::addRow("md emphasis after bullet") << md << u"- item *x*"_s << 0 << u"*x*"_s << Role::Italic;

    const QString jsonFence = u"intro\n```json\n{\"k\": 1,\n \"s\": \"v\"}\n```\nafter *x*"_s;
    QTest::addRow("md json fence opening") << md << jsonFence << 1 << u"```json"_s << Role::FenceMarker;
    QTest::addRow("md json fence key") << md << jsonFence << 2 << uR"("k")"_s << Role::Key;
    QTest::addRow("md json fence number") << md << jsonFence << 2 << u"1"_s << Role::Number;
    QTest::addRow("md json fence is code") << md << jsonFence << 2 << uR"({"k": 1,)"_s << Role::Code;
    QTest::addRow("md json fence second line") << md << jsonFence << 3 << uR"("v")"_s << Role::String;
    QTest::addRow("md json fence closing") << md << jsonFence << 4 << u"```"_s << Role::FenceMarker;
    QTest::addRow("md after fence is markdown") << md << jsonFence << 5 << u"*x*"_s << Role::Italic;
    QTest::addRow("md after fence not code") << md << jsonFence << 5 << u"after"_s << Role::Plain;

    const QString open = u"```JSON\n{\"a\": 1}\n# not a heading\n\n*still code*"_s;
    QTest::addRow("md open fence key") << md << open << 1 << uR"("a")"_s << Role::Key;
    QTest::addRow("md open fence swallows heading") << md << open << 2 << u"# not a heading"_s << Role::Code;
    QTest::addRow("md open fence swallows emphasis") << md << open << 4 << u"*still code*"_s << Role::Code;

    const QString python = u"```python\nx = {\"k\": 1}\n```"_s;
    QTest::addRow("md unknown fence is code") << md << python << 1 << uR"(x = {"k": 1})"_s << Role::Code;
    QTest::addRow("md unknown fence gets no json") << md << python << 1 << uR"("k")"_s << Role::Plain;
    QTest::addRow("md tilde json fence") << md << u"~~~ json\n[true]\n~~~"_s << 1 << u"true"_s << Role::Literal;
    QTest::addRow("md tilde does not close backticks")
        << md << u"```\n~~~\n# h\n```\n# h"_s << 2 << u"# h"_s << Role::Code;
    QTest::addRow("md heading after mixed fence") << md << u"```\n~~~\n# h\n```\n# h"_s << 4 << u"# h"_s
                                                  << Role::Heading;
    QTest::addRow("md shorter fence does not close") << md << u"````\n```\n# h"_s << 2 << u"# h"_s << Role::Code;
    QTest::addRow("md closing fence with text does not close")
        << md << u"```\n``` x\n# h"_s << 2 << u"# h"_s << Role::Code;
    QTest::addRow("md backtick in info is no fence") << md << u"``` a`b\n# h"_s << 1 << u"# h"_s << Role::Heading;
}

void TestSyntaxHighlighting::ranges()
{
    QFETCH(SyntaxLanguage, language);
    QFETCH(QString, text);
    QFETCH(int, block);
    QFETCH(QString, needle);
    QFETCH(Role, role);

    for (const SyntaxTheme theme : {SyntaxTheme::Light, SyntaxTheme::Dark}) {
        QTextDocument document;
        document.setPlainText(text);
        const auto highlighter = makeHighlighter(language, &document, theme);
        verifyRange(document, block, needle, role, HighlightPalette::forTheme(theme));
        if (QTest::currentTestFailed()) {
            qInfo() << "failed with theme" << (theme == SyntaxTheme::Light ? "light" : "dark");
            return;
        }
    }
}

void TestSyntaxHighlighting::tokenizer()
{
    using Kind = JsonHighlighter::TokenKind;
    using Token = JsonHighlighter::Token;
    // Exact token list, so nothing unrecognised sneaks in as a token.
    const QList<Token> expected{{0, 1, Kind::Punctuation}, {1, 5, Kind::Key},    {6, 1, Kind::Punctuation},
                                {8, 4, Kind::Literal},     {12, 1, Kind::Punctuation}, {14, 1, Kind::Punctuation},
                                {15, 2, Kind::Number},     {17, 1, Kind::Punctuation}, {19, 4, Kind::String}};
    QCOMPARE(JsonHighlighter::tokenize(uR"({"a\"": null, [-1] "\\"  @ bogus)"), expected);
    QVERIFY(JsonHighlighter::tokenize(u"").isEmpty());
    QCOMPARE(JsonHighlighter::tokenize(uR"("\)"), (QList<Token>{{0, 2, Kind::String}}));
}

void TestSyntaxHighlighting::fenceFollowsEdits()
{
    const HighlightPalette palette = HighlightPalette::forTheme(SyntaxTheme::Light);
    QTextDocument document;
    document.setPlainText(u"intro\n{\"k\": 1}\n# Title\ntail"_s);
    const auto highlighter = makeHighlighter(SyntaxLanguage::Markdown, &document, SyntaxTheme::Light);
    VERIFY_RANGE(document, 1, uR"("k")"_s, Role::Plain, palette);
    VERIFY_RANGE(document, 2, u"# Title"_s, Role::Heading, palette);

    // Opening a fence above re-highlights the blocks below it, though only block 1 was edited.
    QTextCursor cursor(document.findBlockByNumber(1));
    cursor.insertText(u"```json\n"_s);
    QCOMPARE(document.blockCount(), 5);
    VERIFY_RANGE(document, 2, uR"("k")"_s, Role::Key, palette);
    VERIFY_RANGE(document, 3, u"# Title"_s, Role::Code, palette);
    VERIFY_RANGE(document, 4, u"tail"_s, Role::Code, palette);

    // Closing it again ends the code block.
    cursor.movePosition(QTextCursor::Start);
    cursor.movePosition(QTextCursor::NextBlock, QTextCursor::MoveAnchor, 3);
    cursor.insertText(u"```\n"_s);
    VERIFY_RANGE(document, 3, u"```"_s, Role::FenceMarker, palette);
    VERIFY_RANGE(document, 4, u"# Title"_s, Role::Heading, palette);
    VERIFY_RANGE(document, 5, u"tail"_s, Role::Plain, palette);

    // Changing the info string changes the rules inside, but not the extent of the block.
    QTextCursor info(document.findBlockByNumber(1));
    info.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    info.insertText(u"```text"_s);
    VERIFY_RANGE(document, 2, uR"("k")"_s, Role::Plain, palette);
    VERIFY_RANGE(document, 2, uR"({"k": 1})"_s, Role::Code, palette);
    VERIFY_RANGE(document, 4, u"# Title"_s, Role::Heading, palette);

    // Removing the opening fence line turns the closing fence into an opening one.
    QTextCursor remove(document.findBlockByNumber(1));
    remove.movePosition(QTextCursor::NextBlock, QTextCursor::KeepAnchor);
    remove.removeSelectedText();
    QCOMPARE(document.findBlockByNumber(1).text(), uR"({"k": 1})"_s);
    VERIFY_RANGE(document, 1, uR"({"k": 1})"_s, Role::Plain, palette);
    VERIFY_RANGE(document, 2, u"```"_s, Role::FenceMarker, palette);
    VERIFY_RANGE(document, 3, u"# Title"_s, Role::Code, palette);
}

void TestSyntaxHighlighting::streamingMatchesWholeText_data()
{
    QTest::addColumn<SyntaxLanguage>("language");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("chunkSize");

    const QString body = u"{\n  \"id\": \"chatcmpl-1\",\n  \"say\": \"a \\\"quoted\\\" word\",\n"
                         "  \"n\": [1, 2.5e3, null]\n}"_s;
    const QString answer = u"# Answer\nHere is *the* `config`:\n```json\n{\"model\": \"m\",\n \"stream\": true}\n```\n"
                           "- done, see [docs](https://x.io)\n~~~\n# inside\n~~~\n**bye**"_s;
    for (const int chunk : {1, 3, 7}) {
        QTest::addRow("json by %d", chunk) << SyntaxLanguage::Json << body << chunk;
        QTest::addRow("markdown by %d", chunk) << SyntaxLanguage::Markdown << answer << chunk;
    }
}

// Text arrives in chunks at the end of the document, as a streamed response does; the result must
// equal highlighting the complete text, so no stale state survives a partial line.
void TestSyntaxHighlighting::streamingMatchesWholeText()
{
    QFETCH(SyntaxLanguage, language);
    QFETCH(QString, text);
    QFETCH(int, chunkSize);

    QTextDocument whole;
    whole.setPlainText(text);
    const auto wholeHighlighter = makeHighlighter(language, &whole, SyntaxTheme::Dark);

    QTextDocument streamed;
    const auto streamedHighlighter = makeHighlighter(language, &streamed, SyntaxTheme::Dark);
    QTextCursor cursor(&streamed);
    for (qsizetype i = 0; i < text.size(); i += chunkSize) {
        cursor.movePosition(QTextCursor::End);
        cursor.insertText(text.mid(i, chunkSize));
    }
    QCOMPARE(streamed.toPlainText(), text);
    QVERIFY(!allFormats(whole).at(0).isEmpty());
    QCOMPARE(allFormats(streamed), allFormats(whole));
}

void TestSyntaxHighlighting::paletteIsReadable_data()
{
    QTest::addColumn<SyntaxTheme>("theme");
    QTest::addRow("light") << SyntaxTheme::Light;
    QTest::addRow("dark") << SyntaxTheme::Dark;
}

void TestSyntaxHighlighting::paletteIsReadable()
{
    QFETCH(SyntaxTheme, theme);
    const HighlightPalette p = HighlightPalette::forTheme(theme);
    const QList<std::pair<const char *, QColor>> foregrounds{
        {"key", p.key},       {"string", p.string},         {"number", p.number},   {"literal", p.literal},
        {"punctuation", p.punctuation}, {"heading", p.heading}, {"inlineCode", p.inlineCode}, {"link", p.link},
        {"linkUrl", p.linkUrl}, {"listMarker", p.listMarker}, {"fenceMarker", p.fenceMarker}};
    for (const auto &[name, color] : foregrounds) {
        QVERIFY2(color.isValid(), name);
        QVERIFY2(contrast(color, p.background) >= 4.5, name);
        QVERIFY2(contrast(color, p.codeBackground) >= 4.5, name);
    }
    // JSON kinds must be told apart by colour alone.
    const QList<QColor> json{p.key, p.string, p.number, p.literal, p.punctuation};
    for (qsizetype i = 0; i < json.size(); ++i) {
        for (qsizetype j = i + 1; j < json.size(); ++j)
            QVERIFY2(json.at(i) != json.at(j), qPrintable(u"json colours %1 and %2"_s.arg(i).arg(j)));
    }
    QVERIFY(p.background != p.codeBackground);
}

void TestSyntaxHighlighting::backendName()
{
    const QString backend = SyntaxHighlighting::backendName();
    const bool kf6 = backend.startsWith(u"KSyntaxHighlighting "_s);
    QVERIFY2(kf6 || backend == u"built-in"_s, qPrintable(backend));

    // The name must match what attach() really builds.
    QTextDocument document;
    QSyntaxHighlighter *json = SyntaxHighlighting::attach(&document, SyntaxLanguage::Json);
    QVERIFY(json);
    QCOMPARE(json->parent(), &document);
    QCOMPARE(qobject_cast<JsonHighlighter *>(json) != nullptr, !kf6);
    QSyntaxHighlighter *markdown = SyntaxHighlighting::attach(&document, SyntaxLanguage::Markdown, SyntaxTheme::Dark);
    QVERIFY(markdown);
    QCOMPARE(qobject_cast<MarkdownHighlighter *>(markdown) != nullptr, !kf6);
    if (kf6)
        QVERIFY(QByteArray(markdown->metaObject()->className()).startsWith("KSyntaxHighlighting::"));

    QCOMPARE(SyntaxHighlighting::attach(nullptr, SyntaxLanguage::Json), nullptr);
}

void TestSyntaxHighlighting::attachReplacesEarlierHighlighter()
{
    QTextDocument document;
    document.setPlainText(uR"({"k": 1})"_s);
    QPointer<QSyntaxHighlighter> first = SyntaxHighlighting::attach(&document, SyntaxLanguage::Json);
    QSyntaxHighlighter *second = SyntaxHighlighting::attach(&document, SyntaxLanguage::Json, SyntaxTheme::Dark);
    QVERIFY(first.isNull());
    QCOMPARE(document.findChildren<QSyntaxHighlighter *>(Qt::FindDirectChildrenOnly),
             QList<QSyntaxHighlighter *>{second});
    // A highlighter the caller made itself is left alone.
    auto *own = new JsonHighlighter(&document);
    SyntaxHighlighting::attach(&document, SyntaxLanguage::Markdown);
    QVERIFY(document.findChildren<QSyntaxHighlighter *>(Qt::FindDirectChildrenOnly).contains(own));
}

QTEST_MAIN(TestSyntaxHighlighting)
#include "tst_syntaxhighlighting.moc"
