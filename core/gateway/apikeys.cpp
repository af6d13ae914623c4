// SPDX-License-Identifier: MIT
#include "core/gateway/apikeys.h"

#include "core/config/configstore.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QRandomGenerator>

#include <array>

namespace Switchyard {

namespace {

constexpr QByteArrayView kPrefix = "sy-";
constexpr qsizetype kKeyBytes = 32;
constexpr qsizetype kEncodedChars = 43; // 32 bytes in unpadded base64
constexpr qsizetype kDigestBytes = 32;

bool isBase64UrlChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

QByteArray digest(QByteArrayView key)
{
    return QCryptographicHash::hash(key, QCryptographicHash::Sha256);
}

} // namespace

ApiKeys::ApiKeys(const QList<GatewayKey> &keys, const QString &listen)
{
    m_names.reserve(keys.size());
    m_digests.reserve(keys.size());
    for (const GatewayKey &key : keys) {
        const QByteArray raw = QByteArray::fromHex(key.sha256.toLatin1());
        if (raw.size() != kDigestBytes)
            continue; // the validator refuses these; never let a broken entry match anything
        m_names.append(key.name);
        m_digests.append(raw);
    }
    m_required = !keys.isEmpty() || !isLoopbackListen(listen);
}

ApiKeys ApiKeys::fromSettings(const GatewaySettings &settings)
{
    return ApiKeys(settings.keys, settings.listen);
}

std::optional<QString> ApiKeys::verify(QByteArrayView authorizationHeaderValue) const
{
    return verify(authorizationHeaderValue, nullptr);
}

std::optional<QString> ApiKeys::verify(QByteArrayView header, int *digestsCompared) const
{
    if (digestsCompared)
        *digestsCompared = 0;
    header = header.trimmed();
    constexpr QByteArrayView scheme = "bearer";
    if (header.size() <= scheme.size() || QByteArrayView(header.first(scheme.size())).compare(scheme, Qt::CaseInsensitive) != 0
        || (header[scheme.size()] != ' ' && header[scheme.size()] != '\t'))
        return std::nullopt;
    const QByteArrayView key = header.sliced(scheme.size()).trimmed();
    // The shape of a key is public, so refusing a malformed one early leaks nothing.
    if (!isWellFormedKey(key))
        return std::nullopt;

    const QByteArray presented = digest(key);
    const char *presentedData = presented.constData();
    qsizetype matched = -1;
    for (qsizetype i = 0; i < m_digests.size(); ++i) {
        const char *stored = m_digests.at(i).constData();
        unsigned char diff = 0;
        for (qsizetype b = 0; b < kDigestBytes; ++b)
            diff |= static_cast<unsigned char>(stored[b] ^ presentedData[b]);
        // Branch-free select: no early exit, same work for every stored key.
        const qsizetype isMatch = qsizetype(diff == 0);
        matched = isMatch * i + (1 - isMatch) * matched;
        if (digestsCompared)
            ++*digestsCompared;
    }
    if (matched < 0)
        return std::nullopt;
    return m_names.at(matched);
}

std::optional<QString> ApiKeys::authorize(QByteArrayView authorizationHeaderValue) const
{
    if (!m_required)
        return verify(authorizationHeaderValue).value_or(QString());
    return verify(authorizationHeaderValue);
}

QByteArray ApiKeys::generateKey()
{
    std::array<quint32, kKeyBytes / sizeof(quint32)> words;
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray raw(reinterpret_cast<const char *>(words.data()), kKeyBytes);
    return kPrefix.toByteArray()
        + raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool ApiKeys::isWellFormedKey(QByteArrayView key)
{
    if (key.size() != kPrefix.size() + kEncodedChars || !key.startsWith(kPrefix))
        return false;
    const QByteArrayView encoded = key.sliced(kPrefix.size());
    return std::all_of(encoded.begin(), encoded.end(), isBase64UrlChar);
}

QString ApiKeys::sha256Hex(QByteArrayView key)
{
    return QString::fromLatin1(digest(key).toHex());
}

bool ApiKeys::isLoopbackListen(const QString &listen)
{
    const qsizetype colon = listen.lastIndexOf(u':');
    QString host = colon > 0 ? listen.left(colon) : listen;
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace Switchyard
