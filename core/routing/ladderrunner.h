// SPDX-License-Identifier: MIT
#pragma once

#include "core/routing/plan.h"
#include "core/usage/usagerecord.h"

#include <QObject>
#include <QPointer>

namespace Switchyard {

class CircuitBreaker;
class SecretCache;
class UpstreamCallHandle;
class UpstreamClient;

/// How a ladder ended.
struct LadderOutcome {
    bool ok = false;              ///< an attempt succeeded (and passed its quality checks)
    bool committed = false;       ///< streaming: bytes reached the client, so no escalation happened after
    bool cancelled = false;       ///< the client went away
    UpstreamResult result;        ///< of the last attempt made
    UpstreamTarget servedBy;      ///< target of the last attempt made
    int attempts = 0;             ///< rungs tried (skipped rungs not counted)
    bool sentUpstream = false;    ///< a request went out to an upstream (else nothing can have been spent)
    QList<AttemptRecord> attemptRecords; ///< one per rung tried or skipped; tokens set, cost not yet
    QList<UpstreamTarget> attemptTargets; ///< parallel to attemptRecords
};

/// Runs one request down its ladder: tries rungs in order and stops at the first success.
/// Escalates on the rung's `escalateOn` causes (429, 5xx or an exact status, timeout,
/// connect, first-token) and, for complete answers, on its `escalateIf` quality checks.
/// For streams the commit point is the first chunk forwarded: escalation happens only
/// before it. Lives on the worker thread of the request.
class LadderRunner : public QObject
{
    Q_OBJECT
public:
    LadderRunner(Plan plan, UpstreamCall prototype, bool jsonMode, UpstreamClient *client, CircuitBreaker *breaker,
                 const SecretCache *secrets, QObject *parent = nullptr);
    ~LadderRunner() override;

    void start();
    /// The client went away: cancel the attempt in flight; finished(cancelled) follows.
    void abort();

    const Plan &plan() const { return m_plan; }

Q_SIGNALS:
    /// Streaming: the first chunk is about to be forwarded; no escalation after this.
    void committed(const Switchyard::UpstreamTarget &target, int attempts);
    void chunk(const QByteArray &json);
    void finished(const Switchyard::LadderOutcome &outcome);

private:
    void tryNext();
    void onChunk(const QByteArray &json);
    void onFinished(const UpstreamResult &result);
    QString failureCause(const UpstreamResult &result) const;
    QString qualityProblem(const Rung &rung, const UpstreamResult &result) const;
    bool escalates(const Rung &rung, const QString &cause, int httpStatus) const;
    void record(const UpstreamResult &result, const QString &outcome, const QString &reason);
    void finish(bool ok);

    Plan m_plan;
    UpstreamCall m_prototype;
    bool m_jsonMode;
    UpstreamClient *m_client;
    CircuitBreaker *m_breaker;
    const SecretCache *m_secrets;
    QPointer<UpstreamCallHandle> m_call;
    qsizetype m_index = -1;
    bool m_committed = false;
    bool m_done = false;
    LadderOutcome m_outcome;
};

} // namespace Switchyard

Q_DECLARE_METATYPE(Switchyard::LadderOutcome)
