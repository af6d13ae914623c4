// SPDX-License-Identifier: MIT
#include "core/runtime/runtime.h"

#include "core/common/logging.h"
#include "core/config/configio.h"
#include "core/config/configstore.h"
#include "core/config/defaultconfig.h"
#include "core/config/secretcache.h"
#include "core/config/secretresolver.h"
#include "core/gateway/apikeys.h"
#include "core/gateway/gatewayapi.h"
#include "core/gateway/gatewaymetrics.h"
#include "core/gateway/httpserver.h"
#include "core/routing/circuitbreaker.h"
#include "core/usage/pricecatalog.h"
#include "core/usage/usagestore.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>

namespace Switchyard {

struct Runtime::Private {
    RuntimeOptions options;
    std::unique_ptr<ConfigStore> config;
    std::unique_ptr<UsageStore> usage;
    SecretCache secrets;
    CircuitBreaker breaker;
    MetricsRegistry metrics;
    std::unique_ptr<HttpServer> server;
    SecretResolver *resolver = nullptr;
    int pendingSecrets = 0;
    QStringList unresolved;
    QString listen;
    GatewaySettings served; ///< what the running server was started with
    QStringList waitingForRestart; ///< gateway.* settings edited since, last said in the log
    Errors gatewayErrors; ///< why the last start of the gateway failed; empty once it serves
};

Runtime::Runtime(RuntimeOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->options = std::move(options);
    d->resolver = new SecretResolver(this);
}

Runtime::~Runtime()
{
    stop();
}

ConfigStore *Runtime::configStore() const
{
    return d->config.get();
}

UsageStore *Runtime::usageStore() const
{
    return d->usage.get();
}

QString Runtime::listenAddress() const
{
    return d->listen;
}

quint16 Runtime::port() const
{
    return d->server ? d->server->serverPort() : 0;
}

QString Runtime::configPath() const
{
    return d->options.configPath;
}

SecretResolver *Runtime::secretResolver() const
{
    return d->resolver;
}

namespace {

bool splitListen(const QString &listen, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = listen.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    QString host = listen.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const int p = listen.mid(colon + 1).toInt(&ok);
    if (!ok || p < 0 || p > 65535)
        return false;
    *port = quint16(p);
    if (host == u"localhost") {
        *address = QHostAddress::LocalHost;
        return true;
    }
    return address->setAddress(host);
}

} // namespace

bool Runtime::start(Errors *errors)
{
    Errors local;
    Errors &errs = errors ? *errors : local;
    const QString &path = d->options.configPath;
    if (!QFileInfo::exists(path)) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(DefaultConfig::json()) < 0 || !file.commit()) {
            errs.append({QString(), tr("cannot write the default configuration to %1: %2").arg(path, file.errorString())});
            return false;
        }
        qCInfo(lcConfig).noquote() << "wrote the default configuration to" << path;
    }
    const ConfigLoadResult loaded = ConfigIo::loadFile(path);
    if (!loaded.ok()) {
        errs.append(loaded.errors);
        return false;
    }
    d->config = std::make_unique<ConfigStore>(*loaded.config, path);
    if (d->options.watchConfig)
        d->config->watchFile(path);
    connect(d->config.get(), &ConfigStore::snapshotChanged, this, &Runtime::resolveSecrets);
    connect(d->config.get(), &ConfigStore::snapshotChanged, this, &Runtime::noteSettingsWaitingForRestart);

    d->usage = std::make_unique<UsageStore>(d->options.databasePath);
    if (!d->usage->open(&errs))
        return false;

    resolveSecrets();
    return startGateway(&errs);
}

bool Runtime::isGatewayRunning() const
{
    return d->server && d->server->isListening();
}

