// SPDX-License-Identifier: MIT
#include "ui/gateway/gatewaycontrol.h"

#include "core/config/configstore.h"
#include "core/runtime/runtime.h"

#include <QStringList>

namespace Switchyard {

GatewayControl::GatewayControl(Runtime *runtime, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
    , m_state(runtime->isGatewayRunning() ? State::Serving : State::Stopped)
{
    connect(m_runtime, &Runtime::gatewayStateChanged, this,
            [this](bool running, const QString &) { onGatewayStateChanged(running); });
    // A start that failed before this control existed (the app's start-up) is shown as such.
    if (m_state == State::Stopped && !runtime->gatewayErrors().isEmpty())
        setState(State::Error, messages(runtime->gatewayErrors()));
}

QString GatewayControl::messages(const Errors &errors)
{
    QStringList lines;
    for (const Error &e : errors)
        lines.append(e.message);
    return lines.join(u'\n');
}

QString GatewayControl::address() const
{
    const QString bound = m_runtime->listenAddress();
    if (!bound.isEmpty())
        return bound;
    return m_runtime->configStore() ? m_runtime->configStore()->snapshot()->config.gateway.listen : QString();
}

QString GatewayControl::baseUrl() const
{
    return baseUrlFor(address());
}

QString GatewayControl::baseUrlFor(const QString &hostPort)
{
    const qsizetype colon = hostPort.lastIndexOf(u':');
    QString host = colon > 0 ? hostPort.left(colon) : hostPort;
    const QString port = colon > 0 ? hostPort.mid(colon + 1) : QString();
    // A wildcard address is where the gateway listens, not where a client can connect.
    if (host == u"0.0.0.0")
        host = QStringLiteral("127.0.0.1");
    else if (host == u"[::]")
        host = QStringLiteral("[::1]");
    return QStringLiteral("http://") + host + (port.isEmpty() ? QString() : u':' + port) + QStringLiteral("/v1");
}

bool GatewayControl::start()
{
    Errors errors;
    if (m_runtime->startGateway(&errors)) {
        setState(State::Serving);
        return true;
    }
    setState(State::Error, messages(errors));
    return false;
}

void GatewayControl::stop()
{
    m_runtime->stopGateway();
    setState(State::Stopped);
}

bool GatewayControl::setListenAddress(const QString &hostPort, Errors *errors)
{
    const bool wasServing = m_runtime->isGatewayRunning();
    Errors local;
    Errors &errs = errors ? *errors : local;
    if (m_runtime->setListenAddress(hostPort, &errs)) {
        setState(m_runtime->isGatewayRunning() ? State::Serving : State::Stopped);
        return true;
    }
    // Invalid input leaves the gateway as it was; only a failed restart is a gateway error.
    if (wasServing && !m_runtime->isGatewayRunning())
        setState(State::Error, messages(errs));
    return false;
}

void GatewayControl::onGatewayStateChanged(bool running)
{
    if (running)
        setState(State::Serving);
    else if (m_state != State::Error)
        setState(State::Stopped);
    else
        Q_EMIT stateChanged(m_state); // the address may have changed
}

void GatewayControl::setState(State state, const QString &errorText)
{
    m_state = state;
    m_errorText = state == State::Error ? errorText : QString();
    Q_EMIT stateChanged(m_state);
}

} // namespace Switchyard
