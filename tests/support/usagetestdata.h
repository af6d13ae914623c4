// SPDX-License-Identifier: MIT
#pragma once
// Shared by the usage benchmarks and the request-log tests that synthesise usage rows.

#include "core/usage/usagerecord.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace Switchyard::TestData {

/// The attempt row of the rung that ended `request`: it answered, or failed last.
inline AttemptRecord finalAttempt(const RequestRecord &request, bool failed)
{
    AttemptRecord last;
    last.rung = int(request.attemptRecords.size());
    last.provider = request.provider;
    last.node = request.node;
    last.model = request.model;
    last.httpStatus = request.httpStatus;
    last.outcome = failed ? QStringLiteral("failed") : QStringLiteral("ok");
    last.latencyMs = request.latencyMs;
    last.ttftMs = request.ttftMs;
    last.tokens = request.tokens;
    last.cost = request.cost;
    last.error = request.error;
    return last;
}

/// A successful call to the built-in simulated provider, served now, priced at `outputCost`.
inline RequestRecord simulatedCall(const QString &requestId, NanoUsd outputCost)
{
    RequestRecord r;
    r.requestId = requestId;
    r.time = QDateTime::currentDateTimeUtc();
    r.status = QStringLiteral("ok");
    r.provider = QStringLiteral("simulated");
    r.model = QStringLiteral("sim-small");
    r.cost.priced = true;
    r.cost.output = outputCost;
    return r;
}

/// Requests in an existing usage database (its highest row id), -1 when there is none.
inline qint64 countRequests(const QString &path, const QString &connectionName)
{
    if (!QFileInfo::exists(path))
        return -1;
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery q(db);
        if (db.open() && q.exec(QStringLiteral("SELECT MAX(id) FROM requests")) && q.next())
            n = q.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return n;
}

} // namespace Switchyard::TestData
