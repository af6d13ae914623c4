// SPDX-License-Identifier: MIT
#include "app/switchyard-gateway/servecommand.h"

#include "app/switchyard-gateway/cliutil.h"
#include "core/common/logwriter.h"
#include "core/runtime/runtime.h"
#include "core/runtime/signalwatcher.h"

#include <QCoreApplication>

namespace Switchyard::Cli {

int runServe(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs the gateway headless: an OpenAI-compatible endpoint at http://HOST:PORT/v1. Reloads the configuration "
        "when the file changes; SIGINT/SIGTERM shut down cleanly with every usage record written."));
    const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("configuration file (created if missing)"),
                                          QStringLiteral("FILE"), defaultConfigPath());
    const QCommandLineOption listenOption(QStringLiteral("listen"), QStringLiteral("address to listen on, overriding gateway.listen"),
                                          QStringLiteral("HOST:PORT"));
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("usage database"), QStringLiteral("FILE"),
                                      defaultDatabasePath());
    parser.addOptions({configOption, listenOption, dbOption});
    if (!parse(parser, args))
        return BadUsage;
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("serve takes no positional arguments"), BadUsage);

    LogWriter logs; // one line per request: written off the serving threads
    RuntimeOptions options;
    options.configPath = parser.value(configOption);
    options.databasePath = parser.value(dbOption);
    options.listenOverride = parser.value(listenOption);
    Runtime runtime(options);
    Errors errors;
    if (!runtime.start(&errors)) {
        logs.flush(); // the warnings that explain the errors come first
        printErrors(options.configPath, errors);
        return fail(QStringLiteral("the gateway did not start"));
    }
    out() << "switchyard-gateway: serving http://" << runtime.listenAddress() << "/v1 (config " << options.configPath
          << ", usage " << options.databasePath << ")" << Qt::endl;

    SignalWatcher signals_;
    int exitCode = Ok;
    QObject::connect(&signals_, &SignalWatcher::terminationRequested, qApp, [&](int signal) {
        out() << "switchyard-gateway: signal " << signal << ", shutting down" << Qt::endl;
        QCoreApplication::quit();
    });
    QCoreApplication::exec();
    runtime.stop();
    out() << "switchyard-gateway: stopped; usage records flushed" << Qt::endl;
    return exitCode;
}

} // namespace Switchyard::Cli
