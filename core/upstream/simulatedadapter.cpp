// SPDX-License-Identifier: MIT
#include "core/upstream/simulatedadapter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

#include <bit>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {

constexpr int MaxStreamPieces = 8;
constexpr int DefaultEmbeddingDimensions = 16;

/// splitmix64: a tiny, well-mixed generator, so replies depend on nothing but the seed.
quint64 nextRandom(quint64 *state)
{
    quint64 z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void collectText(const QJsonValue &value, QString *out)
{
    if (value.isString()) {
        out->append(value.toString());
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectText(item, out);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        collectText(object.value(u"text"_s), out);
        collectText(object.value(u"content"_s), out);
    }
}

QString lastUserText(const QJsonObject &body)
{
    QString text;
    const QJsonArray messages = body.value(u"messages"_s).toArray();
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        if (messages.at(i)[u"role"_s].toString() == u"user") {
            collectText(messages.at(i)[u"content"_s], &text);
            return text;
        }
    }
    collectText(body.value(u"prompt"_s), &text);
    return text;
}

QStringList replyWords(const QString &model, quint64 hash, qint64 count)
{
    static const QStringList vocabulary{u"switchyard"_s, u"ladder"_s, u"rung"_s, u"track"_s, u"signal"_s,
                                        u"token"_s, u"route"_s, u"node"_s, u"latency"_s, u"budget"_s,
                                        u"stream"_s, u"answer"_s, u"cost"_s, u"gateway"_s, u"provider"_s, u"switch"_s};
    QStringList words = u"Simulated reply from %1 to request %2."_s.arg(model).arg(hash & 0xFFFFFFFFu, 8, 16, QLatin1Char('0')).split(u' ');
    quint64 state = hash;
    while (words.size() < count)
        words.append(vocabulary.at(int(nextRandom(&state) % quint64(vocabulary.size()))));
    return words.mid(0, qMax<qint64>(0, count));
}

} // namespace

SimulatedAdapter::SimulatedAdapter(const UpstreamCall &call, quint64 sequence, QObject *parent)
    : UpstreamCallHandle(parent)
    , m_call(call)
    , m_sequence(sequence)
{
}

SimulatedAdapter::~SimulatedAdapter() = default;

quint64 SimulatedAdapter::stableHash(QByteArrayView bytes)
{
    quint64 hash = 0xcbf29ce484222325ull;
    for (const char c : bytes) {
        hash ^= quint8(c);
        hash *= 0x100000001b3ull;
    }
    return hash;
}

bool SimulatedAdapter::failsAt(quint64 requestHash, quint64 sequence, double rate)
{
    if (rate <= 0)
        return false;
    constexpr double goldenFraction = 0.6180339887498949;
    const double offset = double(requestHash >> 11) / double(1ull << 53);
    double draw = offset + double(sequence) * goldenFraction;
    draw -= std::floor(draw);
    return draw < rate;
}

qint64 SimulatedAdapter::estimatePromptTokens(const QJsonObject &body)
{
    QString text;
    collectText(body.value(u"messages"_s), &text);
    collectText(body.value(u"prompt"_s), &text);
    collectText(body.value(u"input"_s), &text);
    return qMax<qint64>(1, (text.size() + 3) / 4);
}

void SimulatedAdapter::start()
{
    m_clock.start();
    m_created = QDateTime::currentSecsSinceEpoch();
    m_promptTokens = estimatePromptTokens(m_call.body);
    m_result.servedModel = m_call.target.model;

    QJsonObject request = m_call.body;
    request.remove(u"stream"_s);
    request.remove(u"stream_options"_s);
    request.insert(u"model"_s, m_call.target.model);
    const quint64 requestHash = stableHash(QJsonDocument(request).toJson(QJsonDocument::Compact));
    m_id = u"sim-%1-%2"_s.arg(requestHash, 16, 16, QLatin1Char('0')).arg(m_sequence);

    if (failsAt(requestHash, m_sequence, m_call.target.simulated.failureRate))
        planFailure();
    else if (m_call.endpoint == UpstreamEndpoint::Embeddings)
        planEmbeddings();
    else
        planText();

    m_stepTimer = new QTimer(this);
    m_stepTimer->setSingleShot(true);
    m_stepTimer->setTimerType(Qt::PreciseTimer);
    connect(m_stepTimer, &QTimer::timeout, this, &SimulatedAdapter::runDueSteps);
    m_stepTimer->start(int(m_steps.first().atMs));

    const UpstreamTimeouts &t = m_call.timeouts;
    if (m_call.stream && t.firstTokenMs > 0) {
        m_firstTokenTimer = new QTimer(this);
        m_firstTokenTimer->setSingleShot(true);
        m_firstTokenTimer->setTimerType(Qt::PreciseTimer);
        connect(m_firstTokenTimer, &QTimer::timeout, this, [this] {
            fail(UpstreamFailure::FirstTokenTimeout, u"no first token within %1 ms"_s.arg(m_call.timeouts.firstTokenMs));
        });
        m_firstTokenTimer->start(t.firstTokenMs);
    }
    if (t.totalMs > 0) {
        m_totalTimer = new QTimer(this);
        m_totalTimer->setSingleShot(true);
        m_totalTimer->setTimerType(Qt::PreciseTimer);
        connect(m_totalTimer, &QTimer::timeout, this, [this] {
            fail(UpstreamFailure::Timeout, u"no complete answer within %1 ms"_s.arg(m_call.timeouts.totalMs));
        });
        m_totalTimer->start(t.totalMs);
    }
}

