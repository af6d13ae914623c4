// SPDX-License-Identifier: MIT
#include "core/usage/usagereader.h"

#include "core/usage/csvwriter.h"
#include "core/usage/usagerollups.h"
#include "core/usage/usagerows.h"

#include <QHash>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {

constexpr qint64 kMinDay = 0;
constexpr qint64 kMaxDay = 100'000'000;

QString dimensionColumn(SpendDimension d)
{
    return spendDimensionName(d); // the rollup columns carry the dimension names
}

void bindAll(QSqlQuery &q, const QVariantList &params)
{
    for (int i = 0; i < params.size(); ++i)
        q.bindValue(i, params.at(i));
}

QString boolText(bool b)
{
    return b ? u"true"_s : u"false"_s;
}

} // namespace

UsageReader::UsageReader(QString path, int busyTimeoutMs) : m_path(std::move(path)), m_busyTimeoutMs(busyTimeoutMs)
{
}

UsageReader::~UsageReader()
{
    if (!m_connection.isEmpty()) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool UsageReader::database(QSqlDatabase *db, Error *error)
{
    if (m_connection.isEmpty()) {
        m_connection = u"switchyard-usage-reader-%1"_s.arg(quintptr(this), 0, 16);
        QSqlDatabase d = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
        d.setDatabaseName(m_path);
        d.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1"_s.arg(m_busyTimeoutMs));
    }
    *db = QSqlDatabase::database(m_connection, false);
    if (db->isOpen() || db->open())
        return true;
    *error = {m_path, tr("cannot open the usage database for reading: %1").arg(db->lastError().text())};
    return false;
}

SpendTable UsageReader::querySpend(const SpendQuery &query, Error *error)
{
    QSqlDatabase db;
    if (!database(&db, error))
        return {};
    const UsageFilter &f = query.filter;
    const qint64 d0 = f.from.isValid() ? f.from.toJulianDay() : kMinDay;
    const qint64 d1 = f.to.isValid() ? f.to.toJulianDay() : kMaxDay;
    if (d1 < d0)
        return {};
    if (f.needsRequestRows())
        return querySpendFromRequests(db, query, error);
    // Whole weeks come from rollup_weekly; the days of cut weeks at either end from rollup_daily.
    qint64 w0 = d0 % 7 == 0 ? d0 : UsageRollups::weekOf(d0) + 7;
    qint64 w1 = UsageRollups::weekOf(d1 + 1) - 7;
    qint64 a0 = d0, a1 = w0 - 1, b0 = w1 + 7, b1 = d1;
    if (w0 > w1) { // no whole week inside
        a1 = d1;
        b0 = 1, b1 = 0;
        w0 = 1, w1 = 0;
    }

    QVariantList lists;
    const QString listWhere = UsageRows::filterSql(f, {}, &lists, false);
    const QString key = dimensionColumn(query.groupBy);
    const QString sums = u"requests, errors, input_tokens, cache_read_tokens, cache_write_tokens, output_tokens, "
                         "reasoning_tokens, cost_nano, unpriced_requests, latency_ms"_s;
    const QString sql = u"SELECT w, k, SUM(requests), SUM(errors), SUM(input_tokens), SUM(cache_read_tokens), "
                        "SUM(cache_write_tokens), SUM(output_tokens), SUM(reasoning_tokens), SUM(cost_nano), "
                        "SUM(unpriced_requests), SUM(latency_ms) FROM ("
                        "SELECT week AS w, %1 AS k, %2 FROM rollup_weekly WHERE week BETWEEN ? AND ? AND %3 "
                        "UNION ALL "
                        "SELECT day - (day % 7) AS w, %1 AS k, %2 FROM rollup_daily "
                        "WHERE (day BETWEEN ? AND ? OR day BETWEEN ? AND ?) AND %3"
                        ") GROUP BY w, k ORDER BY w, k"_s.arg(key, sums, listWhere);
    QVariantList params{w0, w1};
    params += lists;
    params += QVariantList{a0, a1, b0, b1};
    params += lists;

    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    bindAll(q, params);
    if (!q.exec()) {
        *error = {m_path, q.lastError().text()};
        return {};
    }
    return readSpendTable(q);
}

SpendTable UsageReader::querySpendFromRequests(QSqlDatabase &db, const SpendQuery &query, Error *error)
{
    // Same sums as the rollups, computed from the rows; the day is the UTC Julian day.
    QVariantList params;
    const QString where = UsageRows::filterSql(query.filter, {}, &params);
    const QString sql = u"SELECT d - (d % 7) AS w, %1 AS k, COUNT(*), SUM(status <> 'ok'), SUM(input_tokens), "
                        "SUM(cache_read_tokens), SUM(cache_write_tokens), SUM(output_tokens), SUM(reasoning_tokens), "
                        "SUM(COALESCE(cost_nano, 0)), SUM(priced = 0), SUM(latency_ms) FROM ("
                        "SELECT time_ms / 86400000 + 2440588 AS d, * FROM requests WHERE %2"
                        ") GROUP BY w, k ORDER BY w, k"_s.arg(dimensionColumn(query.groupBy), where);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(sql);
    bindAll(q, params);
    if (!q.exec()) {
        *error = {m_path, q.lastError().text()};
        return {};
    }
    return readSpendTable(q);
}

SpendTable UsageReader::readSpendTable(QSqlQuery &q)
{
    SpendTable table;
    while (q.next()) {
        SpendRow row;
        row.weekStart = QDate::fromJulianDay(q.value(0).toLongLong());
        row.key = q.value(1).toString();
        SpendSums &s = row.sums;
        s.requests = q.value(2).toLongLong();
        s.errors = q.value(3).toLongLong();
        s.inputTokens = q.value(4).toLongLong();
        s.cachedTokens = q.value(5).toLongLong();
        s.cacheWriteTokens = q.value(6).toLongLong();
        s.outputTokens = q.value(7).toLongLong();
        s.reasoningTokens = q.value(8).toLongLong();
        s.cost = q.value(9).toLongLong();
        s.unpricedRequests = q.value(10).toLongLong();
        s.latencyMsSum = q.value(11).toLongLong();
        table.append(std::move(row));
    }
    return table;
}

QList<RequestRecord> UsageReader::queryRequests(const RequestQuery &query, Error *error)
{
    QSqlDatabase db;
    if (!database(&db, error))
        return {};
    QVariantList params;
    const QString where = UsageRows::filterSql(query.filter, {}, &params);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + UsageRows::requestColumns() + u" FROM requests WHERE "_s + where
              + u" ORDER BY time_ms DESC, id DESC LIMIT ? OFFSET ?"_s);
    params << query.limit << query.offset;
    bindAll(q, params);
    if (!q.exec()) {
        *error = {m_path, q.lastError().text()};
        return {};
    }
    QList<RequestRecord> records;
    QHash<qint64, qsizetype> indexOfRow;
    QStringList ids;
    while (q.next()) {
        qint64 row = 0;
        records.append(UsageRows::readRequest(q, 0, &row));
        indexOfRow.insert(row, records.size() - 1);
        ids.append(QString::number(row));
    }
    q.finish();
    if (!query.withAttempts || ids.isEmpty())
        return records;

    // Row ids are integers from the database, safe to inline.
    if (!q.exec(u"SELECT "_s + UsageRows::attemptColumns() + u" FROM attempts WHERE request_row IN ("_s
                + ids.join(u',') + u") ORDER BY request_row, rung, id"_s)) {
        *error = {m_path, q.lastError().text()};
        return {};
    }
    while (q.next()) {
        qint64 row = 0;
        AttemptRecord a = UsageRows::readAttempt(q, 0, &row);
        records[indexOfRow.value(row)].attemptRecords.append(std::move(a));
    }
    return records;
}

