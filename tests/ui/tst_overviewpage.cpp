// SPDX-License-Identifier: MIT
// The Overview page and the status-bar gateway line against a real Runtime on loopback:
// stop/start, moving the port, snippets, creating a key, today's spend.
#include "core/config/configio.h"
#include "core/config/configstore.h"
#include "core/config/defaultconfig.h"
#include "core/gateway/apikeys.h"
#include "core/runtime/runtime.h"
#include "core/usage/usagestore.h"
#include "tests/support/usagetestdata.h"
#include "ui/gateway/createkeydialog.h"
#include "ui/gateway/gatewaycontrol.h"
#include "ui/gateway/gatewaystatuswidget.h"
#include "ui/gateway/overviewpage.h"
#include "ui/gateway/requestratemeter.h"
#include "ui/mainwindow/mainwindow.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Switchyard;
using namespace Qt::StringLiterals;

namespace {

/// Status of GET `url`, or -1 when no HTTP answer came (connection refused).
int httpGet(const QString &url, const QByteArray &bearer = {})
{
    QNetworkAccessManager network;
    QNetworkRequest request{QUrl(url)};
    request.setTransferTimeout(10'000);
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(15'000))
        return -2;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    return status.isValid() ? status.toInt() : -1;
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort(); // closed on return; a race with other programs is unlikely
}

template<typename T>
T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}

} // namespace

class TestOverviewPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void stopAndStart();
    void changePort();
    void rejectsBadListenAddress();
    void showsWhyTheGatewayDidNotStart();
    void snippetsFollowTheBaseUrl();
    void copiesTheBaseUrl();
    void createsAKey();
    void statusLineShowsTodaysSpend();
    void keysTextFollowsTheListenAddress();
    void statusLineThrottlesQueries();
    void rateMeterForgetsOldRequests();
    void screenshot();

private:
    QString url(const QString &path) const { return u"http://"_s + m_runtime->listenAddress() + path; }
    /// The runtime on m_dir's config.json and database, listening on `listen`, and the page;
    /// m_page stays null when the runtime does not start.
    void startPage(const QString &listen)
    {
        RuntimeOptions options{m_dir->filePath(u"config.json"_s), m_dir->filePath(u"usage.sqlite3"_s), listen};
        options.watchConfig = false;
        m_runtime = std::make_unique<Runtime>(options);
        Errors errors;
        if (!m_runtime->start(&errors)) {
            qWarning().noquote() << errors.value(0).toString();
            return;
        }
        m_gateway = std::make_unique<GatewayControl>(m_runtime.get());
        m_page = std::make_unique<OverviewPage>(m_gateway.get());
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Runtime> m_runtime;
    std::unique_ptr<GatewayControl> m_gateway;
    std::unique_ptr<OverviewPage> m_page;
};

void TestOverviewPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // No keychain prompts from a developer's session: these tests do not need one.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/switchyard-test-bus");
}

void TestOverviewPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    startPage(u"127.0.0.1:0"_s);
    QVERIFY(m_page);
    m_page->resize(1090, 740);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestOverviewPage::cleanup()
{
    m_page.reset();
    m_gateway.reset();
    m_runtime.reset();
    m_dir.reset();
}

void TestOverviewPage::stopAndStart()
{
    auto *state = child<QLabel>(m_page.get(), u"stateLabel"_s);
    auto *start = child<QPushButton>(m_page.get(), u"startButton"_s);
    auto *stop = child<QPushButton>(m_page.get(), u"stopButton"_s);
    QVERIFY(state && start && stop);
    QVERIFY(state->text().contains(u"Serving"_s));
    QVERIFY(!start->isEnabled());
    const QString healthUrl = url(u"/health"_s);
    QCOMPARE(httpGet(healthUrl), 200);

    QTest::mouseClick(stop, Qt::LeftButton);
    QVERIFY(!m_runtime->isGatewayRunning());
    QVERIFY2(state->text().contains(u"Stopped"_s), qPrintable(state->text()));
    QVERIFY(start->isEnabled());
    QVERIFY(!stop->isEnabled());
    QCOMPARE(httpGet(healthUrl), -1);

    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(m_runtime->isGatewayRunning());
    QVERIFY(state->text().contains(u"Serving"_s));
    QVERIFY(state->text().contains(m_runtime->listenAddress()));
    QCOMPARE(httpGet(url(u"/health"_s)), 200);
}

