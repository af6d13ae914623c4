// SPDX-License-Identifier: MIT
#pragma once

namespace Switchyard {

/// The usage writer's scheduling: background work while it keeps up, so a commit or a WAL
/// checkpoint never sits in the latency of a call being served (on Linux, SCHED_IDLE: any
/// other thread preempts it at once), and normal priority while records wait for it.
///
/// Going back from SCHED_IDLE needs CAP_SYS_NICE or an RLIMIT_NICE that allows nice 0, which
/// most desktop sessions do not grant; available() probes that once, in a throwaway thread,
/// and where it fails the writer simply stays at normal priority.
///
/// The wanted state is changed under the usage queue's mutex (want()); the system call is made
/// after unlocking (apply()), so the writer never holds the queue's lock at idle priority.
class WriterPriority
{
public:
    /// True where the writer can switch both ways (Linux and allowed).
    static bool available();

    /// The writer thread (its kernel thread id), once open; starts urgent. No-op where not available.
    void attach(int threadId);
    bool attached() const { return m_threadId != 0; }

    /// Under the queue's mutex: sets what the writer should be; true when that changed and the
    /// caller must apply() it after unlocking.
    bool want(bool urgent);
    bool wantsUrgent() const { return m_urgent; }

    /// Outside the queue's mutex: gives the writer thread the policy for `urgent`.
    void apply(bool urgent) const;

private:
    int m_threadId = 0;
    bool m_urgent = true;
};

} // namespace Switchyard
