// SPDX-License-Identifier: MIT
#pragma once

#include "core/config/config.h"

#include <QAbstractTableModel>
#include <QList>

namespace Switchyard {

/// The gateway's local keys (gateway.keys): name, created, fingerprint. Only digests are
/// in the configuration, so nothing secret can show here. GUI thread.
class GatewayKeyTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, CreatedColumn, FingerprintColumn, ColumnCount };
    enum Role { KeyNameRole = Qt::UserRole + 1 };

    using QAbstractTableModel::QAbstractTableModel;

    void setKeys(QList<GatewayKey> keys);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<GatewayKey> m_keys;
};

} // namespace Switchyard
