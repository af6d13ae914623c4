// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QLocalServer;

namespace Switchyard {

/// One desktop app per user: the first instance listens on a local socket; a second one
/// asks it to raise its window and exits.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &name, QObject *parent = nullptr);

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
