// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/error.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

namespace Switchyard::Cli {

/// Exit codes shared by every subcommand.
enum ExitCode { Ok = 0, Failure = 1, BadUsage = 2 };

QTextStream &out();
QTextStream &err();

/// Parses `args` (subcommand name first) with `parser`; prints the problem and returns false
/// on unknown options or missing values. `--help` prints help and exits 0.
bool parse(QCommandLineParser &parser, const QStringList &args);

/// Prints "switchyard-gateway: <message>" to stderr and returns `code`.
int fail(const QString &message, int code = Failure);

/// Prints each error on its own line, prefixed with `file`.
void printErrors(const QString &file, const Errors &errors);

/// Standard locations shared with the desktop app (DESIGN.md).
QString defaultConfigPath();
QString defaultDatabasePath();

} // namespace Switchyard::Cli
