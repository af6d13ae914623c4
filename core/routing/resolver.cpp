// SPDX-License-Identifier: MIT
#include "core/routing/resolver.h"

#include "core/config/configvalidator.h"

#include <QRegularExpression>

namespace Switchyard {

namespace {

constexpr int kMaxRuleHops = 16;
constexpr int kMaxRouteDepth = 8;

UpstreamTarget providerTarget(const ProviderConfig &p, const QString &model)
{
    UpstreamTarget t;
    t.provider = p.id;
    t.model = model;
    t.kind = p.kind;
    t.baseUrl = p.baseUrl;
    t.apiKeyRef = p.apiKey;
    t.pricingProvider = p.pricingProvider();
    t.simulated = p.simulated;
    return t;
}

UpstreamTarget nodeTarget(const NodeConfig &n, const QString &model)
{
    UpstreamTarget t;
    t.node = n.id;
    t.model = model;
    t.kind = QStringLiteral("openai"); // every supported node kind serves the OpenAI API under /v1
    t.baseUrl = n.baseUrl.endsWith(u"/v1") || n.baseUrl.endsWith(u"/v1/") ? n.baseUrl : n.baseUrl + QStringLiteral("/v1");
    return t;
}

const RouteConfig *routeFor(const Config &config, const QString &model)
{
    return config.route(model.startsWith(u"route/") ? model.mid(6) : model);
}

class Expander
{
public:
    Expander(const Config &config, const RoutingRequest &request)
        : c(config)
        , r(request)
    {
    }

    /// Appends the rungs for `model` with escalation settings `rung`; false with m_error set.
    bool expand(const QString &model, const Rung &rung, int depth)
    {
        if (depth > kMaxRouteDepth) {
            m_error = {508, QStringLiteral("route_loop"), QStringLiteral("routes nest deeper than %1 levels").arg(kMaxRouteDepth), {}};
            return false;
        }
        if (const RouteConfig *route = routeFor(c, model); route && (model.startsWith(u"route/") || !model.contains(u'/'))) {
            for (const Rung &inner : route->ladder) {
                if (!expand(inner.target, inner, depth + 1))
                    return false;
            }
            return true;
        }
        if (model.startsWith(u"pipeline/")) {
            m_error = {501, QStringLiteral("pipelines_not_served"),
                       QStringLiteral("'%1' is a pipeline; this gateway does not run pipelines yet").arg(model), QStringLiteral("model")};
            return false;
        }
        QString owner, name;
        if (ConfigValidator::splitTarget(model, &owner, &name)) {
            if (const ProviderConfig *p = c.provider(owner)) {
                m_rungs.append({providerTarget(*p, name), rung});
                return true;
            }
            if (const NodeConfig *n = c.node(owner)) {
                m_rungs.append({nodeTarget(*n, name), rung});
                return true;
            }
        }
        // A bare name (which may contain '/', e.g. Hugging Face ids on vLLM): nodes first.
        bool found = false;
        for (const NodeConfig &n : c.nodes) {
            if (n.models.contains(model)) {
                m_rungs.append({nodeTarget(n, model), rung});
                found = true;
            }
        }
        for (const ProviderConfig &p : c.providers) {
            if (p.models.contains(model)) {
                m_rungs.append({providerTarget(p, model), rung});
                found = true;
            }
        }
        if (!found) {
            m_error = {404, QStringLiteral("model_not_found"),
                       QStringLiteral("The model '%1' does not exist here: it is not provider/model, a route or alias, "
                                      "or a model listed by a configured node or provider.").arg(model),
                       QStringLiteral("model")};
        }
        return found;
    }

