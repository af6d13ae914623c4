// SPDX-License-Identifier: MIT
#include "ui/gateway/gatewaykeyedits.h"

#include "core/gateway/apikeys.h"

#include <QDateTime>

namespace Switchyard {

namespace {

bool hasKey(const Config &config, const QString &name)
{
    return std::any_of(config.gateway.keys.cbegin(), config.gateway.keys.cend(),
                       [&](const GatewayKey &k) { return k.name == name; });
}

} // namespace

QByteArray GatewayKeyEdits::create(Config *config, const QString &name, QString *error)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        *error = tr("Give the key a name, e.g. the program or machine that uses it.");
        return {};
    }
    if (hasKey(*config, trimmed)) {
        *error = tr("A key named '%1' exists already; pick another name.").arg(trimmed);
        return {};
    }
    const QByteArray key = ApiKeys::generateKey();
    config->gateway.keys.append({trimmed, ApiKeys::sha256Hex(key), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
    return key;
}

bool GatewayKeyEdits::revoke(Config *config, const QString &name)
{
    return config->gateway.keys.removeIf([&](const GatewayKey &k) { return k.name == name; }) > 0;
}

QString GatewayKeyEdits::suggestedName(const Config &config)
{
    for (int i = int(config.gateway.keys.size()) + 1;; ++i) {
        const QString name = QStringLiteral("key-%1").arg(i);
        if (!hasKey(config, name))
            return name;
    }
}

QString GatewayKeyEdits::fingerprint(const GatewayKey &key)
{
    return key.sha256.left(8);
}

} // namespace Switchyard
