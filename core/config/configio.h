// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>

#include "core/common/error.h"
#include "core/config/config.h"

#include <QByteArray>

#include <optional>

namespace Switchyard {

/// Outcome of reading a configuration document: `config` is set only when the document
/// parsed, migrated and validated without a single error; `errors` lists them all.
struct ConfigLoadResult {
    std::optional<Config> config;
    Errors errors;
    int fileVersion = 0;   ///< version found in the file (0: none)
    bool migrated = false; ///< the file was an older version, upgraded in memory
    bool ok() const { return config.has_value(); }
};

/// Reads and writes the JSON configuration document. Stateless; any thread.
/// A file that fails to load is never written to: saving goes through QSaveFile, so a
/// crash while saving leaves the previous file intact.
class ConfigIo
{
    Q_DECLARE_TR_FUNCTIONS(ConfigIo)

public:
    static ConfigLoadResult parse(const QByteArray &json);
    static ConfigLoadResult loadFile(const QString &path);
    static QByteArray serialize(const Config &config);
    static bool saveFile(const Config &config, const QString &path, Error *error = nullptr);
};

} // namespace Switchyard
