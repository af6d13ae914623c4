// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <vector>

namespace Switchyard {

class UpstreamConnection;

/// The keep-alive HTTP/1.1 connections of one worker thread, per scheme, host and port. Idle
/// connections are reused last-in first-out (the most recently used one is the least likely
/// to have been closed by the upstream), at most maxIdlePerHost() of them are kept, and an
/// idle one is closed after idleTimeoutMs(). There is no cap on busy connections: every call
/// in flight has its own. Owns its connections. Lives on the worker thread that uses it.
class UpstreamPool : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultMaxIdlePerHost = 128; // a burst of concurrent SDK calls reuses them all
    static constexpr int DefaultIdleTimeoutMs = 60'000;

    explicit UpstreamPool(QObject *parent = nullptr);
    ~UpstreamPool() override;

    /// Where a request for one URL goes, parsed once per thread (QUrl parsing costs more than
    /// the rest of sending a request).
    struct Endpoint {
        bool valid = false;     ///< a valid http or https URL
        bool tls = false;
        QString host;           ///< to connect to (ACE form)
        quint16 port = 0;
        QByteArray authority;   ///< the Host header
        QByteArray target;      ///< the request target: encoded path and query
    };
    /// The parsed form of `url` (e.g. baseUrl + "/chat/completions").
    Endpoint endpoint(const QString &url);

    /// An idle connection to host:port, or a new one (connected by its first send()).
    UpstreamConnection *acquire(const QString &host, quint16 port, bool tls);

    int maxIdlePerHost() const { return m_maxIdlePerHost; }
    void setMaxIdlePerHost(int count) { m_maxIdlePerHost = count; }
    int idleTimeoutMs() const { return m_idleTimeoutMs; }
    void setIdleTimeoutMs(int ms) { m_idleTimeoutMs = ms; }

    int idleCount() const;
    int connectionCount() const { return m_connections; } ///< idle and busy, alive
    int connectionsOpened() const { return m_opened; }    ///< connection objects created in total

private:
    friend class UpstreamConnection;
    /// Called by a connection whose response completed and that may carry another request.
    void recycle(UpstreamConnection *connection);
    /// Called by a connection that closed; it is deleted later.
    void discard(UpstreamConnection *connection);

    struct Host {
        QString host;
        quint16 port = 0;
        bool tls = false;
        QList<UpstreamConnection *> idle; ///< oldest first
    };

    Host &hostFor(const QString &host, quint16 port, bool tls);
    void timerEvent(QTimerEvent *event) override;
    void sweep();

    std::vector<Host> m_hosts;
    QHash<QString, Endpoint> m_endpoints;
    int m_maxIdlePerHost = DefaultMaxIdlePerHost;
    int m_idleTimeoutMs = DefaultIdleTimeoutMs;
    int m_sweepTimer = 0;
    int m_connections = 0;
    int m_opened = 0;
};

} // namespace Switchyard
