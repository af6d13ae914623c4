// SPDX-License-Identifier: MIT
#pragma once

#include "core/usage/demodata.h"

#include <QObject>

Q_MOC_INCLUDE("core/usage/usagestore.h")

namespace Switchyard {

class UsageStore;

/// Which usage database the usage pages show: the real one (the runtime's) or the demo
/// database, a separate file filled by DemoData, so demo rows never mix with real usage.
/// Pages that read usage (dashboard, request log) follow storeChanged() and show a
/// "demo data" label while isDemo().
///
/// The demo database is written on a pool thread (never the GUI thread); switching happens
/// when it is ready. It stays open for the rest of the session once made. Lives on the GUI
/// thread.
class UsageDataSource : public QObject
{
    Q_OBJECT

public:
    explicit UsageDataSource(UsageStore *realStore, QObject *parent = nullptr);
    ~UsageDataSource() override;

    UsageStore *store() const;
    UsageStore *realStore() const { return m_real; }
    bool isDemo() const { return m_demoShown; }
    bool isPreparingDemo() const { return m_preparing; }

    /// Where the demo database goes (default: DemoData::defaultPath()) and how it is made.
    void setDemoPath(const QString &path) { m_demoPath = path; }
    QString demoPath() const { return m_demoPath; }
    void setDemoOptions(const DemoDataOptions &options) { m_demoOptions = options; }

    /// Makes the demo database (first time only) and switches to it; asynchronous.
    void showDemo();
    void showRealUsage();

Q_SIGNALS:
    void storeChanged(Switchyard::UsageStore *store, bool demo);
    void demoPreparingChanged(bool preparing);
    void demoFailed(const QString &message);

private:
    void onDemoWritten(const QString &error);

    UsageStore *m_real;
    UsageStore *m_demo = nullptr; ///< owned
    QString m_demoPath;
    DemoDataOptions m_demoOptions;
    bool m_demoShown = false;
    bool m_preparing = false;
};

} // namespace Switchyard
