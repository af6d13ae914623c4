// SPDX-License-Identifier: MIT
#include "core/gateway/httpworker.h"

#include "core/gateway/httpconnection.h"
#include "core/gateway/requesthandler.h"

namespace Switchyard {

HttpWorker::HttpWorker(const HttpServerOptions &options, HttpServer::HandlerFactory factory)
    : m_options(options)
    , m_factory(std::move(factory))
{
}

HttpWorker::~HttpWorker() = default;

void HttpWorker::start()
{
    // The factory runs here so the handler's network manager, timers etc. belong to this thread.
    m_handler = m_factory ? m_factory() : nullptr;
    if (m_handler && !m_handler->parent())
        m_handler->setParent(this);
}

void HttpWorker::addConnection(qintptr socketDescriptor)
{
    auto *connection = new HttpConnection(m_options, m_shutDown ? nullptr : m_handler, this);
    if (!connection->open(socketDescriptor) || m_shutDown) {
        connection->closeNow();
        delete connection;
    }
}

void HttpWorker::shutdown()
{
    m_shutDown = true;
    const QList<HttpConnection *> connections = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
    for (HttpConnection *connection : connections)
        connection->closeNow();
    // Only after every handler heard clientGone(): it may cancel upstream work there.
    qDeleteAll(connections);
    if (m_handler && m_handler->parent() == this)
        delete m_handler;
    m_handler = nullptr;
}

} // namespace Switchyard
