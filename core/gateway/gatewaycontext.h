// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <memory>

namespace Switchyard {

class CircuitBreaker;
class ConfigStore;
class MetricsRegistry;
class PriceCatalog;
class SecretCache;
class UsageStore;

/// The shared services every worker's GatewayApi uses. All of them are safe to call from
/// any thread; they outlive the HTTP server. `usage` may be null (no database).
struct GatewayContext {
    ConfigStore *config = nullptr;
    UsageStore *usage = nullptr;
    SecretCache *secrets = nullptr;
    CircuitBreaker *breaker = nullptr;
    MetricsRegistry *metrics = nullptr;
    std::shared_ptr<const PriceCatalog> catalog;
    /// The address the server listens on (HOST:PORT), which may differ from the
    /// configuration's `gateway.listen` (--listen): whether keys are required follows it.
    QString listen;
};

} // namespace Switchyard
