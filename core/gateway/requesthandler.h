// SPDX-License-Identifier: MIT
#pragma once

#include "core/gateway/httprequest.h"
#include "core/gateway/httpresponder.h"

#include <QObject>

namespace Switchyard {

/// Answers parsed HTTP requests. One instance per worker thread, created on that thread by
/// the factory given to HttpServer, so it can own thread-affine objects (network manager,
/// timers). handle() must not block: it answers now or later through `responder`.
class RequestHandler : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void handle(HttpRequest request, HttpResponder *responder) = 0;
};

} // namespace Switchyard
