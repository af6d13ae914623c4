// SPDX-License-Identifier: MIT
#include "core/config/defaultconfig.h"

#include "core/config/configio.h"

#include <QFile>

namespace Switchyard {

QByteArray DefaultConfig::json()
{
    QFile file(QStringLiteral(":/switchyard/default-config.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("default configuration missing from the resources");
    return file.readAll();
}

Config DefaultConfig::config()
{
    ConfigLoadResult result = ConfigIo::parse(json());
    // The shipped default is validated by tst_configio; a broken one is a build defect.
    if (!result.ok())
        qFatal("the built-in default configuration is invalid: %s",
               qPrintable(result.errors.value(0).toString()));
    return *result.config;
}

} // namespace Switchyard
