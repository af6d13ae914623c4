// SPDX-License-Identifier: MIT
#include "core/common/jsonscanner.h"

#include <QByteArray>

#include <cmath>
#include <cstring>
#include <limits>

namespace Switchyard {

namespace {

constexpr int MaxDepth = 1024; // QJsonDocument's nesting limit

inline bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

inline int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

inline bool isContinuation(uchar c)
{
    return (c & 0xC0) == 0x80;
}

/// Recursive descent over the JSON grammar (RFC 8259), no values built.
class Validator
{
public:
    Validator(const char *begin, const char *end)
        : m_p(begin)
        , m_end(end)
    {
    }

    bool space()
    {
        while (m_p < m_end && isSpace(*m_p))
            ++m_p;
        return m_p < m_end;
    }

    bool value()
    {
        if (m_p >= m_end)
            return false;
        switch (*m_p) {
        case '{': return object();
        case '[': return array();
        case '"': return string();
        case 't': return literal("true", 4);
        case 'f': return literal("false", 5);
        case 'n': return literal("null", 4);
        default: return number();
        }
    }

    const char *position() const { return m_p; }

private:
    bool literal(const char *text, qsizetype size)
    {
        if (m_end - m_p < size || std::memcmp(m_p, text, size_t(size)) != 0)
            return false;
        m_p += size;
        return true;
    }

    bool object()
    {
        if (++m_depth > MaxDepth)
            return false;
        ++m_p;
        if (!space())
            return false;
        if (*m_p == '}') {
            ++m_p;
            --m_depth;
            return true;
        }
        for (;;) {
            if (*m_p != '"' || !string() || !space() || *m_p != ':')
                return false;
            ++m_p;
            if (!space() || !value() || !space())
                return false;
            if (*m_p == '}') {
                ++m_p;
                --m_depth;
                return true;
            }
            if (*m_p != ',')
                return false;
            ++m_p;
            if (!space())
                return false;
        }
    }

    bool array()
    {
        if (++m_depth > MaxDepth)
            return false;
        ++m_p;
        if (!space())
            return false;
        if (*m_p == ']') {
            ++m_p;
            --m_depth;
            return true;
        }
        for (;;) {
            if (!value() || !space())
                return false;
            if (*m_p == ']') {
                ++m_p;
                --m_depth;
                return true;
            }
            if (*m_p != ',')
                return false;
            ++m_p;
            if (!space())
                return false;
        }
    }

    bool string()
    {
        ++m_p; // opening quote
        while (m_p < m_end) {
            const uchar c = uchar(*m_p);
            if (c == '"') {
                ++m_p;
                return true;
            }
            if (c == '\\') {
                if (m_end - m_p < 2)
                    return false;
                switch (m_p[1]) {
                case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                    m_p += 2;
                    break;
                case 'u':
                    if (m_end - m_p < 6 || hexValue(m_p[2]) < 0 || hexValue(m_p[3]) < 0 || hexValue(m_p[4]) < 0
                        || hexValue(m_p[5]) < 0)
                        return false;
                    m_p += 6;
                    break;
                default:
                    return false; // Qt tolerates unknown escapes; the caller falls back to it
                }
                continue;
            }
            if (c < 0x20)
                return false; // RFC 8259 wants them escaped
            if (c < 0x80) {
                ++m_p;
                continue;
            }
            if (!utf8Sequence())
                return false;
        }
        return false;
    }

