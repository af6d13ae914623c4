// SPDX-License-Identifier: MIT
#include "core/config/configmigrations.h"

#include "core/config/config.h"

#include <QJsonArray>

#include <cmath>

namespace Switchyard {

int ConfigMigrations::migrate(QJsonObject &document, Errors &errors)
{
    int version = 0;
    if (document.contains(u"version")) {
        const QJsonValue v = document.value(u"version");
        const double d = v.toDouble(-1);
        if (!v.isDouble() || std::trunc(d) != d || d < 1) {
            errors.append({QStringLiteral("version"), ConfigMigrations::tr("expected a whole number of at least 1")});
            return -1;
        }
        version = int(d);
    }
    if (version > kConfigVersion) {
        errors.append({QStringLiteral("version"),
                       ConfigMigrations::tr("this file was written by a newer Switchyard (version %1); this build reads "
                                      "versions up to %2. It was left unchanged.")
                           .arg(version)
                           .arg(kConfigVersion)});
        return -1;
    }
    const int original = version;
    if (version == 0) {
        from0To1(document, errors);
        version = 1;
    }
    document.insert(u"version", version);
    return original;
}

void ConfigMigrations::from0To1(QJsonObject &document, Errors &errors)
{
    if (document.contains(u"listen")) {
        QJsonObject gateway = document.value(u"gateway").toObject();
        if (!gateway.contains(u"listen"))
            gateway.insert(u"listen", document.value(u"listen"));
        document.remove(u"listen");
        document.insert(u"gateway", gateway);
    }

    const QJsonValue providers = document.value(u"providers");
    if (providers.isObject()) {
        QJsonArray list;
        const QJsonObject map = providers.toObject();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            QJsonObject p = it.value().toObject();
            p.insert(u"id", it.key());
            list.append(p);
        }
        document.insert(u"providers", list);
    }

    const QJsonValue routes = document.value(u"routes");
    if (routes.isObject()) {
        QJsonArray list;
        const QJsonObject map = routes.toObject();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            QJsonArray ladder;
            if (!it.value().isArray()) {
                errors.append({QStringLiteral("routes.") + it.key(),
                               ConfigMigrations::tr("a version 0 route must be a list of targets")});
                continue;
            }
            for (const QJsonValue &target : it.value().toArray())
                ladder.append(target.isString() ? QJsonObject{{QStringLiteral("target"), target}} : target);
            list.append(QJsonObject{{QStringLiteral("name"), it.key()}, {QStringLiteral("ladder"), ladder}});
        }
        document.insert(u"routes", list);
    }
}

} // namespace Switchyard
