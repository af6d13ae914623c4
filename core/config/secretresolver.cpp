// SPDX-License-Identifier: MIT
#include "core/config/secretresolver.h"

#include "core/common/logging.h"

#include <qt6keychain/keychain.h>

namespace Switchyard {

namespace {

bool keychainUnavailable(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented
        || error == QKeychain::OtherError;
}

QString unavailableNotice(const QString &name, const QString &detail)
{
    return SecretResolver::tr("no keychain service is running (%1); keychain:%2 falls back to the environment variable %3")
        .arg(detail, name, SecretResolver::fallbackVariable(name));
}

} // namespace

SecretResolver::SecretResolver(QObject *parent)
    : QObject(parent)
{
}

QString SecretResolver::serviceName()
{
    return QStringLiteral("switchyard");
}

QString SecretResolver::fallbackVariable(const QString &keychainName)
{
    QString variable = QStringLiteral("SWITCHYARD_SECRET_");
    for (const QChar c : keychainName.toUpper())
        variable.append(c.isLetterOrNumber() && c.unicode() < 128 ? c : u'_');
    return variable;
}

SecretResult SecretResolver::resolveEnv(const QString &variable)
{
    SecretResult r;
    r.source = QStringLiteral("env:") + variable;
    if (!qEnvironmentVariableIsSet(variable.toLocal8Bit().constData())) {
        r.error = SecretResolver::tr("environment variable %1 is not set").arg(variable);
        return r;
    }
    r.value = qEnvironmentVariable(variable.toLocal8Bit().constData());
    if (r.value.isEmpty()) {
        r.error = SecretResolver::tr("environment variable %1 is empty").arg(variable);
        return r;
    }
    r.ok = true;
    return r;
}

void SecretResolver::resolve(const QString &reference, Callback done)
{
    if (reference.startsWith(u"env:")) {
        done(resolveEnv(reference.mid(4)));
        return;
    }
    if (!reference.startsWith(u"keychain:") || reference.size() <= 9) {
        SecretResult r;
        r.error = SecretResolver::tr("not a secret reference; expected env:VAR or keychain:NAME");
        done(r);
        return;
    }
    const QString name = reference.mid(9);
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(name);
    connect(job, &QKeychain::Job::finished, this, [name, done = std::move(done)](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (read->error() == QKeychain::NoError) {
            done(SecretResult{true, read->textData(), {}, {}, QStringLiteral("keychain:") + name});
            return;
        }
        if (keychainUnavailable(read->error())) {
            SecretResult r = resolveEnv(fallbackVariable(name));
            r.notice = unavailableNotice(name, read->errorString());
            qCWarning(lcSecrets).noquote() << r.notice;
            done(r);
            return;
        }
        SecretResult r;
        r.source = QStringLiteral("keychain:") + name;
        r.error = read->error() == QKeychain::EntryNotFound
            ? SecretResolver::tr("no secret named '%1' in the keychain (service '%2')").arg(name, serviceName())
            : SecretResolver::tr("the keychain refused to give '%1': %2").arg(name, read->errorString());
        done(r);
    });
    job->start();
}

void SecretResolver::store(const QString &name, const QString &secret, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(name);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [name, done = std::move(done)](QKeychain::Job *j) {
        SecretResult r;
        r.source = QStringLiteral("keychain:") + name;
        r.ok = j->error() == QKeychain::NoError;
        if (!r.ok)
            r.error = keychainUnavailable(j->error())
                ? SecretResolver::tr("cannot store '%1': no keychain service is running (%2); set the environment variable "
                                 "%3 instead").arg(name, j->errorString(), fallbackVariable(name))
                : SecretResolver::tr("cannot store '%1' in the keychain: %2").arg(name, j->errorString());
        done(r);
    });
    job->start();
}

void SecretResolver::remove(const QString &name, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setKey(name);
    connect(job, &QKeychain::Job::finished, this, [name, done = std::move(done)](QKeychain::Job *j) {
        SecretResult r;
        r.source = QStringLiteral("keychain:") + name;
        r.ok = j->error() == QKeychain::NoError;
        if (!r.ok)
            r.error = SecretResolver::tr("cannot remove '%1' from the keychain: %2").arg(name, j->errorString());
        done(r);
    });
    job->start();
}

} // namespace Switchyard