bool Runtime::startGateway(Errors *errors)
{
    Errors local;
    Errors &errs = errors ? *errors : local;
    if (isGatewayRunning())
        return true;
    const qsizetype before = errs.size();
    // Remembered, so a window opened after a failed start can still say why it is stopped.
    const auto fail = [&] {
        d->gatewayErrors = errs.mid(before);
        return false;
    };
    const Config config = d->config->snapshot()->config;
    d->listen = d->options.listenOverride.isEmpty() ? config.gateway.listen : d->options.listenOverride;
    HttpServerOptions server;
    if (!splitListen(d->listen, &server.address, &server.port)) {
        errs.append({QStringLiteral("--listen"), tr("'%1' is not HOST:PORT").arg(d->listen)});
        return fail();
    }
    if (!ApiKeys::isLoopbackListen(d->listen) && config.gateway.keys.isEmpty()) {
        errs.append({QStringLiteral("--listen"), tr("listening on %1, which is not loopback, requires at least one key "
                                                   "(create one with 'switchyard-gateway keys add NAME')").arg(d->listen)});
        return fail();
    }
    server.workerThreads = config.gateway.workerThreads;
    server.limits.maxBodyBytes = config.gateway.maxBodyBytes;
    server.headerTimeoutMs = config.gateway.headerTimeoutMs;
    server.idleTimeoutMs = config.gateway.idleTimeoutMs;

    GatewayContext context;
    context.config = d->config.get();
    context.usage = d->usage.get();
    context.secrets = &d->secrets;
    context.breaker = &d->breaker;
    context.metrics = &d->metrics;
    context.catalog = PriceCatalog::builtIn();
    context.listen = d->listen;
    d->server = std::make_unique<HttpServer>(server, [context] { return new GatewayApi(context); });
    QString error;
    if (!d->server->start(&error)) {
        errs.append({QStringLiteral("gateway.listen"), tr("cannot listen on %1: %2").arg(d->listen, error)});
        d->server.reset();
        return fail();
    }
    const QString port = QString::number(d->server->serverPort());
    d->listen = server.address.protocol() == QAbstractSocket::IPv6Protocol
        ? QString(u'[' + server.address.toString() + QStringLiteral("]:") + port)
        : QString(server.address.toString() + u':' + port);
    d->gatewayErrors.clear();
    d->served = config.gateway;
    d->waitingForRestart.clear();
    Q_EMIT gatewayStateChanged(true, d->listen);
    return true;
}

void Runtime::noteSettingsWaitingForRestart()
{
    // Keys, routes, providers and prices apply to the next request; these belong to the
    // listening server. Say once which edits wait for a restart, instead of seeming to ignore
    // them; editing them back to what runs clears it.
    if (!d->server)
        return;
    const GatewaySettings &edited = d->config->snapshot()->config.gateway;
    QStringList waiting;
    if (edited.listen != d->served.listen && d->options.listenOverride.isEmpty())
        waiting << QStringLiteral("gateway.listen");
    if (edited.maxBodyBytes != d->served.maxBodyBytes)
        waiting << QStringLiteral("gateway.maxBodyBytes");
    if (edited.headerTimeoutMs != d->served.headerTimeoutMs)
        waiting << QStringLiteral("gateway.headerTimeoutMs");
    if (edited.idleTimeoutMs != d->served.idleTimeoutMs)
        waiting << QStringLiteral("gateway.idleTimeoutMs");
    if (edited.workerThreads != d->served.workerThreads)
        waiting << QStringLiteral("gateway.workerThreads");
    if (waiting == d->waitingForRestart)
        return;
    d->waitingForRestart = waiting;
    if (!waiting.isEmpty())
        qCInfo(lcConfig).noquote() << "changes to" << waiting.join(QStringLiteral(", "))
                                   << "take effect when the gateway restarts";
}

Errors Runtime::gatewayErrors() const
{
    return d->gatewayErrors;
}

void Runtime::stopGateway()
{
    if (!d->server)
        return;
    d->server->stop();
    d->server.reset();
    Q_EMIT gatewayStateChanged(false, d->listen);
}

bool Runtime::setListenAddress(const QString &hostPort, Errors *errors)
{
    Errors local;
    Errors &errs = errors ? *errors : local;
    Config config = d->config->snapshot()->config;
    config.gateway.listen = hostPort;
    const Errors invalid = d->config->apply(config, d->options.configPath);
    if (!invalid.isEmpty()) {
        errs.append(invalid);
        return false;
    }
    Error saveError;
    if (!ConfigIo::saveFile(config, d->options.configPath, &saveError)) {
        errs.append(saveError);
        return false;
    }
    d->options.listenOverride.clear();
    const bool wasRunning = isGatewayRunning();
    stopGateway();
    return !wasRunning || startGateway(&errs);
}

void Runtime::resolveSecrets()
{
    if (!d->config)
        return;
    QSet<QString> references;
    for (const ProviderConfig &p : d->config->snapshot()->config.providers) {
        if (!p.apiKey.isEmpty())
            references.insert(p.apiKey);
    }
    d->pendingSecrets += int(references.size());
    if (references.isEmpty())
        Q_EMIT secretsResolved();
    for (const QString &reference : std::as_const(references)) {
        d->resolver->resolve(reference, [this, reference](const SecretResult &r) {
            if (r.ok) {
                d->secrets.set(reference, r.value.toUtf8());
            } else {
                d->secrets.remove(reference);
                d->unresolved.append(reference);
            }
            if (--d->pendingSecrets > 0)
                return;
            if (!d->unresolved.isEmpty()) {
                d->unresolved.sort();
                // One line, not one per provider: most users set only the keys they use.
                qCInfo(lcSecrets).noquote() << "inactive until their key is set:" << d->unresolved.join(QStringLiteral(", "));
                d->unresolved.clear();
            }
            Q_EMIT secretsResolved();
        });
    }
}

void Runtime::stop()
{
    stopGateway();
    if (d->usage)
        d->usage->close();
}

} // namespace Switchyard
