// SPDX-License-Identifier: MIT
#include "core/gateway/httpserver.h"

namespace Switchyard {

class HttpServer::Private
{
};

HttpServer::HttpServer(HttpServerOptions, HandlerFactory, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
}

HttpServer::~HttpServer() = default;

} // namespace Switchyard
