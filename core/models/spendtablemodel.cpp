// SPDX-License-Identifier: MIT
#include "core/models/spendtablemodel.h"

#include "core/usage/csvwriter.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace Switchyard {

SpendTableModel::SpendTableModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void SpendTableModel::setRows(const SpendTable &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void SpendTableModel::setDimension(SpendDimension dimension)
{
    if (m_dimension == dimension)
        return;
    m_dimension = dimension;
    Q_EMIT headerDataChanged(Qt::Horizontal, KeyColumn, KeyColumn);
}

QString SpendTableModel::keyLabel(SpendDimension dimension, const QString &key)
{
    if (!key.isEmpty())
        return key;
    switch (dimension) {
    case SpendDimension::Model: return tr("(no model)");
    case SpendDimension::Node: return tr("(cloud providers)");
    case SpendDimension::Task: return tr("(no task)");
    case SpendDimension::Provider: return tr("(local nodes)");
    case SpendDimension::Route: return tr("(no route)");
    }
    return key;
}

QString SpendTableModel::formatUsd(NanoUsd amount)
{
    const double usd = double(amount) / double(kNanoPerUsd);
    // Cents hide small spend (a thousand classify calls on a mini model cost cents).
    const int decimals = amount != 0 && qAbs(usd) < 1.0 ? 4 : 2;
    // "$" leads as in US usage whatever the locale (the C locale would write "1.50$");
    // digits and separators follow the locale.
    const QString digits = QLocale().toString(qAbs(usd), 'f', decimals);
    return amount < 0 ? u"-$"_s + digits : u"$"_s + digits;
}

bool SpendTableModel::writeCsv(const SpendTable &rows, SpendDimension dimension, QIODevice *device)
{
    CsvWriter csv(device);
    bool ok = csv.writeRow({u"week_start"_s, spendDimensionName(dimension), u"requests"_s, u"errors"_s,
                            u"input_tokens"_s, u"cached_tokens"_s, u"output_tokens"_s, u"cost_usd"_s,
                            u"unpriced_requests"_s, u"latency_ms_sum"_s});
    for (const SpendRow &row : rows) {
        const SpendSums &s = row.sums;
        ok = ok && csv.writeRow({row.weekStart.toString(Qt::ISODate), row.key, QString::number(s.requests),
                                 QString::number(s.errors), QString::number(s.inputTokens),
                                 QString::number(s.cachedTokens), QString::number(s.outputTokens),
                                 formatNanoUsd(s.cost), QString::number(s.unpricedRequests),
                                 QString::number(s.latencyMsSum)});
    }
    return ok;
}

int SpendTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SpendTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SpendTableModel::rawValue(const SpendRow &row, int column) const
{
    const SpendSums &s = row.sums;
    switch (column) {
    case WeekColumn: return row.weekStart;
    case KeyColumn: return row.key;
    case RequestsColumn: return s.requests;
    case ErrorsColumn: return s.errors;
    case InputTokensColumn: return s.inputTokens;
    case OutputTokensColumn: return s.outputTokens;
    case CostColumn: return s.cost;
    case UnpricedColumn: return s.unpricedRequests;
    case AvgLatencyColumn: return s.requests > 0 ? double(s.latencyMsSum) / double(s.requests) : 0.0;
    }
    return {};
}

QVariant SpendTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SpendRow &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: {
        const QLocale locale;
        switch (column) {
        case WeekColumn: return locale.toString(row.weekStart, QLocale::ShortFormat);
        case KeyColumn: return keyLabel(m_dimension, row.key);
        case CostColumn:
            if (row.sums.requests > 0 && row.sums.unpricedRequests == row.sums.requests)
                return tr("unpriced");
            if (row.sums.unpricedRequests > 0)
                return tr("%1 + %n unpriced", nullptr, int(row.sums.unpricedRequests)).arg(formatUsd(row.sums.cost));
            return formatUsd(row.sums.cost);
        case AvgLatencyColumn: return tr("%1 ms").arg(locale.toString(rawValue(row, column).toDouble(), 'f', 0));
        default: return locale.toString(rawValue(row, column).toLongLong());
        }
    }
    case Qt::TextAlignmentRole:
        return column <= KeyColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (column == CostColumn && row.sums.unpricedRequests > 0)
            return row.sums.unpricedRequests == 1
                ? tr("1 request had no known price; its cost is not included.")
                : tr("%1 requests had no known price; their cost is not included.").arg(row.sums.unpricedRequests);
        return {};
    case RawValueRole: return rawValue(row, column);
    case WeekRole: return row.weekStart;
    case KeyRole: return row.key;
    case CostNanoRole: return row.sums.cost;
    }
    return {};
}

QVariant SpendTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WeekColumn: return tr("Week of");
    case KeyColumn:
        switch (m_dimension) {
        case SpendDimension::Model: return tr("Model");
        case SpendDimension::Node: return tr("Node");
        case SpendDimension::Task: return tr("Task");
        case SpendDimension::Provider: return tr("Provider");
        case SpendDimension::Route: return tr("Route");
        }
        return {};
    case RequestsColumn: return tr("Requests");
    case ErrorsColumn: return tr("Errors");
    case InputTokensColumn: return tr("Input tokens");
    case OutputTokensColumn: return tr("Output tokens");
    case CostColumn: return tr("Cost (USD)");
    case UnpricedColumn: return tr("Unpriced");
    case AvgLatencyColumn: return tr("Avg latency");
    }
    return {};
}

QHash<int, QByteArray> SpendTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(RawValueRole, "rawValue");
    names.insert(WeekRole, "week");
    names.insert(KeyRole, "key");
    names.insert(CostNanoRole, "costNano");
    return names;
}

} // namespace Switchyard
