// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Switchyard {

/// Value types for the configuration document (DESIGN.md, "Configuration").
/// Field names mirror the JSON keys, which are the contract. Plain values: copy freely,
/// share across threads through an immutable ConfigSnapshot.

constexpr int kConfigVersion = 1;

struct GatewayKey {
    QString name;
    QString sha256;      ///< hex SHA-256 of the key; the key itself is never stored
    QString created;     ///< ISO-8601, informational
    friend bool operator==(const GatewayKey &, const GatewayKey &) = default;
};

struct GatewaySettings {
    QString listen = QStringLiteral("127.0.0.1:4000");
    QList<GatewayKey> keys;
    qint64 maxBodyBytes = 32 * 1024 * 1024;
    int headerTimeoutMs = 10'000;
    int idleTimeoutMs = 60'000;
    int workerThreads = 0; ///< 0: one per core
    friend bool operator==(const GatewaySettings &, const GatewaySettings &) = default;
};

/// Behaviour of the built-in `simulated` provider kind (demos and fault drills).
struct SimulatedSettings {
    int latencyMs = 300;        ///< total time of a reply
    int firstTokenMs = 80;      ///< time to the first streamed token
    double failureRate = 0.0;   ///< 0..1, share of calls answered with a 503
    int completionTokens = 48;  ///< tokens per reply
    friend bool operator==(const SimulatedSettings &, const SimulatedSettings &) = default;
};

struct ProviderConfig {
    QString id;
    QString kind;               ///< "openai", "anthropic", "simulated"
    QString baseUrl;
    QString apiKey;             ///< "env:VAR" or "keychain:NAME", never the secret itself
    QString catalogId;          ///< price catalog provider id; empty means `id`
    QStringList models;         ///< models this provider is known to serve (for bare names and /v1/models)
    SimulatedSettings simulated;
    QString pricingProvider() const { return catalogId.isEmpty() ? id : catalogId; }
    friend bool operator==(const ProviderConfig &, const ProviderConfig &) = default;
};

struct NodeLaunch {
    QString program;
    QStringList args;
    QString workingDirectory;
    friend bool operator==(const NodeLaunch &, const NodeLaunch &) = default;
};

struct NodeConfig {
    QString id;
    QString kind;               ///< "ollama", "llama.cpp", "vllm", "lmstudio", "openai"
    QString baseUrl;
    QStringList models;
    std::optional<NodeLaunch> launch;
    double energyUsdPerHour = 0.0; ///< local calls cost 0 unless the user sets this
    friend bool operator==(const NodeConfig &, const NodeConfig &) = default;
};

/// User price for one model, USD per million tokens; overrides the built-in catalog.
struct PriceEntry {
    std::optional<double> input;
    std::optional<double> output;
    std::optional<double> cachedInput;
    std::optional<double> cacheWrite;
    friend bool operator==(const PriceEntry &, const PriceEntry &) = default;
};

struct EscalateIf {
    bool finishReasonLength = false; ///< `"finishReason": "length"`
    bool invalidJson = false;        ///< the answer is not JSON although JSON was asked for
    bool emptyContent = false;
    friend bool operator==(const EscalateIf &, const EscalateIf &) = default;
};

struct Rung {
    QString target;              ///< provider/model, bare model, route/NAME
    int timeoutMs = 0;           ///< total; 0: no limit beyond the gateway's
    int connectTimeoutMs = 0;
    int firstTokenTimeoutMs = 0;
    QStringList escalateOn;      ///< "429", "5xx", "timeout", "connect", "first-token"
    EscalateIf escalateIf;
    friend bool operator==(const Rung &, const Rung &) = default;
};

struct RouteConfig {
    QString name;
    QStringList aliases;
    QList<Rung> ladder;
    /// With X-Switchyard-Node, the pinned node's rungs go first and the others follow
    /// (instead of only the node's, or an error when it cannot serve the model).
    bool nodeFailover = false;
    friend bool operator==(const RouteConfig &, const RouteConfig &) = default;
};

/// Conditions of a rule; all given conditions must hold.
struct RuleCondition {
    QString model;               ///< requested model or alias; empty: any request for a route
    QString task;
    QMap<QString, QString> headers; ///< header name -> regular expression
    std::optional<qint64> minPromptTokens;
    std::optional<qint64> maxPromptTokens;
    std::optional<bool> tools;
    std::optional<bool> jsonMode;
    QString lastUserMessage;     ///< regular expression
    friend bool operator==(const RuleCondition &, const RuleCondition &) = default;
};

struct RuleConfig {
    RuleCondition when;
    QString use;
    friend bool operator==(const RuleConfig &, const RuleConfig &) = default;
};

/// Pipelines are stored as given; the pipelines issue gives the steps their types.
struct PipelineConfig {
    QString name;
    QJsonArray steps;
    friend bool operator==(const PipelineConfig &, const PipelineConfig &) = default;
};

struct Config {
    int version = kConfigVersion;
    GatewaySettings gateway;
    QList<ProviderConfig> providers;
    QList<NodeConfig> nodes;
    QMap<QString, PriceEntry> prices; ///< key: "provider/model" or a bare model name
    QList<RouteConfig> routes;
    QList<RuleConfig> rules;
    QList<PipelineConfig> pipelines;

    const ProviderConfig *provider(const QString &id) const;
    const NodeConfig *node(const QString &id) const;
    const RouteConfig *route(const QString &nameOrAlias) const;
    friend bool operator==(const Config &, const Config &) = default;
};

} // namespace Switchyard
