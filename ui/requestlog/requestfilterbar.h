// SPDX-License-Identifier: MIT
#pragma once

#include "core/usage/spendquery.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTimer;

namespace Switchyard {

/// The filters above the request log: time range, model, task, served by (provider or
/// node), status and a free-text search. Turns its controls into a UsageFilter and back;
/// typing in the search field is debounced. Lives on the GUI thread.
class RequestFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit RequestFilterBar(QWidget *parent = nullptr);

    UsageFilter filter() const;
    /// Shows `filter` in the controls (adding entries the lists lack) without emitting.
    void setFilter(const UsageFilter &filter);
    /// The values offered in the model, task and served-by lists.
    void setChoices(const QStringList &models, const QStringList &tasks, const QStringList &providers,
                    const QStringList &nodes);
    /// Text at the right of the bar, e.g. the number of matching requests.
    void setSummary(const QString &text);

Q_SIGNALS:
    void filterChanged(const Switchyard::UsageFilter &filter);

private:
    enum Range { AnyTime, Today, Last7Days, Last30Days, CustomRange };

    void emitChanged();
    void onRangeChanged();
    static void fillCombo(QComboBox *combo, const QString &allText, const QStringList &values,
                          const QString &kind = {});
    static void selectValues(QComboBox *combo, const QStringList &values, const QString &kind = {});
    static QStringList selectedValues(const QComboBox *combo, const QString &kind = {});

    QLineEdit *m_search;
    QComboBox *m_range;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_status;
    QComboBox *m_model;
    QComboBox *m_task;
    QComboBox *m_servedBy;
    QLabel *m_summary;
    QTimer *m_searchDebounce;
    bool m_applying = false;
};

} // namespace Switchyard
