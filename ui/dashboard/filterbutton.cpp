// SPDX-License-Identifier: MIT
#include "ui/dashboard/filterbutton.h"

#include <QMenu>

namespace Switchyard {

FilterButton::FilterButton(QString title, Labeler labeler, QWidget *parent)
    : QToolButton(parent), m_title(std::move(title)), m_labeler(std::move(labeler)), m_menu(new QMenu(this))
{
    setPopupMode(QToolButton::InstantPopup);
    setMenu(m_menu);
    rebuildMenu();
    updateText();
}

void FilterButton::setValues(const QStringList &values)
{
    QStringList all = values;
    for (const QString &s : std::as_const(m_selected)) {
        if (!all.contains(s))
            all.append(s);
    }
    all.sort();
    if (all == m_values)
        return;
    m_values = all;
    rebuildMenu();
}

void FilterButton::setSelected(const QStringList &selected)
{
    QStringList sorted = selected;
    sorted.sort();
    if (sorted == m_selected)
        return;
    m_selected = sorted;
    bool newValues = false;
    for (const QString &s : std::as_const(m_selected)) {
        if (!m_values.contains(s)) {
            m_values.append(s);
            newValues = true;
        }
    }
    if (newValues) {
        m_values.sort();
        rebuildMenu();
    } else {
        // Called from a menu action: update check marks in place, never delete the sender.
        const auto actions = m_menu->actions();
        for (QAction *action : actions) {
            if (!action->isCheckable())
                continue;
            const QSignalBlocker block(action);
            action->setChecked(action->data().isValid() ? m_selected.contains(action->data().toString())
                                                        : m_selected.isEmpty());
        }
    }
    updateText();
    Q_EMIT selectionChanged(m_selected);
}

void FilterButton::rebuildMenu()
{
    m_menu->clear();
    QAction *all = m_menu->addAction(tr("All"));
    all->setCheckable(true);
    all->setChecked(m_selected.isEmpty());
    connect(all, &QAction::triggered, this, [this] { setSelected({}); });
    m_menu->addSeparator();
    if (m_values.isEmpty())
        m_menu->addAction(tr("(nothing recorded in this range)"))->setEnabled(false);
    for (const QString &value : std::as_const(m_values)) {
        QAction *action = m_menu->addAction(m_labeler(value));
        action->setCheckable(true);
        action->setChecked(m_selected.contains(value));
        action->setData(value);
        connect(action, &QAction::toggled, this, [this, value](bool on) {
            QStringList next = m_selected;
            if (on && !next.contains(value))
                next.append(value);
            else if (!on)
                next.removeAll(value);
            setSelected(next);
        });
    }
}

void FilterButton::updateText()
{
    if (m_selected.isEmpty())
        setText(tr("%1: all").arg(m_title));
    else if (m_selected.size() == 1)
        setText(tr("%1: %2").arg(m_title, m_labeler(m_selected.constFirst())));
    else
        setText(tr("%1: %n selected", nullptr, int(m_selected.size())).arg(m_title));
    setToolTip(m_selected.isEmpty() ? tr("No filter: everything is shown")
                                    : m_selected.join(QStringLiteral(", ")));
}

} // namespace Switchyard
