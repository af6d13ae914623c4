// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/error.h"

class QSqlDatabase;

namespace Switchyard {

/// The schema of the usage database and the steps that bring an older file up to date.
///
/// The version lives in `PRAGMA user_version`; each step runs in its own transaction that
/// also bumps the version, so a crash between steps leaves a consistent, older file.
/// Stateless; runs on the thread that owns the connection it is given.
class UsageMigrations
{
public:
    /// 1: `requests`, `attempts` and their indexes. 2: `rollup_daily`, `rollup_weekly`.
    static constexpr int kLatestVersion = 2;

    /// Brings `db` (open) to kLatestVersion and switches it to WAL. A file that is not a
    /// database, or that a newer Switchyard wrote, is refused before anything is written.
    static bool migrate(QSqlDatabase &db, Error *error);

    /// Like migrate(), but stops at `version`; tests use it to build old-version files.
    static bool migrateTo(QSqlDatabase &db, int version, Error *error);

    /// The file's schema version, -1 (and `error`) when it cannot be read.
    static int version(QSqlDatabase &db, Error *error);
};

} // namespace Switchyard
