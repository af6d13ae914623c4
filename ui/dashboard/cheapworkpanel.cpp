// SPDX-License-Identifier: MIT
#include "ui/dashboard/cheapworkpanel.h"

#include "core/models/spendtablemodel.h"

#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Switchyard {

CheapWorkPanel::CheapWorkPanel(QWidget *parent)
    : QFrame(parent), m_intro(new QLabel(this)), m_cards(new QWidget), m_cardLayout(new QVBoxLayout(m_cards))
{
    setObjectName(QStringLiteral("cheapWorkPanel"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    auto *title = new QLabel(tr("<b>Expensive model doing cheap work</b>"), this);
    layout->addWidget(title);
    m_intro->setWordWrap(true);
    m_intro->setStyleSheet(QStringLiteral("color: #555;"));
    layout->addWidget(m_intro);

    m_cardLayout->setContentsMargins(0, 0, 0, 0);
    m_cardLayout->setSpacing(8);
    m_cardLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_cards);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(scroll, 1);
    setMinimumWidth(280);
    setBusy();
}

void CheapWorkPanel::setBusy()
{
    m_intro->setText(tr("Looking for premium models serving short calls…"));
}

void CheapWorkPanel::setFindings(const QList<CheapWorkFinding> &findings, const CheapWorkOptions &options)
{
    m_findings = findings;
    while (m_cardLayout->count() > 1) {
        QLayoutItem *item = m_cardLayout->takeAt(0);
        delete item->widget();
        delete item;
    }
    const QLocale locale;
    m_intro->setText(findings.isEmpty()
                         ? tr("No premium model (≥ %1 per million output tokens, or the priciest in use) serves calls "
                              "averaging under %2 output tokens in this range.")
                               .arg(SpendTableModel::formatUsd(options.premiumOutputPerMTok))
                               .arg(locale.toString(options.maxAvgOutputTokens, 'f', 0))
                         : tr("Tasks whose calls average under %1 output tokens, served by a premium model. "
                              "Prices: what the same calls cost on the cheapest model you already use for short work.")
                               .arg(locale.toString(options.maxAvgOutputTokens, 'f', 0)));
    for (int i = 0; i < findings.size(); ++i) {
        const CheapWorkFinding &f = findings.at(i);
        QString text = tr("<b>%1</b> on <b>%2/%3</b><br>%4 calls, %5 output tokens on average, cost <b>%6</b>")
                           .arg(SpendTableModel::keyLabel(SpendDimension::Task, f.task).toHtmlEscaped(),
                                f.provider.toHtmlEscaped(), f.model.toHtmlEscaped(), locale.toString(f.sums.requests),
                                locale.toString(f.avgOutputTokens, 'f', 0), SpendTableModel::formatUsd(f.sums.cost));
        if (f.hasAlternative()) {
            text += tr("<br>On %1/%2: <b>%3</b> — <span style='color:#1a7f37'>%4 less</span>")
                        .arg(f.cheaperProvider.toHtmlEscaped(), f.cheaperModel.toHtmlEscaped(),
                             SpendTableModel::formatUsd(f.cheaperCost), SpendTableModel::formatUsd(f.savings()));
        } else {
            text += tr("<br>No cheaper priced model is in use for short calls yet.");
        }
        text += QStringLiteral(" &nbsp;<a href='#'>%1</a>").arg(tr("Show requests"));
        auto *card = new QLabel(text, m_cards);
        card->setObjectName(QStringLiteral("cheapWorkFinding"));
        card->setWordWrap(true);
        card->setTextFormat(Qt::RichText);
        card->setFrameShape(QFrame::StyledPanel);
        card->setMargin(6);
        connect(card, &QLabel::linkActivated, this, [this, i] { Q_EMIT requestsWanted(m_findings.at(i)); });
        m_cardLayout->insertWidget(i, card);
    }
}

} // namespace Switchyard
