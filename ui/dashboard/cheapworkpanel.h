// SPDX-License-Identifier: MIT
#pragma once

#include "core/usage/spendanalysis.h"

#include <QFrame>

class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QVBoxLayout;

namespace Switchyard {

/// Shows the "expensive model doing cheap work" findings computed by SpendAnalysis: one
/// card per task and premium model, with what the same calls would have cost on the
/// cheapest model already used for short work, and the two thresholds of the analysis as
/// editable fields. Display only: the dashboard recomputes. Lives on the GUI thread.
class CheapWorkPanel : public QFrame
{
    Q_OBJECT

public:
    explicit CheapWorkPanel(QWidget *parent = nullptr);

    void setFindings(const QList<CheapWorkFinding> &findings, const CheapWorkOptions &options);
    void setBusy();
    /// Shows the thresholds in the fields without emitting optionsEdited().
    void setOptions(const CheapWorkOptions &options);
    const QList<CheapWorkFinding> &findings() const { return m_findings; }

Q_SIGNALS:
    /// "Show requests" of a finding was clicked.
    void requestsWanted(const Switchyard::CheapWorkFinding &finding);
    /// The user changed a threshold (short calls: average output tokens; premium: output price).
    void optionsEdited(const Switchyard::CheapWorkOptions &options);

private:
    QLabel *m_intro;
    QSpinBox *m_maxOutput;
    QDoubleSpinBox *m_premiumPrice;
    CheapWorkOptions m_options;
    QWidget *m_cards;
    QVBoxLayout *m_cardLayout;
    QList<CheapWorkFinding> m_findings;
};

} // namespace Switchyard
