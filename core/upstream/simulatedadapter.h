// SPDX-License-Identifier: MIT
#pragma once

#include "core/upstream/upstreamcallhandle.h"

#include <QElapsedTimer>
#include <QList>

class QTimer;

namespace Switchyard {

/// The built-in `simulated` provider kind: deterministic OpenAI-format answers without any
/// network, for demos and fault drills (DESIGN.md), with the latency, failure rate and
/// token counts of its SimulatedSettings.
///
/// The reply names the model and a hash of the last user message and has `completionTokens`
/// words (one word = one token; fewer with a smaller max_tokens, finish_reason "length").
/// Prompt tokens are about chars/4 of the request text. A share `failureRate` of calls gets a
/// 503, chosen from a hash of the request and the client's call sequence number, so a
/// drill replays identically. Streams send the first chunk after `firstTokenMs`, spread the
/// rest up to `latencyMs` and end with a usage chunk; the call's timeouts apply as for real
/// upstreams. Lives on the thread of the UpstreamClient that started it.
class SimulatedAdapter : public UpstreamCallHandle
{
    Q_OBJECT
public:
    /// `sequence`: the client's running count of simulated calls (part of the failure draw).
    SimulatedAdapter(const UpstreamCall &call, quint64 sequence, QObject *parent);
    ~SimulatedAdapter() override;

    void start();
    void abort() override;

    /// FNV-1a 64 of `bytes`: stable across runs and platforms, unlike qHash.
    static quint64 stableHash(QByteArrayView bytes);
    /// Whether call number `sequence` of a request hashing to `requestHash` fails. A Weyl
    /// sequence over the call number keeps the failing share close to `rate` in any window.
    static bool failsAt(quint64 requestHash, quint64 sequence, double rate);
    /// Estimated prompt tokens of an OpenAI request body: ceil(chars / 4), at least 1.
    static qint64 estimatePromptTokens(const QJsonObject &body);

private:
    struct Step {
        enum Kind { Chunk, Succeed, Fail } kind = Chunk;
        qint64 atMs = 0;    ///< from start()
        QByteArray chunk;   ///< Chunk: the JSON to emit
        QString text;       ///< Chunk: the content it adds
    };

    void planText();
    void planEmbeddings();
    void planFailure();
    void runDueSteps();
    void fail(UpstreamFailure failure, const QString &message);
    void finish();
    QJsonObject envelope(const QString &object) const;
    QJsonObject usageJson() const;

    const UpstreamCall m_call;
    const quint64 m_sequence;
    UpstreamResult m_result;
    QList<Step> m_steps;
    qsizetype m_nextStep = 0;
    QElapsedTimer m_clock;
    QTimer *m_stepTimer = nullptr;
    QTimer *m_firstTokenTimer = nullptr;
    QTimer *m_totalTimer = nullptr;
    QString m_id;
    qint64 m_created = 0;
    qint64 m_promptTokens = 0;
    qint64 m_completionTokens = 0;
    bool m_finished = false;
};

} // namespace Switchyard
