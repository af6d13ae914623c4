// SPDX-License-Identifier: MIT
#pragma once

#include "core/upstream/upstreamcall.h"

#include <QObject>

namespace Switchyard {

/// One upstream call in flight. Created by UpstreamClient::start() on a worker thread and
/// lives there. For streaming calls chunk() fires for every chat.completion.chunk, in OpenAI
/// format, as soon as it arrives (the usage-only chunk included); finished() fires exactly
/// once, last, also after abort(). The handle may be deleted after finished().
class UpstreamCallHandle : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// Cancels the call and closes the upstream connection; finished(Cancelled) follows.
    virtual void abort() = 0;

Q_SIGNALS:
    /// The JSON of one OpenAI-format streaming chunk (what follows "data: ").
    void chunk(const QByteArray &json);
    void finished(const Switchyard::UpstreamResult &result);
};

} // namespace Switchyard
