// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace Switchyard::Cli {

/// `serve [--config FILE] [--listen HOST:PORT] [--db FILE]`
int runServe(const QStringList &args);

} // namespace Switchyard::Cli
