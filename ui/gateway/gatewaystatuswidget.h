// SPDX-License-Identifier: MIT
#pragma once

#include "ui/gateway/gatewaycontrol.h"
#include "ui/gateway/requestratemeter.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

class QLabel;

namespace Switchyard {

class UsageStore;
struct SpendSums;

/// The always-visible gateway line of the status bar: state and address, requests in the
/// last minute and today's spend (UTC day) with the count of unpriced requests.
///
/// Spend comes from UsageStore::queryTotals, asynchronously: refreshed when records are
/// committed, at most once per `minRefreshInterval`, and a late answer is dropped when a
/// newer query was sent (ticket). The GUI thread never waits on the database.
class GatewayStatusWidget : public QWidget
{
    Q_OBJECT
public:
    GatewayStatusWidget(GatewayControl *gateway, UsageStore *usage, QWidget *parent = nullptr);

    /// Queries sent so far (tests check the throttle with it).
    quint64 queriesSent() const { return m_ticket; }
    void setMinRefreshInterval(std::chrono::milliseconds interval);

private:
    void updateState();
    void updateRate();
    void onRecordsCommitted(int count);
    void scheduleRefresh();
    void refreshSpend();
    void showSpend(const SpendSums &sums);

    GatewayControl *m_gateway;
    UsageStore *m_usage;
    QLabel *m_state;
    QLabel *m_rate;
    QLabel *m_spend;
    RequestRateMeter m_meter;
    QElapsedTimer m_clock;
    QTimer m_throttle;  ///< running: a query was sent less than an interval ago
    QTimer m_tick;      ///< ages the request rate, and picks up a new day
    int m_ticks = 0;
    bool m_refreshPending = false;
    quint64 m_ticket = 0;
};

} // namespace Switchyard