void SimulatedAdapter::abort()
{
    fail(UpstreamFailure::Cancelled, u"cancelled"_s);
}

QJsonObject SimulatedAdapter::envelope(const QString &object) const
{
    const bool legacy = m_call.endpoint == UpstreamEndpoint::Completions;
    return QJsonObject{{u"id"_s, QString((legacy ? u"cmpl-"_s : u"chatcmpl-"_s) + m_id)},
                       {u"object"_s, object},
                       {u"created"_s, m_created},
                       {u"model"_s, m_call.target.model}};
}

QJsonObject SimulatedAdapter::usageJson() const
{
    return QJsonObject{{u"prompt_tokens"_s, m_promptTokens},
                       {u"completion_tokens"_s, m_completionTokens},
                       {u"total_tokens"_s, m_promptTokens + m_completionTokens}};
}

void SimulatedAdapter::planText()
{
    const SimulatedSettings &sim = m_call.target.simulated;
    const bool legacy = m_call.endpoint == UpstreamEndpoint::Completions;
    qint64 count = qMax(0, sim.completionTokens);
    QString finishReason = u"stop"_s;
    const QJsonValue limit = m_call.body.contains(u"max_completion_tokens"_s) ? m_call.body.value(u"max_completion_tokens"_s)
                                                                              : m_call.body.value(u"max_tokens"_s);
    if (limit.isDouble() && limit.toInteger() < count) {
        count = qMax<qint64>(0, limit.toInteger());
        finishReason = u"length"_s;
    }
    const QStringList words = replyWords(m_call.target.model, stableHash(lastUserText(m_call.body).toUtf8()), count);
    m_completionTokens = words.size();
    m_result.finishReason = finishReason;
    m_result.usage.inputTokens = m_promptTokens;
    m_result.usage.outputTokens = m_completionTokens;
    m_result.hasUsage = true;

    const qint64 first = qMax(0, sim.firstTokenMs);
    const qint64 total = qMax<qint64>(first, sim.latencyMs);
    const QString object = legacy ? u"text_completion"_s : u"chat.completion.chunk"_s;
    const QJsonValue null = QJsonValue::Null;
    if (!m_call.stream) {
        const QString content = words.join(u' ');
        QJsonObject choice{{u"index"_s, 0}};
        if (legacy) {
            choice.insert(u"text"_s, content);
        } else {
            const QJsonObject message{{u"role"_s, u"assistant"_s}, {u"content"_s, content}};
            choice.insert(u"message"_s, message);
        }
        choice.insert(u"logprobs"_s, null);
        choice.insert(u"finish_reason"_s, finishReason);
        QJsonObject body = envelope(legacy ? u"text_completion"_s : u"chat.completion"_s);
        body.insert(u"choices"_s, QJsonArray{choice});
        body.insert(u"usage"_s, usageJson());
        m_result.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        m_steps.append({Step::Succeed, total, {}, content});
        return;
    }

    auto chunk = [&](const QString &text, const QJsonValue &reason, bool first) {
        QJsonObject choice{{u"index"_s, 0}, {u"logprobs"_s, null}, {u"finish_reason"_s, reason}};
        if (legacy) {
            choice.insert(u"text"_s, text);
        } else {
            QJsonObject delta;
            if (first)
                delta.insert(u"role"_s, u"assistant"_s);
            if (!text.isEmpty() || first)
                delta.insert(u"content"_s, text);
            choice.insert(u"delta"_s, delta);
        }
        QJsonObject json = envelope(object);
        json.insert(u"choices"_s, QJsonArray{choice});
        return QJsonDocument(json).toJson(QJsonDocument::Compact);
    };
    const qsizetype pieces = qBound(qsizetype(1), words.size(), qsizetype(MaxStreamPieces));
    for (qsizetype k = 0; k < pieces; ++k) {
        const qsizetype from = words.size() * k / pieces;
        const qsizetype to = words.size() * (k + 1) / pieces;
        QString text = words.mid(from, to - from).join(u' ');
        if (k > 0 && !text.isEmpty())
            text.prepend(u' ');
        m_steps.append({Step::Chunk, first + (total - first) * k / pieces, chunk(text, null, k == 0), text});
    }
    m_steps.append({Step::Chunk, total, chunk(QString(), finishReason, false), {}});
    QJsonObject usage = envelope(object);
    usage.insert(u"choices"_s, QJsonArray());
    usage.insert(u"usage"_s, usageJson());
    m_steps.append({Step::Chunk, total, QJsonDocument(usage).toJson(QJsonDocument::Compact), {}});
    m_steps.append({Step::Succeed, total, {}, {}});
}

