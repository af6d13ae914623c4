// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace Switchyard {

/// Reads a few fields out of a JSON text without building a document: validate() checks the
/// whole text once, then the navigation functions walk byte spans of the validated text.
/// For the per-chunk work of streaming answers, where QJsonDocument spends most of its time
/// building values nobody reads.
///
/// validate() is at least as strict as QJsonDocument::fromJson (it refuses a few things Qt
/// tolerates: a byte order mark, raw control characters and unknown escapes in strings,
/// "1." style numbers, noncharacters), so a text it accepts is one Qt accepts too; callers
/// fall back to QJsonDocument when it refuses, to keep Qt's verdict and error text. Duplicate
/// keys resolve to the last one, as in QJsonObject. Spans are views: keep the text alive.
class JsonScanner
{
public:
    enum class Type { Invalid, Object, Array, String, Number, Bool, Null };

    /// True when `json` is one object or array with optional whitespace around; `*root`
    /// is then that value's span.
    static bool validate(QByteArrayView json, QByteArrayView *root = nullptr);

    /// The type of a validated value span (Invalid for an empty span: an absent member).
    static Type typeOf(QByteArrayView value);

    /// Calls `f(QByteArrayView rawKey, QByteArrayView value)` for each member of a validated
    /// object, in order; `rawKey` is the key between its quotes, escapes not decoded.
    template<typename F>
    static void forEachMember(QByteArrayView object, F &&f);
    /// Calls `f(QByteArrayView value)` for each element of a validated array.
    template<typename F>
    static void forEachElement(QByteArrayView array, F &&f);

    /// The value of the last member called `key` (plain ASCII), empty when absent.
    static QByteArrayView member(QByteArrayView object, QByteArrayView key);
    /// True when the raw key (as forEachMember gives it) decodes to `key` (plain ASCII).
    static bool keyIs(QByteArrayView rawKey, QByteArrayView key);

    /// The decoded text of a string span; empty for any other type.
    static QString toString(QByteArrayView value);
    /// The length of a string span's decoded text in UTF-16 code units (what
    /// toString().size() gives) without decoding it; 0 for any other type.
    static qsizetype textLength(QByteArrayView value);
    /// QJsonValue::toInt() semantics: integral numbers in int range, else `defaultValue`.
    static int toInt(QByteArrayView value, int defaultValue = 0);
    /// QJsonValue::toInteger() semantics: integral numbers in qint64 range, else `defaultValue`.
    static qint64 toInteger(QByteArrayView value, qint64 defaultValue = 0);

private:
    /// The integral value of a number span (1e3 and 5.0 count), nothing when not integral
    /// or out of qint64's range.
    static std::optional<qint64> integer(QByteArrayView value);
    static const char *skipSpace(const char *p, const char *end);
    /// End of the value starting at `p` (validated text only).
    static const char *skipValue(const char *p, const char *end);
    static const char *skipString(const char *p, const char *end);
};

template<typename F>
void JsonScanner::forEachMember(QByteArrayView object, F &&f)
{
    if (typeOf(object) != Type::Object)
        return;
    const char *p = object.data() + 1;
    const char *end = object.data() + object.size();
    for (;;) {
        p = skipSpace(p, end);
        if (p >= end || *p != '"')
            return; // '}'
        const char *keyEnd = skipString(p, end);
        const QByteArrayView key(p + 1, keyEnd - p - 2);
        p = skipSpace(keyEnd, end) + 1; // ':'
        p = skipSpace(p, end);
        const char *valueEnd = skipValue(p, end);
        f(key, QByteArrayView(p, valueEnd - p));
        p = skipSpace(valueEnd, end);
        if (p >= end || *p != ',')
            return;
        ++p;
    }
}

template<typename F>
void JsonScanner::forEachElement(QByteArrayView array, F &&f)
{
    if (typeOf(array) != Type::Array)
        return;
    const char *p = array.data() + 1;
    const char *end = array.data() + array.size();
    for (;;) {
        p = skipSpace(p, end);
        if (p >= end || *p == ']')
            return;
        const char *valueEnd = skipValue(p, end);
        f(QByteArrayView(p, valueEnd - p));
        p = skipSpace(valueEnd, end);
        if (p >= end || *p != ',')
            return;
        ++p;
    }
}

} // namespace Switchyard
