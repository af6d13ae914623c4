// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QLoggingCategory>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

namespace Switchyard {

/// Writes Qt's log messages to stderr from a thread of its own, for long-running programs.
///
/// Why: the gateway logs one line per request, and a write() to a file or a terminal can block
/// for milliseconds (writeback, a slow pipe). Here the calling thread only formats the line
/// (qFormatLogMessage, so QT_MESSAGE_PATTERN and the logging rules still apply) and appends it
/// to a buffer; the log thread writes what has gathered, at most once every `batchMs` (a line
/// after a quiet spell at once), one write() for many lines. Lines keep their order. Critical and fatal messages (and warnings under
/// QT_FATAL_WARNINGS) are written at once, after everything before them, by the thread that
/// logs them; exit() flushes too. What a crash can lose is the last `batchMs` of lines.
/// Code that writes to stderr directly calls flush() first to keep the order.
class LogWriter final : public QThread
{
    Q_OBJECT

public:
    /// Installs the message handler and starts the log thread; until destroyed.
    explicit LogWriter(int fd = 2, int batchMs = 10);
    /// Writes every buffered line and restores the previous message handler.
    ~LogWriter() override;

    /// Writes everything logged so far before returning.
    void flush();

    /// The per-request line without a trip through QDebug and the message handler: appends
    /// `message` (UTF-8) the way the handler would write an info message of `category` under
    /// Qt's default message pattern. False where that is not what the handler would write (no
    /// LogWriter installed, QT_MESSAGE_PATTERN set): the caller then logs through qCInfo. The
    /// caller has checked that the category is enabled for info.
    static bool info(const QLoggingCategory &category, QByteArrayView message);

protected:
    void run() override;

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message);
    void append(QtMsgType type, QByteArray line);
    void writeAll(const QByteArray &data);

    const int m_fd;
    const int m_batchMs;
    QMutex m_mutex;
    QMutex m_writeMutex; ///< one writer of the descriptor at a time, in order
    QWaitCondition m_wake;
    QByteArray m_buffer;
    bool m_stopping = false;
    QtMessageHandler m_previous = nullptr;
    QtMsgType m_immediateFrom = QtCriticalMsg; ///< this severity and above is written at once
};

} // namespace Switchyard
