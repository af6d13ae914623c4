// SPDX-License-Identifier: MIT
#include "core/common/logwriter.h"

#include <QElapsedTimer>
#include <QReadWriteLock>

#include <atomic>
#include <cerrno>
#include <cstdlib>

#include <sys/resource.h>
#include <unistd.h>

namespace Switchyard {

namespace {
std::atomic<LogWriter *> g_instance{nullptr};
/// Held for reading by every handler call, for writing while the instance goes away: a
/// thread still logging during shutdown never touches a destroyed writer.
QReadWriteLock g_instanceLock;

void flushAtExit()
{
    // exit() (e.g. from QCommandLineParser on --help) does not run the writer's destructor.
    QReadLocker lock(&g_instanceLock);
    if (LogWriter *writer = g_instance.load())
        writer->flush();
}
} // namespace

LogWriter::LogWriter(int fd, int batchMs)
    : m_fd(fd)
    , m_batchMs(batchMs)
{
    setObjectName(QStringLiteral("log-writer"));
    // With fatal warnings the process aborts right after the message: write those at once too.
    m_immediateFrom = qEnvironmentVariableIsSet("QT_FATAL_WARNINGS") ? QtWarningMsg : QtCriticalMsg;
    static const bool registered = std::atexit(flushAtExit) == 0;
    Q_UNUSED(registered);
    start();
    QWriteLocker lock(&g_instanceLock);
    g_instance.store(this);
    m_previous = qInstallMessageHandler(&LogWriter::handler);
}

LogWriter::~LogWriter()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeOne();
    }
    wait(); // its last pass wrote what was buffered
    QWriteLocker lock(&g_instanceLock);
    flush(); // lines logged meanwhile, before later ones go to the previous handler
    qInstallMessageHandler(m_previous);
    g_instance.store(nullptr);
}

void LogWriter::handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QByteArray line = qFormatLogMessage(type, context, message).toLocal8Bit();
    line.append('\n');
    QReadLocker lock(&g_instanceLock);
    LogWriter *self = g_instance.load();
    if (!self) {
        if (::write(2, line.constData(), size_t(line.size())) < 0) { // between uninstall and destruction
        }
        return;
    }
    self->append(type, std::move(line));
}

bool LogWriter::info(const QLoggingCategory &category, QByteArrayView message)
{
    // Qt's default pattern is "%{if-category}%{category}: %{endif}%{message}". qSetMessagePattern
    // is not used in this code base; the environment is read once, as Qt does.
    static const bool defaultPattern = qEnvironmentVariableIsEmpty("QT_MESSAGE_PATTERN");
    if (!defaultPattern)
        return false;
    QReadLocker lock(&g_instanceLock);
    LogWriter *self = g_instance.load();
    if (!self)
        return false;
    const QByteArrayView name(category.categoryName());
    QMutexLocker buffer(&self->m_mutex);
    const bool wasEmpty = self->m_buffer.isEmpty();
    if (!name.isEmpty() && name != "default")
        self->m_buffer.append(name).append(": ");
    self->m_buffer.append(message).append('\n');
    if (wasEmpty)
        self->m_wake.wakeOne();
    return true;
}

void LogWriter::append(QtMsgType type, QByteArray line)
{
    if (type == QtFatalMsg || (type != QtInfoMsg && type >= m_immediateFrom)) {
        // Said at once: the process may be about to end. Earlier lines go first.
        QMutexLocker writing(&m_writeMutex);
        QByteArray pending;
        {
            QMutexLocker lock(&m_mutex);
            pending.swap(m_buffer);
        }
        pending.append(line);
        writeAll(pending);
        return;
    }
    QMutexLocker lock(&m_mutex);
    const bool wasEmpty = m_buffer.isEmpty();
    m_buffer.append(line);
    if (wasEmpty)
        m_wake.wakeOne(); // only the first line of a batch wakes the log thread
}

void LogWriter::flush()
{
    QMutexLocker writing(&m_writeMutex);
    QByteArray pending;
    {
        QMutexLocker lock(&m_mutex);
        pending.swap(m_buffer);
    }
    writeAll(pending);
}

void LogWriter::run()
{
#ifdef Q_OS_LINUX
    // Background work: with the lowest weight, a serving thread that wakes while this one
    // writes preempts it at once instead of waiting out its slice. A nice value can always be
    // raised without privileges, and the thread keeps a share of the CPU, so the log cannot
    // fall behind for good.
    setpriority(PRIO_PROCESS, id_t(gettid()), 19); // where refused, it simply stays at normal priority
#endif
    QElapsedTimer sinceWrite;
    for (;;) {
        {
            QMutexLocker lock(&m_mutex);
            while (m_buffer.isEmpty() && !m_stopping)
                m_wake.wait(&m_mutex);
            // At most one write() per `batchMs`: a line after a quiet spell is written at once
            // (its request is done, the serving thread waits for the next), lines of a busy
            // spell gather until `batchMs` after the previous write. A fixed pause after each
            // first line would instead wake this thread `batchMs` later, in the middle of
            // whatever request arrives then. Stopping cuts the wait short.
            if (sinceWrite.isValid()) {
                const QDeadlineTimer until(qMax<qint64>(0, m_batchMs - sinceWrite.elapsed()));
                while (!m_stopping && !until.hasExpired())
                    m_wake.wait(&m_mutex, until);
            }
            if (m_stopping && m_buffer.isEmpty())
                return;
        }
        flush();
        sinceWrite.start();
    }
}

void LogWriter::writeAll(const QByteArray &data)
{
    const char *p = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(m_fd, p, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return; // stderr closed or broken: nothing else to tell it to
        }
        p += n;
        left -= n;
    }
}

} // namespace Switchyard
