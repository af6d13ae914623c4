// SPDX-License-Identifier: MIT
#pragma once

#include "core/config/config.h"

#include <QAbstractTableModel>
#include <QList>

namespace Switchyard {

/// Whether a provider's API key can be had, as far as the UI can tell without showing it.
enum class KeyStatus {
    Checking,             ///< the reference is being resolved
    Set,                  ///< resolved to a non-empty secret
    Missing,              ///< no reference, or it resolved to nothing
    KeychainUnavailable,  ///< keychain:NAME but no keychain service (and no fallback variable)
    NotNeeded,            ///< simulated providers without a key
};

/// One row of the providers table: the configured provider and its key status.
struct ProviderRow {
    ProviderConfig provider;
    KeyStatus keyStatus = KeyStatus::Checking;
    QString keyDetail; ///< why (error or fallback notice); never the secret
};

/// The configured providers for the Providers & keys page: id, kind, base URL, key
/// reference and key status. Rows are values set by the page (setRows), statuses arrive
/// later (setKeyStatus). GUI thread.
class ProviderTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, KindColumn, BaseUrlColumn, KeyReferenceColumn, StatusColumn, ColumnCount };
    enum Role { ProviderIdRole = Qt::UserRole + 1, KeyStatusRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QList<ProviderRow> rows);
    const QList<ProviderRow> &rows() const { return m_rows; }
    /// Updates the status of every row whose key reference is `reference`.
    void setKeyStatus(const QString &reference, KeyStatus status, const QString &detail);

    static QString statusText(KeyStatus status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<ProviderRow> m_rows;
};

} // namespace Switchyard
