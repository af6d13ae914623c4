// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QToolButton>

#include <functional>

class QMenu;

namespace Switchyard {

/// A multi-select filter for one dimension ("Models: all"): a button whose menu lists the
/// values found in the data as checkable entries. Nothing checked means no filter. The
/// selection survives repopulation, so live updates never reset what the user picked.
/// Lives on the GUI thread.
class FilterButton : public QToolButton
{
    Q_OBJECT

public:
    using Labeler = std::function<QString(const QString &value)>;

    FilterButton(QString title, Labeler labeler, QWidget *parent = nullptr);

    /// The values to offer; selected values missing from `values` are kept and offered too.
    void setValues(const QStringList &values);
    QStringList values() const { return m_values; }
    QStringList selected() const { return m_selected; }
    void setSelected(const QStringList &selected);

Q_SIGNALS:
    void selectionChanged(const QStringList &selected);

private:
    void rebuildMenu();
    void updateText();

    QString m_title;
    Labeler m_labeler;
    QMenu *m_menu;
    QStringList m_values;
    QStringList m_selected;
};

} // namespace Switchyard
