// SPDX-License-Identifier: MIT
#include "core/config/configvalidator.h"

#include "core/common/jsonpath.h"
#include "core/usage/pricecatalog.h"

#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <cmath>

namespace Switchyard {

namespace {

using L1 = QLatin1StringView;

const QStringList kProviderKinds{QStringLiteral("openai"), QStringLiteral("anthropic"), QStringLiteral("simulated")};
const QStringList kNodeKinds{QStringLiteral("ollama"), QStringLiteral("llama.cpp"), QStringLiteral("vllm"),
                             QStringLiteral("lmstudio"), QStringLiteral("openai")};
const QStringList kEscalateOn{QStringLiteral("429"), QStringLiteral("5xx"), QStringLiteral("timeout"),
                              QStringLiteral("connect"), QStringLiteral("first-token")};

QString quoted(const QString &s)
{
    return u'\'' + s + u'\'';
}

/// Validation of one document; members keep the lookups built once per run.
class Run
{
    Q_DECLARE_TR_FUNCTIONS(ConfigValidator)

public:
    Run(const Config &config, const ConfigValidator::ModelLookup &lookup)
        : c(config)
        , m_lookup(lookup)
    {
    }

    Errors validate()
    {
        checkGateway();
        checkProviders();
        checkNodes();
        checkPrices();
        checkRoutes();
        checkRules();
        checkPipelines();
        checkCycles();
        return m_errors;
    }

private:
    void error(const QString &path, const QString &message) { m_errors.append({path, message}); }

    void checkUrl(const QString &path, const QString &value)
    {
        const QUrl url(value, QUrl::StrictMode);
        if (value.isEmpty())
            error(path, tr("is required"));
        else if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
            error(path, tr("%1 is not an http:// or https:// URL with a host").arg(quoted(value)));
    }

    void checkId(const QString &path, const QString &id, const char *what, QSet<QString> &seen)
    {
        if (id.isEmpty())
            return; // the parser already said "is required"
        if (id.contains(u'/') || id.contains(u' '))
            error(path, tr("%1 id %2 must not contain '/' or spaces").arg(L1(what), quoted(id)));
        if (seen.contains(id))
            error(path, tr("duplicate %1 id %2").arg(L1(what), quoted(id)));
        seen.insert(id);
    }

    void checkGateway()
    {
        const GatewaySettings &g = c.gateway;
        const QString listenPath = QStringLiteral("gateway.listen");
        const qsizetype colon = g.listen.lastIndexOf(u':');
        bool portOk = false;
        const int port = colon > 0 ? g.listen.mid(colon + 1).toInt(&portOk) : 0;
        QString host = colon > 0 ? g.listen.left(colon) : QString();
        if (host.startsWith(u'[') && host.endsWith(u']'))
            host = host.mid(1, host.size() - 2);
        QHostAddress address;
        const bool hostOk = host == u"localhost" || address.setAddress(host);
        if (!portOk || port < 1 || port > 65535 || !hostOk) {
            error(listenPath, tr("%1 is not HOST:PORT with an IP address (or localhost) and a port from 1 to 65535")
                                  .arg(quoted(g.listen)));
        } else if (host != u"localhost" && !address.isLoopback() && g.keys.isEmpty()) {
            error(listenPath, tr("listening on %1, which is not loopback, requires at least one key in "
                                             "gateway.keys (create one with 'switchyard-gateway keys add NAME')")
                                  .arg(host));
        }
        QSet<QString> names;
        static const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}$"));
        for (qsizetype i = 0; i < g.keys.size(); ++i) {
            const QString path = JsonPath::index(QStringLiteral("gateway.keys"), i);
            const GatewayKey &k = g.keys.at(i);
            if (names.contains(k.name))
                error(path + QStringLiteral(".name"), tr("duplicate key name %1").arg(quoted(k.name)));
            names.insert(k.name);
            if (!k.sha256.isEmpty() && !hex64.match(k.sha256).hasMatch())
                error(path + QStringLiteral(".sha256"), tr("must be the 64 lowercase hex digits of a SHA-256 hash; the key itself is never stored here"));
        }
        if (g.maxBodyBytes < 1024 || g.maxBodyBytes > (qint64(1) << 30))
            error(QStringLiteral("gateway.maxBodyBytes"), tr("must be between 1024 bytes and 1 GiB, got %1").arg(g.maxBodyBytes));
        if (g.headerTimeoutMs < 1)
            error(QStringLiteral("gateway.headerTimeoutMs"), tr("must be a positive number of milliseconds"));
        if (g.idleTimeoutMs < 1)
            error(QStringLiteral("gateway.idleTimeoutMs"), tr("must be a positive number of milliseconds"));
        if (g.workerThreads < 0 || g.workerThreads > 64)
            error(QStringLiteral("gateway.workerThreads"), tr("must be between 0 (one per core) and 64"));
    }

