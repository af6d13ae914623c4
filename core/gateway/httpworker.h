// SPDX-License-Identifier: MIT
#pragma once

#include "core/gateway/httpserver.h"

#include <QObject>

namespace Switchyard {

class RequestHandler;

/// One worker thread of the HttpServer: owns that thread's RequestHandler and its
/// connections. Created by the server, moved to its QThread; every member function below
/// runs on that thread (the server calls them through queued invocations). Workers share
/// nothing with each other, so the request path takes no lock.
class HttpWorker : public QObject
{
    Q_OBJECT
public:
    HttpWorker(const HttpServerOptions &options, HttpServer::HandlerFactory factory);
    ~HttpWorker() override;

    /// Creates the request handler on this thread.
    void start();
    /// Serves an accepted socket descriptor.
    void addConnection(qintptr socketDescriptor);
    /// Closes every connection (pending responders see clientGone()), then deletes the
    /// handler. Connections arriving later are closed at once.
    void shutdown();

private:
    const HttpServerOptions m_options; ///< connections keep a reference
    HttpServer::HandlerFactory m_factory;
    RequestHandler *m_handler = nullptr;
    bool m_shutDown = false;
};

} // namespace Switchyard
