// SPDX-License-Identifier: MIT
#pragma once

#include "core/config/configstore.h"
#include "core/gateway/gatewaycontext.h"
#include "core/gateway/gatewaymetrics.h"
#include "core/gateway/requesthandler.h"
#include "core/routing/ladderrunner.h"

#include <QElapsedTimer>

#include <memory>

namespace Switchyard {

class ApiKeys;
class CostCalculator;
class UpstreamClient;

/// The OpenAI-compatible API of the gateway (DESIGN.md, "HTTP surface"): chat completions
/// (plain and SSE), legacy completions and embeddings passed through, models, health and
/// metrics, local key checks, routing through ladders, response headers, one usage record
/// per request. One instance per worker thread, created there; it owns that thread's
/// upstream client and metrics.
class GatewayApi : public RequestHandler
{
    Q_OBJECT
public:
    explicit GatewayApi(GatewayContext context, QObject *parent = nullptr);
    ~GatewayApi() override;

    void handle(HttpRequest request, HttpResponder *responder) override;

private:
    struct Exchange;

    void handleModels(const ConfigSnapshot &snapshot, HttpResponder *responder, const QByteArray &requestId);
    void handleInference(HttpRequest &&request, HttpResponder *responder, int endpoint, const QString &keyName,
                         const QByteArray &requestId);
    void onCommitted(Exchange *exchange, const UpstreamTarget &target, int attempts);
    void onChunk(Exchange *exchange, const QByteArray &json);
    void onFinished(Exchange *exchange, const LadderOutcome &outcome);
    /// An error answer before any rung was tried, with X-Request-Id and X-Switchyard-Attempts: 0.
    void sendError(HttpResponder *responder, const QByteArray &requestId, int status, const QString &message,
                   const QString &code = {}, const QString &param = {});
    void record(Exchange *exchange, const LadderOutcome &outcome, int clientStatus, const QString &error);
    const CostCalculator &costCalculator(const ConfigSnapshotPtr &snapshot);
    const ConfigSnapshotPtr &currentSnapshot();

    GatewayContext m_context;
    UpstreamClient *m_upstream;
    GatewayMetrics m_metrics;
    ConfigSnapshotPtr m_snapshot; ///< this worker's copy of the configuration store's current one
    ConfigSnapshotPtr m_keysSnapshot;
    std::unique_ptr<ApiKeys> m_keys;
    ConfigSnapshotPtr m_costSnapshot;
    std::unique_ptr<CostCalculator> m_cost;
};

} // namespace Switchyard
