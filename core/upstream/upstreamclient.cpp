// SPDX-License-Identifier: MIT
#include "core/upstream/upstreamclient.h"

#include "core/upstream/anthropicadapter.h"
#include "core/upstream/openaiadapter.h"
#include "core/upstream/simulatedadapter.h"
#include "core/upstream/upstreampool.h"

using namespace Qt::StringLiterals;

namespace Switchyard {

UpstreamClient::UpstreamClient(QObject *parent)
    : QObject(parent)
    , m_pool(new UpstreamPool(this))
{
}

UpstreamClient::~UpstreamClient() = default;

UpstreamCallHandle *UpstreamClient::start(const UpstreamCall &call, QObject *parent)
{
    QObject *owner = parent ? parent : this;
    if (!call.json.isEmpty() && (call.target.kind == u"simulated" || call.target.kind == u"anthropic")) {
        // Only the OpenAI-compatible adapter forwards the client's text; these translate an object.
        UpstreamCall parsed = call;
        parsed.body = call.requestObject();
        parsed.json.clear();
        return start(parsed, parent);
    }
    if (call.target.kind == u"simulated") {
        auto *handle = new SimulatedAdapter(call, m_simulatedCalls++, owner);
        handle->start();
        return handle;
    }
    HttpUpstreamCall *handle = nullptr;
    if (call.target.kind == u"anthropic")
        handle = new AnthropicAdapter(m_pool, call, owner);
    else
        handle = new OpenAiAdapter(m_pool, call, owner);
    handle->start();
    return handle;
}

} // namespace Switchyard
