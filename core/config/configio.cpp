// SPDX-License-Identifier: MIT
#include "core/config/configio.h"

#include "core/common/jsonpath.h"
#include "core/common/jsonreader.h"
#include "core/config/configmigrations.h"
#include "core/config/configvalidator.h"

#include <QFile>
#include <QFileInfo>
#include <QDir>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <limits>

namespace Switchyard {

namespace {

using L1 = QLatin1StringView;

template<typename T, typename ReadOne>
QList<T> readArray(JsonReader &parent, L1 key, Errors &errors, ReadOne readOne)
{
    QList<T> result;
    const std::optional<QJsonArray> array = parent.array(key);
    if (!array)
        return result;
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QString path = JsonPath::index(parent.memberPath(key), i);
        if (!array->at(i).isObject()) {
            errors.append({path, ConfigIo::tr("expected an object, got %1").arg(JsonReader::typeName(array->at(i)))});
            continue;
        }
        JsonReader r(array->at(i).toObject(), path, errors);
        result.append(readOne(r));
        r.finish();
    }
    return result;
}

int toInt(std::optional<qint64> v, int fallback)
{
    return v ? int(std::clamp<qint64>(*v, -1, std::numeric_limits<int>::max())) : fallback;
}

GatewaySettings readGateway(JsonReader &r, Errors &errors)
{
    GatewaySettings g;
    g.listen = r.string(L1("listen"), g.listen);
    g.keys = readArray<GatewayKey>(r, L1("keys"), errors, [](JsonReader &k) {
        return GatewayKey{k.requiredString(L1("name")), k.requiredString(L1("sha256")), k.string(L1("created"))};
    });
    g.maxBodyBytes = r.integer(L1("maxBodyBytes")).value_or(g.maxBodyBytes);
    g.headerTimeoutMs = toInt(r.integer(L1("headerTimeoutMs")), g.headerTimeoutMs);
    g.idleTimeoutMs = toInt(r.integer(L1("idleTimeoutMs")), g.idleTimeoutMs);
    g.workerThreads = toInt(r.integer(L1("workerThreads")), g.workerThreads);
    return g;
}

ProviderConfig readProvider(JsonReader &r, Errors &errors)
{
    ProviderConfig p;
    p.id = r.requiredString(L1("id"));
    p.kind = r.requiredString(L1("kind"));
    p.baseUrl = r.string(L1("baseUrl"));
    p.apiKey = r.string(L1("apiKey"));
    p.catalogId = r.string(L1("catalogId"));
    p.models = r.stringList(L1("models"));
    if (const auto sim = r.object(L1("simulated"))) {
        JsonReader s(*sim, r.memberPath(L1("simulated")), errors);
        p.simulated.latencyMs = toInt(s.integer(L1("latencyMs")), p.simulated.latencyMs);
        p.simulated.firstTokenMs = toInt(s.integer(L1("firstTokenMs")), p.simulated.firstTokenMs);
        p.simulated.failureRate = s.number(L1("failureRate")).value_or(p.simulated.failureRate);
        p.simulated.completionTokens = toInt(s.integer(L1("completionTokens")), p.simulated.completionTokens);
        s.finish();
    }
    return p;
}

NodeConfig readNode(JsonReader &r, Errors &errors)
{
    NodeConfig n;
    n.id = r.requiredString(L1("id"));
    n.kind = r.requiredString(L1("kind"));
    n.baseUrl = r.requiredString(L1("baseUrl"));
    n.models = r.stringList(L1("models"));
    n.energyUsdPerHour = r.number(L1("energyUsdPerHour")).value_or(0.0);
    if (const auto launch = r.object(L1("launch"))) {
        JsonReader l(*launch, r.memberPath(L1("launch")), errors);
        n.launch = NodeLaunch{l.requiredString(L1("program")), l.stringList(L1("args")),
                              l.string(L1("workingDirectory"))};
        l.finish();
    }
    return n;
}

QMap<QString, PriceEntry> readPrices(JsonReader &r, Errors &errors)
{
    QMap<QString, PriceEntry> prices;
    const auto object = r.object(L1("prices"));
    if (!object)
        return prices;
    const QString base = r.memberPath(L1("prices"));
    for (auto it = object->constBegin(); it != object->constEnd(); ++it) {
        const QString path = base + QStringLiteral("[\"") + it.key() + QStringLiteral("\"]");
        if (!it.value().isObject()) {
            errors.append({path, ConfigIo::tr("expected an object of prices, got %1").arg(JsonReader::typeName(it.value()))});
            continue;
        }
        JsonReader p(it.value().toObject(), path, errors);
        PriceEntry e;
        e.input = p.number(L1("input"));
        e.output = p.number(L1("output"));
        e.cachedInput = p.number(L1("cachedInput"));
        e.cacheWrite = p.number(L1("cacheWrite"));
        p.finish();
        prices.insert(it.key(), e);
    }
    return prices;
}

Rung readRung(JsonReader &r, Errors &errors)
{
    Rung rung;
    rung.target = r.requiredString(L1("target"));
    rung.timeoutMs = toInt(r.integer(L1("timeoutMs")), 0);
    rung.connectTimeoutMs = toInt(r.integer(L1("connectTimeoutMs")), 0);
    rung.firstTokenTimeoutMs = toInt(r.integer(L1("firstTokenTimeoutMs")), 0);
    rung.escalateOn = r.stringList(L1("escalateOn"));
    if (const auto cond = r.object(L1("escalateIf"))) {
        JsonReader c(*cond, r.memberPath(L1("escalateIf")), errors);
        if (c.has(L1("finishReason"))) {
            const QString reason = c.string(L1("finishReason"));
            if (reason == u"length")
                rung.escalateIf.finishReasonLength = true;
            else
                errors.append({c.memberPath(L1("finishReason")),
                               ConfigIo::tr("only \"length\" can trigger escalation, got \"%1\"").arg(reason)});
        }
        rung.escalateIf.invalidJson = c.boolean(L1("invalidJson")).value_or(false);
        rung.escalateIf.emptyContent = c.boolean(L1("emptyContent")).value_or(false);
        c.finish();
    }
    return rung;
}

RuleConfig readRule(JsonReader &r, Errors &errors)
{
    RuleConfig rule;
    rule.use = r.requiredString(L1("use"));
    const auto when = r.object(L1("when"));
    if (!when) {
        if (!r.has(L1("when")))
            errors.append({r.memberPath(L1("when")), ConfigIo::tr("is required")});
        return rule;
    }
    JsonReader w(*when, r.memberPath(L1("when")), errors);
    RuleCondition &c = rule.when;
    c.model = w.string(L1("model"));
    c.task = w.string(L1("task"));
    if (const auto headers = w.object(L1("headers"))) {
        for (auto it = headers->constBegin(); it != headers->constEnd(); ++it) {
            if (it.value().isString())
                c.headers.insert(it.key(), it.value().toString());
            else
                errors.append({JsonPath::member(w.memberPath(L1("headers")), it.key()),
                               ConfigIo::tr("expected a regular expression string")});
        }
    }
    c.minPromptTokens = w.integer(L1("minPromptTokens"));
    c.maxPromptTokens = w.integer(L1("maxPromptTokens"));
    c.tools = w.boolean(L1("tools"));
    c.jsonMode = w.boolean(L1("jsonMode"));
    c.lastUserMessage = w.string(L1("lastUserMessage"));
    w.finish();
    return rule;
}

QString describeParseError(const QByteArray &json, const QJsonParseError &error)
{
    int line = 1, column = 1;
    for (int i = 0; i < error.offset && i < json.size(); ++i) {
        if (json.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return ConfigIo::tr("not valid JSON: %1 at line %2, column %3").arg(error.errorString()).arg(line).arg(column);
}

} // namespace

ConfigLoadResult ConfigIo::parse(const QByteArray &json)
{
    ConfigLoadResult result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.errors.append({QString(), describeParseError(json, parseError)});
        return result;
    }
    if (!doc.isObject()) {
        result.errors.append({QString(), ConfigIo::tr("the configuration must be a JSON object")});
        return result;
    }
    QJsonObject root = doc.object();
    result.fileVersion = ConfigMigrations::migrate(root, result.errors);
    if (result.fileVersion < 0)
        return result;
    result.migrated = result.fileVersion < kConfigVersion;

    Errors &errors = result.errors;
    Config config;
    JsonReader r(root, QString(), errors);
    config.version = int(r.integer(L1("version")).value_or(kConfigVersion));
    if (const auto gateway = r.object(L1("gateway"))) {
        JsonReader g(*gateway, QStringLiteral("gateway"), errors);
        config.gateway = readGateway(g, errors);
        g.finish();
    }
    config.providers = readArray<ProviderConfig>(r, L1("providers"), errors,
                                                 [&](JsonReader &p) { return readProvider(p, errors); });
    config.nodes = readArray<NodeConfig>(r, L1("nodes"), errors, [&](JsonReader &n) { return readNode(n, errors); });
    config.prices = readPrices(r, errors);
    config.routes = readArray<RouteConfig>(r, L1("routes"), errors, [&](JsonReader &route) {
        RouteConfig rc;
        rc.name = route.requiredString(L1("name"));
        rc.aliases = route.stringList(L1("aliases"));
        rc.nodeFailover = route.boolean(L1("nodeFailover")).value_or(false);
        rc.ladder = readArray<Rung>(route, L1("ladder"), errors, [&](JsonReader &rung) { return readRung(rung, errors); });
        if (!route.has(L1("ladder")))
            errors.append({route.memberPath(L1("ladder")), ConfigIo::tr("is required: a route needs at least one rung")});
        return rc;
    });
    config.rules = readArray<RuleConfig>(r, L1("rules"), errors, [&](JsonReader &rule) { return readRule(rule, errors); });
    config.pipelines = readArray<PipelineConfig>(r, L1("pipelines"), errors, [&](JsonReader &p) {
        PipelineConfig pc;
        pc.name = p.requiredString(L1("name"));
        pc.steps = p.array(L1("steps")).value_or(QJsonArray());
        return pc;
    });
    r.finish();

    // Semantic checks also run on a document with type errors: one pass shows everything.
    errors.append(ConfigValidator(ConfigValidator::catalogLookup()).validate(config));
    if (errors.isEmpty())
        result.config = std::move(config);
    return result;
}

ConfigLoadResult ConfigIo::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ConfigLoadResult result;
        result.errors.append({QString(), ConfigIo::tr("cannot read %1: %2").arg(path, file.errorString())});
        return result;
    }
    return parse(file.readAll());
}

