// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Switchyard {

/// Incremental parser for Server-Sent Events (WHATWG HTML "event stream" format), the
/// framing of OpenAI and Anthropic streaming answers.
///
/// Feed it bytes as they arrive, split anywhere (even between CR and LF), and take complete
/// events with next(). Lines end with LF, CR LF or CR; `data:` lines of one event are joined
/// with LF; comment lines (`:` keep-alives) and unknown fields are skipped; an event is
/// complete at a blank line and, as the spec says, only dispatched when it had a data line.
/// Only the bytes of the event being parsed are kept. Plain value type, one per stream.
class SseParser
{
public:
    struct Event {
        QByteArray type;   ///< `event:` field, empty for the default "message"
        QByteArray data;   ///< `data:` lines joined with LF
        QByteArray id;     ///< `id:` field, empty when absent
        bool isDone() const { return data == "[DONE]"; } ///< OpenAI's end-of-stream marker
    };

    /// Events or lines bigger than this fail the parser instead of growing without bound.
    static constexpr qsizetype DefaultMaxEventBytes = 16 * 1024 * 1024;

    explicit SseParser(qsizetype maxEventBytes = DefaultMaxEventBytes);

    /// Appends bytes to the stream. Call next() until it returns false afterwards.
    void feed(QByteArrayView bytes);
    /// Takes the next complete event; false when more bytes are needed (or on failure).
    bool next(Event *event);
    /// End of stream: an event whose blank line never came is returned once more here (servers
    /// that close right after the last data line); the spec would drop it, but losing the last
    /// chunk of an answer is worse than accepting it.
    bool finish(Event *event);

    /// True when an event exceeded the size limit; the stream cannot be trusted any more.
    bool hasFailed() const { return m_failed; }
    /// Bytes received but not yet consumed (a partial line).
    qsizetype pendingBytes() const { return m_buffer.size() - m_pos; }

private:
    bool takeLine(QByteArrayView *line);
    void processLine(QByteArrayView line);
    bool takePending(Event *event);

    qsizetype m_maxEventBytes;
    QByteArray m_buffer;      ///< unconsumed bytes start at m_pos
    qsizetype m_pos = 0;
    qsizetype m_scanned = 0;  ///< bytes after m_pos already known to hold no line end
    bool m_skipLf = false;    ///< last line ended with CR: a following LF belongs to it
    bool m_failed = false;
    bool m_hasData = false;   ///< at least one data line in the pending event
    Event m_pending;
};

} // namespace Switchyard
