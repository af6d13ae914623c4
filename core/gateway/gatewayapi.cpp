// SPDX-License-Identifier: MIT
#include "core/gateway/gatewayapi.h"

#include "core/common/bytebuilder.h"
#include "core/common/jsonscanner.h"
#include "core/common/logwriter.h"
#include "core/common/logging.h"
#include "core/gateway/apikeys.h"
#include "core/gateway/openaierror.h"
#include "core/gateway/requestid.h"
#include "core/routing/resolver.h"
#include "core/upstream/upstreamclient.h"
#include "core/usage/costcalculator.h"
#include "core/usage/pricecatalog.h"
#include "core/usage/usagestore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

using namespace Qt::StringLiterals; // "..."_ba: header names as static data, no allocation per answer

namespace Switchyard {

namespace {

const QByteArray kJson = "application/json"_ba;

/// True for the usage-only chunk (`choices: []` with `usage`) that Switchyard asks for on
/// every stream; only chunks that mention usage are read, with JsonScanner where it can.
bool isUsageOnlyChunk(const QByteArray &json)
{
    if (!json.contains("\"usage\""))
        return false;
    QByteArrayView root;
    if (!JsonScanner::validate(json, &root)) {
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        return o.value(u"usage").isObject() && o.value(u"choices").toArray().isEmpty();
    }
    QByteArrayView usage, choices;
    JsonScanner::forEachMember(root, [&](QByteArrayView key, QByteArrayView value) {
        if (JsonScanner::keyIs(key, "usage"))
            usage = value;
        else if (JsonScanner::keyIs(key, "choices"))
            choices = value;
    });
    bool anyChoice = false;
    JsonScanner::forEachElement(choices, [&](QByteArrayView) { anyChoice = true; });
    return JsonScanner::typeOf(usage) == JsonScanner::Type::Object && !anyChoice;
}

/// The status and error a client sees when the ladder ended without an answer.
OpenAiError clientError(const LadderOutcome &outcome)
{
    const UpstreamResult &r = outcome.result;
    const QString target = outcome.servedBy.label();
    if (outcome.attempts == 0 || (r.failure == UpstreamFailure::None && !outcome.ok)) {
        QStringList reasons;
        for (const AttemptRecord &a : outcome.attemptRecords)
            reasons.append(a.provider + a.node + u'/' + a.model + u": " + (a.error.isEmpty() ? a.escalationReason : a.error));
        return OpenAiError::make(503, QStringLiteral("no target could serve this request: %1").arg(reasons.join(QStringLiteral("; "))),
                                 QStringLiteral("no_available_target"));
    }
    switch (r.failure) {
    case UpstreamFailure::HttpStatus: {
        const QJsonObject upstream = QJsonDocument::fromJson(r.body).object().value(u"error").toObject();
        const QString detail = upstream.value(u"message").toString(QString::fromUtf8(r.body.left(300)));
        if (r.httpStatus == 429)
            return OpenAiError::make(429, QStringLiteral("%1 is rate limited: %2").arg(target, detail), QStringLiteral("rate_limited"));
        if (r.httpStatus == 401 || r.httpStatus == 403)
            return OpenAiError::make(502, QStringLiteral("%1 rejected the provider API key configured in Switchyard: %2").arg(target, detail),
                                     QStringLiteral("upstream_auth_failed"));
        if (r.httpStatus >= 500)
            return OpenAiError::make(502, QStringLiteral("%1 failed with HTTP %2: %3").arg(target).arg(r.httpStatus).arg(detail),
                                     QStringLiteral("upstream_error"));
        // The upstream found fault with the request itself: tell the client as it said it.
        OpenAiError e = OpenAiError::make(r.httpStatus, QStringLiteral("%1: %2").arg(target, detail),
                                          upstream.value(u"code").toString(), upstream.value(u"param").toString());
        return e;
    }
    case UpstreamFailure::Connect:
        return OpenAiError::make(502, QStringLiteral("cannot reach %1: %2").arg(target, r.errorMessage), QStringLiteral("upstream_unreachable"));
    case UpstreamFailure::Timeout:
    case UpstreamFailure::FirstTokenTimeout:
        return OpenAiError::make(504, QStringLiteral("%1 timed out: %2").arg(target, r.errorMessage), QStringLiteral("upstream_timeout"));
    case UpstreamFailure::Reset:
    case UpstreamFailure::InvalidResponse:
    case UpstreamFailure::Cancelled:
    case UpstreamFailure::None:
        break;
    }
    return OpenAiError::make(502, QStringLiteral("%1 broke off its answer: %2").arg(target, r.errorMessage), QStringLiteral("upstream_error"));
}

} // namespace

/// One client request in flight.
struct GatewayApi::Exchange {
    QPointer<HttpResponder> responder;
    LadderRunner *runner = nullptr;
    ConfigSnapshotPtr snapshot;
    QByteArray requestId;
    QDateTime time;
    QElapsedTimer clock;
    RoutingRequest routing;
    QString keyName;
    QByteArray path; ///< as the client sent it; for the log line
    bool stream = false;
    bool clientWantsUsage = false;
    bool streamStarted = false;
    qint64 ttftMs = -1;
};

GatewayApi::GatewayApi(GatewayContext context, QObject *parent)
    : RequestHandler(parent)
    , m_context(std::move(context))
    , m_upstream(new UpstreamClient(this))
{
    if (m_context.metrics)
        m_context.metrics->add(&m_metrics);
}

GatewayApi::~GatewayApi()
{
    if (m_context.metrics)
        m_context.metrics->remove(&m_metrics);
}

void GatewayApi::sendError(HttpResponder *responder, const QByteArray &requestId, int status, const QString &message,
                           const QString &code, const QString &param)
{
    const OpenAiError e = OpenAiError::make(status, message, code, param);
    // Refused before any rung was tried.
    responder->send(status, {{"Content-Type"_ba, kJson}, {"X-Request-Id"_ba, requestId}, {"X-Switchyard-Attempts"_ba, "0"_ba}},
                    e.toJson());
}

const ConfigSnapshotPtr &GatewayApi::currentSnapshot()
{
    // No lock per request: a generation check, and a new snapshot only after a change. The
    // copy is this worker's own, so its reference counts never share a cache line with
    // another worker's.
    if (!m_snapshot || m_snapshot->generation != m_context.config->generation())
        m_snapshot = std::make_shared<const ConfigSnapshot>(*m_context.config->snapshot());
    return m_snapshot;
}

const CostCalculator &GatewayApi::costCalculator(const ConfigSnapshotPtr &snapshot)
{
    if (!m_cost || m_costSnapshot != snapshot) {
        m_cost = std::make_unique<CostCalculator>(m_context.catalog ? m_context.catalog : PriceCatalog::builtIn(), snapshot->config);
        m_costSnapshot = snapshot;
    }
    return *m_cost;
}

void GatewayApi::handle(HttpRequest request, HttpResponder *responder)
{
    const QByteArrayView path = request.path();
    const QByteArray requestId = newRequestId(); // every answer carries one
    // Refused before it is a call to a model (no key, unknown URL, wrong method): a log line
    // with the id the client got, no usage row.
    const auto refuse = [&](int status, const QString &message, const QString &code) {
        sendError(responder, requestId, status, message, code);
        // The path, not the whole target: a query string may carry a client's secret.
        qCInfo(lcGateway).noquote() << QString::fromLatin1(requestId) << QString::fromLatin1(request.method)
                                    << QString::fromUtf8(path.toByteArray()) << u"status=" + QString::number(status)
                                    << u"error=\"" + message + u'"';
    };
    if (path == "/health") {
        responder->send(200, {{"Content-Type"_ba, kJson}, {"X-Request-Id"_ba, requestId}}, R"({"status":"ok"})");
        return;
    }
    const ConfigSnapshotPtr snapshot = currentSnapshot();
    if (!m_keys || m_keysSnapshot != snapshot) {
        // Once per configuration. The address actually listened on decides whether keys are
        // required: a reload that drops the last key of a gateway started with --listen
        // 0.0.0.0 must lock it, not open it.
        const GatewaySettings &settings = snapshot->config.gateway;
        m_keys = std::make_unique<ApiKeys>(settings.keys, m_context.listen.isEmpty() ? settings.listen : m_context.listen);
        m_keysSnapshot = snapshot;
    }
    const std::optional<QString> key = m_keys->authorize(request.header("authorization"));
    if (!key) {
        refuse(401,
               m_keys->size() == 0
                   ? QStringLiteral("This gateway listens on a non-loopback address and has no keys, so it refuses every "
                                    "request. Create one with 'switchyard-gateway keys add NAME'.")
               : request.hasHeader("authorization")
                   ? QStringLiteral("Incorrect API key provided. Create one with 'switchyard-gateway keys add NAME'.")
                   : QStringLiteral("You didn't provide an API key. Send 'Authorization: Bearer sy-...'."),
               QStringLiteral("invalid_api_key"));
        return;
    }
    if (path == "/metrics") {
        responder->send(200, {{"Content-Type"_ba, "text/plain; version=0.0.4; charset=utf-8"_ba}, {"X-Request-Id"_ba, requestId}},
                        m_context.metrics ? m_context.metrics->render(m_context.breaker) : QByteArray());
        return;
    }
    if (path == "/v1/models") {
        if (request.method != "GET")
            return refuse(405, QStringLiteral("use GET for /v1/models"), QStringLiteral("method_not_allowed"));
        handleModels(*snapshot, responder, requestId);
        return;
    }
    int endpoint = -1;
    if (path == "/v1/chat/completions")
        endpoint = int(UpstreamEndpoint::ChatCompletions);
    else if (path == "/v1/completions")
        endpoint = int(UpstreamEndpoint::Completions);
    else if (path == "/v1/embeddings")
        endpoint = int(UpstreamEndpoint::Embeddings);
    if (endpoint < 0) {
        refuse(404, QStringLiteral("Unknown request URL: %1 %2").arg(QString::fromLatin1(request.method), QString::fromUtf8(path.toByteArray())),
               QStringLiteral("unknown_url"));
        return;
    }
    if (request.method != "POST") {
        refuse(405, QStringLiteral("use POST for %1").arg(QString::fromUtf8(path.toByteArray())), QStringLiteral("method_not_allowed"));
        return;
    }
    handleInference(std::move(request), responder, endpoint, *key, requestId);
}

void GatewayApi::handleModels(const ConfigSnapshot &snapshot, HttpResponder *responder, const QByteArray &requestId)
{
    const Config &c = snapshot.config;
    QJsonArray data;
    QSet<QString> seen;
    auto add = [&](const QString &id, const QString &owner) {
        if (seen.contains(id))
            return;
        seen.insert(id);
        data.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("object"), QStringLiteral("model")},
                                {QStringLiteral("created"), 0}, {QStringLiteral("owned_by"), owner}});
    };
    for (const NodeConfig &n : c.nodes) {
        for (const QString &m : n.models) {
            add(n.id + u'/' + m, n.id);
            add(m, n.id);
        }
    }
    for (const ProviderConfig &p : c.providers)
        for (const QString &m : p.models)
            add(p.id + u'/' + m, p.id);
    for (const RouteConfig &r : c.routes) {
        add(QStringLiteral("route/") + r.name, QStringLiteral("switchyard"));
        for (const QString &alias : r.aliases)
            add(alias, QStringLiteral("switchyard"));
    }
    for (const PipelineConfig &p : c.pipelines)
        add(QStringLiteral("pipeline/") + p.name, QStringLiteral("switchyard"));
    const QJsonObject body{{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}};
    responder->send(200, {{"Content-Type"_ba, kJson}, {"X-Request-Id"_ba, requestId}},
                    QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void GatewayApi::handleInference(HttpRequest &&request, HttpResponder *responder, int endpoint, const QString &keyName,
                                 const QByteArray &requestId)
{
    auto ex = std::make_unique<Exchange>();
    ex->responder = responder;
    ex->requestId = requestId;
    ex->time = QDateTime::currentDateTimeUtc();
    ex->clock.start();
    ex->snapshot = currentSnapshot();
    ex->keyName = keyName;
    ex->path = request.path().toByteArray();
    // A refused request is a client request too: it gets its usage row and log line.
    const auto refuse = [&](int status, const QString &message, const QString &code, const QString &param = {}) {
        sendError(responder, requestId, status, message, code, param);
        record(ex.get(), LadderOutcome(), status, message);
    };

    const QByteArray contentType = request.header("content-type").toLower();
    if (!contentType.startsWith("application/json")) {
        ex->routing.task = QString::fromUtf8(request.header("x-switchyard-task"));
        return refuse(415,
                      QStringLiteral("Content-Type must be application/json, got '%1'").arg(QString::fromLatin1(request.header("content-type"))),
                      QStringLiteral("unsupported_media_type"));
    }
    // The body stays text: read by JsonScanner, forwarded with the model spliced in. What the
    // scanner refuses goes to QJsonDocument for Qt's verdict and error text; what Qt still
    // accepts (it is more lenient) continues in Qt's own serialisation.
    QByteArray json = request.body;
    QByteArrayView root;
    if (!JsonScanner::validate(json, &root) || JsonScanner::typeOf(root) != JsonScanner::Type::Object) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            ex->routing.task = QString::fromUtf8(request.header("x-switchyard-task"));
            return refuse(400,
                          parseError.error != QJsonParseError::NoError
                              ? QStringLiteral("We could not parse the JSON body of your request: %1 at offset %2")
                                    .arg(parseError.errorString()).arg(parseError.offset)
                              : QStringLiteral("The request body must be a JSON object."),
                          QStringLiteral("invalid_json"));
        }
        json = doc.toJson(QJsonDocument::Compact);
        root = json;
    }

    ex->routing = RoutingRequest::from(root, &request);
    ex->stream = ex->routing.stream && endpoint != int(UpstreamEndpoint::Embeddings);
    ex->clientWantsUsage = ex->routing.includeUsage;

    const auto resolved = Resolver::resolve(ex->snapshot->config, ex->routing);
    ex->routing.http = nullptr; // the HTTP request does not outlive this call
    if (const auto *error = std::get_if<RoutingError>(&resolved))
        return refuse(error->httpStatus, error->message, error->code, error->param);

    UpstreamCall prototype;
    prototype.endpoint = UpstreamEndpoint(endpoint);
    prototype.json = std::move(json);
    prototype.stream = ex->stream;
    prototype.requestId = requestId;
    const bool jsonMode = ex->routing.jsonMode;
    Exchange *exchange = ex.release(); // onFinished() deletes it
    exchange->runner = new LadderRunner(std::get<Plan>(resolved), std::move(prototype), jsonMode, m_upstream,
                                        m_context.breaker, m_context.secrets, this);
    connect(exchange->runner, &LadderRunner::committed, this,
            [this, exchange](const UpstreamTarget &target, int attempts) { onCommitted(exchange, target, attempts); });
    connect(exchange->runner, &LadderRunner::chunk, this, [this, exchange](const QByteArray &json) { onChunk(exchange, json); });
    connect(exchange->runner, &LadderRunner::finished, this, [this, exchange](const LadderOutcome &o) { onFinished(exchange, o); });
    connect(responder, &HttpResponder::clientGone, exchange->runner, &LadderRunner::abort);
    exchange->runner->start();
}

