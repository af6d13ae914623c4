// SPDX-License-Identifier: MIT
#include "app/switchyard-gateway/cliutil.h"

#include <QCoreApplication>
#include <QStandardPaths>

#include <cstdio>

namespace Switchyard::Cli {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

bool parse(QCommandLineParser &parser, const QStringList &args)
{
    parser.addHelpOption();
    if (!parser.parse(args)) {
        fail(parser.errorText(), BadUsage);
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        ::exit(Ok);
    }
    return true;
}

int fail(const QString &message, int code)
{
    out().flush();
    err() << "switchyard-gateway: " << message << Qt::endl;
    return code;
}

void printErrors(const QString &file, const Errors &errors)
{
    out().flush();
    for (const Error &e : errors)
        err() << file << ": " << e.toString() << '\n';
    err().flush();
}

QString defaultConfigPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/config.json");
}

QString defaultDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/usage.sqlite3");
}

} // namespace Switchyard::Cli
