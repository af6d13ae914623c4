// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/error.h"

#include <QObject>
#include <QString>

namespace Switchyard {

class Runtime;

/// The desktop's view of the embedded gateway: serving, stopped or failed (with why), and
/// the address local programs use. Start, stop and moving the gateway go through here so
/// the Overview page and the status bar agree on the state, including the last error,
/// which Runtime does not keep. GUI thread; does not own the runtime.
class GatewayControl : public QObject
{
    Q_OBJECT
public:
    enum class State { Serving, Stopped, Error };
    Q_ENUM(State)

    explicit GatewayControl(Runtime *runtime, QObject *parent = nullptr);

    Runtime *runtime() const { return m_runtime; }
    State state() const { return m_state; }
    /// Why the last start or move failed; empty unless state() is Error.
    QString errorText() const { return m_errorText; }
    /// "host:port" bound while serving; otherwise the last bound or configured address.
    QString address() const;
    /// `http://ADDRESS/v1`, with a wildcard host replaced by loopback so it can be pasted.
    QString baseUrl() const;
    static QString baseUrlFor(const QString &hostPort);

    bool start();
    void stop();
    /// Saves gateway.listen and moves the gateway there; `errors` name JSON paths.
    bool setListenAddress(const QString &hostPort, Errors *errors);

Q_SIGNALS:
    void stateChanged(Switchyard::GatewayControl::State state);

private:
    void onGatewayStateChanged(bool running);
    void setState(State state, const QString &errorText = {});
    static QString messages(const Errors &errors);

    Runtime *m_runtime;
    State m_state;
    QString m_errorText;
};

} // namespace Switchyard
