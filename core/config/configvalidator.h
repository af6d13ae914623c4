// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/error.h"
#include "core/config/config.h"

#include <functional>

namespace Switchyard {

/// Checks a configuration for everything a parser cannot see: references between parts
/// (unknown models in rungs, unknown routes, cyclic rules), duplicates, bad URLs and
/// addresses, negative prices, secrets written in clear. Every error names its JSON path
/// and says in plain words what is wrong. Stateless apart from the model lookup; any thread.
class ConfigValidator
{
public:
    enum class ModelKnowledge { Known, Unknown, ProviderUnknown };
    /// Tells whether a provider (by price-catalog id) serves a model, for providers whose
    /// configuration lists no models. Without a lookup such models are accepted.
    using ModelLookup = std::function<ModelKnowledge(const QString &catalogProvider, const QString &model)>;

    explicit ConfigValidator(ModelLookup lookup = {});

    /// The lookup backed by the built-in price catalog.
    static ModelLookup catalogLookup();

    Errors validate(const Config &config) const;

    /// Splits `provider/model`; false when `target` has no provider part.
    static bool splitTarget(const QString &target, QString *provider, QString *model);
    /// True for `env:VAR` and `keychain:NAME` references.
    static bool isSecretReference(const QString &value);

private:
    ModelLookup m_lookup;
};

} // namespace Switchyard
