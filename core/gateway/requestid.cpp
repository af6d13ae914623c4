// SPDX-License-Identifier: MIT
#include "core/gateway/requestid.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace Switchyard {

QByteArray newRequestId()
{
    // One generator per thread, seeded from the system: QRandomGenerator::global() takes a
    // lock shared by all.
    thread_local QRandomGenerator random = [] {
        quint32 seed[4];
        QRandomGenerator::system()->fillRange(seed);
        return QRandomGenerator(seed, 4);
    }();
    // 12 hex digits of the time last until the year 10889. Written into one buffer.
    static constexpr char kHex[] = "0123456789abcdef";
    char id[4 + 12 + 16] = {'r', 'e', 'q', '_'};
    quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    quint64 bits = random.generate64();
    for (int i = 15; i >= 4; --i, ms >>= 4)
        id[i] = kHex[ms & 0xF];
    for (int i = 31; i >= 16; --i, bits >>= 4)
        id[i] = kHex[bits & 0xF];
    return QByteArray(id, sizeof id);
}

} // namespace Switchyard