void GatewayApi::onCommitted(Exchange *ex, const UpstreamTarget &target, int attempts)
{
    ex->ttftMs = ex->clock.elapsed();
    if (!ex->responder || ex->responder->isClientGone())
        return;
    ex->streamStarted = true;
    ex->responder->beginStream(200, {{"Content-Type"_ba, "text/event-stream; charset=utf-8"_ba},
                                     {"Cache-Control", "no-cache"},
                                     {"X-Request-Id"_ba, ex->requestId},
                                     {"X-Switchyard-Served-By"_ba, target.label().toUtf8()},
                                     {"X-Switchyard-Attempts"_ba, QByteArray::number(attempts)}});
}

void GatewayApi::onChunk(Exchange *ex, const QByteArray &json)
{
    if (!ex->streamStarted || !ex->responder)
        return;
    if (!ex->clientWantsUsage && isUsageOnlyChunk(json))
        return;
    QByteArray event;
    event.reserve(json.size() + 8);
    event.append("data: ").append(json).append("\n\n");
    ex->responder->write(event);
}

void GatewayApi::onFinished(Exchange *ex, const LadderOutcome &outcome)
{
    std::unique_ptr<Exchange> owner(ex);
    ex->runner->deleteLater();
    HttpResponder *responder = ex->responder;
    const bool clientGone = !responder || responder->isClientGone() || outcome.cancelled;
    int status = 200;
    QString error;

    if (outcome.committed) {
        if (clientGone) {
            status = 499;
            error = QStringLiteral("client closed the connection mid-stream");
        } else if (!outcome.ok) {
            // After the first byte there is no escalation: end with an error event the SDKs raise.
            const OpenAiError e = OpenAiError::make(502, QStringLiteral("%1 failed mid-stream: %2")
                                                             .arg(outcome.servedBy.label(), outcome.result.errorMessage),
                                                    QStringLiteral("stream_interrupted"));
            status = 502;
            error = e.message;
            responder->write(e.toSseEvent());
            responder->endStream();
        } else {
            responder->write("data: [DONE]\n\n");
            responder->endStream();
        }
    } else if (clientGone) {
        status = 499;
        error = QStringLiteral("client closed the connection");
    } else if (outcome.ok) {
        // Priced before answering so the client gets X-Switchyard-Cost-USD.
        const CostBreakdown cost = costCalculator(ex->snapshot).cost([&] {
            RequestRecord r;
            r.time = ex->time;
            r.provider = outcome.servedBy.provider;
            r.node = outcome.servedBy.node;
            r.model = outcome.servedBy.model;
            r.tokens = outcome.result.usage;
            r.latencyMs = outcome.result.latencyMs;
            return r;
        }());
        HttpHeaders headers{{"Content-Type"_ba, kJson},
                            {"X-Request-Id"_ba, ex->requestId},
                            {"X-Switchyard-Served-By"_ba, outcome.servedBy.label().toUtf8()},
                            {"X-Switchyard-Attempts"_ba, QByteArray::number(outcome.attempts)},
                            {"X-Switchyard-Cost-USD"_ba, cost.usdText()}};
        responder->send(200, headers, outcome.result.body);
    } else {
        const OpenAiError e = clientError(outcome);
        status = e.httpStatus;
        error = e.message;
        HttpHeaders headers{{"Content-Type"_ba, kJson},
                            {"X-Request-Id"_ba, ex->requestId},
                            {"X-Switchyard-Attempts"_ba, QByteArray::number(outcome.attempts)}};
        if (outcome.attempts > 0)
            headers.append({"X-Switchyard-Served-By"_ba, outcome.servedBy.label().toUtf8()});
        if (status == 429 && outcome.result.retryAfterMs >= 0)
            headers.append({"Retry-After"_ba, QByteArray::number((outcome.result.retryAfterMs + 999) / 1000)});
        responder->send(status, headers, e.toJson());
    }
    record(ex, outcome, status, error);
}

