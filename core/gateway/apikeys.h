// SPDX-License-Identifier: MIT
#pragma once

#include "core/config/config.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace Switchyard {

struct ConfigSnapshot;

/// The local API keys of the gateway (DESIGN.md, "Auth"): `Authorization: Bearer sy-...`.
///
/// A key is "sy-" followed by the 43 URL-safe base64 characters (no padding) of 32 random
/// bytes. Only the hex SHA-256 of a key is stored (GatewayKey); the key itself is shown to
/// the user once, when created, and never logged.
///
/// Plain value, immutable after construction: build one from each configuration snapshot
/// and use it from any thread.
class ApiKeys
{
public:
    ApiKeys() = default; ///< no keys, loopback: every request is accepted
    /// `listen` is the address listened on ("HOST:PORT"); it decides whether keys are required.
    ApiKeys(const QList<GatewayKey> &keys, const QString &listen);
    static ApiKeys fromSettings(const GatewaySettings &settings);

    /// Keys are required when the gateway listens on a non-loopback address. On loopback
    /// they are required as soon as at least one key is configured: once a user has
    /// created keys, the gateway enforces them, also for local programs.
    bool isRequired() const { return m_required; }
    qsizetype size() const { return m_names.size(); }

    /// The name of the key presented in an Authorization header value ("Bearer sy-...",
    /// scheme case-insensitive), or nullopt when it is missing, malformed or unknown.
    /// The digest of the presented key is compared with every stored digest in constant
    /// time, without stopping at a match, so timing tells nothing about which key matched.
    std::optional<QString> verify(QByteArrayView authorizationHeaderValue) const;
    /// As verify(); `digestsCompared` receives how many stored digests were compared (tests).
    std::optional<QString> verify(QByteArrayView authorizationHeaderValue, int *digestsCompared) const;

    /// Access decision for a request: the key name when a valid key was presented, an empty
    /// string when keys are not required (open loopback gateway), nullopt to refuse (401).
    std::optional<QString> authorize(QByteArrayView authorizationHeaderValue) const;

    /// A new random key from the system CSPRNG.
    static QByteArray generateKey();
    /// True if `key` has the shape of a key ("sy-" + 43 URL-safe base64 characters).
    static bool isWellFormedKey(QByteArrayView key);
    /// Lowercase hex SHA-256 of `key`, as stored in GatewayKey::sha256.
    static QString sha256Hex(QByteArrayView key);
    /// True if a gateway.listen value ("127.0.0.1:4000", "[::1]:4000", "localhost:4000")
    /// names a loopback address.
    static bool isLoopbackListen(const QString &listen);

private:
    QList<QString> m_names;
    QList<QByteArray> m_digests; ///< raw 32-byte SHA-256, parallel to m_names
    bool m_required = false;
};

} // namespace Switchyard
