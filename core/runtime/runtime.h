// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/error.h"

#include <QObject>
#include <QString>

#include <memory>

namespace Switchyard {

class ConfigStore;
class HttpServer;
class SecretResolver;
class UsageStore;

struct RuntimeOptions {
    QString configPath;       ///< created with the default configuration when missing
    QString databasePath;
    QString listenOverride;   ///< HOST:PORT replacing gateway.listen, empty for none
    bool watchConfig = true;  ///< reload the configuration when the file changes
};

/// The object graph both programs build: configuration store (watched), usage store,
/// resolved secrets, circuit breaker, metrics and the HTTP server with its workers.
/// Lives on the main thread; the server and the usage store run their own threads.
class Runtime : public QObject
{
    Q_OBJECT
public:
    explicit Runtime(RuntimeOptions options, QObject *parent = nullptr);
    ~Runtime() override; ///< stop()

    /// Loads (or creates) the configuration, opens the database and starts serving.
    /// Returns false with every error when any of it fails.
    bool start(Errors *errors);
    /// Stops accepting, finishes in-flight work and flushes every usage record.
    void stop();

    /// Starts or stops only the HTTP gateway; configuration and database stay open.
    bool startGateway(Errors *errors);
    void stopGateway();
    bool isGatewayRunning() const;
    /// Why the last start of the gateway failed (e.g. the port is taken); empty once it serves.
    Errors gatewayErrors() const;
    /// Saves `hostPort` as gateway.listen in the configuration file and restarts the
    /// gateway there when it was running. The file is left untouched on any error.
    bool setListenAddress(const QString &hostPort, Errors *errors);

    ConfigStore *configStore() const;
    UsageStore *usageStore() const;
    QString listenAddress() const;   ///< "host:port" actually bound
    quint16 port() const;
    /// The configuration file this runtime loaded; edits are saved there.
    QString configPath() const;
    /// Stores, removes and resolves keychain secrets; lives on the runtime's thread.
    SecretResolver *secretResolver() const;

Q_SIGNALS:
    /// Every secret reference of the current configuration has been tried.
    void secretsResolved();
    void gatewayStateChanged(bool running, const QString &address);

private:
    void resolveSecrets();
    void noteSettingsWaitingForRestart();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Switchyard
