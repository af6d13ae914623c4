// SPDX-License-Identifier: MIT
// libFuzzer target: SseParser must give the same events however the bytes are split, never
// read out of bounds, and never hold more than one event's worth of bytes.
#include "core/upstream/sseparser.h"

#include <QByteArrayList>

#include <cstdlib>

using namespace Switchyard;

namespace {

constexpr qsizetype MaxEventBytes = 4096;

QByteArrayList parse(QByteArrayView bytes, quint8 seed, bool *failed)
{
    SseParser parser(MaxEventBytes);
    QByteArrayList events;
    SseParser::Event event;
    qsizetype pos = 0;
    quint32 state = seed;
    while (pos < bytes.size()) {
        // Piece sizes 1..17 from a small LCG: splits everywhere, including inside CR LF.
        const qsizetype piece = seed == 0 ? bytes.size() : 1 + (state = state * 1103515245u + 12345u) % 17;
        const qsizetype n = qMin(piece, bytes.size() - pos);
        parser.feed(bytes.sliced(pos, n));
        pos += n;
        while (parser.next(&event))
            events.append(event.type + '\0' + event.data + '\0' + event.id);
        if (parser.pendingBytes() > MaxEventBytes + 17)
            std::abort(); // a failed parser stops buffering
    }
    while (parser.finish(&event))
        events.append(event.type + '\0' + event.data + '\0' + event.id);
    *failed = parser.hasFailed();
    return events;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    bool wholeFailed = false;
    bool splitFailed = false;
    const QByteArrayList whole = parse(bytes, 0, &wholeFailed);
    const QByteArrayList split = parse(bytes, quint8(data[0] | 1), &splitFailed);
    if (!wholeFailed && !splitFailed && whole != split)
        std::abort();
    return 0;
}
