// SPDX-License-Identifier: MIT
#include "ui/dashboard/cheapworkpanel.h"

#include "core/models/spendtablemodel.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QScrollArea>
#include <QVBoxLayout>

#include <cmath>

namespace Switchyard {

CheapWorkPanel::CheapWorkPanel(QWidget *parent)
    : QFrame(parent)
    , m_intro(new QLabel(this))
    , m_maxOutput(new QSpinBox(this))
    , m_premiumPrice(new QDoubleSpinBox(this))
    , m_cards(new QWidget)
    , m_cardLayout(new QVBoxLayout(m_cards))
{
    setObjectName(QStringLiteral("cheapWorkPanel"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    auto *title = new QLabel(tr("<b>Expensive model doing cheap work</b>"), this);
    layout->addWidget(title);
    m_intro->setObjectName(QStringLiteral("cheapWorkIntro"));
    m_intro->setWordWrap(true);
    m_intro->setStyleSheet(QStringLiteral("color: #555;"));
    layout->addWidget(m_intro);

    // The two thresholds, editable: what counts as a short call and as a premium model.
    auto *thresholds = new QFormLayout;
    thresholds->setContentsMargins(0, 0, 0, 0);
    thresholds->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_maxOutput->setObjectName(QStringLiteral("cheapWorkMaxOutput"));
    m_maxOutput->setRange(1, 100'000);
    m_maxOutput->setSingleStep(50);
    m_maxOutput->setSuffix(tr(" tokens"));
    m_maxOutput->setToolTip(tr("Calls of a task that average fewer output tokens than this count as short work "
                               "(classification, extraction)."));
    m_premiumPrice->setObjectName(QStringLiteral("cheapWorkPremiumPrice"));
    m_premiumPrice->setRange(0.01, 1'000.0);
    m_premiumPrice->setDecimals(2);
    m_premiumPrice->setPrefix(QStringLiteral("$"));
    m_premiumPrice->setSuffix(tr(" / M output"));
    m_premiumPrice->setToolTip(tr("A model is premium from this price per million output tokens on; the priciest "
                                  "model in use always counts as premium."));
    thresholds->addRow(tr("Short calls under:"), m_maxOutput);
    thresholds->addRow(tr("Premium from:"), m_premiumPrice);
    layout->addLayout(thresholds);
    setOptions(m_options);
    const auto edited = [this] {
        m_options.maxAvgOutputTokens = m_maxOutput->value();
        m_options.premiumOutputPerMTok = NanoUsd(std::llround(m_premiumPrice->value() * double(kNanoPerUsd)));
        Q_EMIT optionsEdited(m_options);
    };
    connect(m_maxOutput, &QSpinBox::editingFinished, this, edited);
    connect(m_premiumPrice, &QDoubleSpinBox::editingFinished, this, edited);

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

void CheapWorkPanel::setOptions(const CheapWorkOptions &options)
{
    m_options = options;
    const QSignalBlocker blockOutput(m_maxOutput);
    const QSignalBlocker blockPrice(m_premiumPrice);
    m_maxOutput->setValue(int(std::lround(options.maxAvgOutputTokens)));
    m_premiumPrice->setValue(double(options.premiumOutputPerMTok) / double(kNanoPerUsd));
}

void CheapWorkPanel::setBusy()
{
    m_intro->setText(tr("Looking for premium models serving short calls…"));
}

void CheapWorkPanel::setFindings(const QList<CheapWorkFinding> &findings, const CheapWorkOptions &options)
{
    m_findings = findings;
    setOptions(options);
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