    void checkSecret(const QString &path, const QString &value)
    {
        if (value.isEmpty() || ConfigValidator::isSecretReference(value))
            return;
        if (value.startsWith(u"env:") || value.startsWith(u"keychain:")) {
            error(path, tr("%1 is not a valid reference: env:VAR needs a variable name of letters, digits "
                                       "and '_', keychain:NAME needs a name").arg(quoted(value)));
            return;
        }
        // Never echo the value: it is probably a real key.
        error(path, tr("secret written in clear; store it in the keychain and write \"keychain:NAME\", "
                                   "or write \"env:VARIABLE\" to read it from the environment"));
    }

    void checkProviders()
    {
        QSet<QString> ids;
        for (qsizetype i = 0; i < c.providers.size(); ++i) {
            const ProviderConfig &p = c.providers.at(i);
            const QString path = JsonPath::index(QStringLiteral("providers"), i);
            checkId(path + QStringLiteral(".id"), p.id, "provider", ids);
            if (!p.kind.isEmpty() && !kProviderKinds.contains(p.kind))
                error(path + QStringLiteral(".kind"), tr("unknown provider kind %1; expected one of %2")
                                                          .arg(quoted(p.kind), kProviderKinds.join(QStringLiteral(", "))));
            if (p.kind != u"simulated")
                checkUrl(path + QStringLiteral(".baseUrl"), p.baseUrl);
            checkSecret(path + QStringLiteral(".apiKey"), p.apiKey);
            const SimulatedSettings &s = p.simulated;
            if (!(s.failureRate >= 0.0 && s.failureRate <= 1.0))
                error(path + QStringLiteral(".simulated.failureRate"), tr("must be between 0 and 1"));
            if (s.latencyMs < 0 || s.firstTokenMs < 0 || s.firstTokenMs > s.latencyMs)
                error(path + QStringLiteral(".simulated"), tr("latencyMs and firstTokenMs must be non-negative, firstTokenMs no more than latencyMs"));
            if (s.completionTokens < 1)
                error(path + QStringLiteral(".simulated.completionTokens"), tr("must be at least 1"));
        }
    }

    void checkNodes()
    {
        QSet<QString> ids;
        for (qsizetype i = 0; i < c.nodes.size(); ++i) {
            const NodeConfig &n = c.nodes.at(i);
            const QString path = JsonPath::index(QStringLiteral("nodes"), i);
            checkId(path + QStringLiteral(".id"), n.id, "node", ids);
            if (c.provider(n.id))
                error(path + QStringLiteral(".id"), tr("%1 is already a provider id; nodes and providers share one namespace").arg(quoted(n.id)));
            if (!n.kind.isEmpty() && !kNodeKinds.contains(n.kind))
                error(path + QStringLiteral(".kind"), tr("unknown node kind %1; expected one of %2")
                                                          .arg(quoted(n.kind), kNodeKinds.join(QStringLiteral(", "))));
            if (!n.baseUrl.isEmpty())
                checkUrl(path + QStringLiteral(".baseUrl"), n.baseUrl);
            if (n.launch && n.launch->program.isEmpty())
                error(path + QStringLiteral(".launch.program"), tr("must name the program to start"));
            if (!(n.energyUsdPerHour >= 0.0) || !std::isfinite(n.energyUsdPerHour))
                error(path + QStringLiteral(".energyUsdPerHour"), tr("must not be negative"));
        }
    }

