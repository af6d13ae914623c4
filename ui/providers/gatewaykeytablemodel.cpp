// SPDX-License-Identifier: MIT
#include "ui/providers/gatewaykeytablemodel.h"

#include "ui/gateway/gatewaykeyedits.h"

#include <QDateTime>
#include <QLocale>

namespace Switchyard {

void GatewayKeyTableModel::setKeys(QList<GatewayKey> keys)
{
    beginResetModel();
    m_keys = std::move(keys);
    endResetModel();
}

int GatewayKeyTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int GatewayKeyTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GatewayKeyTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GatewayKey &key = m_keys.at(index.row());
    if (role == KeyNameRole)
        return key.name;
    if (role == Qt::ToolTipRole && index.column() == CreatedColumn)
        return key.created;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn: return key.name;
    case CreatedColumn: {
        const QDateTime created = QDateTime::fromString(key.created, Qt::ISODate);
        if (!created.isValid())
            return key.created.isEmpty() ? tr("unknown") : key.created;
        return QLocale().toString(created.toLocalTime(), QLocale::ShortFormat);
    }
    case FingerprintColumn: return GatewayKeyEdits::fingerprint(key);
    }
    return {};
}

QVariant GatewayKeyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case CreatedColumn: return tr("Created");
    case FingerprintColumn: return tr("Fingerprint");
    }
    return {};
}

QHash<int, QByteArray> GatewayKeyTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(KeyNameRole, "keyName");
    return names;
}

} // namespace Switchyard
