// SPDX-License-Identifier: MIT
#pragma once

#include "core/usage/spendanalysis.h"

#include <QFrame>

class QLabel;
class QVBoxLayout;

namespace Switchyard {

/// Shows the "expensive model doing cheap work" findings computed by SpendAnalysis: one
/// card per task and premium model, with what the same calls would have cost on the
/// cheapest model already used for short work. Display only. Lives on the GUI thread.
class CheapWorkPanel : public QFrame
{
    Q_OBJECT

public:
    explicit CheapWorkPanel(QWidget *parent = nullptr);

    void setFindings(const QList<CheapWorkFinding> &findings, const CheapWorkOptions &options);
    void setBusy();
    const QList<CheapWorkFinding> &findings() const { return m_findings; }

Q_SIGNALS:
    /// "Show requests" of a finding was clicked.
    void requestsWanted(const Switchyard::CheapWorkFinding &finding);

private:
    QLabel *m_intro;
    QWidget *m_cards;
    QVBoxLayout *m_cardLayout;
    QList<CheapWorkFinding> m_findings;
};

} // namespace Switchyard