    void checkPrices()
    {
        for (auto it = c.prices.constBegin(); it != c.prices.constEnd(); ++it) {
            const QString path = QStringLiteral("prices[\"") + it.key() + QStringLiteral("\"]");
            QString provider, model;
            if (ConfigValidator::splitTarget(it.key(), &provider, &model) && !c.provider(provider) && !c.node(provider))
                error(path, tr("unknown provider %1 in price key").arg(quoted(provider)));
            const PriceEntry &e = *it;
            if (!e.input && !e.output && !e.cachedInput && !e.cacheWrite)
                error(path, tr("gives no price; set input, output, cachedInput or cacheWrite (USD per million tokens)"));
            const std::pair<const char *, std::optional<double>> parts[] = {
                {"input", e.input}, {"output", e.output}, {"cachedInput", e.cachedInput}, {"cacheWrite", e.cacheWrite}};
            for (const auto &[name, value] : parts) {
                if (value && (!std::isfinite(*value) || *value < 0))
                    error(path + u'.' + L1(name), tr("negative price %1; prices are USD per million tokens, 0 or more")
                                                      .arg(*value));
            }
        }
    }

    /// Checks that `target` names something the gateway can serve.
    void checkTarget(const QString &path, const QString &target)
    {
        if (target.isEmpty())
            return;
        if (target.startsWith(u"route/")) {
            if (!c.route(target.mid(6)))
                error(path, tr("unknown route %1").arg(quoted(target)));
            return;
        }
        if (target.startsWith(u"pipeline/")) {
            const QString name = target.mid(9);
            if (std::none_of(c.pipelines.cbegin(), c.pipelines.cend(), [&](const PipelineConfig &p) { return p.name == name; }))
                error(path, tr("unknown pipeline %1").arg(quoted(target)));
            return;
        }
        QString owner, model;
        if (ConfigValidator::splitTarget(target, &owner, &model)) {
            if (const ProviderConfig *p = c.provider(owner)) {
                if (!providerServes(*p, model))
                    error(path, tr("unknown model %1: provider %2 does not list it and the price catalog does "
                                               "not know it").arg(quoted(target), quoted(owner)));
                return;
            }
            if (const NodeConfig *n = c.node(owner)) {
                if (!n->models.isEmpty() && !n->models.contains(model))
                    error(path, tr("unknown model %1: node %2 lists %3")
                                    .arg(quoted(target), quoted(owner), n->models.join(QStringLiteral(", "))));
                return;
            }
            // A bare name may itself contain '/' (e.g. "meta-llama/Llama-3.1-8B" on a vLLM node).
            if (servedBare(target))
                return;
            error(path, tr("unknown model %1: no provider or node called %2").arg(quoted(target), quoted(owner)));
            return;
        }
        if (c.route(target))
            return; // an alias
        if (!servedBare(target))
            error(path, tr("unknown model %1: no node or provider lists it; write provider/model, "
                                       "route/NAME, or add it to a node's models").arg(quoted(target)));
    }

    bool providerServes(const ProviderConfig &p, const QString &model) const
    {
        if (!p.models.isEmpty())
            return p.models.contains(model);
        if (p.kind == u"simulated")
            return true; // the simulated provider answers for any model name
        if (!m_lookup)
            return true;
        return m_lookup(p.pricingProvider(), model) != ConfigValidator::ModelKnowledge::Unknown;
    }

    bool servedBare(const QString &model) const
    {
        return std::any_of(c.nodes.cbegin(), c.nodes.cend(), [&](const NodeConfig &n) { return n.models.contains(model); })
            || std::any_of(c.providers.cbegin(), c.providers.cend(),
                           [&](const ProviderConfig &p) { return p.models.contains(model); });
    }

