// SPDX-License-Identifier: MIT
// The worker threads' epoll event dispatcher: every test runs a real QThread on it and drives
// it with the Qt facilities the gateway uses (timers, posted events, QTcpSocket, QTcpServer).
#include "core/common/epolleventdispatcher.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <functional>

#include <sys/socket.h>
#include <unistd.h>

using namespace Switchyard;
using namespace Qt::StringLiterals;

namespace {

/// A thread on the epoll dispatcher with a context object living in it.
class EpollThread
{
public:
    EpollThread()
    {
        m_dispatcher = new EpollEventDispatcher;
        m_thread.setEventDispatcher(m_dispatcher);
        m_thread.start();
        m_context.moveToThread(&m_thread);
    }
    ~EpollThread()
    {
        run([this] { qDeleteAll(m_context.children()); }); // timers and sockets die on their thread
        m_thread.quit();
        m_thread.wait();
    }
    /// Runs `f` on the thread and waits for it.
    void run(const std::function<void()> &f) { QMetaObject::invokeMethod(&m_context, f, Qt::BlockingQueuedConnection); }
    void post(const std::function<void()> &f) { QMetaObject::invokeMethod(&m_context, f, Qt::QueuedConnection); }
    EpollEventDispatcher *dispatcher() const { return m_dispatcher; }
    /// An object living in the thread, to own what the tests create there.
    QObject *context() { return &m_context; }

private:
    QThread m_thread;
    QObject m_context;
    EpollEventDispatcher *m_dispatcher;
};

} // namespace

class TestEpollEventDispatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void installsOnTheThread()
    {
        EpollThread t;
        QAbstractEventDispatcher *seen = nullptr;
        t.run([&] { seen = QAbstractEventDispatcher::instance(); });
        QCOMPARE(seen, t.dispatcher());
    }

    void postedEventsFromOtherThreadsWakeIt()
    {
        EpollThread t;
        std::atomic<int> calls{0};
        for (int i = 0; i < 1000; ++i)
            t.post([&] { ++calls; });
        QTRY_COMPARE(calls.load(), 1000);
        // After idling, a single post still wakes the blocked wait.
        QTest::qWait(50);
        t.post([&] { ++calls; });
        QTRY_COMPARE(calls.load(), 1001);
    }

    void postsFromItsOwnThreadRunInOrder()
    {
        EpollThread t;
        QList<int> order;
        std::atomic<bool> done{false};
        t.post([&] {
            QObject *ctx = t.context();
            for (int i = 0; i < 5; ++i)
                QMetaObject::invokeMethod(ctx, [&order, i] { order.append(i); }, Qt::QueuedConnection);
            QMetaObject::invokeMethod(ctx, [&done] { done = true; }, Qt::QueuedConnection);
        });
        QTRY_VERIFY(done.load());
        QCOMPARE(order, QList<int>({0, 1, 2, 3, 4}));
    }

    void singleShotAndRepeatingTimers()
    {
        EpollThread t;
        std::atomic<int> single{0};
        std::atomic<int> repeats{0};
        std::atomic<qint64> singleAfterMs{-1};
        QTimer *repeating = nullptr;
        t.run([&] {
            QElapsedTimer clock;
            clock.start();
            auto *once = new QTimer(t.context());
            once->setSingleShot(true);
            QObject::connect(once, &QTimer::timeout, once, [&, clock] {
                singleAfterMs = clock.elapsed();
                ++single;
            });
            once->start(40);
            repeating = new QTimer(t.context());
            QObject::connect(repeating, &QTimer::timeout, repeating, [&] {
                if (++repeats == 5)
                    repeating->stop();
            });
            repeating->start(5);
        });
        QTRY_COMPARE(repeats.load(), 5);
        QTRY_COMPARE(single.load(), 1);
        QVERIFY2(singleAfterMs >= 40, qPrintable(QString::number(singleAfterMs)));
        QTest::qWait(60);
        QCOMPARE(single.load(), 1); // single shot: once
        QCOMPARE(repeats.load(), 5); // stopped in its own handler
        bool active = true;
        int remaining = 0;
        t.run([&] {
            active = repeating->isActive();
            repeating->start(10'000);
            remaining = repeating->remainingTime();
        });
        QVERIFY(!active);
        QVERIFY2(remaining > 9'000 && remaining <= 10'000, qPrintable(QString::number(remaining)));
        t.run([&] { repeating->stop(); });
    }

    void zeroTimersAndKillingOthers()
    {
        EpollThread t;
        std::atomic<int> zeroTicks{0};
        std::atomic<bool> victimFired{false};
        t.run([&] {
            auto *owner = t.context();
            auto *victim = new QTimer(owner);
            QObject::connect(victim, &QTimer::timeout, victim, [&] { victimFired = true; });
            victim->start(30);
            auto *zero = new QTimer(owner);
            QObject::connect(zero, &QTimer::timeout, zero, [&, zero, victim] {
                if (++zeroTicks == 3) {
                    zero->stop();
                    delete victim; // a timer killed by another's handler never fires
                }
            });
            zero->start(0);
        });
        QTRY_COMPARE(zeroTicks.load(), 3);
        QTest::qWait(80);
        QVERIFY(!victimFired.load());
        QCOMPARE(zeroTicks.load(), 3);
    }

    void aTimerStartedInAnotherOnesHandlerWaitsItsInterval()
    {
        // A and B are due in the same pass; A's handler deletes B and starts C, which may
        // get B's id back from Qt. C must still wait its full interval.
        EpollThread t;
        std::atomic<qint64> cAfterMs{-1};
        t.run([&] {
            auto *owner = t.context();
            auto *a = new QTimer(owner);
            auto *b = new QTimer(owner);
            a->setSingleShot(true);
            b->setSingleShot(true);
            QObject::connect(b, &QTimer::timeout, b, [] {});
            QObject::connect(a, &QTimer::timeout, a, [&, owner, b] {
                delete b;
                QElapsedTimer clock;
                clock.start();
                auto *c = new QTimer(owner);
                c->setSingleShot(true);
                QObject::connect(c, &QTimer::timeout, c, [&, clock] { cAfterMs = clock.elapsed(); });
                c->start(200);
            });
            a->start(10);
            b->start(10);
            QThread::msleep(30); // both due when the loop next looks
        });
        QTRY_VERIFY_WITH_TIMEOUT(cAfterMs.load() >= 0, 5'000);
        QVERIFY2(cAfterMs.load() >= 190, qPrintable(QString::number(cAfterMs.load())));
    }

    void excludingSocketsDoesNotSpin()
    {
        // A readable socket while the caller excludes socket notifiers: the wait still blocks
        // until the timer, and the notifier is not activated.
        int fds[2];
        QCOMPARE(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds), 0);
        EpollThread t;
        std::atomic<int> activations{0};
        std::atomic<int> passes{0};
        std::atomic<bool> timerFired{false};
        int activationsWhileExcluded = -1;
        t.run([&] {
            auto *notifier = new QSocketNotifier(fds[0], QSocketNotifier::Read, t.context());
            QObject::connect(notifier, &QSocketNotifier::activated, notifier, [&] {
                char c;
                while (::read(fds[0], &c, 1) > 0) {
                }
                ++activations;
            });
        });
        t.run([&] {
            QCOMPARE(::write(fds[1], "x", 1), 1); // readable from here on, inside this handler
            QTimer::singleShot(50, t.context(), [&] { timerFired = true; });
            while (!timerFired) {
                QAbstractEventDispatcher::instance()->processEvents(QEventLoop::WaitForMoreEvents
                                                                    | QEventLoop::ExcludeSocketNotifiers);
                ++passes;
            }
            activationsWhileExcluded = activations.load(); // here: the thread's own loop serves it next
        });
        QCOMPARE(activationsWhileExcluded, 0);
        QVERIFY2(passes.load() < 10, qPrintable(QString::number(passes.load())));
        QTRY_COMPARE(activations.load(), 1); // back in the normal loop, the socket is served
        t.run([&] { qDeleteAll(t.context()->findChildren<QSocketNotifier *>()); });
        ::close(fds[0]);
        ::close(fds[1]);
    }

    void tcpEchoThroughNotifiers()
    {
        // A server and a client on the epoll thread exchange 1 MB: reads, buffered writes
        // (write notifier flips) and the close are all carried by socket notifiers.
        EpollThread t;
        QTcpServer *server = nullptr;
        QTcpSocket *client = nullptr;
        std::atomic<qint64> echoedBack{0};
        std::atomic<bool> disconnected{false};
        const QByteArray payload(1 << 20, 'x');
        t.run([&] {
            auto *owner = t.context();
            server = new QTcpServer(owner);
            QVERIFY(server->listen(QHostAddress::LocalHost));
            QObject::connect(server, &QTcpServer::newConnection, server, [server] {
                QTcpSocket *peer = server->nextPendingConnection();
                QObject::connect(peer, &QTcpSocket::readyRead, peer, [peer] { peer->write(peer->readAll()); });
                QObject::connect(peer, &QTcpSocket::disconnected, peer, &QObject::deleteLater);
            });
            client = new QTcpSocket(owner);
            QObject::connect(client, &QTcpSocket::connected, client, [&] { client->write(payload); });
            QObject::connect(client, &QTcpSocket::readyRead, client, [&] {
                echoedBack += client->readAll().size();
                if (echoedBack == payload.size())
                    client->disconnectFromHost();
            });
            QObject::connect(client, &QTcpSocket::disconnected, client, [&] { disconnected = true; });
            client->connectToHost(QHostAddress::LocalHost, server->serverPort());
        });
        QTRY_COMPARE_WITH_TIMEOUT(echoedBack.load(), qint64(payload.size()), 10'000);
        QTRY_VERIFY(disconnected.load());
    }

    void notifierFlipsBetweenWaitsCostNoSystemCall()
    {
        EpollThread t;
        int fds[2];
        QCOMPARE(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds), 0);
        quint64 calls = 0;
        std::atomic<int> reads{0};
        QSocketNotifier *notifier = nullptr;
        t.run([&] {
            notifier = new QSocketNotifier(fds[0], QSocketNotifier::Read, t.context());
            QObject::connect(notifier, &QSocketNotifier::activated, notifier, [&] {
                char buffer[64];
                while (::read(fds[0], buffer, sizeof buffer) > 0) {
                }
                ++reads;
            });
        });
        QCOMPARE(::write(fds[1], "a", 1), 1);
        QTRY_COMPARE(reads.load(), 1);
        t.run([&] {
            calls = t.dispatcher()->epollControlCalls();
            for (int i = 0; i < 100; ++i) {
                notifier->setEnabled(false);
                notifier->setEnabled(true);
            }
        });
        QCOMPARE(::write(fds[1], "b", 1), 1);
        QTRY_COMPARE(reads.load(), 2);
        quint64 after = 0;
        t.run([&] { after = t.dispatcher()->epollControlCalls(); });
        QVERIFY2(after - calls <= 1, qPrintable(QString::number(after - calls))); // at most one check

        // Disabled: no activation, even though data waits.
        t.run([&] { notifier->setEnabled(false); });
        QCOMPARE(::write(fds[1], "c", 1), 1);
        QTest::qWait(50);
        QCOMPARE(reads.load(), 2);
        t.run([&] { notifier->setEnabled(true); });
        QTRY_COMPARE(reads.load(), 3);
        t.run([&] { delete notifier; });
        ::close(fds[0]);
        ::close(fds[1]);
    }

    void reusedDescriptorIsWatchedAgain()
    {
        // A socket closed and its number handed to a new one before the thread waits again:
        // the new socket's notifier must still fire.
        EpollThread t;
        std::atomic<int> reads{0};
        int writer = -1;
        t.run([&] {
            int a[2];
            QCOMPARE(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, a), 0);
            auto *first = new QSocketNotifier(a[0], QSocketNotifier::Read);
            const int number = a[0];
            delete first;
            ::close(a[0]);
            ::close(a[1]);
            int b[2];
            QCOMPARE(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, b), 0);
            QCOMPARE(b[0], number); // the kernel hands out the lowest free number
            writer = b[1];
            auto *second = new QSocketNotifier(b[0], QSocketNotifier::Read, t.context());
            QObject::connect(second, &QSocketNotifier::activated, second, [&reads, fd = b[0]] {
                char c;
                while (::read(fd, &c, 1) > 0)
                    ++reads;
            });
        });
        QCOMPARE(::write(writer, "z", 1), 1);
        QTRY_COMPARE(reads.load(), 1);
    }

    void quitFromAnotherThreadStopsABlockedWait()
    {
        auto *dispatcher = new EpollEventDispatcher;
        QThread thread;
        thread.setEventDispatcher(dispatcher);
        thread.start();
        QTest::qWait(20); // blocked in epoll_wait with nothing to do
        QElapsedTimer clock;
        clock.start();
        thread.quit();
        QVERIFY(thread.wait(5'000));
        QVERIFY2(clock.elapsed() < 1'000, qPrintable(QString::number(clock.elapsed())));
    }

    void nestedEventLoopExits()
    {
        EpollThread t;
        std::atomic<bool> returned{false};
        t.post([&] {
            QEventLoop loop;
            QTimer::singleShot(20, &loop, &QEventLoop::quit);
            loop.exec();
            returned = true;
        });
        QTRY_VERIFY(returned.load());
    }
};

QTEST_GUILESS_MAIN(TestEpollEventDispatcher)
#include "tst_epolleventdispatcher.moc"
