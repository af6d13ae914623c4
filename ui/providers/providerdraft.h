// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/error.h"
#include "core/config/config.h"

#include <QCoreApplication>
#include <QMap>
#include <QStringList>

namespace Switchyard {

/// A provider being added or edited, checked as part of the configuration it would make.
/// Each edit builds the would-be Config and runs the ConfigValidator over it; errors are
/// sorted to the form fields they concern by JSON path (`providers[N].baseUrl` → BaseUrl),
/// everything else (a route that names a renamed provider...) goes to Other. Plain value.
class ProviderDraft
{
    Q_DECLARE_TR_FUNCTIONS(ProviderDraft)

public:
    enum class Field { Id, Kind, BaseUrl, ApiKey, CatalogId, Models, Other };

    /// `index` is the provider's position in `base`, or -1 for a new provider.
    ProviderDraft(Config base, qsizetype index);

    /// Replaces the draft and validates it.
    void setProvider(const ProviderConfig &provider);
    const ProviderConfig &provider() const { return m_provider; }
    /// The configuration with the draft in place.
    Config config() const;

    bool isValid() const { return m_errors.isEmpty(); }
    QStringList errors(Field field) const { return m_errors.value(field); }
    /// Field of an error path; Other for paths outside this provider.
    Field fieldForPath(const QString &path) const;

private:
    void validate();

    Config m_base;
    qsizetype m_index;
    ProviderConfig m_provider;
    QMap<Field, QStringList> m_errors;
};

} // namespace Switchyard
