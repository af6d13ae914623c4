// SPDX-License-Identifier: MIT
#pragma once

#include "core/usage/costbreakdown.h"
#include "core/usage/tokenusage.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Switchyard {

/// One upstream try of a ladder rung; rows of the `attempts` table.
struct AttemptRecord {
    int rung = 0;                ///< 0-based position in the ladder
    QString provider;            ///< configured provider id, empty when a node served
    QString node;                ///< configured node id, empty when a provider served
    QString model;               ///< concrete upstream model name
    int httpStatus = 0;          ///< 0 when no HTTP answer (connect failure, timeout)
    QString outcome;             ///< "ok", "escalated", "failed", "cancelled", "skipped"
    QString escalationReason;    ///< "429", "5xx", "timeout", "connect", "first-token", "length", "invalid-json", "empty", "circuit-open"
    qint64 latencyMs = 0;
    qint64 ttftMs = -1;          ///< -1 when no token arrived
    TokenUsage tokens;
    CostBreakdown cost;
    QString error;
};

/// One client request; rows of the `requests` table. Written once, when the request ends.
struct RequestRecord {
    QString requestId;           ///< the X-Request-Id sent to the client
    QDateTime time;              ///< when the request arrived, UTC
    QString keyName;             ///< local gateway key name, empty on open loopback
    QString task;
    QString requestedModel;      ///< the `model` the client sent
    QString route;               ///< route name when a route or alias was asked for
    QString pipeline;
    QString pipelineStep;
    QString provider;            ///< served by (empty when a node served or nothing did)
    QString node;
    QString model;               ///< concrete model that produced the answer
    int httpStatus = 0;          ///< status returned to the client
    QString status;              ///< "ok", "error", "cancelled"
    int attempts = 0;
    TokenUsage tokens;
    CostBreakdown cost;
    qint64 latencyMs = 0;
    qint64 ttftMs = -1;
    bool stream = false;
    bool cacheHit = false;
    QString error;
    QList<AttemptRecord> attemptRecords;
};

} // namespace Switchyard
