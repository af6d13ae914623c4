// SPDX-License-Identifier: MIT
#include "core/config/configio.h"
#include "core/config/configstore.h"
#include "core/config/defaultconfig.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Switchyard;
using namespace Qt::StringLiterals;

class TestConfigStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void applySwapsAndKeepsOldSnapshotsIntact();
    void invalidConfigIsNotApplied();
    void readersOnOtherThreadsSeeWholeSnapshots();
    void reloadsWatchedFile();

private:
    static void writeFile(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    }
};

void TestConfigStore::applySwapsAndKeepsOldSnapshotsIntact()
{
    ConfigStore store(DefaultConfig::config());
    QSignalSpy changed(&store, &ConfigStore::snapshotChanged);
    const ConfigSnapshotPtr held = store.snapshot();
    QCOMPARE(held->generation, 1u);

    Config next = held->config;
    next.gateway.listen = u"127.0.0.1:4111"_s;
    QVERIFY(store.apply(next).isEmpty());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toULongLong(), 2u);
    QCOMPARE(store.snapshot()->config.gateway.listen, u"127.0.0.1:4111"_s);
    // A request in flight keeps the rules it started with.
    QCOMPARE(held->config.gateway.listen, u"127.0.0.1:4000"_s);
}

void TestConfigStore::invalidConfigIsNotApplied()
{
    ConfigStore store(DefaultConfig::config());
    QSignalSpy changed(&store, &ConfigStore::snapshotChanged);
    Config broken = store.snapshot()->config;
    broken.routes.first().ladder.first().target = u"openai/gpt-4x"_s;
    const Errors errors = store.apply(broken);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().path, u"routes[0].ladder[0].target"_s);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(store.snapshot()->generation, 1u);
    QCOMPARE(store.snapshot()->config, DefaultConfig::config());
}

void TestConfigStore::readersOnOtherThreadsSeeWholeSnapshots()
{
    ConfigStore store(DefaultConfig::config());
    std::atomic<bool> stop = false;
    std::atomic<int> torn = 0;
    std::atomic<qint64> reads = 0;
    QThread *reader = QThread::create([&] {
        quint64 last = 0;
        while (!stop) {
            const ConfigSnapshotPtr s = store.snapshot();
            // Each generation n was applied with port 4000 + n: a mix would show here.
            if (s->generation > 1 && s->config.gateway.listen != u"127.0.0.1:"_s + QString::number(4000 + s->generation))
                ++torn;
            if (s->generation < last)
                ++torn;
            last = s->generation;
            ++reads;
        }
    });
    reader->start();
    QTRY_VERIFY(reads.load() > 0); // the reader is running before the first swap
    Config c = DefaultConfig::config();
    for (int n = 2; n <= 200; ++n) {
        c.gateway.listen = u"127.0.0.1:"_s + QString::number(4000 + n);
        QVERIFY(store.apply(c).isEmpty());
    }
    stop = true;
    reader->wait();
    delete reader;
    QCOMPARE(torn.load(), 0);
    QVERIFY(reads.load() > 0);
    QCOMPARE(store.snapshot()->generation, 200u);
}

void TestConfigStore::reloadsWatchedFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"config.json"_s);
    writeFile(path, DefaultConfig::json());
    ConfigStore store(DefaultConfig::config());
    QVERIFY(store.loadFile(path).isEmpty());
    store.watchFile(path);
    QSignalSpy changed(&store, &ConfigStore::snapshotChanged);
    QSignalSpy failed(&store, &ConfigStore::reloadFailed);

    Config edited = store.snapshot()->config;
    edited.gateway.listen = u"127.0.0.1:4222"_s;
    writeFile(path, ConfigIo::serialize(edited));
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 5000);
    QCOMPARE(store.snapshot()->config.gateway.listen, u"127.0.0.1:4222"_s);

    // A broken edit keeps the running snapshot, reports every error, and the file stays as the user left it.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u".*"_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u".*"_s));
    const QByteArray broken = "{ \"version\": 1, \"gateway\": { \"listen\": \"nowhere\" } }";
    writeFile(path, broken);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
    const auto errors = failed.first().at(1).value<Errors>();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().path, u"gateway.listen"_s);
    QCOMPARE(store.snapshot()->config.gateway.listen, u"127.0.0.1:4222"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), broken);
    f.close();

    // Editors that save by renaming a new file over the old one are followed too.
    edited.gateway.listen = u"127.0.0.1:4333"_s;
    writeFile(path + u".tmp"_s, ConfigIo::serialize(edited));
    QFile::remove(path);
    QVERIFY(QFile::rename(path + u".tmp"_s, path));
    QTRY_COMPARE_WITH_TIMEOUT(store.snapshot()->config.gateway.listen, u"127.0.0.1:4333"_s, 5000);
}

QTEST_GUILESS_MAIN(TestConfigStore)
#include "tst_configstore.moc"
