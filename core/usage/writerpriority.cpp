// SPDX-License-Identifier: MIT
#include "core/usage/writerpriority.h"

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <sched.h>
#include <thread>
#endif

namespace Switchyard {

bool WriterPriority::available()
{
#ifdef Q_OS_LINUX
    static const bool canSwitch = [] {
        bool ok = false;
        // A thread of its own: if the way back is refused, only this thread stays idle.
        std::thread probe([&ok] {
            sched_param param{};
            ok = sched_setscheduler(0, SCHED_IDLE, &param) == 0 && sched_setscheduler(0, SCHED_OTHER, &param) == 0;
        });
        probe.join();
        return ok;
    }();
    return canSwitch;
#else
    return false;
#endif
}

void WriterPriority::attach(int threadId)
{
    if (available()) {
        m_threadId = threadId;
        m_urgent = true;
    }
}

bool WriterPriority::want(bool urgent)
{
    if (!m_threadId || m_urgent == urgent)
        return false;
    m_urgent = urgent;
    return true;
}

void WriterPriority::apply(bool urgent) const
{
#ifdef Q_OS_LINUX
    if (!m_threadId)
        return;
    sched_param param{};
    sched_setscheduler(m_threadId, urgent ? SCHED_OTHER : SCHED_IDLE, &param);
#else
    Q_UNUSED(urgent);
#endif
}

} // namespace Switchyard
