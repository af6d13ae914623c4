// SPDX-License-Identifier: MIT
#include "core/routing/ladderrunner.h"

#include "core/config/secretcache.h"
#include "core/routing/circuitbreaker.h"
#include "core/upstream/upstreamclient.h"

#include <QJsonDocument>

namespace Switchyard {

namespace {
constexpr int kDefaultTotalTimeoutMs = 600'000;
} // namespace

LadderRunner::LadderRunner(Plan plan, UpstreamCall prototype, bool jsonMode, UpstreamClient *client,
                           CircuitBreaker *breaker, const SecretCache *secrets, QObject *parent)
    : QObject(parent)
    , m_plan(std::move(plan))
    , m_prototype(std::move(prototype))
    , m_jsonMode(jsonMode)
    , m_client(client)
    , m_breaker(breaker)
    , m_secrets(secrets)
{
}

LadderRunner::~LadderRunner()
{
    if (m_call)
        m_call->disconnect(this);
}

void LadderRunner::start()
{
    tryNext();
}

void LadderRunner::abort()
{
    if (m_done)
        return;
    if (m_call) {
        m_call->abort(); // finished(Cancelled) arrives through onFinished
        return;
    }
    m_outcome.cancelled = true;
    finish(false);
}

void LadderRunner::tryNext()
{
    while (++m_index < m_plan.rungs.size()) {
        const PlannedRung &planned = m_plan.rungs.at(m_index);
        const UpstreamTarget &target = planned.target;
        if (m_breaker && !m_breaker->allHealthy() && !m_breaker->allow(target.label())) {
            UpstreamResult skipped;
            skipped.errorMessage = QStringLiteral("circuit open after repeated failures; skipped");
            m_outcome.servedBy = target;
            m_outcome.result = skipped;
            record(skipped, QStringLiteral("skipped"), QStringLiteral("circuit-open"));
            continue;
        }
        UpstreamCall call = m_prototype;
        call.target = target;
        if (call.json.isEmpty())
            call.body.insert(u"model", target.model); // text bodies get it spliced in by the adapter
        call.timeouts.connectMs = planned.rung.connectTimeoutMs > 0 ? planned.rung.connectTimeoutMs : call.timeouts.connectMs;
        call.timeouts.firstTokenMs = planned.rung.firstTokenTimeoutMs;
        // Without a rung limit a hung upstream would hold the request forever; 10 minutes
        // is what the OpenAI SDKs wait by default.
        call.timeouts.totalMs = planned.rung.timeoutMs > 0 ? planned.rung.timeoutMs : kDefaultTotalTimeoutMs;
        if (!target.apiKeyRef.isEmpty()) {
            call.apiKey = m_secrets ? m_secrets->value(target.apiKeyRef) : QByteArray();
            if (call.apiKey.isEmpty()) {
                // An inactive provider (no key yet) is a reason to climb, like a refused connection.
                UpstreamResult missing;
                missing.failure = UpstreamFailure::Connect;
                missing.errorMessage = QStringLiteral("no API key: %1 is not set").arg(target.apiKeyRef);
                m_outcome.servedBy = target;
                m_outcome.result = missing;
                ++m_outcome.attempts;
                record(missing, QStringLiteral("failed"), QStringLiteral("no-key"));
                continue;
            }
        }
        ++m_outcome.attempts;
        m_outcome.servedBy = target;
        m_outcome.sentUpstream = true;
        m_call = m_client->start(call, this);
        connect(m_call, &UpstreamCallHandle::chunk, this, &LadderRunner::onChunk);
        connect(m_call, &UpstreamCallHandle::finished, this, &LadderRunner::onFinished);
        return;
    }
    finish(false);
}

void LadderRunner::onChunk(const QByteArray &json)
{
    if (!m_committed) {
        m_committed = true;
        m_outcome.committed = true;
        Q_EMIT committed(m_outcome.servedBy, m_outcome.attempts);
    }
    Q_EMIT chunk(json);
}

QString LadderRunner::failureCause(const UpstreamResult &result) const
{
    switch (result.failure) {
    case UpstreamFailure::HttpStatus:
        if (result.httpStatus == 429)
            return QStringLiteral("429");
        if (result.httpStatus >= 500)
            return QStringLiteral("5xx");
        return QString::number(result.httpStatus);
    case UpstreamFailure::Connect: return QStringLiteral("connect");
    case UpstreamFailure::Timeout: return QStringLiteral("timeout");
    case UpstreamFailure::FirstTokenTimeout: return QStringLiteral("first-token");
    case UpstreamFailure::Reset:
    case UpstreamFailure::InvalidResponse: return QStringLiteral("5xx"); // the upstream broke its answer
    case UpstreamFailure::Cancelled: return QStringLiteral("cancelled");
    case UpstreamFailure::None: break;
    }
    return {};
}

bool LadderRunner::escalates(const Rung &rung, const QString &cause, int httpStatus) const
{
    if (rung.escalateOn.contains(cause))
        return true;
    if (httpStatus > 0 && rung.escalateOn.contains(QString::number(httpStatus)))
        return true;
    return cause == u"first-token" && rung.escalateOn.contains(QStringLiteral("timeout"));
}

QString LadderRunner::qualityProblem(const Rung &rung, const UpstreamResult &result) const
{
    const EscalateIf &q = rung.escalateIf;
    if (q.finishReasonLength && result.finishReason == u"length")
        return QStringLiteral("length");
    if (q.invalidJson && m_jsonMode) {
        QJsonParseError error;
        QJsonDocument::fromJson(result.content.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            return QStringLiteral("invalid-json");
    }
    if (q.emptyContent && result.content.trimmed().isEmpty() && result.finishReason != u"tool_calls")
        return QStringLiteral("empty");
    return {};
}

void LadderRunner::record(const UpstreamResult &result, const QString &outcome, const QString &reason)
{
    const UpstreamTarget &target = m_plan.rungs.at(m_index).target;
    AttemptRecord a;
    a.rung = int(m_index);
    a.provider = target.provider;
    a.node = target.node;
    a.model = target.model;
    a.httpStatus = result.httpStatus;
    a.outcome = outcome;
    a.escalationReason = reason;
    a.latencyMs = result.latencyMs;
    a.ttftMs = result.ttftMs;
    if (result.hasUsage)
        a.tokens = result.usage;
    a.error = result.errorMessage;
    m_outcome.attemptRecords.append(a);
    m_outcome.attemptTargets.append(target);
}

void LadderRunner::onFinished(const UpstreamResult &result)
{
    if (m_call) {
        // Finished calls are kept, children of this runner, until it goes: one deletion with it
        // instead of an event per call. The call emitting this signal must outlive it anyway.
        m_call->disconnect(this);
        m_call = nullptr;
    }
    m_outcome.result = result;
    const PlannedRung &planned = m_plan.rungs.at(m_index);
    const bool more = m_index + 1 < m_plan.rungs.size();

    if (result.failure == UpstreamFailure::Cancelled) {
        record(result, QStringLiteral("cancelled"), QStringLiteral("client-gone"));
        m_outcome.cancelled = true;
        finish(false);
        return;
    }
    if (result.failure == UpstreamFailure::None) {
        if (m_breaker && !m_breaker->allHealthy())
            m_breaker->recordSuccess(planned.target.label());
        const QString problem = m_committed || m_prototype.stream ? QString() : qualityProblem(planned.rung, result);
        if (!problem.isEmpty() && more) {
            record(result, QStringLiteral("escalated"), problem);
            tryNext();
            return;
        }
        record(result, QStringLiteral("ok"), problem);
        finish(true);
        return;
    }

    const QString cause = failureCause(result);
    if (m_breaker) {
        const QString label = planned.target.label();
        if (result.httpStatus == 429 && result.retryAfterMs > 0)
            m_breaker->recordRetryAfter(label, std::chrono::milliseconds(qMin(result.retryAfterMs, 300'000)));
        else if (cause != u"429" && (cause == u"5xx" || cause == u"connect" || cause == u"timeout" || cause == u"first-token"))
            m_breaker->recordFailure(label);
    }
    if (!m_committed && more && escalates(planned.rung, cause, result.httpStatus)) {
        record(result, QStringLiteral("escalated"), cause);
        tryNext();
        return;
    }
    record(result, QStringLiteral("failed"), cause);
    finish(false);
}

void LadderRunner::finish(bool ok)
{
    if (m_done)
        return;
    m_done = true;
    m_outcome.ok = ok;
    if (m_outcome.attempts == 0 && !m_outcome.attemptRecords.isEmpty() && m_outcome.result.errorMessage.isEmpty())
        m_outcome.result.errorMessage = QStringLiteral("every target of the ladder was skipped");
    Q_EMIT finished(m_outcome);
}

} // namespace Switchyard
