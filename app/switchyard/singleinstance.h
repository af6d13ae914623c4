// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QLocalServer;

namespace Switchyard {

/// One desktop app per user and configuration file: the first instance listens on a local
/// socket; a second one started with the same configuration asks it to raise its window and
/// exits. (A second configuration, e.g. a test profile, runs as an app of its own.)
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    SingleInstance(const QString &name, const QString &configPath, QObject *parent = nullptr);

    /// The local socket's name: per user and absolute configuration path.
    QString serverName() const { return m_name; }

    /// True when another instance runs and was asked to show itself; otherwise this
    /// instance becomes the one others will ask.
    bool raiseRunningInstance();

Q_SIGNALS:
    void raiseRequested();

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace Switchyard
