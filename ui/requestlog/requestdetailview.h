// SPDX-License-Identifier: MIT
#pragma once

#include "core/usage/usagerecord.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace Switchyard {

/// The panel under the request log: one request's summary and every ladder rung it tried,
/// with why it escalated, latency, time to first token, tokens, cost and error text.
/// Shows values only; lives on the GUI thread.
class RequestDetailView : public QWidget
{
    Q_OBJECT
public:
    explicit RequestDetailView(QWidget *parent = nullptr);

    void showRecord(const RequestRecord &record);
    /// `loading`: a request is selected but its page is on its way.
    void clear(bool loading = false);
    QString requestId() const { return m_requestId; }

    /// A readable sentence for an attempt's escalation reason ("429" -> "rate limited (429)").
    static QString escalationText(const QString &reason);

private:
    QLabel *m_title;
    QLabel *m_summary;
    QTreeWidget *m_attempts;
    QString m_requestId;
};

} // namespace Switchyard