void SimulatedAdapter::planEmbeddings()
{
    const QJsonValue input = m_call.body.value(u"input"_s);
    const QJsonArray inputs = input.isArray() ? input.toArray() : QJsonArray{input};
    const int requested = m_call.body.value(u"dimensions"_s).toInt();
    const int dimensions = requested > 0 && requested <= 4096 ? requested : DefaultEmbeddingDimensions;
    const bool base64 = m_call.body.value(u"encoding_format"_s).toString() == u"base64";
    QJsonArray data;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const QJsonValue item = inputs.at(i);
        quint64 state = stableHash(item.isString() ? item.toString().toUtf8()
                                                   : QJsonDocument(QJsonArray{item}).toJson(QJsonDocument::Compact));
        QList<double> vector(dimensions);
        double norm = 0;
        for (double &x : vector) {
            x = double(nextRandom(&state) >> 11) / double(1ull << 52) - 1.0; // [-1, 1)
            norm += x * x;
        }
        norm = std::sqrt(norm);
        // The OpenAI SDKs ask for base64 (little-endian float32) by default and decode it.
        if (base64) {
            QByteArray raw;
            raw.reserve(dimensions * 4);
            for (const double x : std::as_const(vector)) {
                const float f = float(norm > 0 ? x / norm : 0.0);
                const quint32 bits = std::bit_cast<quint32>(f);
                for (int b = 0; b < 4; ++b)
                    raw.append(char((bits >> (8 * b)) & 0xff));
            }
            data.append(QJsonObject{{u"object"_s, u"embedding"_s}, {u"index"_s, i},
                                    {u"embedding"_s, QString::fromLatin1(raw.toBase64())}});
            continue;
        }
        QJsonArray embedding;
        for (const double x : std::as_const(vector))
            embedding.append(norm > 0 ? x / norm : 0.0);
        data.append(QJsonObject{{u"object"_s, u"embedding"_s}, {u"index"_s, i}, {u"embedding"_s, embedding}});
    }
    m_result.usage.inputTokens = m_promptTokens;
    m_result.hasUsage = true;
    const QJsonObject body{{u"object"_s, u"list"_s},
                           {u"data"_s, data},
                           {u"model"_s, m_call.target.model},
                           {u"usage"_s, QJsonObject{{u"prompt_tokens"_s, m_promptTokens}, {u"total_tokens"_s, m_promptTokens}}}};
    m_result.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    m_steps.append({Step::Succeed, qMax(0, m_call.target.simulated.latencyMs), {}, {}});
}

void SimulatedAdapter::planFailure()
{
    const SimulatedSettings &sim = m_call.target.simulated;
    const QJsonObject error{{u"message"_s, u"simulated failure (failureRate %1)"_s.arg(sim.failureRate)},
                            {u"type"_s, u"server_error"_s},
                            {u"param"_s, QJsonValue::Null},
                            {u"code"_s, u"simulated_unavailable"_s}};
    m_result.body = QJsonDocument(QJsonObject{{u"error"_s, error}}).toJson(QJsonDocument::Compact);
    m_steps.append({Step::Fail, qMax(0, qMin(sim.firstTokenMs, sim.latencyMs)), {}, {}});
}

void SimulatedAdapter::runDueSteps()
{
    const QPointer<SimulatedAdapter> self(this);
    while (!m_finished && m_nextStep < m_steps.size()) {
        const Step &step = m_steps.at(m_nextStep);
        if (step.atMs > m_clock.elapsed()) {
            m_stepTimer->start(int(step.atMs - m_clock.elapsed()));
            return;
        }
        ++m_nextStep;
        switch (step.kind) {
        case Step::Chunk:
            if (m_result.chunks == 0) {
                m_result.ttftMs = m_clock.elapsed();
                if (m_firstTokenTimer)
                    m_firstTokenTimer->stop();
            }
            ++m_result.chunks;
            m_result.content += step.text;
            Q_EMIT chunk(step.chunk);
            if (!self)
                return;
            break;
        case Step::Succeed:
            if (!m_call.stream)
                m_result.content = step.text;
            finish();
            return;
        case Step::Fail:
            m_result.httpStatus = 503;
            fail(UpstreamFailure::HttpStatus, u"the simulated provider failed this call (failureRate %1)"_s.arg(
                                                  m_call.target.simulated.failureRate));
            return;
        }
    }
}

void SimulatedAdapter::fail(UpstreamFailure failure, const QString &message)
{
    if (m_finished)
        return;
    m_result.failure = failure;
    m_result.errorMessage = message;
    if (failure != UpstreamFailure::HttpStatus) {
        m_result.body.clear();
        m_result.finishReason.clear();
        m_result.hasUsage = false;
        m_result.usage = TokenUsage();
    }
    finish();
}

void SimulatedAdapter::finish()
{
    m_finished = true;
    for (QTimer *timer : {m_stepTimer, m_firstTokenTimer, m_totalTimer}) {
        if (timer)
            timer->stop();
    }
    if (m_result.failure == UpstreamFailure::None)
        m_result.httpStatus = 200;
    m_result.latencyMs = m_clock.elapsed();
    Q_EMIT finished(m_result); // last: a receiver may delete this handle
}

} // namespace Switchyard
