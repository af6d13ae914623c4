// SPDX-License-Identifier: MIT
#include "core/upstream/sseparser.h"

namespace Switchyard {

SseParser::SseParser(qsizetype maxEventBytes)
    : m_maxEventBytes(maxEventBytes)
{
}

void SseParser::feed(QByteArrayView bytes)
{
    if (m_failed || bytes.isEmpty())
        return;
    // Drop consumed bytes before growing, so the buffer holds about one event, not the stream.
    if (m_pos >= m_buffer.size()) {
        m_buffer.clear();
        m_pos = 0;
    } else if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    m_buffer.append(bytes.data(), bytes.size());
}

bool SseParser::takeLine(QByteArrayView *line)
{
    if (m_skipLf && m_pos < m_buffer.size()) {
        if (m_buffer.at(m_pos) == '\n')
            ++m_pos;
        m_skipLf = false;
    }
    const char *data = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    for (qsizetype i = m_pos + m_scanned; i < size; ++i) {
        const char c = data[i];
        if (c != '\n' && c != '\r')
            continue;
        *line = QByteArrayView(data + m_pos, i - m_pos);
        m_pos = i + 1;
        m_scanned = 0;
        m_skipLf = c == '\r';
        return true;
    }
    m_scanned = size - m_pos;
    if (m_scanned > m_maxEventBytes)
        m_failed = true;
    return false;
}

void SseParser::processLine(QByteArrayView line)
{
    if (line.startsWith(':'))
        return; // comment: keep-alives such as ": OPENROUTER PROCESSING"
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);

    if (field == "data") {
        if (m_hasData)
            m_pending.data.append('\n');
        m_pending.data.append(value.data(), value.size());
        m_hasData = true;
        if (m_pending.data.size() > m_maxEventBytes)
            m_failed = true;
    } else if (field == "event") {
        m_pending.type = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_pending.id = value.toByteArray();
    }
    // "retry" and unknown fields are ignored, as the spec says.
}

bool SseParser::takePending(Event *event)
{
    const bool dispatch = m_hasData;
    if (dispatch)
        *event = std::move(m_pending);
    m_pending = Event();
    m_hasData = false;
    return dispatch;
}

bool SseParser::next(Event *event)
{
    QByteArrayView line;
    while (!m_failed && takeLine(&line)) {
        if (line.isEmpty()) {
            if (takePending(event))
                return true;
            continue;
        }
        processLine(line);
    }
    return false;
}

bool SseParser::finish(Event *event)
{
    if (m_failed)
        return false;
    if (m_pos < m_buffer.size()) {
        processLine(QByteArrayView(m_buffer).sliced(m_pos));
        m_buffer.clear();
        m_pos = 0;
        m_scanned = 0;
    }
    return !m_failed && takePending(event);
}

} // namespace Switchyard
