// SPDX-License-Identifier: MIT
#pragma once

#include "core/gateway/httprequestparser.h"
#include "core/gateway/requesthandler.h"

#include <QHostAddress>
#include <QObject>

#include <functional>
#include <memory>

namespace Switchyard {

struct HttpServerOptions {
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 4000;                 ///< 0 picks a free port (tests)
    int workerThreads = 0;               ///< 0: one per core
    HttpRequestParser::Limits limits;
    int headerTimeoutMs = 10'000;        ///< a started request must have its headers by then (slowloris)
    int bodyTimeoutMs = 60'000;          ///< most time between two reads of a request body
    int idleTimeoutMs = 60'000;          ///< idle keep-alive connections are closed after this
    /// A connection whose unsent output exceeds this (a client that stopped reading) is
    /// aborted, and its pending responders see clientGone().
    qint64 maxPendingWriteBytes = 8 * 1024 * 1024;
};

/// The inbound HTTP/1.1 server: accepts on the thread it lives on and hands each connection
/// to one of N worker threads (round robin), each with its own event loop and its own
/// RequestHandler made by `handlerFactory` on that thread. Parse errors are answered here
/// with OpenAI-shaped JSON errors (400, 408, 413, 414, 431, 501, 505) and the connection
/// is closed.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    /// Called once on each worker thread, possibly on several at the same time; the
    /// handler it returns is owned by the worker (made its child if it has no parent).
    using HandlerFactory = std::function<RequestHandler *()>;

    HttpServer(HttpServerOptions options, HandlerFactory handlerFactory, QObject *parent = nullptr);
    ~HttpServer() override; ///< stop()

    /// Binds and starts the workers. False with `error` set when the address is taken etc.
    bool start(QString *error = nullptr);
    /// Stops accepting, closes connections, joins the worker threads.
    void stop();

    bool isListening() const;
    quint16 serverPort() const;
    QHostAddress serverAddress() const;
    /// Number of worker threads while running (0 when stopped).
    int workerCount() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Switchyard
