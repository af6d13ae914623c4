// SPDX-License-Identifier: MIT
#include "app/switchyard-gateway/configcommands.h"

#include "app/switchyard-gateway/cliutil.h"
#include "core/config/configio.h"
#include "core/config/defaultconfig.h"
#include "core/usage/usagestore.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace Switchyard::Cli {

namespace {

QString configSummary(const Config &c)
{
    return QStringLiteral("%1 providers, %2 nodes, %3 routes, %4 rules, %5 pipelines; listening on %6")
        .arg(c.providers.size())
        .arg(c.nodes.size())
        .arg(c.routes.size())
        .arg(c.rules.size())
        .arg(c.pipelines.size())
        .arg(c.gateway.listen);
}

} // namespace

int runCheckConfig(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Validates a configuration file and prints every error with its JSON path."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("configuration file to check"));
    if (!parse(parser, args))
        return BadUsage;
    if (parser.positionalArguments().size() != 1)
        return fail(QStringLiteral("check-config needs exactly one FILE"), BadUsage);

    const QString path = parser.positionalArguments().constFirst();
    const ConfigLoadResult result = ConfigIo::loadFile(path);
    if (!result.ok()) {
        printErrors(path, result.errors);
        err() << path << ": " << result.errors.size() << (result.errors.size() == 1 ? " error" : " errors") << Qt::endl;
        return Failure;
    }
    out() << path << ": OK (" << configSummary(*result.config) << ")\n";
    if (result.migrated)
        out() << path << ": note: the file is version " << result.fileVersion << "; it is read as version "
              << kConfigVersion << " and will be written as such when Switchyard saves it\n";
    out().flush();
    return Ok;
}

int runInit(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Creates the default configuration and usage database where they are missing. "
                       "Existing files are checked, never overwritten."));
    const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("configuration file"),
                                          QStringLiteral("FILE"), defaultConfigPath());
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("usage database"), QStringLiteral("FILE"),
                                      defaultDatabasePath());
    parser.addOptions({configOption, dbOption});
    if (!parse(parser, args))
        return BadUsage;

    const QString configPath = parser.value(configOption);
    if (!QFileInfo::exists(configPath)) {
        QDir().mkpath(QFileInfo(configPath).absolutePath());
        QSaveFile file(configPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(DefaultConfig::json()) < 0 || !file.commit())
            return fail(QStringLiteral("cannot write %1: %2").arg(configPath, file.errorString()));
        out() << "configuration: created " << configPath << '\n';
    } else {
        const ConfigLoadResult result = ConfigIo::loadFile(configPath);
        if (!result.ok()) {
            printErrors(configPath, result.errors);
            return fail(QStringLiteral("%1 has errors; it was left unchanged. Fix them, or move the file away to get "
                                       "a fresh default.").arg(configPath));
        }
        out() << "configuration: " << configPath << " OK (" << configSummary(*result.config) << ")\n";
    }

    const QString dbPath = parser.value(dbOption);
    const bool existed = QFileInfo::exists(dbPath);
    UsageStore store(dbPath);
    Errors errors;
    if (!store.open(&errors)) {
        printErrors(dbPath, errors);
        return fail(QStringLiteral("cannot open the usage database %1").arg(dbPath));
    }
    store.close();
    out() << "usage database: " << (existed ? "opened " : "created ") << dbPath << '\n';
    out().flush();
    return Ok;
}

} // namespace Switchyard::Cli
