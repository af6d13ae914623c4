// SPDX-License-Identifier: MIT
#include "ui/gateway/requestratemeter.h"

namespace Switchyard {

RequestRateMeter::RequestRateMeter(std::chrono::milliseconds window)
    : m_windowMs(window.count())
{
}

void RequestRateMeter::add(int count, qint64 nowMs)
{
    if (count <= 0)
        return;
    // One bucket per second keeps the list short under heavy load.
    if (!m_buckets.isEmpty() && nowMs - m_buckets.last().atMs < 1000)
        m_buckets.last().count += count;
    else
        m_buckets.append({nowMs, count});
}

qint64 RequestRateMeter::count(qint64 nowMs)
{
    qsizetype expired = 0;
    while (expired < m_buckets.size() && nowMs - m_buckets.at(expired).atMs >= m_windowMs)
        ++expired;
    m_buckets.remove(0, expired);
    qint64 total = 0;
    for (const Bucket &b : std::as_const(m_buckets))
        total += b.count;
    return total;
}

} // namespace Switchyard