void TestOverviewPage::changePort()
{
    auto *listen = child<QLineEdit>(m_page.get(), u"listenEdit"_s);
    auto *apply = child<QPushButton>(m_page.get(), u"applyListenButton"_s);
    QVERIFY(listen && apply);
    QCOMPARE(listen->text(), m_runtime->listenAddress());
    const QString oldHealth = url(u"/health"_s);
    const quint16 port = freePort();
    QVERIFY(port > 0);
    const QString address = u"127.0.0.1:"_s + QString::number(port);

    listen->selectAll();
    QTest::keyClicks(listen, address);
    QTest::mouseClick(apply, Qt::LeftButton);

    QVERIFY(!child<QLabel>(m_page.get(), u"listenError"_s)->isVisible());
    QCOMPARE(m_runtime->port(), port);
    QCOMPARE(httpGet(u"http://"_s + address + u"/health"_s), 200);
    QCOMPARE(httpGet(oldHealth), -1);
    QCOMPARE(child<QLabel>(m_page.get(), u"baseUrlLabel"_s)->text(), u"http://"_s + address + u"/v1"_s);
    QVERIFY(child<QLabel>(m_page.get(), u"stateLabel"_s)->text().contains(address));
    // Saved, so the next start uses it too.
    const ConfigLoadResult saved = ConfigIo::loadFile(m_dir->filePath(u"config.json"_s));
    QVERIFY(saved.ok());
    QCOMPARE(saved.config->gateway.listen, address);
}

void TestOverviewPage::showsWhyTheGatewayDidNotStart()
{
    // Another program holds the port when the app starts: the window opens later and must
    // still say why the gateway is not serving; Start works once the port is free.
    auto taken = std::make_unique<QTcpServer>();
    QVERIFY(taken->listen(QHostAddress::LocalHost, 0));
    const QString address = u"127.0.0.1:%1"_s.arg(taken->serverPort());
    QTemporaryDir dir;
    RuntimeOptions options{dir.filePath(u"config.json"_s), dir.filePath(u"usage.sqlite3"_s), address};
    options.watchConfig = false;
    Runtime runtime(options);
    Errors errors;
    QVERIFY(!runtime.start(&errors));
    QVERIFY(runtime.configStore() && runtime.usageStore()); // the rest of the app runs
    GatewayControl gateway(&runtime);
    OverviewPage page(&gateway);
    page.show();
    auto *state = child<QLabel>(&page, u"stateLabel"_s);
    QVERIFY2(state->text().contains(u"Error"_s) && state->text().contains(u"cannot listen on "_s + address),
             qPrintable(state->text()));
    QVERIFY(child<QPushButton>(&page, u"startButton"_s)->isEnabled());

    taken.reset();
    QTest::mouseClick(child<QPushButton>(&page, u"startButton"_s), Qt::LeftButton);
    QTRY_VERIFY(state->text().contains(u"Serving"_s));
    QVERIFY(runtime.gatewayErrors().isEmpty());
}

void TestOverviewPage::rejectsBadListenAddress()
{
    auto *listen = child<QLineEdit>(m_page.get(), u"listenEdit"_s);
    auto *error = child<QLabel>(m_page.get(), u"listenError"_s);
    const QString before = m_runtime->listenAddress();
    listen->selectAll();
    QTest::keyClicks(listen, u"localhost:99999"_s);
    QTest::keyClick(listen, Qt::Key_Return);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"is not HOST:PORT"_s), qPrintable(error->text()));
    QVERIFY(m_runtime->isGatewayRunning());
    QCOMPARE(m_runtime->listenAddress(), before);
    QCOMPARE(m_gateway->state(), GatewayControl::State::Serving);
}

