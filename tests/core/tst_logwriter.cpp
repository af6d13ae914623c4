// SPDX-License-Identifier: MIT
// LogWriter: Qt's messages written from a thread of their own, in order, none lost.
#include "core/common/logwriter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <fcntl.h>
#include <unistd.h>

using namespace Switchyard;
using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTest, "switchyard.test", QtInfoMsg)

class TestLogWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    int openLog(const QString &name)
    {
        return ::open(QFile::encodeName(m_dir.filePath(name)).constData(), O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);
    }
    QList<QByteArray> lines(const QString &name)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QList<QByteArray> list = f.readAll().split('\n');
        if (!list.isEmpty() && list.last().isEmpty())
            list.removeLast();
        return list;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qSetMessagePattern(u"%{if-category}%{category}: %{endif}%{message}"_s);
    }

    void everyLineFromEveryThreadInOrder()
    {
        const int fd = openLog(u"threads.log"_s);
        QVERIFY(fd >= 0);
        {
            LogWriter writer(fd, 5);
            QList<QThread *> threads;
            for (int t = 0; t < 4; ++t) {
                threads.append(QThread::create([t] {
                    for (int i = 0; i < 2000; ++i)
                        qCInfo(lcTest, "thread %d line %d", t, i);
                }));
                threads.last()->start();
            }
            for (QThread *thread : threads) {
                QVERIFY(thread->wait(30'000));
                delete thread;
            }
        } // the destructor writes what is left
        ::close(fd);
        const QList<QByteArray> all = lines(u"threads.log"_s);
        QCOMPARE(all.size(), 8000);
        int next[4] = {0, 0, 0, 0};
        for (const QByteArray &line : all) {
            QVERIFY2(line.startsWith("switchyard.test: thread "), line.constData()); // the message pattern applies
            const QList<QByteArray> words = line.split(' ');
            const int t = words.at(2).toInt();
            QCOMPARE(words.at(4).toInt(), next[t]++); // each thread's lines in the order logged
        }
    }

    void linesAppearWithoutAFlush()
    {
        const int fd = openLog(u"later.log"_s);
        LogWriter writer(fd, 5);
        qCInfo(lcTest, "written by the log thread");
        QTRY_COMPARE(lines(u"later.log"_s).size(), 1);
        QCOMPARE(lines(u"later.log"_s).first(), "switchyard.test: written by the log thread");
        ::close(fd);
    }

    void quietLineAtOnceBusyLinesGathered()
    {
        const int fd = openLog(u"gather.log"_s);
        QElapsedTimer clock;
        {
            LogWriter writer(fd, 10'000);
            qCInfo(lcTest, "after a quiet spell");
            // Written at once, not ten seconds later.
            QTRY_COMPARE_WITH_TIMEOUT(lines(u"gather.log"_s).size(), 1, 5000);
            qCInfo(lcTest, "in a busy spell");
            QTest::qWait(200);
            QCOMPARE(lines(u"gather.log"_s).size(), 1); // gathers until 10 s after the last write
            clock.start();
        } // going away cuts the gathering short and writes the rest
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(lines(u"gather.log"_s),
                 QList<QByteArray>({"switchyard.test: after a quiet spell", "switchyard.test: in a busy spell"}));
        ::close(fd);
    }

    void criticalIsWrittenAtOnceAfterEarlierLines()
    {
        const int fd = openLog(u"critical.log"_s);
        LogWriter writer(fd, 10'000); // the log thread would wait ten seconds
        qCInfo(lcTest, "first");
        qCWarning(lcTest, "second");
        qCCritical(lcTest, "third: the disk is full");
        // No flush, no wait: the critical line and everything before it are in the file.
        const QList<QByteArray> now = lines(u"critical.log"_s);
        QCOMPARE(now, QList<QByteArray>({"switchyard.test: first", "switchyard.test: second",
                                          "switchyard.test: third: the disk is full"}));
        ::close(fd);
    }

    void aThreadLoggingThroughShutdownLosesNothing()
    {
        // A thread that keeps logging while the writer goes away: every line lands, either
        // through the writer or, after it, through the previous handler (here: a file too).
        const int fd = openLog(u"shutdown.log"_s);
        std::atomic<bool> stop{false};
        std::atomic<int> logged{0};
        QThread *chatter = nullptr;
        {
            LogWriter writer(fd, 1);
            chatter = QThread::create([&] {
                while (!stop) {
                    qCInfo(lcTest, "line %d", logged.load());
                    ++logged;
                }
            });
            chatter->start();
            QTRY_VERIFY(logged.load() > 1000);
        } // destroyed while the other thread logs
        stop = true;
        QVERIFY(chatter->wait(10'000));
        delete chatter;
        ::close(fd);
        // Lines up to the writer's end are in the file, in order, none twice.
        const QList<QByteArray> all = lines(u"shutdown.log"_s);
        QVERIFY(all.size() > 1000);
        for (int i = 0; i < all.size(); ++i)
            QCOMPARE(all.at(i), QByteArray("switchyard.test: line ") + QByteArray::number(i));
    }

    void infoWritesWhatTheHandlerWrites()
    {
        // The gateway's per-request fast path: the same bytes as qCInfo, in the same order,
        // and written by the log thread without a flush.
        QVERIFY(!LogWriter::info(lcTest(), "no writer installed")); // the caller falls back to qCInfo
        const int fd = openLog(u"fast.log"_s);
        QList<QByteArray> expected;
        {
            LogWriter writer(fd, 5);
            qCInfo(lcTest, "request %s model=%s", "req_1", "modèle/模型");
            expected << "switchyard.test: request req_1 model=modèle/模型";
            if (LogWriter::info(lcTest(), "request req_1 model=modèle/模型"))
                expected << expected.last();
            else
                QVERIFY(!qEnvironmentVariableIsEmpty("QT_MESSAGE_PATTERN")); // only then does it decline
            qInfo("default category");
            expected << "default category";
            if (LogWriter::info(*QLoggingCategory::defaultCategory(), "default category"))
                expected << expected.last();
            QTRY_COMPARE(lines(u"fast.log"_s), expected);
            qCInfo(lcTest, "last");
            expected << "switchyard.test: last";
        }
        ::close(fd);
        QCOMPARE(lines(u"fast.log"_s), expected);
    }

    void disabledCategoriesCostNothing()
    {
        const int fd = openLog(u"rules.log"_s);
        {
            LogWriter writer(fd, 5);
            QLoggingCategory::setFilterRules(u"switchyard.test.info=false"_s);
            qCInfo(lcTest, "filtered out");
            qCWarning(lcTest, "kept");
            QLoggingCategory::setFilterRules(QString());
        }
        ::close(fd);
        QCOMPARE(lines(u"rules.log"_s), QList<QByteArray>({"switchyard.test: kept"}));
    }
};

QTEST_GUILESS_MAIN(TestLogWriter)
#include "tst_logwriter.moc"
