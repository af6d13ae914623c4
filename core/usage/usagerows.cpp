// SPDX-License-Identifier: MIT
#include "core/usage/usagerows.h"

#include <QSqlQuery>
#include <QStringList>
#include <QTimeZone>
#include <QVariant>

#include <sqlite3.h>

#include <limits>

using namespace Qt::StringLiterals;

namespace Switchyard::UsageRows {

namespace {

const QStringList kTokenColumns = {u"input_tokens"_s, u"cache_read_tokens"_s, u"cache_write_tokens"_s,
                                   u"cache_write_1h_tokens"_s, u"output_tokens"_s, u"reasoning_tokens"_s,
                                   u"input_audio_tokens"_s, u"output_audio_tokens"_s};
const QStringList kCostColumns = {u"cost_nano"_s, u"priced"_s, u"cost_input_nano"_s, u"cost_cache_read_nano"_s,
                                  u"cost_cache_write_nano"_s, u"cost_output_nano"_s, u"cost_reasoning_nano"_s,
                                  u"cost_audio_nano"_s, u"cost_requests_nano"_s, u"cost_energy_nano"_s,
                                  u"price_source"_s, u"matched_model"_s};
const QStringList kRequestColumns = QStringList{u"request_id"_s, u"time_ms"_s, u"key_name"_s, u"task"_s,
                                                u"requested_model"_s, u"route"_s, u"pipeline"_s, u"pipeline_step"_s,
                                                u"provider"_s, u"node"_s, u"model"_s, u"http_status"_s, u"status"_s,
                                                u"attempts"_s}
    + kTokenColumns + kCostColumns
    + QStringList{u"latency_ms"_s, u"ttft_ms"_s, u"stream"_s, u"cache_hit"_s, u"error"_s};
const QStringList kAttemptColumns = QStringList{u"request_row"_s, u"rung"_s, u"provider"_s, u"node"_s, u"model"_s,
                                                u"http_status"_s, u"outcome"_s, u"escalation_reason"_s,
                                                u"latency_ms"_s, u"ttft_ms"_s}
    + kTokenColumns + kCostColumns + QStringList{u"error"_s};

// QSQLITE binds a null QString as NULL, which the NOT NULL text columns reject.
QVariant text(const QString &s)
{
    static const QString empty = QStringLiteral("");
    return s.isNull() ? QVariant(empty) : QVariant(s);
}

QVariant ttft(qint64 ms)
{
    return ms < 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(ms);
}

// Named placeholders: QSqlResult::bindValue(int) formats a name for every value bound,
// binding by a prepared name skips that, which matters on the writer's hot path.
const QString &placeholder(int i)
{
    static const QStringList names = [] {
        QStringList n;
        for (int i = 0; i < 64; ++i)
            n.append(u":p%1"_s.arg(i));
        return n;
    }();
    return names.at(i);
}

QString insertSql(const QString &table, const QStringList &columns)
{
    QString marks = placeholder(0);
    for (int i = 1; i < columns.size(); ++i)
        marks += u',' + placeholder(i);
    return u"INSERT INTO "_s + table + u" ("_s + columns.join(u',') + u") VALUES ("_s + marks + u')';
}

QString prefixed(const QString &prefix, const QStringList &columns)
{
    QStringList out;
    out.reserve(columns.size());
    for (const QString &c : columns)
        out.append(prefix + c);
    return out.join(u", "_s);
}

// Minimum block size: a typical row's text fits in the first block.
constexpr qsizetype kArenaBlock = 16 * 1024;

void bindInt(sqlite3_stmt *s, int parameter, qint64 value)
{
    sqlite3_bind_int64(s, parameter, value);
}

void bindTtft(sqlite3_stmt *s, int parameter, qint64 ms)
{
    if (ms < 0)
        sqlite3_bind_null(s, parameter);
    else
        sqlite3_bind_int64(s, parameter, ms);
}

int bindTokens(sqlite3_stmt *s, int i, const TokenUsage &t)
{
    bindInt(s, i++, t.inputTokens);
    bindInt(s, i++, t.cacheReadTokens);
    bindInt(s, i++, t.cacheWriteTokens);
    bindInt(s, i++, t.cacheWrite1hTokens);
    bindInt(s, i++, t.outputTokens);
    bindInt(s, i++, t.reasoningTokens);
    bindInt(s, i++, t.inputAudioTokens);
    bindInt(s, i++, t.outputAudioTokens);
    return i;
}

// Same values as bindCost() on a QSqlQuery, for the native statements.
int bindCost(sqlite3_stmt *s, Utf8Arena &arena, int i, const CostBreakdown &c)
{
    if (c.priced)
        bindInt(s, i++, c.total());
    else
        sqlite3_bind_null(s, i++);
    bindInt(s, i++, c.priced ? 1 : 0);
    const bool p = c.priced;
    bindInt(s, i++, p ? c.input : 0);
    bindInt(s, i++, p ? c.cacheRead : 0);
    bindInt(s, i++, p ? c.cacheWrite : 0);
    bindInt(s, i++, p ? c.output : 0);
    bindInt(s, i++, p ? c.reasoning : 0);
    bindInt(s, i++, p ? c.audio : 0);
    bindInt(s, i++, p ? c.requests : 0);
    bindInt(s, i++, p ? c.energy : 0);
    i = bindText(s, i, arena, c.priceSource);
    i = bindText(s, i, arena, c.matchedModel);
    return i;
}

int bindTokens(QSqlQuery &q, int i, const TokenUsage &t)
{
    bindAt(q, i++, t.inputTokens);
    bindAt(q, i++, t.cacheReadTokens);
    bindAt(q, i++, t.cacheWriteTokens);
    bindAt(q, i++, t.cacheWrite1hTokens);
    bindAt(q, i++, t.outputTokens);
    bindAt(q, i++, t.reasoningTokens);
    bindAt(q, i++, t.inputAudioTokens);
    bindAt(q, i++, t.outputAudioTokens);
    return i;
}

TokenUsage readTokens(const QSqlQuery &q, int &i)
{
    TokenUsage t;
    t.inputTokens = q.value(i++).toLongLong();
    t.cacheReadTokens = q.value(i++).toLongLong();
    t.cacheWriteTokens = q.value(i++).toLongLong();
    t.cacheWrite1hTokens = q.value(i++).toLongLong();
    t.outputTokens = q.value(i++).toLongLong();
    t.reasoningTokens = q.value(i++).toLongLong();
    t.inputAudioTokens = q.value(i++).toLongLong();
    t.outputAudioTokens = q.value(i++).toLongLong();
    return t;
}

CostBreakdown readCost(const QSqlQuery &q, int &i)
{
    CostBreakdown c;
    ++i; // cost_nano is derived: total() of the parts, NULL when unpriced
    c.priced = q.value(i++).toBool();
    c.input = q.value(i++).toLongLong();
    c.cacheRead = q.value(i++).toLongLong();
    c.cacheWrite = q.value(i++).toLongLong();
    c.output = q.value(i++).toLongLong();
    c.reasoning = q.value(i++).toLongLong();
    c.audio = q.value(i++).toLongLong();
    c.requests = q.value(i++).toLongLong();
    c.energy = q.value(i++).toLongLong();
    c.priceSource = q.value(i++).toString();
    c.matchedModel = q.value(i++).toString();
    return c;
}

qint64 readTtft(const QSqlQuery &q, int i)
{
    const QVariant v = q.value(i);
    return v.isNull() ? -1 : v.toLongLong();
}

void appendIn(QStringList &conditions, const QString &column, const QStringList &values, QVariantList *params)
{
    if (values.isEmpty())
        return;
    QString marks;
    for (const QString &v : values) {
        marks += marks.isEmpty() ? u"?"_s : u",?"_s;
        params->append(text(v));
    }
    conditions.append(column + u" IN ("_s + marks + u')');
}

} // namespace

QString filterSql(const UsageFilter &f, const QString &prefix, QVariantList *params, bool withTime)
{
    QStringList conditions;
    if (withTime && f.from.isValid()) {
        conditions.append(prefix + u"time_ms >= ?"_s);
        params->append(filterStartMs(f));
    }
    if (withTime && f.to.isValid()) {
        conditions.append(prefix + u"time_ms < ?"_s);
        params->append(filterEndMs(f));
    }
    appendIn(conditions, prefix + u"model"_s, f.models, params);
    appendIn(conditions, prefix + u"node"_s, f.nodes, params);
    appendIn(conditions, prefix + u"task"_s, f.tasks, params);
    appendIn(conditions, prefix + u"provider"_s, f.providers, params);
    if (withTime) { // status and text exist on `requests` rows only, not in the rollups
        appendIn(conditions, prefix + u"status"_s, f.statuses, params);
        if (!f.search.isEmpty()) {
            QString pattern = f.search;
            pattern.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
            pattern = u'%' + pattern + u'%';
            QStringList any;
            for (const QString &column : {u"request_id"_s, u"error"_s, u"model"_s, u"requested_model"_s}) {
                any.append(prefix + column + u" LIKE ? ESCAPE '\\'"_s);
                params->append(pattern);
            }
            conditions.append(u'(' + any.join(u" OR "_s) + u')');
        }
    }
    return conditions.isEmpty() ? u"1"_s : conditions.join(u" AND "_s);
}

qint64 filterStartMs(const UsageFilter &f)
{
    return f.from.isValid() ? f.from.startOfDay(QTimeZone::utc()).toMSecsSinceEpoch()
                            : std::numeric_limits<qint64>::min();
}

qint64 filterEndMs(const UsageFilter &f)
{
    return f.to.isValid() ? f.to.addDays(1).startOfDay(QTimeZone::utc()).toMSecsSinceEpoch()
                          : std::numeric_limits<qint64>::max();
}

qint64 toMs(const QDateTime &time)
{
    return time.toMSecsSinceEpoch();
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString insertRequestSql()
{
    return insertSql(u"requests"_s, kRequestColumns);
}

QString insertAttemptSql()
{
    return insertSql(u"attempts"_s, kAttemptColumns);
}

QString requestColumns(const QString &prefix)
{
    return prefix + u"id, "_s + prefixed(prefix, kRequestColumns);
}

QString attemptColumns(const QString &prefix)
{
    return prefixed(prefix, kAttemptColumns);
}

QString costAssignments()
{
    QStringList parts;
    for (int i = 0; i < kCostColumns.size(); ++i)
        parts.append(kCostColumns.at(i) + u" = "_s + placeholder(i));
    return parts.join(u", "_s) + u" WHERE id = "_s + placeholder(int(kCostColumns.size()));
}

void bindAt(QSqlQuery &q, int position, const QVariant &value)
{
    q.bindValue(placeholder(position), value);
}

int bindCost(QSqlQuery &q, int i, const CostBreakdown &c)
{
    bindAt(q, i++, c.priced ? QVariant(c.total()) : QVariant(QMetaType::fromType<qint64>()));
    bindAt(q, i++, c.priced ? 1 : 0);
    // An unpriced call carries no amounts, whatever the calculator left in the parts.
    const bool p = c.priced;
    bindAt(q, i++, p ? c.input : 0);
    bindAt(q, i++, p ? c.cacheRead : 0);
    bindAt(q, i++, p ? c.cacheWrite : 0);
    bindAt(q, i++, p ? c.output : 0);
    bindAt(q, i++, p ? c.reasoning : 0);
    bindAt(q, i++, p ? c.audio : 0);
    bindAt(q, i++, p ? c.requests : 0);
    bindAt(q, i++, p ? c.energy : 0);
    bindAt(q, i++, text(c.priceSource));
    bindAt(q, i++, text(c.matchedModel));
    return i;
}

bool sameCost(const CostBreakdown &a, const CostBreakdown &b)
{
    if (a.priced != b.priced || a.priceSource != b.priceSource || a.matchedModel != b.matchedModel)
        return false;
    return !a.priced
        || (a.input == b.input && a.cacheRead == b.cacheRead && a.cacheWrite == b.cacheWrite && a.output == b.output
            && a.reasoning == b.reasoning && a.audio == b.audio && a.requests == b.requests && a.energy == b.energy);
}

void bindRequest(QSqlQuery &q, const RequestRecord &r)
{
    int i = 0;
    bindAt(q, i++, text(r.requestId));
    bindAt(q, i++, toMs(r.time));
    bindAt(q, i++, text(r.keyName));
    bindAt(q, i++, text(r.task));
    bindAt(q, i++, text(r.requestedModel));
    bindAt(q, i++, text(r.route));
    bindAt(q, i++, text(r.pipeline));
    bindAt(q, i++, text(r.pipelineStep));
    bindAt(q, i++, text(r.provider));
    bindAt(q, i++, text(r.node));
    bindAt(q, i++, text(r.model));
    bindAt(q, i++, r.httpStatus);
    bindAt(q, i++, text(r.status));
    bindAt(q, i++, r.attempts);
    i = bindTokens(q, i, r.tokens);
    i = bindCost(q, i, r.cost);
    bindAt(q, i++, r.latencyMs);
    bindAt(q, i++, ttft(r.ttftMs));
    bindAt(q, i++, r.stream ? 1 : 0);
    bindAt(q, i++, r.cacheHit ? 1 : 0);
    bindAt(q, i++, text(r.error));
}

void bindAttempt(QSqlQuery &q, qint64 requestRow, const AttemptRecord &a)
{
    int i = 0;
    bindAt(q, i++, requestRow);
    bindAt(q, i++, a.rung);
    bindAt(q, i++, text(a.provider));
    bindAt(q, i++, text(a.node));
    bindAt(q, i++, text(a.model));
    bindAt(q, i++, a.httpStatus);
    bindAt(q, i++, text(a.outcome));
    bindAt(q, i++, text(a.escalationReason));
    bindAt(q, i++, a.latencyMs);
    bindAt(q, i++, ttft(a.ttftMs));
    i = bindTokens(q, i, a.tokens);
    i = bindCost(q, i, a.cost);
    bindAt(q, i++, text(a.error));
}

void SqliteCloser::operator()(sqlite3 *db) const
{
    sqlite3_close_v2(db);
}

void StatementFinalizer::operator()(sqlite3_stmt *statement) const
{
    sqlite3_finalize(statement);
}

void Utf8Arena::clear()
{
    m_block = 0;
    m_used = 0;
}

std::string_view Utf8Arena::add(QStringView text)
{
    if (text.isEmpty())
        return std::string_view("", 0); // non-null pointer: binds '' rather than NULL
    const qsizetype need = m_encoder.requiredSpace(text.size());
    if (m_block < m_blocks.size() && m_capacity[m_block] - m_used < need) {
        ++m_block; // the current block keeps the text already bound from it
        m_used = 0;
    }
    if (m_block == m_blocks.size()) {
        m_blocks.emplace_back();
        m_capacity.push_back(0);
    }
    if (m_capacity[m_block] < need) { // unused so far in this row: safe to replace
        m_capacity[m_block] = qMax(need, kArenaBlock);
        m_blocks[m_block] = std::make_unique_for_overwrite<char[]>(size_t(m_capacity[m_block]));
    }
    char *begin = m_blocks[m_block].get() + m_used;
    char *end = m_encoder.appendToBuffer(begin, text);
    m_used += end - begin;
    return std::string_view(begin, size_t(end - begin));
}

int bindText(sqlite3_stmt *s, int parameter, Utf8Arena &arena, QStringView text)
{
    const std::string_view utf8 = arena.add(text);
    sqlite3_bind_text(s, parameter, utf8.data(), int(utf8.size()), SQLITE_STATIC);
    return parameter + 1;
}

void bindRequest(sqlite3_stmt *s, Utf8Arena &arena, const RequestRecord &r)
{
    int i = 1;
    i = bindText(s, i, arena, r.requestId);
    bindInt(s, i++, toMs(r.time));
    i = bindText(s, i, arena, r.keyName);
    i = bindText(s, i, arena, r.task);
    i = bindText(s, i, arena, r.requestedModel);
    i = bindText(s, i, arena, r.route);
    i = bindText(s, i, arena, r.pipeline);
    i = bindText(s, i, arena, r.pipelineStep);
    i = bindText(s, i, arena, r.provider);
    i = bindText(s, i, arena, r.node);
    i = bindText(s, i, arena, r.model);
    bindInt(s, i++, r.httpStatus);
    i = bindText(s, i, arena, r.status);
    bindInt(s, i++, r.attempts);
    i = bindTokens(s, i, r.tokens);
    i = bindCost(s, arena, i, r.cost);
    bindInt(s, i++, r.latencyMs);
    bindTtft(s, i++, r.ttftMs);
    bindInt(s, i++, r.stream ? 1 : 0);
    bindInt(s, i++, r.cacheHit ? 1 : 0);
    i = bindText(s, i, arena, r.error);
    Q_ASSERT(i == kRequestColumns.size() + 1);
}

void bindAttempt(sqlite3_stmt *s, Utf8Arena &arena, qint64 requestRow, const AttemptRecord &a)
{
    int i = 1;
    bindInt(s, i++, requestRow);
    bindInt(s, i++, a.rung);
    i = bindText(s, i, arena, a.provider);
    i = bindText(s, i, arena, a.node);
    i = bindText(s, i, arena, a.model);
    bindInt(s, i++, a.httpStatus);
    i = bindText(s, i, arena, a.outcome);
    i = bindText(s, i, arena, a.escalationReason);
    bindInt(s, i++, a.latencyMs);
    bindTtft(s, i++, a.ttftMs);
    i = bindTokens(s, i, a.tokens);
    i = bindCost(s, arena, i, a.cost);
    i = bindText(s, i, arena, a.error);
    Q_ASSERT(i == kAttemptColumns.size() + 1);
}

RequestRecord readRequest(const QSqlQuery &q, int i, qint64 *rowId)
{
    RequestRecord r;
    if (rowId)
        *rowId = q.value(i).toLongLong();
    ++i;
    r.requestId = q.value(i++).toString();
    r.time = fromMs(q.value(i++).toLongLong());
    r.keyName = q.value(i++).toString();
    r.task = q.value(i++).toString();
    r.requestedModel = q.value(i++).toString();
    r.route = q.value(i++).toString();
    r.pipeline = q.value(i++).toString();
    r.pipelineStep = q.value(i++).toString();
    r.provider = q.value(i++).toString();
    r.node = q.value(i++).toString();
    r.model = q.value(i++).toString();
    r.httpStatus = q.value(i++).toInt();
    r.status = q.value(i++).toString();
    r.attempts = q.value(i++).toInt();
    r.tokens = readTokens(q, i);
    r.cost = readCost(q, i);
    r.latencyMs = q.value(i++).toLongLong();
    r.ttftMs = readTtft(q, i++);
    r.stream = q.value(i++).toBool();
    r.cacheHit = q.value(i++).toBool();
    r.error = q.value(i++).toString();
    return r;
}

AttemptRecord readAttempt(const QSqlQuery &q, int i, qint64 *requestRow)
{
    AttemptRecord a;
    if (requestRow)
        *requestRow = q.value(i).toLongLong();
    ++i;
    a.rung = q.value(i++).toInt();
    a.provider = q.value(i++).toString();
    a.node = q.value(i++).toString();
    a.model = q.value(i++).toString();
    a.httpStatus = q.value(i++).toInt();
    a.outcome = q.value(i++).toString();
    a.escalationReason = q.value(i++).toString();
    a.latencyMs = q.value(i++).toLongLong();
    a.ttftMs = readTtft(q, i++);
    a.tokens = readTokens(q, i);
    a.cost = readCost(q, i);
    a.error = q.value(i++).toString();
    return a;
}

} // namespace Switchyard::UsageRows
