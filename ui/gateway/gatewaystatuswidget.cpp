// SPDX-License-Identifier: MIT
#include "ui/gateway/gatewaystatuswidget.h"

#include "core/usage/spendquery.h"
#include "core/usage/usagestore.h"

#include <QDateTime>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace Switchyard {

namespace {

QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

QString dot(const char *colour)
{
    return QStringLiteral("<span style=\"color:%1\">\u25CF</span> ").arg(QLatin1StringView(colour));
}

} // namespace

GatewayStatusWidget::GatewayStatusWidget(GatewayControl *gateway, UsageStore *usage, QWidget *parent)
    : QWidget(parent)
    , m_gateway(gateway)
    , m_usage(usage)
    , m_state(new QLabel(this))
    , m_rate(new QLabel(this))
    , m_spend(new QLabel(this))
{
    setObjectName(QStringLiteral("gatewayStatus"));
    m_state->setObjectName(QStringLiteral("statusState"));
    m_state->setTextFormat(Qt::RichText);
    m_rate->setObjectName(QStringLiteral("statusRate"));
    m_spend->setObjectName(QStringLiteral("statusSpend"));
    m_spend->setToolTip(tr("Cost of today's requests (UTC day) at the prices in force when they were served. "
                           "Unpriced requests have no known price and are not in the total."));
    m_rate->setToolTip(tr("Requests the gateway answered in the last 60 seconds"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addStretch(1);
    layout->addWidget(m_state);
    layout->addWidget(separator(this));
    layout->addWidget(m_rate);
    layout->addWidget(separator(this));
    layout->addWidget(m_spend);

    m_clock.start();
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(1000);
    connect(&m_throttle, &QTimer::timeout, this, [this] {
        if (m_refreshPending)
            refreshSpend();
    });
    m_tick.setInterval(5000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        updateRate();
        // Cheap (rollups) and keeps "today" right across midnight without a commit.
        if (++m_ticks % 12 == 0)
            scheduleRefresh();
    });
    m_tick.start();

    connect(m_gateway, &GatewayControl::stateChanged, this, &GatewayStatusWidget::updateState);
    if (m_usage)
        connect(m_usage, &UsageStore::recordsCommitted, this, &GatewayStatusWidget::onRecordsCommitted);
    updateState();
    updateRate();
    m_spend->setText(tr("Spend today: …"));
    scheduleRefresh();
}

void GatewayStatusWidget::setMinRefreshInterval(std::chrono::milliseconds interval)
{
    m_throttle.setInterval(int(interval.count()));
}

void GatewayStatusWidget::updateState()
{
    switch (m_gateway->state()) {
    case GatewayControl::State::Serving:
        m_state->setText(dot("#1e8e3e") + tr("Serving on %1").arg(m_gateway->address().toHtmlEscaped()));
        m_state->setToolTip(tr("Base URL: %1").arg(m_gateway->baseUrl()));
        break;
    case GatewayControl::State::Stopped:
        m_state->setText(dot("#80868b") + tr("Gateway stopped"));
        m_state->setToolTip(tr("Start it on the Overview page."));
        break;
    case GatewayControl::State::Error:
        m_state->setText(dot("#d93025") + tr("Gateway error"));
        m_state->setToolTip(m_gateway->errorText());
        break;
    }
}

void GatewayStatusWidget::updateRate()
{
    m_rate->setText(tr("%1 req/min").arg(m_meter.count(m_clock.elapsed())));
}

void GatewayStatusWidget::onRecordsCommitted(int count)
{
    m_meter.add(count, m_clock.elapsed());
    updateRate();
    scheduleRefresh();
}

void GatewayStatusWidget::scheduleRefresh()
{
    // Leading and trailing edge: the first commit shows at once, a burst costs one more query.
    if (m_throttle.isActive())
        m_refreshPending = true;
    else
        refreshSpend();
}

void GatewayStatusWidget::refreshSpend()
{
    m_refreshPending = false;
    if (!m_usage || !m_usage->isOpen())
        return;
    m_throttle.start();
    const quint64 ticket = ++m_ticket;
    UsageFilter today;
    today.from = today.to = QDateTime::currentDateTimeUtc().date();
    m_usage->queryTotals(today)
        .then(this, [this, ticket](const SpendSums &sums) {
            if (ticket == m_ticket)
                showSpend(sums);
        })
        .onFailed(this, [this, ticket](const UsageStoreException &e) {
            if (ticket != m_ticket)
                return;
            m_spend->setText(tr("Spend today: unavailable"));
            m_spend->setToolTip(e.error().toString());
        });
}

void GatewayStatusWidget::showSpend(const SpendSums &sums)
{
    // Cents hide small spend: a day of cheap models can stay under a cent, a simulated call
    // under a hundredth of one. More decimals the smaller the sum, cents from a dollar up.
    const int decimals = sums.cost == 0 || sums.cost >= kNanoPerUsd ? 2 : sums.cost >= kNanoPerUsd / 100 ? 4 : 6;
    QString text = tr("Spend today: $%1").arg(QLocale().toString(double(sums.cost) / double(kNanoPerUsd), 'f', decimals));
    if (sums.unpricedRequests > 0)
        text += u' ' + tr("+ %1 unpriced").arg(sums.unpricedRequests);
    m_spend->setText(text);
}

} // namespace Switchyard
