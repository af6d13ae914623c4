// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

namespace Switchyard {

/// One problem found in a document or an operation, with the JSON path it is about
/// (`routes[0].ladder[1].target`), empty when it concerns the whole document.
struct Error {
    QString path;
    QString message;

    QString toString() const { return path.isEmpty() ? message : path + QStringLiteral(": ") + message; }
    friend bool operator==(const Error &, const Error &) = default;
};

using Errors = QList<Error>;

} // namespace Switchyard