void GatewayApi::record(Exchange *ex, const LadderOutcome &outcome, int clientStatus, const QString &error)
{
    const CostCalculator &calculator = costCalculator(ex->snapshot);
    RequestRecord r;
    r.requestId = QString::fromLatin1(ex->requestId);
    r.time = ex->time;
    r.keyName = ex->keyName;
    r.task = ex->routing.task;
    r.requestedModel = ex->routing.model;
    r.route = ex->runner ? ex->runner->plan().route : QString();
    if (outcome.attempts > 0 || !outcome.attemptRecords.isEmpty()) {
        r.provider = outcome.servedBy.provider;
        r.node = outcome.servedBy.node;
        r.model = outcome.servedBy.model;
    }
    r.httpStatus = clientStatus;
    r.status = clientStatus == 499 ? QStringLiteral("cancelled") : clientStatus < 400 ? QStringLiteral("ok") : QStringLiteral("error");
    r.attempts = outcome.attempts;
    r.latencyMs = ex->clock.elapsed();
    r.ttftMs = ex->ttftMs;
    r.stream = ex->stream;
    r.error = error;

    // The request costs what all its attempts cost: an escalated answer was paid for too.
    bool anyTokens = false;
    bool allPriced = true;
    CostBreakdown total;
    total.priced = true;
    for (qsizetype i = 0; i < outcome.attemptRecords.size(); ++i) {
        AttemptRecord a = outcome.attemptRecords.at(i);
        const bool hasTokens = a.tokens.inputTokens > 0 || a.tokens.outputTokens > 0;
        if (hasTokens || !a.node.isEmpty()) {
            a.cost = calculator.cost(a, ex->time);
            if (hasTokens) {
                anyTokens = true;
                allPriced = allPriced && a.cost.priced;
                total += a.cost;
                total.priceSource = a.cost.priceSource;
                total.matchedModel = a.cost.matchedModel;
            }
        }
        r.tokens += a.tokens;
        r.attemptRecords.append(a);
    }
    if (outcome.committed && !outcome.result.hasUsage && !outcome.attemptRecords.isEmpty()) {
        // The stream broke before its usage chunk: the tokens were still spent. Take what the
        // upstream reported before it broke off (Anthropic's input and cache counts), estimate
        // the rest (about 4 characters a token) rather than record a free or unknown call.
        AttemptRecord &last = r.attemptRecords.last();
        const TokenUsage &known = outcome.result.usage;
        if (known.inputTokens > 0)
            last.tokens = known;
        else
            last.tokens.inputTokens = ex->routing.estimatedPromptTokens;
        last.tokens.outputTokens = qMax<qint64>(known.outputTokens, (outcome.result.content.size() + 3) / 4);
        last.cost = calculator.cost(last, ex->time);
        anyTokens = true;
        allPriced = allPriced && last.cost.priced;
        total += last.cost;
        total.priceSource = last.cost.priceSource + QStringLiteral(" (tokens estimated)");
        r.tokens += last.tokens;
    }
    if (anyTokens && allPriced) {
        r.cost = total;
    } else if (!anyTokens && outcome.ok) {
        r.cost = calculator.cost(r); // a node answer without a usage block: energy only, or unpriced
    } else if (!outcome.sentUpstream) {
        // Refused, or every rung skipped (open circuit, no key), before any upstream was
        // called: nothing was spent, which is a price.
        r.cost.priced = true;
        r.cost.priceSource = QStringLiteral("not sent upstream");
    }
    // else: unpriced (priced=false), never $0 pretending to be a price

    GatewayMetrics::RequestSample sample;
    sample.route = r.route;
    sample.target = r.model.isEmpty() ? QString() : outcome.servedBy.label();
    sample.status = clientStatus;
    sample.seconds = double(r.latencyMs) / 1000.0;
    sample.ttftSeconds = r.ttftMs >= 0 ? double(r.ttftMs) / 1000.0 : -1;
    sample.inputTokens = r.tokens.inputTokens;
    sample.outputTokens = r.tokens.outputTokens;
    sample.cachedTokens = r.tokens.cacheReadTokens;
    sample.costNanoUsd = r.cost.priced ? r.cost.total() : 0;
    sample.priced = r.cost.priced || !anyTokens;
    m_metrics.addRequest(sample);
    for (qsizetype i = 0; i < outcome.attemptRecords.size(); ++i)
        m_metrics.addAttempt(outcome.attemptTargets.at(i).label(), outcome.attemptRecords.at(i).outcome);

    // Built once as UTF-8 and handed to the log thread's buffer: this runs for every call.
    if (lcGateway().isInfoEnabled()) {
        ByteBuilder line(192 + ex->path.size() + 3 * (r.requestedModel.size() + r.route.size() + r.model.size() + 64 + r.task.size() + error.size()));
        line << ex->requestId << ' ' << ex->path << " model=";
        if (r.requestedModel.isEmpty())
            line << '-';
        else
            line.utf8(r.requestedModel);
        line << " route=";
        if (r.route.isEmpty())
            line << '-';
        else
            line.utf8(r.route);
        line << " served=";
        if (r.model.isEmpty())
            line << '-';
        else
            (line.utf8(outcome.servedBy.owner()) << '/').utf8(outcome.servedBy.model);
        (line << " status=").number(clientStatus);
        (line << " attempts=").number(r.attempts);
        (line << " latency=").number(r.latencyMs) << "ms tokens=";
        line.number(r.tokens.inputTokens) << '/';
        line.number(r.tokens.outputTokens) << " cost=" << r.cost.usdText();
        if (!r.task.isEmpty())
            (line << " task=").utf8(r.task);
        if (!error.isEmpty())
            (line << " error=\"").utf8(error) << '"';
        if (!LogWriter::info(lcGateway(), line.view()))
            qCInfo(lcGateway).noquote() << QString::fromUtf8(line.view());
    }

    if (m_context.usage)
        m_context.usage->record(std::move(r)); // last: moved, not copied
}

} // namespace Switchyard
