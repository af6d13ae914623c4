// SPDX-License-Identifier: MIT
#include "core/models/spendpivotmodel.h"

#include "core/models/spendtablemodel.h"

#include <QHash>
#include <QLocale>

#include <algorithm>

namespace Switchyard {

SpendPivotModel::SpendPivotModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void SpendPivotModel::setTable(const SpendTable &table, const QList<QDate> &weeks, SpendDimension dimension,
                               int maxSeries)
{
    QHash<QDate, int> rowOf;
    for (int i = 0; i < weeks.size(); ++i)
        rowOf.insert(weeks.at(i), i);
    QHash<QString, NanoUsd> totals;
    QHash<QString, QList<NanoUsd>> perWeek;
    for (const SpendRow &row : table) {
        const auto week = rowOf.constFind(row.weekStart);
        if (week == rowOf.cend() || row.sums.cost == 0)
            continue;
        QList<NanoUsd> &costs = perWeek[row.key];
        if (costs.isEmpty())
            costs.fill(0, weeks.size());
        costs[*week] += row.sums.cost;
        totals[row.key] += row.sums.cost;
    }
    QStringList keys = totals.keys();
    std::sort(keys.begin(), keys.end(), [&](const QString &a, const QString &b) {
        return totals.value(a) != totals.value(b) ? totals.value(a) > totals.value(b) : a < b;
    });

    beginResetModel();
    m_weeks = weeks;
    m_columns.clear();
    const int shown = keys.size() > maxSeries ? qMax(1, maxSeries - 1) : int(keys.size());
    for (int i = 0; i < shown; ++i)
        m_columns.append({{keys.at(i)}, SpendTableModel::keyLabel(dimension, keys.at(i)), perWeek.value(keys.at(i))});
    if (shown < keys.size()) {
        KeyColumn other{{}, {}, QList<NanoUsd>(weeks.size(), 0)};
        for (qsizetype i = shown; i < keys.size(); ++i) {
            other.keys.append(keys.at(i));
            const QList<NanoUsd> &costs = perWeek.value(keys.at(i));
            for (int w = 0; w < weeks.size(); ++w)
                other.costs[w] += costs.at(w);
        }
        other.label = tr("Other (%n)", nullptr, int(other.keys.size()));
        m_columns.append(other);
    }
    endResetModel();
}

void SpendPivotModel::setLine(const QString &title, const QMap<QDate, NanoUsd> &values)
{
    beginResetModel();
    m_lineTitle = title;
    m_line = values;
    endResetModel();
}

QStringList SpendPivotModel::keysOf(int column) const
{
    const int key = column - FirstKeyColumn;
    return key >= 0 && key < m_columns.size() ? m_columns.at(key).keys : QStringList();
}

bool SpendPivotModel::isOtherColumn(int column) const
{
    return keysOf(column).size() > 1;
}

NanoUsd SpendPivotModel::cost(int row, int column) const
{
    if (row < 0 || row >= m_weeks.size())
        return 0;
    if (column == LineColumn)
        return m_line.value(m_weeks.at(row));
    const int key = column - FirstKeyColumn;
    return key >= 0 && key < m_columns.size() ? m_columns.at(key).costs.value(row) : 0;
}

QString SpendPivotModel::weekLabel(QDate week)
{
    const QLocale locale;
    return week.month() == 1 && week.day() <= 7 ? locale.toString(week, QStringLiteral("MMM d yyyy"))
                                                : locale.toString(week, QStringLiteral("MMM d"));
}

int SpendPivotModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_weeks.size());
}

int SpendPivotModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstKeyColumn + seriesCount();
}

QVariant SpendPivotModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bool isX = index.column() == WeekIndexColumn;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (isX)
            return double(index.row());
        return double(cost(index.row(), index.column())) / double(kNanoPerUsd);
    case CostNanoRole:
        return isX ? QVariant() : QVariant(cost(index.row(), index.column()));
    }
    return {};
}

QVariant SpendPivotModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_weeks.size())
            return {};
        if (role == Qt::DisplayRole)
            return weekLabel(m_weeks.at(section));
        if (role == WeekRole)
            return m_weeks.at(section);
        return {};
    }
    if (role == KeysRole)
        return keysOf(section);
    if (role != Qt::DisplayRole)
        return {};
    if (section == WeekIndexColumn)
        return tr("Week");
    if (section == LineColumn)
        return m_lineTitle;
    const int key = section - FirstKeyColumn;
    return key >= 0 && key < m_columns.size() ? QVariant(m_columns.at(key).label) : QVariant();
}

} // namespace Switchyard
