// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/error.h"
#include "core/usage/spendquery.h"
#include "core/usage/usagerecord.h"

#include <QObject>
#include <QSqlDatabase>

class QSqlQuery;

namespace Switchyard {

/// The read side of UsageStore: chart queries, the request log and CSV export on a
/// read-only connection. Lives on the reader thread; opens its connection there on first
/// use and closes it when deleted there (QThread::finished). WAL lets it read while the
/// writer commits; each query is a single statement, so it sees one consistent snapshot.
class UsageReader : public QObject
{
    Q_OBJECT

public:
    UsageReader(QString path, int busyTimeoutMs);
    ~UsageReader() override;

    SpendTable querySpend(const SpendQuery &query, Error *error);
    QList<RequestRecord> queryRequests(const RequestQuery &query, Error *error);
    qint64 exportCsv(const UsageFilter &filter, const QString &fileName, Error *error);

private:
    bool database(QSqlDatabase *db, Error *error);
    /// querySpend() for filters the rollups cannot answer (UsageFilter::needsRequestRows()).
    SpendTable querySpendFromRequests(QSqlDatabase &db, const SpendQuery &query, Error *error);
    static SpendTable readSpendTable(QSqlQuery &query);

    QString m_path;
    int m_busyTimeoutMs;
    QString m_connection;
};

} // namespace Switchyard
