// SPDX-License-Identifier: MIT
#include "core/upstream/upstreampool.h"

#include "core/upstream/upstreamconnection.h"

#include <QTimerEvent>
#include <QUrl>

#include <algorithm>

namespace Switchyard {

UpstreamPool::UpstreamPool(QObject *parent)
    : QObject(parent)
{
}

UpstreamPool::~UpstreamPool()
{
    // Before the members go: a connection's destructor must find nothing half destroyed.
    const QList<UpstreamConnection *> connections = findChildren<UpstreamConnection *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(connections);
}

UpstreamPool::Host &UpstreamPool::hostFor(const QString &host, quint16 port, bool tls)
{
    for (Host &entry : m_hosts) {
        if (entry.port == port && entry.tls == tls && entry.host == host)
            return entry;
    }
    m_hosts.push_back(Host{host, port, tls, {}});
    return m_hosts.back();
}

UpstreamPool::Endpoint UpstreamPool::endpoint(const QString &url)
{
    const auto found = m_endpoints.constFind(url);
    if (found != m_endpoints.cend())
        return *found;

    Endpoint endpoint;
    const QUrl parsed(url);
    const QString scheme = parsed.scheme();
    endpoint.valid = parsed.isValid() && (scheme == u"http" || scheme == u"https");
    if (endpoint.valid) {
        endpoint.tls = scheme == u"https";
        const int defaultPort = endpoint.tls ? 443 : 80;
        endpoint.port = quint16(parsed.port(defaultPort));
        endpoint.host = parsed.host(QUrl::FullyEncoded);
        endpoint.authority = endpoint.host.contains(u':') ? '[' + endpoint.host.toLatin1() + ']' : endpoint.host.toLatin1();
        if (endpoint.port != defaultPort)
            endpoint.authority += ':' + QByteArray::number(endpoint.port);
        endpoint.target = parsed.path(QUrl::FullyEncoded).toLatin1();
        if (endpoint.target.isEmpty())
            endpoint.target = "/";
        if (parsed.hasQuery())
            endpoint.target += '?' + parsed.query(QUrl::FullyEncoded).toLatin1();
    }
    // Bounded by the configured upstreams; a cap only guards against configurations that
    // keep changing over a long run.
    if (m_endpoints.size() >= 256)
        m_endpoints.clear();
    m_endpoints.insert(url, endpoint);
    return endpoint;
}

UpstreamConnection *UpstreamPool::acquire(const QString &host, quint16 port, bool tls)
{
    Host &entry = hostFor(host, port, tls);
    while (!entry.idle.isEmpty()) {
        UpstreamConnection *connection = entry.idle.takeLast();
        if (connection->isReusable())
            return connection;
        connection->closeAndDiscard();
    }
    ++m_connections;
    ++m_opened;
    return new UpstreamConnection(this, entry.host, port, tls);
}

int UpstreamPool::idleCount() const
{
    int count = 0;
    for (const Host &entry : m_hosts)
        count += int(entry.idle.size());
    return count;
}

void UpstreamPool::recycle(UpstreamConnection *connection)
{
    Host &entry = hostFor(connection->host(), connection->port(), connection->isTls());
    if (entry.idle.size() >= m_maxIdlePerHost) {
        connection->closeAndDiscard();
        return;
    }
    entry.idle.append(connection);
    if (m_sweepTimer == 0) {
        // One timer for every idle connection of the thread; a late sweep only keeps a
        // connection open a little longer than asked.
        m_sweepTimer = startTimer(std::clamp(m_idleTimeoutMs / 4, 10, 5'000), Qt::CoarseTimer);
    }
}

void UpstreamPool::discard(UpstreamConnection *connection)
{
    Host &entry = hostFor(connection->host(), connection->port(), connection->isTls());
    entry.idle.removeOne(connection);
    --m_connections;
    connection->deleteLater(); // it may be inside one of its socket's signals
}

void UpstreamPool::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_sweepTimer) {
        QObject::timerEvent(event);
        return;
    }
    sweep();
}

void UpstreamPool::sweep()
{
    QList<UpstreamConnection *> expired;
    for (Host &entry : m_hosts) {
        for (UpstreamConnection *connection : std::as_const(entry.idle)) {
            if (connection->idleMs() >= m_idleTimeoutMs || !connection->isReusable())
                expired.append(connection);
        }
    }
    for (UpstreamConnection *connection : std::as_const(expired))
        connection->closeAndDiscard();
    if (idleCount() == 0 && m_sweepTimer != 0) {
        killTimer(m_sweepTimer);
        m_sweepTimer = 0;
    }
}

} // namespace Switchyard
