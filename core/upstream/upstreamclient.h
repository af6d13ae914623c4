// SPDX-License-Identifier: MIT
#pragma once

#include "core/upstream/upstreamcallhandle.h"

#include <QObject>

namespace Switchyard {

class UpstreamPool;

/// Starts upstream calls for one worker thread, choosing the adapter by target kind
/// ("anthropic": Messages API, "simulated": built in, anything else: OpenAI-compatible, as
/// every node kind is). Owns that thread's UpstreamPool, so connections to an upstream are
/// kept alive and reused across requests. Create it on the worker thread that will use it.
class UpstreamClient : public QObject
{
    Q_OBJECT
public:
    explicit UpstreamClient(QObject *parent = nullptr);
    ~UpstreamClient() override;

    /// Starts `call`; the handle is parented to `parent` (or the client). Nothing is emitted
    /// before this returns, so connect to the handle's signals right after.
    UpstreamCallHandle *start(const UpstreamCall &call, QObject *parent = nullptr);

    UpstreamPool *pool() const { return m_pool; }

private:
    UpstreamPool *m_pool;
    quint64 m_simulatedCalls = 0; ///< sequence number of the next simulated call (failure draws)
};

} // namespace Switchyard