    void checkRoutes()
    {
        QHash<QString, QString> names; // name or alias -> path where first defined
        for (qsizetype i = 0; i < c.routes.size(); ++i) {
            const RouteConfig &r = c.routes.at(i);
            const QString path = JsonPath::index(QStringLiteral("routes"), i);
            auto claim = [&](const QString &name, const QString &where) {
                if (name.isEmpty())
                    return;
                if (names.contains(name))
                    error(where, tr("duplicate route name %1 (already used at %2)").arg(quoted(name), names.value(name)));
                else
                    names.insert(name, where);
                if (name.contains(u'/'))
                    error(where, tr("route names and aliases must not contain '/'"));
            };
            claim(r.name, path + QStringLiteral(".name"));
            for (qsizetype a = 0; a < r.aliases.size(); ++a)
                claim(r.aliases.at(a), JsonPath::index(path + QStringLiteral(".aliases"), a));
            if (r.ladder.isEmpty() && !r.name.isEmpty())
                error(path + QStringLiteral(".ladder"), tr("a route needs at least one rung"));
            for (qsizetype j = 0; j < r.ladder.size(); ++j) {
                const Rung &rung = r.ladder.at(j);
                const QString rungPath = JsonPath::index(path + QStringLiteral(".ladder"), j);
                checkTarget(rungPath + QStringLiteral(".target"), rung.target);
                if (rung.timeoutMs < 0 || rung.connectTimeoutMs < 0 || rung.firstTokenTimeoutMs < 0)
                    error(rungPath, tr("timeouts must not be negative"));
                for (qsizetype k = 0; k < rung.escalateOn.size(); ++k) {
                    const QString &cause = rung.escalateOn.at(k);
                    static const QRegularExpression status(QStringLiteral("^[45][0-9][0-9]$"));
                    if (!kEscalateOn.contains(cause) && !status.match(cause).hasMatch())
                        error(JsonPath::index(rungPath + QStringLiteral(".escalateOn"), k), tr("unknown cause %1; expected an HTTP status such as \"503\" or one of %2")
                                  .arg(quoted(cause), kEscalateOn.join(QStringLiteral(", "))));
                }
            }
        }
    }

    void checkRegex(const QString &path, const QString &pattern)
    {
        const QRegularExpression re(pattern);
        if (!re.isValid())
            error(path, tr("invalid regular expression: %1 at offset %2").arg(re.errorString()).arg(re.patternErrorOffset()));
    }

    void checkRules()
    {
        for (qsizetype i = 0; i < c.rules.size(); ++i) {
            const RuleConfig &rule = c.rules.at(i);
            const QString path = JsonPath::index(QStringLiteral("rules"), i);
            checkTarget(path + QStringLiteral(".use"), rule.use);
            const RuleCondition &w = rule.when;
            if (!w.model.isEmpty())
                checkTarget(path + QStringLiteral(".when.model"), w.model);
            for (auto it = w.headers.constBegin(); it != w.headers.constEnd(); ++it)
                checkRegex(path + QStringLiteral(".when.headers.") + it.key(), it.value());
            if (!w.lastUserMessage.isEmpty())
                checkRegex(path + QStringLiteral(".when.lastUserMessage"), w.lastUserMessage);
            if ((w.minPromptTokens && *w.minPromptTokens < 0) || (w.maxPromptTokens && *w.maxPromptTokens < 0))
                error(path + QStringLiteral(".when"), tr("token limits must not be negative"));
            if (w.minPromptTokens && w.maxPromptTokens && *w.minPromptTokens > *w.maxPromptTokens)
                error(path + QStringLiteral(".when"), tr("minPromptTokens is larger than maxPromptTokens"));
        }
    }

    void checkPipelines()
    {
        QSet<QString> names;
        for (qsizetype i = 0; i < c.pipelines.size(); ++i) {
            const PipelineConfig &p = c.pipelines.at(i);
            const QString path = JsonPath::index(QStringLiteral("pipelines"), i);
            if (names.contains(p.name))
                error(path + QStringLiteral(".name"), tr("duplicate pipeline name %1").arg(quoted(p.name)));
            names.insert(p.name);
            if (p.steps.isEmpty() && !p.name.isEmpty())
                error(path + QStringLiteral(".steps"), tr("a pipeline needs at least one step"));
        }
    }

    /// Route name for a model reference, or empty when it is not a route.
    QString routeOf(const QString &ref) const
    {
        const QString name = ref.startsWith(u"route/") ? ref.mid(6) : ref;
        const RouteConfig *r = c.route(name);
        return r ? r->name : QString();
    }

