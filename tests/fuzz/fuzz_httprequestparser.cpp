// SPDX-License-Identifier: MIT
// libFuzzer target: HttpRequestParser never consumes more than it was given, never reads out
// of bounds, respects its limits, and parses the same requests however the bytes are split.
#include "core/gateway/httprequestparser.h"

#include <cstdlib>

using namespace Switchyard;

namespace {

struct Parsed {
    QList<QByteArray> requests; ///< method, target and body of each complete request
    int errorStatus = 0;
};

Parsed parse(QByteArrayView bytes, quint8 seed)
{
    HttpRequestParser::Limits limits;
    limits.maxHeaderBytes = 4096;
    limits.maxHeaders = 32;
    limits.maxBodyBytes = 8192;
    HttpRequestParser parser(limits);
    Parsed parsed;
    qsizetype pos = 0;
    quint32 state = seed;
    while (pos < bytes.size() && parsed.errorStatus == 0) {
        const qsizetype piece = seed == 0 ? bytes.size() : 1 + (state = state * 1103515245u + 12345u) % 23;
        QByteArrayView chunk = bytes.sliced(pos, qMin(piece, bytes.size() - pos));
        pos += chunk.size();
        while (!chunk.isEmpty()) {
            const qsizetype used = parser.feed(chunk);
            if (used < 0 || used > chunk.size())
                std::abort();
            chunk = chunk.sliced(used);
            if (parser.status() == HttpRequestParser::Status::Complete) {
                const HttpRequest request = parser.takeRequest();
                if (request.body.size() > limits.maxBodyBytes)
                    std::abort();
                parsed.requests.append(request.method + ' ' + request.target + '\n' + request.body);
            } else if (parser.status() == HttpRequestParser::Status::Failed) {
                parsed.errorStatus = parser.errorStatus();
                if (parsed.errorStatus < 400 || parsed.errorStatus > 599)
                    std::abort();
                break;
            } else if (used == 0) {
                break;
            }
        }
    }
    return parsed;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const Parsed whole = parse(bytes, 0);
    const Parsed split = parse(bytes, quint8(data[0] | 1));
    if (whole.errorStatus == 0 && split.errorStatus == 0 && whole.requests != split.requests)
        std::abort();
    return 0;
}