qint64 UsageReader::exportCsv(const UsageFilter &filter, const QString &fileName, Error *error)
{
    QSqlDatabase db;
    if (!database(&db, error))
        return -1;
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = {fileName, file.errorString()};
        return -1;
    }
    CsvWriter csv(&file);
    csv.writeRow({u"request_id"_s, u"time"_s, u"key_name"_s, u"task"_s, u"requested_model"_s, u"route"_s,
                  u"pipeline"_s, u"pipeline_step"_s, u"provider"_s, u"node"_s, u"model"_s, u"http_status"_s,
                  u"status"_s, u"attempts"_s, u"input_tokens"_s, u"cached_tokens"_s, u"cache_write_tokens"_s,
                  u"output_tokens"_s, u"reasoning_tokens"_s, u"cost_usd"_s, u"priced"_s, u"price_source"_s,
                  u"latency_ms"_s, u"ttft_ms"_s, u"stream"_s, u"cache_hit"_s, u"error"_s});

    QVariantList params;
    const QString where = UsageRows::filterSql(filter, {}, &params);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + UsageRows::requestColumns() + u" FROM requests WHERE "_s + where
              + u" ORDER BY time_ms, id"_s);
    bindAll(q, params);
    if (!q.exec()) {
        *error = {m_path, q.lastError().text()};
        return -1;
    }
    qint64 rows = 0;
    bool written = true;
    while (written && q.next()) {
        const RequestRecord r = UsageRows::readRequest(q);
        written = csv.writeRow({r.requestId, r.time.toString(Qt::ISODateWithMs), r.keyName, r.task, r.requestedModel,
                                r.route, r.pipeline, r.pipelineStep, r.provider, r.node, r.model,
                                QString::number(r.httpStatus), r.status, QString::number(r.attempts),
                                QString::number(r.tokens.inputTokens), QString::number(r.tokens.cacheReadTokens),
                                QString::number(r.tokens.cacheWriteTokens), QString::number(r.tokens.outputTokens),
                                QString::number(r.tokens.reasoningTokens),
                                r.cost.priced ? formatNanoUsd(r.cost.total()) : QString(), boolText(r.cost.priced),
                                r.cost.priceSource, QString::number(r.latencyMs),
                                r.ttftMs < 0 ? QString() : QString::number(r.ttftMs), boolText(r.stream),
                                boolText(r.cacheHit), r.error});
        ++rows;
    }
    if (!written || !file.commit()) {
        *error = {fileName, file.errorString()};
        return -1;
    }
    return rows;
}

} // namespace Switchyard
