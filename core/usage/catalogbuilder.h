// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/error.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

#include <optional>

namespace Switchyard {

/// Turns pydantic/genai-prices v2 `data.json` into the slim catalog shipped in resources/
/// (`{"format":"switchyard-price-catalog","version":1,"source":...,"providers":[...]}`),
/// keeping only what pricing and usage extraction need, and checks either form.
/// Stateless; any thread.
class CatalogBuilder
{
public:
    static constexpr QLatin1StringView kFormat{"switchyard-price-catalog"};
    static constexpr int kVersion = 1;

    /// Raw `data.json` bytes to compact slim catalog JSON; empty, with every problem in
    /// `errors`, when the input is not a usable price feed.
    static QByteArray build(const QByteArray &dataJson, const QString &source, Errors *errors);

    /// Checks a parsed document, raw (an array of providers) or already slim, and returns
    /// the slim catalog object. Error paths start at the document root (`[3].models[0].prices`
    /// for raw data, `providers[3]...` for the slim format).
    static std::optional<QJsonObject> slim(const QJsonDocument &document, const QString &source, Errors *errors);

    /// The text of the `SOURCE` file next to `dataJsonPath`, trimmed; empty when absent.
    static QString sourceNoteBeside(const QString &dataJsonPath);

    /// Writes through QSaveFile, so a failed write leaves an existing catalog untouched.
    static bool writeFile(const QByteArray &catalogJson, const QString &path, Error *error = nullptr);
};

} // namespace Switchyard
