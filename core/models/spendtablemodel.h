// SPDX-License-Identifier: MIT
#pragma once

#include "core/usage/spendquery.h"

#include <QAbstractTableModel>

class QIODevice;

namespace Switchyard {

/// The rows of a weekly spend table (one row per week and key), for a sortable table view.
/// Display values are formatted (dates, counts, USD; "unpriced" instead of $0 for calls
/// without a price); RawValueRole gives the numbers to sort by. Lives on the GUI thread.
class SpendTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { WeekColumn, KeyColumn, RequestsColumn, ErrorsColumn, InputTokensColumn, OutputTokensColumn,
                  CostColumn, UnpricedColumn, AvgLatencyColumn, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1, ///< number (or date, key) to sort by
        WeekRole,                        ///< QDate, Monday of the row's week
        KeyRole,                         ///< QString, the grouped dimension's value
        CostNanoRole,                    ///< qint64 nano-USD of the priced requests
    };

    explicit SpendTableModel(QObject *parent = nullptr);

    void setRows(const SpendTable &rows);
    const SpendTable &rows() const { return m_rows; }
    /// The dimension the keys belong to; names the key column.
    void setDimension(SpendDimension dimension);
    SpendDimension dimension() const { return m_dimension; }

    /// How an empty key reads for a dimension ("no task", "cloud provider"...).
    static QString keyLabel(SpendDimension dimension, const QString &key);
    /// "$1,234.56" (more digits under a dollar, so small spend never reads as $0.00).
    static QString formatUsd(NanoUsd amount);
    /// Writes `rows` as RFC 4180 CSV with exact decimal USD (machine-readable, not
    /// localised); false when the device refused the bytes. Any thread.
    static bool writeCsv(const SpendTable &rows, SpendDimension dimension, QIODevice *device);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QVariant rawValue(const SpendRow &row, int column) const;

    SpendTable m_rows;
    SpendDimension m_dimension = SpendDimension::Model;
};

} // namespace Switchyard
