// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

#include <charconv>
#include <cstring>

namespace Switchyard {

/// Builds a QByteArray piece by piece into room reserved up front: each piece is a memcpy
/// and one bounds check, where QByteArray::append is an out-of-line call into QtCore per
/// piece. HTTP heads and request lines are built this way on every call through the gateway.
/// Outgrowing the reservation is allowed (it grows, like append), only slower.
class ByteBuilder
{
public:
    explicit ByteBuilder(qsizetype reserve) : m_bytes(qMax<qsizetype>(reserve, 16), Qt::Uninitialized) {}

    ByteBuilder &operator<<(QByteArrayView piece)
    {
        char *at = room(piece.size());
        if (!piece.isEmpty())
            std::memcpy(at, piece.data(), size_t(piece.size()));
        return *this;
    }

    ByteBuilder &operator<<(char c)
    {
        *room(1) = c;
        return *this;
    }

    /// As QByteArray::number(n, base) writes it (lower-case hex digits).
    ByteBuilder &number(qint64 n, int base = 10)
    {
        char digits[72];
        const auto end = std::to_chars(digits, digits + sizeof digits, n, base).ptr;
        return *this << QByteArrayView(digits, end - digits);
    }

    /// UTF-8 of `text`, exactly as QString::toUtf8 writes it.
    ByteBuilder &utf8(QStringView text)
    {
        char *at = room(text.size());
        const char16_t *in = text.utf16();
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (in[i] >= 0x80) { // rare in names and ids: Qt's own conversion
                m_used -= text.size();
                return *this << QByteArrayView(text.toUtf8());
            }
            at[i] = char(in[i]);
        }
        return *this;
    }

    qsizetype size() const { return m_used; }
    QByteArrayView view() const { return QByteArrayView(m_bytes.constData(), m_used); }

    /// The bytes written; the builder is empty afterwards.
    QByteArray take()
    {
        m_bytes.truncate(m_used);
        m_used = 0;
        return std::move(m_bytes);
    }

private:
    char *room(qsizetype n)
    {
        if (m_bytes.size() - m_used < n)
            m_bytes.resize(qMax(m_bytes.size() * 2, m_used + n));
        char *at = m_bytes.data() + m_used;
        m_used += n;
        return at;
    }

    QByteArray m_bytes; ///< size() is the room; m_used of it is written
    qsizetype m_used = 0;
};

} // namespace Switchyard
