// SPDX-License-Identifier: MIT
// switchyard-gateway: the Switchyard core without a window (servers, CI, scripts).
#include "app/switchyard-gateway/cliutil.h"
#include "app/switchyard-gateway/configcommands.h"
#include "app/switchyard-gateway/costcommand.h"
#include "app/switchyard-gateway/democommand.h"
#include "app/switchyard-gateway/servecommand.h"
#include "app/switchyard-gateway/keyscommand.h"
#include "app/switchyard-gateway/usagecommand.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

#include <functional>
#include <map>

using namespace Switchyard;

namespace {

struct Subcommand {
    const char *summary;
    std::function<int(const QStringList &)> run;
};

const std::map<QString, Subcommand> &subcommands()
{
    static const std::map<QString, Subcommand> table{
        {QStringLiteral("serve"), {"run the gateway headless (OpenAI-compatible HTTP on gateway.listen)", Cli::runServe}},
        {QStringLiteral("init"), {"write the default configuration and database if missing", Cli::runInit}},
        {QStringLiteral("check-config"), {"validate a configuration file; every error, with its JSON path", Cli::runCheckConfig}},
        {QStringLiteral("cost"), {"cost breakdown of one provider usage block", Cli::runCost}},
        {QStringLiteral("catalog"), {"inspect or rebuild the built-in price catalog", Cli::runCatalog}},
        {QStringLiteral("usage"), {"usage database: summary, export, reprice", Cli::runUsage}},
        {QStringLiteral("keys"), {"local API keys of the gateway: add, list, revoke", Cli::runKeys}},
        {QStringLiteral("demo-data"), {"write a separate database of synthetic demo traffic", Cli::runDemoData}},
    };
    return table;
}

int printUsage(int code)
{
    QTextStream &s = code == Cli::Ok ? Cli::out() : Cli::err();
    s << "Usage: switchyard-gateway <command> [options]\n\nCommands:\n";
    for (const auto &[name, cmd] : subcommands())
        s << "  " << name.leftJustified(14) << cmd.summary << '\n';
    s << "\nRun 'switchyard-gateway <command> --help' for the options of a command.\n";
    s.flush();
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    // Keep the GLib event dispatcher: QtKeychain's libsecret backend completes its calls
    // through the GLib main context, so without it keychain: references never resolve.
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("switchyard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SWITCHYARD_VERSION));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("switchyard_core"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty())
        return printUsage(Cli::BadUsage);
    if (args.first() == u"--help" || args.first() == u"-h" || args.first() == u"help")
        return printUsage(Cli::Ok);
    if (args.first() == u"--version") {
        Cli::out() << "switchyard-gateway " << QCoreApplication::applicationVersion() << Qt::endl;
        return Cli::Ok;
    }
    const auto it = subcommands().find(args.first());
    if (it == subcommands().end()) {
        Cli::fail(QStringLiteral("unknown command '%1'").arg(args.first()), Cli::BadUsage);
        return printUsage(Cli::BadUsage);
    }
    return it->second.run(args);
}