QByteArray ConfigIo::serialize(const Config &config)
{
    auto optionalNumber = [](QJsonObject &o, const char *key, const std::optional<double> &v) {
        if (v)
            o.insert(QLatin1StringView(key), *v);
    };
    QJsonObject gateway{{QStringLiteral("listen"), config.gateway.listen},
                        {QStringLiteral("maxBodyBytes"), config.gateway.maxBodyBytes},
                        {QStringLiteral("headerTimeoutMs"), config.gateway.headerTimeoutMs},
                        {QStringLiteral("idleTimeoutMs"), config.gateway.idleTimeoutMs},
                        {QStringLiteral("workerThreads"), config.gateway.workerThreads}};
    QJsonArray keys;
    for (const GatewayKey &k : config.gateway.keys) {
        QJsonObject o{{QStringLiteral("name"), k.name}, {QStringLiteral("sha256"), k.sha256}};
        if (!k.created.isEmpty())
            o.insert(u"created", k.created);
        keys.append(o);
    }
    gateway.insert(u"keys", keys);

    QJsonArray providers;
    for (const ProviderConfig &p : config.providers) {
        QJsonObject o{{QStringLiteral("id"), p.id}, {QStringLiteral("kind"), p.kind}};
        if (!p.baseUrl.isEmpty())
            o.insert(u"baseUrl", p.baseUrl);
        if (!p.apiKey.isEmpty())
            o.insert(u"apiKey", p.apiKey);
        if (!p.catalogId.isEmpty())
            o.insert(u"catalogId", p.catalogId);
        if (!p.models.isEmpty())
            o.insert(u"models", QJsonArray::fromStringList(p.models));
        if (p.kind == u"simulated" || p.simulated != SimulatedSettings())
            o.insert(u"simulated", QJsonObject{{QStringLiteral("latencyMs"), p.simulated.latencyMs},
                                               {QStringLiteral("firstTokenMs"), p.simulated.firstTokenMs},
                                               {QStringLiteral("failureRate"), p.simulated.failureRate},
                                               {QStringLiteral("completionTokens"), p.simulated.completionTokens}});
        providers.append(o);
    }

    QJsonArray nodes;
    for (const NodeConfig &n : config.nodes) {
        QJsonObject o{{QStringLiteral("id"), n.id}, {QStringLiteral("kind"), n.kind}, {QStringLiteral("baseUrl"), n.baseUrl}};
        if (!n.models.isEmpty())
            o.insert(u"models", QJsonArray::fromStringList(n.models));
        if (n.energyUsdPerHour > 0)
            o.insert(u"energyUsdPerHour", n.energyUsdPerHour);
        if (n.launch) {
            QJsonObject l{{QStringLiteral("program"), n.launch->program},
                          {QStringLiteral("args"), QJsonArray::fromStringList(n.launch->args)}};
            if (!n.launch->workingDirectory.isEmpty())
                l.insert(u"workingDirectory", n.launch->workingDirectory);
            o.insert(u"launch", l);
        }
        nodes.append(o);
    }

    QJsonObject prices;
    for (auto it = config.prices.constBegin(); it != config.prices.constEnd(); ++it) {
        QJsonObject o;
        optionalNumber(o, "input", it->input);
        optionalNumber(o, "output", it->output);
        optionalNumber(o, "cachedInput", it->cachedInput);
        optionalNumber(o, "cacheWrite", it->cacheWrite);
        prices.insert(it.key(), o);
    }

    QJsonArray routes;
    for (const RouteConfig &route : config.routes) {
        QJsonArray ladder;
        for (const Rung &rung : route.ladder) {
            QJsonObject o{{QStringLiteral("target"), rung.target}};
            if (rung.timeoutMs > 0)
                o.insert(u"timeoutMs", rung.timeoutMs);
            if (rung.connectTimeoutMs > 0)
                o.insert(u"connectTimeoutMs", rung.connectTimeoutMs);
            if (rung.firstTokenTimeoutMs > 0)
                o.insert(u"firstTokenTimeoutMs", rung.firstTokenTimeoutMs);
            if (!rung.escalateOn.isEmpty())
                o.insert(u"escalateOn", QJsonArray::fromStringList(rung.escalateOn));
            QJsonObject cond;
            if (rung.escalateIf.finishReasonLength)
                cond.insert(u"finishReason", QStringLiteral("length"));
            if (rung.escalateIf.invalidJson)
                cond.insert(u"invalidJson", true);
            if (rung.escalateIf.emptyContent)
                cond.insert(u"emptyContent", true);
            if (!cond.isEmpty())
                o.insert(u"escalateIf", cond);
            ladder.append(o);
        }
        QJsonObject o{{QStringLiteral("name"), route.name}, {QStringLiteral("ladder"), ladder}};
        if (!route.aliases.isEmpty())
            o.insert(u"aliases", QJsonArray::fromStringList(route.aliases));
        if (route.nodeFailover)
            o.insert(u"nodeFailover", true);
        routes.append(o);
    }

    QJsonArray rules;
    for (const RuleConfig &rule : config.rules) {
        const RuleCondition &c = rule.when;
        QJsonObject when;
        if (!c.model.isEmpty())
            when.insert(u"model", c.model);
        if (!c.task.isEmpty())
            when.insert(u"task", c.task);
        if (!c.headers.isEmpty()) {
            QJsonObject h;
            for (auto it = c.headers.constBegin(); it != c.headers.constEnd(); ++it)
                h.insert(it.key(), it.value());
            when.insert(u"headers", h);
        }
        if (c.minPromptTokens)
            when.insert(u"minPromptTokens", *c.minPromptTokens);
        if (c.maxPromptTokens)
            when.insert(u"maxPromptTokens", *c.maxPromptTokens);
        if (c.tools)
            when.insert(u"tools", *c.tools);
        if (c.jsonMode)
            when.insert(u"jsonMode", *c.jsonMode);
        if (!c.lastUserMessage.isEmpty())
            when.insert(u"lastUserMessage", c.lastUserMessage);
        rules.append(QJsonObject{{QStringLiteral("when"), when}, {QStringLiteral("use"), rule.use}});
    }

    QJsonArray pipelines;
    for (const PipelineConfig &p : config.pipelines)
        pipelines.append(QJsonObject{{QStringLiteral("name"), p.name}, {QStringLiteral("steps"), p.steps}});

    const QJsonObject root{{QStringLiteral("version"), kConfigVersion}, {QStringLiteral("gateway"), gateway},
                           {QStringLiteral("providers"), providers},     {QStringLiteral("nodes"), nodes},
                           {QStringLiteral("prices"), prices},           {QStringLiteral("routes"), routes},
                           {QStringLiteral("rules"), rules},             {QStringLiteral("pipelines"), pipelines}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool ConfigIo::saveFile(const Config &config, const QString &path, Error *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = {QString(), ConfigIo::tr("cannot write %1: %2").arg(path, file.errorString())};
        return false;
    }
    file.write(serialize(config));
    if (!file.commit()) {
        if (error)
            *error = {QString(), ConfigIo::tr("cannot write %1: %2").arg(path, file.errorString())};
        return false;
    }
    return true;
}

} // namespace Switchyard
