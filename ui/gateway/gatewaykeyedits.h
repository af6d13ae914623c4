// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/error.h"
#include "core/config/config.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Switchyard {

/// Edits of gateway.keys on a configuration value: create a key (only its SHA-256 goes
/// into the configuration) and revoke one. The caller saves the result (ConfigWriter).
/// Stateless.
class GatewayKeyEdits
{
    Q_DECLARE_TR_FUNCTIONS(GatewayKeyEdits)

public:
    /// Adds a key named `name` to `config` and returns the key itself, to be shown once;
    /// empty with `error` set when the name is empty or taken.
    static QByteArray create(Config *config, const QString &name, QString *error);
    /// Removes the key named `name`; false when there is none.
    static bool revoke(Config *config, const QString &name);
    /// A free name such as "key-2", for the create dialog.
    static QString suggestedName(const Config &config);
    /// Short, non-secret label that tells keys apart (first 8 hex digits of the digest).
    static QString fingerprint(const GatewayKey &key);
};

} // namespace Switchyard
