// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QtGlobal>

#include <chrono>

namespace Switchyard {

/// Counts events in a sliding window, e.g. requests in the last minute from the usage
/// store's commit notifications. Plain value; times are milliseconds on any monotonic clock.
class RequestRateMeter
{
public:
    explicit RequestRateMeter(std::chrono::milliseconds window = std::chrono::minutes(1));

    void add(int count, qint64 nowMs);
    /// Events within the window ending at `nowMs`; forgets older ones.
    qint64 count(qint64 nowMs);

private:
    struct Bucket {
        qint64 atMs;
        int count;
    };
    qint64 m_windowMs;
    QList<Bucket> m_buckets; ///< oldest first
};

} // namespace Switchyard