    /// One well-formed multi-byte UTF-8 sequence: no overlong forms, surrogates or values
    /// above U+10FFFF (what Qt refuses), and no noncharacters (stricter, for the fallback).
    bool utf8Sequence()
    {
        const auto *s = reinterpret_cast<const uchar *>(m_p);
        const qsizetype left = m_end - m_p;
        const uchar c = s[0];
        char32_t cp;
        int length;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (left < length)
            return false;
        for (int i = 1; i < length; ++i) {
            if (!isContinuation(s[i]))
                return false;
            cp = (cp << 6) | (s[i] & 0x3F);
        }
        if ((length == 3 && cp < 0x800) || (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        if ((cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
            return false;
        m_p += length;
        return true;
    }

    bool number()
    {
        const char *start = m_p;
        if (*m_p == '-')
            ++m_p;
        if (m_p >= m_end || !isDigit(*m_p))
            return false;
        if (*m_p == '0') {
            ++m_p;
        } else {
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (m_p >= m_end || !isDigit(*m_p))
                return false;
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        bool exponent = false;
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            exponent = true;
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p >= m_end || !isDigit(*m_p))
                return false;
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        // Qt refuses numbers a double cannot hold; only exponents or very long digit runs
        // can be such numbers, so only those pay for the conversion.
        if (exponent || m_p - start > 300) {
            bool ok = false;
            QByteArray::fromRawData(start, m_p - start).toDouble(&ok);
            if (!ok)
                return false;
        }
        return true;
    }

    const char *m_p;
    const char *m_end;
    int m_depth = 0;
};

} // namespace

bool JsonScanner::validate(QByteArrayView json, QByteArrayView *root)
{
    const char *end = json.data() + json.size();
    Validator validator(json.data(), end);
    if (!validator.space())
        return false;
    const char *start = validator.position();
    if (*start != '{' && *start != '[')
        return false;
    if (!validator.value())
        return false;
    const char *valueEnd = validator.position();
    if (validator.space())
        return false; // garbage after the value
    if (root)
        *root = QByteArrayView(start, valueEnd - start);
    return true;
}

JsonScanner::Type JsonScanner::typeOf(QByteArrayView value)
{
    if (value.isEmpty())
        return Type::Invalid;
    switch (value.front()) {
    case '{': return Type::Object;
    case '[': return Type::Array;
    case '"': return Type::String;
    case 't':
    case 'f': return Type::Bool;
    case 'n': return Type::Null;
    default: return Type::Number;
    }
}

const char *JsonScanner::skipSpace(const char *p, const char *end)
{
    while (p < end && isSpace(*p))
        ++p;
    return p;
}

const char *JsonScanner::skipString(const char *p, const char *end)
{
    ++p;
    for (;;) {
        // memchr to the next quote (long contents pass at memory speed); it ends the string
        // unless an odd run of backslashes escapes it.
        const auto *quote = static_cast<const char *>(std::memchr(p, '"', size_t(end - p)));
        if (!quote)
            return end;
        const char *run = quote;
        while (run > p && run[-1] == '\\')
            --run;
        if ((quote - run) % 2 == 0)
            return quote + 1;
        p = quote + 1;
    }
}

const char *JsonScanner::skipValue(const char *p, const char *end)
{
    if (p >= end)
        return end;
    if (*p == '"')
        return skipString(p, end);
    if (*p == '{' || *p == '[') {
        int depth = 0;
        while (p < end) {
            const char c = *p;
            if (c == '"') {
                p = skipString(p, end);
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return p + 1;
            }
            ++p;
        }
        return end;
    }
    while (p < end && *p != ',' && *p != '}' && *p != ']' && !isSpace(*p))
        ++p;
    return p;
}

QByteArrayView JsonScanner::member(QByteArrayView object, QByteArrayView key)
{
    QByteArrayView found;
    forEachMember(object, [&](QByteArrayView rawKey, QByteArrayView value) {
        if (keyIs(rawKey, key))
            found = value;
    });
    return found;
}

bool JsonScanner::keyIs(QByteArrayView rawKey, QByteArrayView key)
{
    if (rawKey == key)
        return true;
    // An escape spells one character with two or more bytes, so an escaped key that means
    // `key` is longer than it: most keys are ruled out without looking for a backslash.
    if (rawKey.size() <= key.size() || !std::memchr(rawKey.data(), '\\', size_t(rawKey.size())))
        return false;
    // An escaped key ("\u006dodel"): rare, decode it.
    const QByteArray quoted = '"' + rawKey.toByteArray() + '"';
    return toString(quoted) == QLatin1StringView(key);
}

QString JsonScanner::toString(QByteArrayView value)
{
    if (typeOf(value) != Type::String || value.size() < 2)
        return {};
    const QByteArrayView inner = value.sliced(1, value.size() - 2);
    if (inner.isEmpty() || !std::memchr(inner.data(), '\\', size_t(inner.size())))
        return QString::fromUtf8(inner);
    qsizetype escape = inner.indexOf('\\');

    QString text;
    text.reserve(inner.size());
    qsizetype from = 0;
    while (escape >= 0) {
        // Escapes are ASCII, so the runs between them are whole UTF-8 sequences.
        text += QString::fromUtf8(inner.sliced(from, escape - from));
        const char kind = inner.at(escape + 1);
        qsizetype next = escape + 2;
        switch (kind) {
        case 'b': text += QChar(0x08); break;
        case 'f': text += QChar(0x0C); break;
        case 'n': text += QChar(0x0A); break;
        case 'r': text += QChar(0x0D); break;
        case 't': text += QChar(0x09); break;
        case 'u': {
            char16_t unit = 0;
            for (int i = 0; i < 4; ++i)
                unit = char16_t((unit << 4) | hexValue(inner.at(escape + 2 + i)));
            text += QChar(unit); // surrogate halves pair up as in UTF-16, as Qt keeps them
            next = escape + 6;
            break;
        }
        default: text += QLatin1Char(kind); break; // " \ /
        }
        from = next;
        escape = inner.indexOf('\\', from);
    }
    text += QString::fromUtf8(inner.sliced(from));
    return text;
}

qsizetype JsonScanner::textLength(QByteArrayView value)
{
    if (typeOf(value) != Type::String || value.size() < 2)
        return 0;
    qsizetype units = 0;
    const auto *p = reinterpret_cast<const uchar *>(value.data()) + 1;
    const auto *end = reinterpret_cast<const uchar *>(value.data()) + value.size() - 1;
    while (p < end) {
        const uchar c = *p;
        if (c == '\\') {
            ++units; // \uXXXX is one unit (a surrogate pair is two escapes), the others one character
            p += p + 1 < end && p[1] == 'u' ? 6 : 2;
        } else if (c < 0x80) {
            ++units;
            ++p;
        } else {
            // A validated text holds well-formed UTF-8: count the lead bytes; four-byte
            // sequences are a surrogate pair in UTF-16.
            if (!isContinuation(c))
                units += c >= 0xF0 ? 2 : 1;
            ++p;
        }
    }
    return units;
}

std::optional<qint64> JsonScanner::integer(QByteArrayView value)
{
    if (typeOf(value) != Type::Number)
        return std::nullopt;
    // Plain integers, the usual case, without a conversion to double.
    const qsizetype first = value.front() == '-' ? 1 : 0;
    if (value.size() - first <= 18) {
        qint64 n = 0;
        bool plain = true;
        for (qsizetype j = first; j < value.size(); ++j) {
            if (!isDigit(value.at(j))) {
                plain = false;
                break;
            }
            n = n * 10 + (value.at(j) - '0');
        }
        if (plain)
            return first == 1 ? -n : n;
    }
    bool ok = false;
    const double d = QByteArray::fromRawData(value.data(), value.size()).toDouble(&ok);
    // The range check before the conversion: a double at or past 2^63 has no qint64.
    if (!ok || d != std::trunc(d) || d < -0x1p63 || d >= 0x1p63)
        return std::nullopt;
    return qint64(d);
}

int JsonScanner::toInt(QByteArrayView value, int defaultValue)
{
    const std::optional<qint64> n = integer(value);
    return n && *n >= std::numeric_limits<int>::min() && *n <= std::numeric_limits<int>::max() ? int(*n) : defaultValue;
}

qint64 JsonScanner::toInteger(QByteArrayView value, qint64 defaultValue)
{
    return integer(value).value_or(defaultValue);
}

} // namespace Switchyard
