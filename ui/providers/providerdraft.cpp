// SPDX-License-Identifier: MIT
#include "ui/providers/providerdraft.h"

#include "core/common/jsonpath.h"
#include "core/config/configvalidator.h"

namespace Switchyard {

ProviderDraft::ProviderDraft(Config base, qsizetype index)
    : m_base(std::move(base))
    , m_index(index >= 0 && index < m_base.providers.size() ? index : -1)
{
    if (m_index >= 0)
        m_provider = m_base.providers.at(m_index);
    validate();
}

void ProviderDraft::setProvider(const ProviderConfig &provider)
{
    m_provider = provider;
    validate();
}

Config ProviderDraft::config() const
{
    Config config = m_base;
    if (m_index >= 0)
        config.providers[m_index] = m_provider;
    else
        config.providers.append(m_provider);
    return config;
}

ProviderDraft::Field ProviderDraft::fieldForPath(const QString &path) const
{
    const QString prefix = JsonPath::index(QStringLiteral("providers"), m_index >= 0 ? m_index : m_base.providers.size());
    if (!path.startsWith(prefix))
        return Field::Other;
    const QStringView rest = QStringView(path).mid(prefix.size());
    if (rest == u".id")
        return Field::Id;
    if (rest == u".kind")
        return Field::Kind;
    if (rest == u".baseUrl")
        return Field::BaseUrl;
    if (rest == u".apiKey")
        return Field::ApiKey;
    if (rest == u".catalogId")
        return Field::CatalogId;
    if (rest.startsWith(u".models"))
        return Field::Models;
    return Field::Other;
}

void ProviderDraft::validate()
{
    m_errors.clear();
    // The parser reports missing members; the validator assumes they are there.
    if (m_provider.id.trimmed().isEmpty())
        m_errors[Field::Id].append(tr("is required"));
    if (m_provider.kind.isEmpty())
        m_errors[Field::Kind].append(tr("is required"));
    const Errors errors = ConfigValidator(ConfigValidator::catalogLookup()).validate(config());
    for (const Error &e : errors) {
        const Field field = fieldForPath(e.path);
        // Errors elsewhere need their path to make sense; field errors sit next to the field.
        m_errors[field].append(field == Field::Other ? e.toString() : e.message);
    }
}

} // namespace Switchyard
