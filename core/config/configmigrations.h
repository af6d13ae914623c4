// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>

#include "core/common/error.h"

#include <QJsonObject>

namespace Switchyard {

/// Upgrades configuration documents from older versions to kConfigVersion, in memory.
///
/// Version 0 is the unversioned preview format: `listen` at the top level, `providers`
/// and `routes` as objects keyed by id/name, a route being a plain list of targets.
class ConfigMigrations
{
    Q_DECLARE_TR_FUNCTIONS(ConfigMigrations)

public:
    /// Migrates `document` in place. Returns the version the document had, or -1 with
    /// errors when it cannot be read by this build (newer or invalid version).
    static int migrate(QJsonObject &document, Errors &errors);

private:
    static void from0To1(QJsonObject &document, Errors &errors);
};

} // namespace Switchyard