    /// Two graphs can loop forever at request time, so a cycle in either is an error here:
    /// rules rewriting the requested model (a rule without `when.model` applies to every
    /// route but the one it sends to), and routes nesting other routes in their rungs.
    void checkCycles()
    {
        QHash<QString, QList<Edge>> rules;
        for (qsizetype i = 0; i < c.rules.size(); ++i) {
            const RuleConfig &rule = c.rules.at(i);
            const QString to = routeOf(rule.use);
            if (to.isEmpty())
                continue;
            const QString path = QStringLiteral("rules[%1].use").arg(i);
            if (rule.when.model.isEmpty()) {
                for (const RouteConfig &r : c.routes) {
                    if (r.name != to)
                        rules[r.name].append({to, path});
                }
            } else if (const QString from = routeOf(rule.when.model); !from.isEmpty()) {
                rules[from].append({to, path});
            }
        }
        findCycles(rules, tr("cyclic rule: %1 never ends"));

        QHash<QString, QList<Edge>> rungs;
        for (qsizetype i = 0; i < c.routes.size(); ++i) {
            const RouteConfig &r = c.routes.at(i);
            for (qsizetype j = 0; j < r.ladder.size(); ++j) {
                const QString to = r.ladder.at(j).target.startsWith(u"route/") ? routeOf(r.ladder.at(j).target) : QString();
                if (!to.isEmpty())
                    rungs[r.name].append({to, QStringLiteral("routes[%1].ladder[%2].target").arg(i).arg(j)});
            }
        }
        findCycles(rungs, tr("cyclic route: %1 never ends"));
    }

    struct Edge {
        QString to;
        QString path;
    };

    void findCycles(const QHash<QString, QList<Edge>> &edges, const QString &message)
    {
        QHash<QString, int> state; // 0 unvisited, 1 on stack, 2 done
        QStringList stack;
        QSet<QString> reported;
        std::function<void(const QString &)> visit = [&](const QString &route) {
            state[route] = 1;
            stack.append(route);
            for (const Edge &e : edges.value(route)) {
                if (state.value(e.to) == 1) {
                    if (!reported.contains(e.path)) {
                        reported.insert(e.path);
                        QStringList loop = stack.mid(stack.indexOf(e.to));
                        loop.append(e.to);
                        for (QString &s : loop)
                            s.prepend(QStringLiteral("route/"));
                        error(e.path, message.arg(loop.join(QStringLiteral(" → "))));
                    }
                } else if (state.value(e.to) == 0) {
                    visit(e.to);
                }
            }
            stack.removeLast();
            state[route] = 2;
        };
        for (const RouteConfig &r : c.routes) {
            if (state.value(r.name) == 0)
                visit(r.name);
        }
    }

    const Config &c;
    const ConfigValidator::ModelLookup &m_lookup;
    Errors m_errors;
};

} // namespace

ConfigValidator::ConfigValidator(ModelLookup lookup)
    : m_lookup(std::move(lookup))
{
}

ConfigValidator::ModelLookup ConfigValidator::catalogLookup()
{
    return [catalog = PriceCatalog::builtIn()](const QString &provider, const QString &model) {
        if (!catalog || !catalog->provider(provider))
            return ModelKnowledge::ProviderUnknown;
        return catalog->findModel(provider, model) ? ModelKnowledge::Known : ModelKnowledge::Unknown;
    };
}

Errors ConfigValidator::validate(const Config &config) const
{
    return Run(config, m_lookup).validate();
}

bool ConfigValidator::splitTarget(const QString &target, QString *provider, QString *model)
{
    const qsizetype slash = target.indexOf(u'/');
    if (slash <= 0 || slash == target.size() - 1)
        return false;
    *provider = target.left(slash);
    *model = target.mid(slash + 1);
    return true;
}

bool ConfigValidator::isSecretReference(const QString &value)
{
    static const QRegularExpression re(QStringLiteral("^(env:[A-Za-z_][A-Za-z0-9_]*|keychain:[^\\s]+)$"));
    return re.match(value).hasMatch();
}

} // namespace Switchyard
