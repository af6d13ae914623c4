// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace Switchyard {

/// The outcome of resolving a secret reference. `value` is the secret itself: never log
/// or store it; `notice` explains a fallback in words fit for a log line.
struct SecretResult {
    bool ok = false;
    QString value;
    QString error;
    QString notice;
    QString source; ///< "env:VAR" or "keychain:NAME" actually used
};

/// Resolves `env:VAR` and `keychain:NAME` references. Keychain entries live in the OS
/// keychain (Secret Service on Linux) through QtKeychain under the service "switchyard".
/// Where no keychain service runs, `keychain:NAME` falls back to the environment variable
/// SWITCHYARD_SECRET_<NAME> and says so in `notice`.
///
/// Lives on the thread that uses it, which needs a running event loop: keychain calls are
/// asynchronous and `done` is called later on that thread (env: references immediately).
class SecretResolver : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult &)>;

    explicit SecretResolver(QObject *parent = nullptr);

    void resolve(const QString &reference, Callback done);
    void store(const QString &name, const QString &secret, Callback done);
    void remove(const QString &name, Callback done);

    static QString serviceName();
    static QString fallbackVariable(const QString &keychainName);
    static SecretResult resolveEnv(const QString &variable);
};

} // namespace Switchyard
