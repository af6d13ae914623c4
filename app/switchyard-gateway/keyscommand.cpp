// SPDX-License-Identifier: MIT
#include "app/switchyard-gateway/keyscommand.h"

#include "app/switchyard-gateway/cliutil.h"
#include "core/config/configio.h"
#include "core/gateway/apikeys.h"

#include <QDateTime>
#include <QFileInfo>

namespace Switchyard::Cli {

namespace {

int addKey(Config config, const QString &path, const QString &name)
{
    if (name.trimmed().isEmpty())
        return fail(QStringLiteral("a key needs a NAME"), BadUsage);
    for (const GatewayKey &k : std::as_const(config.gateway.keys)) {
        if (k.name == name)
            return fail(QStringLiteral("a key named '%1' exists already; revoke it first or pick another name").arg(name));
    }
    const QByteArray key = ApiKeys::generateKey();
    config.gateway.keys.append({name, ApiKeys::sha256Hex(key),
                                QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
    Error error;
    if (!ConfigIo::saveFile(config, path, &error))
        return fail(QStringLiteral("cannot save %1: %2").arg(path, error.toString()));
    out() << QString::fromLatin1(key) << Qt::endl;
    err() << "key '" << name << "' added to " << path
          << "; it is shown only this once: store it now (only its SHA-256 is kept)" << Qt::endl;
    return Ok;
}

int listKeys(const Config &config)
{
    for (const GatewayKey &k : config.gateway.keys) {
        // A short fingerprint tells keys apart without printing the stored digest.
        out() << k.name.leftJustified(20) << "  " << k.sha256.left(8) << "  "
              << (k.created.isEmpty() ? QStringLiteral("-") : k.created) << '\n';
    }
    out().flush();
    if (config.gateway.keys.isEmpty())
        err() << "no keys; requests to a loopback gateway are open (add one with 'switchyard-gateway keys add NAME')"
              << Qt::endl;
    return Ok;
}

int revokeKey(Config config, const QString &path, const QString &name)
{
    const qsizetype removed = config.gateway.keys.removeIf([&](const GatewayKey &k) { return k.name == name; });
    if (removed == 0)
        return fail(QStringLiteral("no key named '%1'").arg(name));
    Error error;
    if (!ConfigIo::saveFile(config, path, &error))
        return fail(QStringLiteral("cannot save %1: %2").arg(path, error.toString()));
    err() << "key '" << name << "' revoked" << Qt::endl;
    return Ok;
}

} // namespace

int runKeys(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Manages the gateway's local API keys. 'add NAME' prints a new key once; only its SHA-256 "
                       "is stored. 'list' shows names, fingerprints and creation times. 'revoke NAME' deletes a key."));
    const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("configuration file"),
                                          QStringLiteral("FILE"), defaultConfigPath());
    parser.addOption(configOption);
    parser.addPositionalArgument(QStringLiteral("add|list|revoke"), QStringLiteral("action"));
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("key name (add, revoke)"));
    if (!parse(parser, args))
        return BadUsage;

    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const qsizetype wanted = action == u"list" ? 1 : 2;
    if ((action != u"add" && action != u"list" && action != u"revoke") || positional.size() != wanted)
        return fail(QStringLiteral("usage: keys add NAME | keys list | keys revoke NAME [--config FILE]"), BadUsage);

    const QString path = parser.value(configOption);
    if (!QFileInfo::exists(path))
        return fail(QStringLiteral("%1 does not exist; create it with 'switchyard-gateway init --config %1'").arg(path));
    const ConfigLoadResult loaded = ConfigIo::loadFile(path);
    if (!loaded.ok()) {
        printErrors(path, loaded.errors);
        return fail(QStringLiteral("%1 has errors; it was left unchanged").arg(path));
    }
    if (action == u"list")
        return listKeys(*loaded.config);
    if (action == u"add")
        return addKey(*loaded.config, path, positional.at(1));
    return revokeKey(*loaded.config, path, positional.at(1));
}

} // namespace Switchyard::Cli
