// SPDX-License-Identifier: MIT
#include "ui/providers/providertablemodel.h"

#include <QBrush>
#include <QColor>

namespace Switchyard {

void ProviderTableModel::setRows(QList<ProviderRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void ProviderTableModel::setKeyStatus(const QString &reference, KeyStatus status, const QString &detail)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        ProviderRow &r = m_rows[row];
        if (r.provider.apiKey != reference)
            continue;
        r.keyStatus = status;
        r.keyDetail = detail;
        Q_EMIT dataChanged(index(row, StatusColumn), index(row, StatusColumn));
    }
}

QString ProviderTableModel::statusText(KeyStatus status)
{
    switch (status) {
    case KeyStatus::Checking: return tr("checking…");
    case KeyStatus::Set: return tr("key set");
    case KeyStatus::Missing: return tr("no key");
    case KeyStatus::KeychainUnavailable: return tr("keychain unavailable");
    case KeyStatus::NotNeeded: return tr("not needed");
    }
    return {};
}

int ProviderTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProviderTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProviderTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProviderRow &row = m_rows.at(index.row());
    const ProviderConfig &p = row.provider;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn: return p.id;
        case KindColumn: return p.kind;
        case BaseUrlColumn: return p.kind == u"simulated" && p.baseUrl.isEmpty() ? tr("(built in)") : p.baseUrl;
        case KeyReferenceColumn: return p.apiKey.isEmpty() ? tr("(none)") : p.apiKey;
        case StatusColumn: return statusText(row.keyStatus);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && !row.keyDetail.isEmpty())
            return row.keyDetail;
        break;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn
            && (row.keyStatus == KeyStatus::Missing || row.keyStatus == KeyStatus::KeychainUnavailable))
            return QBrush(QColor(0xb3, 0x26, 0x1e));
        break;
    case ProviderIdRole:
        return p.id;
    case KeyStatusRole:
        return int(row.keyStatus);
    }
    return {};
}

QVariant ProviderTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn: return tr("Id");
    case KindColumn: return tr("Kind");
    case BaseUrlColumn: return tr("Base URL");
    case KeyReferenceColumn: return tr("Key reference");
    case StatusColumn: return tr("Key status");
    }
    return {};
}

QHash<int, QByteArray> ProviderTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ProviderIdRole, "providerId");
    names.insert(KeyStatusRole, "keyStatus");
    return names;
}

} // namespace Switchyard
