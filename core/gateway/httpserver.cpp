// SPDX-License-Identifier: MIT
#include "core/gateway/httpserver.h"

#include "core/common/epolleventdispatcher.h"
#include "core/gateway/httpworker.h"

#include <QTcpServer>
#include <QThread>

#include <vector>

namespace Switchyard {

namespace {

/// Accepts on the server's thread and passes the bare descriptor on, so that the socket
/// object is created on the worker thread that serves it.
class Listener final : public QTcpServer
{
public:
    explicit Listener(std::function<void(qintptr)> onConnection)
        : m_onConnection(std::move(onConnection))
    {
    }

protected:
    void incomingConnection(qintptr socketDescriptor) override { m_onConnection(socketDescriptor); }

private:
    std::function<void(qintptr)> m_onConnection;
};

} // namespace

class HttpServer::Private
{
public:
    struct Worker {
        std::unique_ptr<QThread> thread;
        HttpWorker *worker = nullptr; ///< lives on `thread`; deleted after it finished
    };

    HttpServerOptions options;
    HandlerFactory factory;
    std::unique_ptr<Listener> listener;
    std::vector<Worker> workers;
    std::size_t nextWorker = 0;

    void dispatch(qintptr socketDescriptor)
    {
        HttpWorker *worker = workers[nextWorker].worker;
        nextWorker = (nextWorker + 1) % workers.size();
        QMetaObject::invokeMethod(
            worker, [worker, socketDescriptor] { worker->addConnection(socketDescriptor); }, Qt::QueuedConnection);
    }
};

HttpServer::HttpServer(HttpServerOptions options, HandlerFactory handlerFactory, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->options = std::move(options);
    d->factory = std::move(handlerFactory);
}

HttpServer::~HttpServer()
{
    stop();
}

bool HttpServer::start(QString *error)
{
    if (d->listener)
        return true;
    // Created here, not in the constructor, so the listener belongs to the thread that starts it.
    d->listener = std::make_unique<Listener>([this](qintptr socketDescriptor) { d->dispatch(socketDescriptor); });
    d->listener->setListenBacklogSize(1024); // bursts of SDK clients connecting at once
    if (!d->listener->listen(d->options.address, d->options.port)) {
        if (error)
            *error = d->listener->errorString();
        d->listener.reset();
        return false;
    }
    const int count = d->options.workerThreads > 0 ? d->options.workerThreads : qMax(1, QThread::idealThreadCount());
    d->workers.reserve(count);
    for (int i = 0; i < count; ++i) {
        Private::Worker w;
        w.thread = std::make_unique<QThread>();
        w.thread->setObjectName(QStringLiteral("gateway-worker-%1").arg(i));
        // Workers only run Qt sockets and timers: the epoll dispatcher saves the GLib one's
        // wake-up writes on every notifier change (see EpollEventDispatcher).
        w.thread->setEventDispatcher(new EpollEventDispatcher);
        w.worker = new HttpWorker(d->options, d->factory);
        w.worker->moveToThread(w.thread.get());
        w.thread->start();
        QMetaObject::invokeMethod(w.worker, &HttpWorker::start, Qt::QueuedConnection);
        d->workers.push_back(std::move(w));
    }
    return true;
}

void HttpServer::stop()
{
    if (!d->listener)
        return;
    d->listener->close();
    // Descriptors handed over before close() are queued ahead of shutdown() and served
    // (then closed) in order, so none leaks.
    for (Private::Worker &w : d->workers) {
        QMetaObject::invokeMethod(w.worker, &HttpWorker::shutdown, Qt::BlockingQueuedConnection);
        w.thread->quit();
        w.thread->wait();
        delete w.worker;
    }
    d->workers.clear();
    d->nextWorker = 0;
    d->listener.reset();
}

bool HttpServer::isListening() const
{
    return d->listener && d->listener->isListening();
}

quint16 HttpServer::serverPort() const
{
    return d->listener ? d->listener->serverPort() : 0;
}

QHostAddress HttpServer::serverAddress() const
{
    return d->listener ? d->listener->serverAddress() : QHostAddress();
}

int HttpServer::workerCount() const
{
    return int(d->workers.size());
}

} // namespace Switchyard
