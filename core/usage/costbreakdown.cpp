// SPDX-License-Identifier: MIT
#include "core/usage/costbreakdown.h"

namespace Switchyard {

QByteArray CostBreakdown::usdText() const
{
    if (!priced)
        return QByteArrayLiteral("unpriced");
    // Integer arithmetic: exact, and no double formatting on every answer.
    const NanoUsd nano = total();
    quint64 rest = nano < 0 ? quint64(-(nano + 1)) + 1 : quint64(nano);
    char buffer[32];
    char *end = buffer + sizeof buffer;
    char *p = end;
    quint64 fraction = rest % quint64(kNanoPerUsd);
    for (int i = 0; i < 9; ++i, fraction /= 10)
        *--p = char('0' + fraction % 10);
    *--p = '.';
    rest /= quint64(kNanoPerUsd);
    do {
        *--p = char('0' + rest % 10);
        rest /= 10;
    } while (rest > 0);
    if (nano < 0)
        *--p = '-';
    return QByteArray(p, end - p);
}

} // namespace Switchyard
