// SPDX-License-Identifier: MIT
#include "ui/requestlog/requestdetailview.h"

#include "core/models/requestlogmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {
enum AttemptColumn {
    RungColumn,
    ServedByColumn,
    HttpColumn,
    OutcomeColumn,
    WhyColumn,
    LatencyColumn,
    TtftColumn,
    TokensColumn,
    CostColumn,
    ErrorColumn,
    AttemptColumnCount
};

QString outcomeText(const QString &outcome)
{
    if (outcome == u"ok"_s)
        return RequestDetailView::tr("answered");
    if (outcome == u"escalated"_s)
        return RequestDetailView::tr("escalated");
    if (outcome == u"failed"_s)
        return RequestDetailView::tr("failed");
    if (outcome == u"cancelled"_s)
        return RequestDetailView::tr("cancelled");
    if (outcome == u"skipped"_s)
        return RequestDetailView::tr("skipped");
    return outcome;
}
} // namespace

RequestDetailView::RequestDetailView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_attempts(new QTreeWidget(this))
{
    m_title->setObjectName(u"detailTitle"_s);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_summary->setObjectName(u"detailSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_attempts->setObjectName(u"attempts"_s);
    m_attempts->setRootIsDecorated(false);
    m_attempts->setUniformRowHeights(true);
    m_attempts->setAlternatingRowColors(true);
    m_attempts->setHeaderLabels({tr("Rung"), tr("Served by"), tr("HTTP"), tr("Outcome"), tr("Why it escalated"),
                                 tr("Latency"), tr("TTFT"), tr("Tokens in / out"), tr("Cost"), tr("Error")});
    const int widths[] = {50, 220, 50, 90, 190, 80, 70, 110, 90};
    for (int i = 0; i < int(std::size(widths)); ++i)
        m_attempts->header()->resizeSection(i, widths[i]);
    m_attempts->header()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_attempts, 1);
    clear();
}

void RequestDetailView::clear(bool loading)
{
    m_requestId.clear();
    m_title->setText(loading ? tr("Loading the request…") : tr("No request selected"));
    m_summary->setText(loading ? QString() : tr("Select a request above to see each ladder rung it tried."));
    m_attempts->clear();
}

void RequestDetailView::showRecord(const RequestRecord &r)
{
    m_requestId = r.requestId;
    const QLocale locale;
    m_title->setText(tr("Request %1").arg(r.requestId.isEmpty() ? tr("(no id)") : r.requestId));

    QStringList parts;
    parts << r.time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    parts << tr("asked for %1").arg(r.requestedModel.isEmpty() ? tr("(no model)") : r.requestedModel);
    if (!r.route.isEmpty())
        parts << tr("route %1").arg(r.route);
    if (!r.task.isEmpty())
        parts << tr("task %1").arg(r.task);
    if (!r.keyName.isEmpty())
        parts << tr("key %1").arg(r.keyName);
    parts << RequestLogModel::statusText(r.status, r.httpStatus);
    parts << (r.attempts == 1 ? tr("1 attempt") : tr("%1 attempts").arg(r.attempts));
    parts << tr("%1 in / %2 out tokens").arg(locale.toString(r.tokens.inputTokens), locale.toString(r.tokens.outputTokens));
    parts << RequestLogModel::costText(r.cost);
    parts << tr("latency %1").arg(RequestLogModel::durationText(r.latencyMs));
    if (r.ttftMs >= 0)
        parts << tr("first token %1").arg(RequestLogModel::durationText(r.ttftMs));
    if (r.stream)
        parts << tr("streamed");
    if (r.cacheHit)
        parts << tr("cache hit");
    QString summary = parts.join(u"  ·  "_s);
    if (!r.error.isEmpty())
        summary += u'\n' + tr("Error: %1").arg(r.error);
    m_summary->setText(summary);

    m_attempts->clear();
    QList<QTreeWidgetItem *> items;
    for (const AttemptRecord &a : r.attemptRecords) {
        auto *item = new QTreeWidgetItem;
        item->setText(RungColumn, QString::number(a.rung + 1));
        item->setText(ServedByColumn, RequestLogModel::servedByText(a.provider, a.node, a.model));
        item->setText(HttpColumn, a.httpStatus > 0 ? QString::number(a.httpStatus) : u"—"_s);
        item->setText(OutcomeColumn, outcomeText(a.outcome));
        item->setText(WhyColumn, escalationText(a.escalationReason));
        item->setText(LatencyColumn, RequestLogModel::durationText(a.latencyMs));
        item->setText(TtftColumn, RequestLogModel::durationText(a.ttftMs));
        item->setText(TokensColumn,
                      tr("%1 / %2").arg(locale.toString(a.tokens.inputTokens), locale.toString(a.tokens.outputTokens)));
        item->setText(CostColumn, RequestLogModel::costText(a.cost));
        item->setText(ErrorColumn, a.error);
        item->setToolTip(ErrorColumn, a.error);
        for (int c : {RungColumn, HttpColumn, LatencyColumn, TtftColumn, TokensColumn, CostColumn})
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        items.append(item);
    }
    if (items.isEmpty()) {
        auto *item = new QTreeWidgetItem;
        item->setText(RungColumn, tr("No attempt was recorded for this request."));
        m_attempts->addTopLevelItem(item);
        item->setFirstColumnSpanned(true);
        return;
    }
    m_attempts->addTopLevelItems(items);
}

QString RequestDetailView::escalationText(const QString &reason)
{
    if (reason.isEmpty())
        return {};
    if (reason == u"429"_s)
        return tr("rate limited (429)");
    if (reason == u"5xx"_s)
        return tr("server error (5xx)");
    if (reason == u"timeout"_s)
        return tr("timed out (timeout)");
    if (reason == u"connect"_s)
        return tr("could not connect (connect)");
    if (reason == u"first-token"_s)
        return tr("no first token in time (first-token)");
    if (reason == u"length"_s)
        return tr("answer cut at max tokens (length)");
    if (reason == u"invalid-json"_s)
        return tr("answer was not valid JSON (invalid-json)");
    if (reason == u"empty"_s)
        return tr("empty answer (empty)");
    if (reason == u"circuit-open"_s)
        return tr("provider paused by the circuit breaker (circuit-open)");
    return reason;
}

} // namespace Switchyard