    const Config &c;
    const RoutingRequest &r;
    QList<PlannedRung> m_rungs;
    RoutingError m_error;
};

} // namespace

QStringList Resolver::defaultEscalateOn()
{
    return {QStringLiteral("429"), QStringLiteral("5xx"), QStringLiteral("timeout"), QStringLiteral("connect"),
            QStringLiteral("first-token")};
}

bool Resolver::ruleMatches(const Config &config, const RuleConfig &rule, const QString &model, const RoutingRequest &request)
{
    const RuleCondition &w = rule.when;
    if (w.model.isEmpty()) {
        if (!routeFor(config, model))
            return false; // unscoped rules rewrite requests for routes only, never a concrete model
    } else if (w.model != model) {
        const RouteConfig *a = routeFor(config, w.model);
        if (!a || a != routeFor(config, model))
            return false;
    }
    if (!w.task.isEmpty() && w.task != request.task)
        return false;
    if (w.minPromptTokens && request.estimatedPromptTokens < *w.minPromptTokens)
        return false;
    if (w.maxPromptTokens && request.estimatedPromptTokens > *w.maxPromptTokens)
        return false;
    if (w.tools && *w.tools != request.hasTools)
        return false;
    if (w.jsonMode && *w.jsonMode != request.jsonMode)
        return false;
    if (!w.lastUserMessage.isEmpty()
        && !QRegularExpression(w.lastUserMessage).match(request.lastUserMessage).hasMatch())
        return false;
    for (auto it = w.headers.constBegin(); it != w.headers.constEnd(); ++it) {
        const QString value = request.http ? QString::fromUtf8(request.http->header(it.key().toUtf8())) : QString();
        if (!QRegularExpression(it.value()).match(value).hasMatch())
            return false;
    }
    return true;
}

std::variant<Plan, RoutingError> Resolver::resolve(const Config &config, const RoutingRequest &request)
{
    if (request.model.isEmpty())
        return RoutingError{400, QStringLiteral("missing_model"), QStringLiteral("you must provide a model parameter"),
                            QStringLiteral("model")};

    QString model = request.model;
    QStringList visited{model};
    for (int hop = 0; hop < kMaxRuleHops; ++hop) {
        const auto rule = std::find_if(config.rules.cbegin(), config.rules.cend(),
                                       [&](const RuleConfig &r) { return ruleMatches(config, r, model, request); });
        if (rule == config.rules.cend() || visited.contains(rule->use))
            break; // the validator refuses cyclic rules; this only guards against them
        model = rule->use;
        visited.append(model);
    }

    Plan plan;
    plan.resolvedModel = model;
    if (const RouteConfig *route = routeFor(config, model); route && (model.startsWith(u"route/") || !model.contains(u'/')))
        plan.route = route->name;

    Expander expander(config, request);
    Rung direct;
    if (!expander.expand(model, direct, 0))
        return expander.m_error;
    plan.rungs = std::move(expander.m_rungs);
    for (PlannedRung &p : plan.rungs) {
        if (p.rung.escalateOn.isEmpty())
            p.rung.escalateOn = defaultEscalateOn();
    }

    if (!request.pinnedNode.isEmpty()) {
        const NodeConfig *node = config.node(request.pinnedNode);
        if (!node)
            return RoutingError{400, QStringLiteral("unknown_node"),
                                QStringLiteral("X-Switchyard-Node names '%1', which is not a configured node").arg(request.pinnedNode),
                                QStringLiteral("X-Switchyard-Node")};
        QList<PlannedRung> pinned;
        for (const PlannedRung &p : std::as_const(plan.rungs)) {
            if (p.target.node == node->id)
                pinned.append(p);
        }
        // A route that allows failover keeps its other rungs behind the node's: a pinned node
        // that cannot serve the model, or fails, does not end the call.
        if (const RouteConfig *route = plan.route.isEmpty() ? nullptr : config.route(plan.route); route && route->nodeFailover) {
            for (const PlannedRung &p : std::as_const(plan.rungs)) {
                if (p.target.node != node->id)
                    pinned.append(p);
            }
        }
        if (pinned.isEmpty())
            return RoutingError{400, QStringLiteral("node_cannot_serve"),
                                QStringLiteral("node '%1' cannot serve '%2'").arg(node->id, request.model),
                                QStringLiteral("X-Switchyard-Node")};
        plan.rungs = pinned;
    }
    return plan;
}

} // namespace Switchyard
