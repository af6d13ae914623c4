// SPDX-License-Identifier: MIT
#pragma once

#include "core/config/config.h"
#include "core/upstream/upstreamcall.h"

#include <QList>
#include <QString>

namespace Switchyard {

/// One rung of a resolved ladder: where to go and under which escalation rules.
struct PlannedRung {
    UpstreamTarget target;
    Rung rung; ///< timeouts and escalation of the configured rung (defaults for direct models)
};

/// The ordered attempts for one request; the first success wins.
struct Plan {
    QString route;             ///< route name when a route or alias was resolved, else empty
    QString resolvedModel;     ///< the model reference after rules were applied
    QList<PlannedRung> rungs;
};

/// Why a request cannot be routed, in the OpenAI error vocabulary.
struct RoutingError {
    int httpStatus = 404;
    QString code;              ///< e.g. "model_not_found"
    QString message;
    QString param;             ///< e.g. "model"
};

} // namespace Switchyard