void TestOverviewPage::snippetsFollowTheBaseUrl()
{
    const QString base = m_gateway->baseUrl();
    QCOMPARE(base, u"http://"_s + m_runtime->listenAddress() + u"/v1"_s);
    const QString python = child<QPlainTextEdit>(m_page.get(), u"pythonSnippet"_s)->toPlainText();
    const QString js = child<QPlainTextEdit>(m_page.get(), u"javascriptSnippet"_s)->toPlainText();
    const QString curl = child<QPlainTextEdit>(m_page.get(), u"curlSnippet"_s)->toPlainText();
    QVERIFY(python.contains(u"base_url=\""_s + base + u'"'));
    QVERIFY(python.contains(u"extra_headers"_s));
    QVERIFY(python.contains(u"\"X-Switchyard-Task\""_s));
    QVERIFY(python.contains(u"X-Switchyard-Node"_s));
    QVERIFY(python.contains(u"model=\"route/demo\""_s)); // the default configuration's route
    QVERIFY(js.contains(u"baseURL: \""_s + base + u'"'));
    QVERIFY(js.contains(u"defaultHeaders"_s));
    QVERIFY(js.contains(u"X-Switchyard-Node"_s));
    QVERIFY(curl.contains(u"curl "_s + base + u"/chat/completions"_s));
    QVERIFY(curl.contains(u"-H \"X-Switchyard-Task: "_s));
    QVERIFY(curl.contains(u"X-Switchyard-Node"_s));

    // Moving the gateway rewrites them.
    const quint16 port = freePort();
    const QString address = u"127.0.0.1:"_s + QString::number(port);
    QVERIFY(m_gateway->setListenAddress(address, nullptr));
    QVERIFY(child<QPlainTextEdit>(m_page.get(), u"curlSnippet"_s)->toPlainText()
                .contains(u"http://"_s + address + u"/v1/chat/completions"_s));
}

void TestOverviewPage::copiesTheBaseUrl()
{
    QApplication::clipboard()->clear();
    QTest::mouseClick(child<QPushButton>(m_page.get(), u"copyBaseUrlButton"_s), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), m_gateway->baseUrl());
    QTest::mouseClick(child<QPushButton>(m_page.get(), u"copyCurlButton"_s), Qt::LeftButton);
    QVERIFY(QApplication::clipboard()->text().startsWith(u"# "_s));
    QVERIFY(QApplication::clipboard()->text().contains(m_gateway->baseUrl()));
}

