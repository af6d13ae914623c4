// SPDX-License-Identifier: MIT
// The real `switchyard` binary: a second start with the same configuration raises the first
// instance's window and exits; a second configuration runs an app of its own; a broken
// configuration file is reported with its path and every error, and left as it was.
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

/// The desktop app on the offscreen platform, with its own home, settings and runtime dirs.
class App
{
public:
    App(const QTemporaryDir &home, const QString &profile, const QString &locale = QStringLiteral("C.UTF-8"))
        : m_home(home.path())
        , m_profile(profile)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"LANG"_s, locale);
        env.insert(u"LC_ALL"_s, locale);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"HOME"_s, m_home);
        env.insert(u"XDG_CONFIG_HOME"_s, m_home + u"/config"_s);
        env.insert(u"XDG_DATA_HOME"_s, m_home + u"/data"_s);
        env.insert(u"XDG_RUNTIME_DIR"_s, m_home); // where the instance socket lives
        env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s); // no tray or keychain of the desktop running the tests
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
    }
    ~App()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate(); // SIGTERM: the app quits through its normal path
            if (!m_process.waitForFinished(10'000))
                m_process.kill();
        }
    }
    void writeConfig(const QByteArray &text)
    {
        QFile f(configPath());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }
    QString configPath() const { return m_home + u'/' + m_profile + u".json"_s; }
    void start(bool listen = true)
    {
        QStringList args{u"--config"_s, configPath(), u"--db"_s,
                         m_home + u'/' + m_profile + u".sqlite3"_s};
        if (listen)
            args << u"--listen"_s << u"127.0.0.1:0"_s;
        m_process.start(QStringLiteral(SY_APP_BIN), args);
    }
    /// Starts it with a gateway on a free port; true once that serves.
    bool startServing()
    {
        start();
        return QTest::qWaitFor([this] { return !serving().isEmpty(); }, 20'000);
    }
    QString output()
    {
        m_log += QString::fromUtf8(m_process.readAll());
        return m_log;
    }
    /// "host:port" of its gateway once it serves, else empty.
    QString serving()
    {
        const auto m = QRegularExpression(u"gateway serving http://([0-9.]+:[0-9]+)/v1"_s).match(output());
        return m.hasMatch() ? m.captured(1) : QString();
    }
    QProcess &process() { return m_process; }

private:
    QString m_home;
    QString m_profile;
    QProcess m_process;
    QString m_log;
};

bool answersHealth(const QString &address)
{
    QTcpSocket socket;
    const qsizetype colon = address.lastIndexOf(u':');
    socket.connectToHost(address.left(colon), quint16(address.mid(colon + 1).toUInt()));
    if (!socket.waitForConnected(3'000))
        return false;
    socket.write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QByteArray reply;
    while (socket.waitForReadyRead(3'000))
        reply += socket.readAll();
    return reply.startsWith("HTTP/1.1 200");
}

} // namespace

class TestDesktopApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondStartRaisesTheFirst()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        App first(home, u"main"_s);
        QVERIFY2(first.startServing(), qPrintable(first.output()));
        const QString address = first.serving();
        QVERIFY(answersHealth(address));

        App second(home, u"main"_s);
        second.start(false);
        QVERIFY(second.process().waitForFinished(15'000));
        QCOMPARE(second.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.process().exitCode(), 0);
        QVERIFY2(second.output().contains(u"already running"_s), qPrintable(second.output()));
        QVERIFY2(second.serving().isEmpty(), qPrintable(second.output())); // no second gateway

        // The first heard it and raised its window; it still serves.
        QTRY_VERIFY_WITH_TIMEOUT(first.output().contains(u"started again; raising the window"_s), 10'000);
        QCOMPARE(first.process().state(), QProcess::Running);
        QVERIFY(answersHealth(address));
    }

    void anotherConfigurationRunsItsOwnApp()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        App main(home, u"main"_s);
        QVERIFY2(main.startServing(), qPrintable(main.output()));
        App test(home, u"test-profile"_s);
        QVERIFY2(test.startServing(), qPrintable(test.output()));
        QVERIFY(main.serving() != test.serving());
        QVERIFY(answersHealth(main.serving()));
        QVERIFY(answersHealth(test.serving()));
        QVERIFY(!main.output().contains(u"raising the window"_s));
    }

    void brokenConfigurationIsReportedAndKept_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("not JSON") << QByteArray("{ \"version\": 1, \"providers\": [ ")
                                  << QStringList{u"not valid JSON"_s};
        QTest::addRow("invalid") << QByteArray(R"({ "version": 1, "providers": [
            { "id": "x", "kind": "openai", "baseUrl": "not a url", "apiKey": "env:X_KEY" } ],
            "routes": [ { "name": "r", "ladder": [ { "target": "nope/unknown-model" } ] } ] })")
                                 << QStringList{u"providers[0].baseUrl"_s, u"routes[0].ladder[0].target"_s};
    }

    void brokenConfigurationIsReportedAndKept()
    {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, expected);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        App app(home, u"broken"_s);
        app.writeConfig(text);
        app.start();
        // It says which file and what is wrong (stderr; the same in a dialog), and serves nothing.
        QTRY_VERIFY_WITH_TIMEOUT(app.output().contains(u"cannot be used; it was not changed"_s), 20'000);
        QVERIFY2(app.output().contains(app.configPath()), qPrintable(app.output()));
        for (const QString &e : expected)
            QTRY_VERIFY2(app.output().contains(e), qPrintable(app.output()));
        QVERIFY(app.serving().isEmpty());
        QFile f(app.configPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), text); // never overwritten
    }

    void startupErrorsInTheUsersLanguage()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        App app(home, u"kaputt"_s, u"de_DE.UTF-8"_s);
        app.writeConfig("{ \"version\": 1, ");
        app.start();
        QTRY_VERIFY_WITH_TIMEOUT(app.output().contains(u"ist nicht verwendbar; sie wurde nicht verändert"_s), 20'000);
    }

    void staleSocketOfACrashedInstanceIsReplaced()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        {
            App crashed(home, u"main"_s);
            QVERIFY2(crashed.startServing(), qPrintable(crashed.output()));
            crashed.process().kill(); // SIGKILL: its socket file stays behind
            QVERIFY(crashed.process().waitForFinished(5'000));
        }
        App next(home, u"main"_s);
        QVERIFY2(next.startServing(), qPrintable(next.output()));
        QVERIFY(!next.output().contains(u"already running"_s));
    }
};

QTEST_GUILESS_MAIN(TestDesktopApp)
#include "tst_desktopapp.moc"
