// SPDX-License-Identifier: MIT
#pragma once

#include "core/upstream/upstreamcallhandle.h"

#include <QObject>

class QNetworkAccessManager;

namespace Switchyard {

/// Starts upstream calls for one worker thread, choosing the adapter by target kind
/// ("anthropic": Messages API, "simulated": built in, anything else: OpenAI-compatible, as
/// every node kind is). Owns that thread's
/// QNetworkAccessManager, so connections to an upstream are reused across requests.
/// Create it on the worker thread that will use it.
class UpstreamClient : public QObject
{
    Q_OBJECT
public:
    explicit UpstreamClient(QObject *parent = nullptr);
    ~UpstreamClient() override;

    /// Starts `call`; the handle is parented to `parent` (or the client). Nothing is emitted
    /// before this returns, so connect to the handle's signals right after.
    UpstreamCallHandle *start(const UpstreamCall &call, QObject *parent = nullptr);

    QNetworkAccessManager *network() const { return m_network; }

private:
    QNetworkAccessManager *m_network;
    quint64 m_simulatedCalls = 0; ///< sequence number of the next simulated call (failure draws)
};

} // namespace Switchyard