void TestOverviewPage::createsAKey()
{
    QCOMPARE(httpGet(url(u"/v1/models"_s)), 200); // open loopback gateway, no keys yet
    QTest::mouseClick(child<QPushButton>(m_page.get(), u"createKeyButton"_s), Qt::LeftButton);
    auto *dialog = m_page->findChild<CreateKeyDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *name = child<QLineEdit>(dialog, u"keyName"_s);
    name->selectAll();
    QTest::keyClicks(name, u"laptop"_s);
    QTest::mouseClick(child<QPushButton>(dialog, u"createButton"_s), Qt::LeftButton);

    const QByteArray key = dialog->key();
    QVERIFY(ApiKeys::isWellFormedKey(key));
    QCOMPARE(child<QLineEdit>(dialog, u"createdKey"_s)->text(), QString::fromLatin1(key));
    QVERIFY(child<QPushButton>(dialog, u"copyKeyButton"_s)->isVisible());
    QTest::mouseClick(child<QPushButton>(dialog, u"copyKeyButton"_s), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), QString::fromLatin1(key));

    // Only the digest is saved, and the gateway enforces keys from now on.
    QFile file(m_dir->filePath(u"config.json"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QVERIFY(!saved.contains(key));
    QVERIFY(saved.contains(ApiKeys::sha256Hex(key).toLatin1()));
    QCOMPARE(httpGet(url(u"/v1/models"_s)), 401);
    QCOMPARE(httpGet(url(u"/v1/models"_s), key), 200);
    QVERIFY(child<QLabel>(m_page.get(), u"keysLabel"_s)->text().contains(u"laptop"_s));
    dialog->close();
}

void TestOverviewPage::statusLineShowsTodaysSpend()
{
    GatewayStatusWidget status(m_gateway.get(), m_runtime->usageStore());
    auto *spend = child<QLabel>(&status, u"statusSpend"_s);
    auto *rate = child<QLabel>(&status, u"statusRate"_s);
    auto *state = child<QLabel>(&status, u"statusState"_s);
    QTRY_COMPARE(spend->text(), u"Spend today: $0.00"_s);
    QVERIFY(state->text().contains(m_runtime->listenAddress()));
    QCOMPARE(rate->text(), u"0 req/min"_s);

    // A spend far under a cent still shows.
    m_runtime->usageStore()->record(TestData::simulatedCall(u"r0"_s, 39'000)); // $0.000039
    QTRY_COMPARE_WITH_TIMEOUT(spend->text(), u"Spend today: $0.000039"_s, 10'000);

    RequestRecord priced = TestData::simulatedCall(u"r1"_s, 12'500'000); // $0.0125
    RequestRecord unpriced = priced;
    unpriced.requestId = u"r2"_s;
    unpriced.cost = {};
    m_runtime->usageStore()->record(priced);
    m_runtime->usageStore()->record(unpriced);
    QTRY_COMPARE_WITH_TIMEOUT(spend->text(), u"Spend today: $0.0125 + 1 unpriced"_s, 10'000);
    QCOMPARE(rate->text(), u"3 req/min"_s);

    m_gateway->stop();
    QVERIFY(state->text().contains(u"stopped"_s));
}

void TestOverviewPage::keysTextFollowsTheListenAddress()
{
    // Started on every interface with one key (the configuration itself says loopback).
    m_page.reset();
    m_gateway.reset();
    m_runtime.reset();
    const QByteArray key = ApiKeys::generateKey();
    Config config = *ConfigIo::parse(DefaultConfig::json()).config;
    config.gateway.keys = {{u"laptop"_s, ApiKeys::sha256Hex(key), {}}};
    const QString path = m_dir->filePath(u"config.json"_s);
    QVERIFY(ConfigIo::saveFile(config, path, nullptr));
    startPage(u"0.0.0.0:0"_s);
    QVERIFY(m_page);
    auto *keys = child<QLabel>(m_page.get(), u"keysLabel"_s);
    QVERIFY(keys->text().contains(u"laptop"_s));

    // The last key removed: the page must not promise that any key works, as on loopback.
    config.gateway.keys.clear();
    QVERIFY(m_runtime->configStore()->apply(config, path).isEmpty());
    QTRY_VERIFY2(keys->text().contains(u"refuses every request"_s), qPrintable(keys->text()));
    // The code to paste must not promise that any key works either.
    const QString python = child<QPlainTextEdit>(m_page.get(), u"pythonSnippet"_s)->toPlainText();
    QVERIFY2(!python.contains(u"any non-empty key works"_s) && python.contains(u"Create key"_s), qPrintable(python));
    QVERIFY(keys->text().contains(m_runtime->listenAddress()));
    QCOMPARE(httpGet(u"http://127.0.0.1:%1/v1/models"_s.arg(m_runtime->listenAddress().section(u':', -1)), key), 401);
}

void TestOverviewPage::statusLineThrottlesQueries()
{
    GatewayStatusWidget status(m_gateway.get(), m_runtime->usageStore());
    QCOMPARE(status.queriesSent(), quint64(1)); // the first one at once
    // A burst of commits inside one interval costs one more query, not one per commit.
    for (int i = 0; i < 20; ++i)
        QMetaObject::invokeMethod(m_runtime->usageStore(), "recordsCommitted", Q_ARG(int, 1));
    QCOMPARE(status.queriesSent(), quint64(1));
    QTRY_COMPARE_WITH_TIMEOUT(status.queriesSent(), quint64(2), 3'000);
    QTest::qWait(1'500); // nothing new happened: no further query
    QCOMPARE(status.queriesSent(), quint64(2));
}

void TestOverviewPage::rateMeterForgetsOldRequests()
{
    RequestRateMeter meter;
    meter.add(3, 0);
    meter.add(2, 30'000);
    QCOMPARE(meter.count(30'000), qint64(5));
    QCOMPARE(meter.count(59'999), qint64(5));
    QCOMPARE(meter.count(60'000), qint64(2));
    QCOMPARE(meter.count(90'000), qint64(0));
}

void TestOverviewPage::screenshot()
{
    const QString dir = qEnvironmentVariable("SY_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set SY_SCREENSHOT_DIR to render the page inside a main window");
    m_page.reset();
    MainWindow window;
    auto *page = new OverviewPage(m_gateway.get());
    window.addPage(page);
    window.setStatusWidget(new GatewayStatusWidget(m_gateway.get(), m_runtime->usageStore()));
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(window.findChild<QLabel *>(u"statusSpend"_s)->text().contains(u'$'));
    QCoreApplication::processEvents(); // let pending layout requests settle before grabbing
    QVERIFY(window.grab().save(dir + u"/shot-overview.png"_s));

    QTest::mouseClick(page->findChild<QPushButton *>(u"createKeyButton"_s), Qt::LeftButton);
    auto *dialog = page->findChild<CreateKeyDialog *>();
    QVERIFY(dialog);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"createButton"_s), Qt::LeftButton);
    QVERIFY(!dialog->key().isEmpty());
    QCoreApplication::processEvents();
    QVERIFY(dialog->grab().save(dir + u"/shot-create-key.png"_s));
    dialog->close();
}

QTEST_MAIN(TestOverviewPage)
#include "tst_overviewpage.moc"
