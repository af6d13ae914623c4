// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

namespace Switchyard {

/// A new request id, "req_" + 28 lowercase hex digits: the time in milliseconds (12 digits,
/// so ids sort by time) and 64 random bits. Every answer carries one in X-Request-Id, also
/// the ones the connection gives before a handler sees the request. Safe on any thread,
/// without a shared lock.
QByteArray newRequestId();

} // namespace Switchyard
