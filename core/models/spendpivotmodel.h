// SPDX-License-Identifier: MIT
#pragma once

#include "core/usage/spendquery.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QMap>

namespace Switchyard {

/// A weekly spend table pivoted for a stacked bar chart: one row per week (every week of
/// the range, empty ones included). Column 0 is the row index and column 1 the comparison
/// line's USD (x and y for a QVXYModelMapper on the bars' category axis; 0 without a line);
/// then one column per key (model, node...) holding its priced cost in USD, biggest
/// spenders first. Keys past `maxSeries` share one "Other" column. The two fixed columns
/// come first so the line mapper's columns never move when the keys change.
///
/// Keys whose calls cost nothing or had no price get no column: a flat bar would only read
/// as $0. DisplayRole is a number (what the chart mappers read). Lives on the GUI thread.
class SpendPivotModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        CostNanoRole = Qt::UserRole + 1, ///< cell: qint64 nano-USD
        KeysRole,                        ///< horizontal header: QStringList of a key column's keys
        WeekRole,                        ///< vertical header: QDate (Monday)
    };

    explicit SpendPivotModel(QObject *parent = nullptr);

    void setTable(const SpendTable &table, const QList<QDate> &weeks, SpendDimension dimension, int maxSeries = 8);
    /// Sets (or, with an empty map, removes) the comparison line; weeks missing from
    /// `values` are 0.
    void setLine(const QString &title, const QMap<QDate, NanoUsd> &values);

    enum FixedColumn { WeekIndexColumn, LineColumn, FirstKeyColumn };

    int seriesCount() const { return int(m_columns.size()); }
    bool hasLine() const { return !m_line.isEmpty(); }
    QString lineTitle() const { return m_lineTitle; }
    /// The keys of a key column (one, or several for "Other"); empty for other columns.
    QStringList keysOf(int column) const;
    bool isOtherColumn(int column) const;
    QDate weekAt(int row) const { return m_weeks.value(row); }
    const QList<QDate> &weeks() const { return m_weeks; }
    NanoUsd cost(int row, int column) const;
    /// Short week label for an axis ("Mar 3"; the year is added for January weeks).
    static QString weekLabel(QDate week);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct KeyColumn {
        QStringList keys;
        QString label;
        QList<NanoUsd> costs; ///< per week
    };

    QList<QDate> m_weeks;
    QList<KeyColumn> m_columns;
    QString m_lineTitle;
    QMap<QDate, NanoUsd> m_line;
};

} // namespace Switchyard
