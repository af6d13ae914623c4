// SPDX-License-Identifier: MIT
// The First run page against a real Runtime on loopback: the base URL and its Copy
// button, the local node form (validator errors, saving to the file, duplicates) and,
// inside the whole app, opening first while the usage database is empty.
#include "core/config/configio.h"
#include "core/config/configstore.h"
#include "core/config/configvalidator.h"
#include "core/config/defaultconfig.h"
#include "core/gateway/apikeys.h"
#include "core/runtime/runtime.h"
#include "ui/mainwindow/appcontroller.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/page.h"
#include "ui/welcome/nodeform.h"
#include "ui/welcome/welcomepage.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Switchyard;
using namespace Qt::StringLiterals;

namespace {

template<typename T>
T *child(QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

class TestWelcomePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void showsAndCopiesTheBaseUrl();
    void wildcardListenShowsWhereClientsConnect();
    void rejectsAnInvalidBaseUrl();
    void addsANode();
    void rejectsADuplicateNodeId();
    void opensFirstOnAnEmptyDatabase();

private:
    QString configPath() const { return m_dir->filePath(u"config.json"_s); }
    /// Fills the node form and clicks "Add node".
    void fillAndSubmit(const QString &id, const QString &kind, const QString &baseUrl, const QString &models);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Runtime> m_runtime;
    std::unique_ptr<WelcomePage> m_page;
};

void TestWelcomePage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Remembered UI state (dismissed, last page) must neither leak in nor out.
    const QString unique = u"tst_welcomepage-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QCoreApplication::setOrganizationName(unique);
    QCoreApplication::setApplicationName(unique);
    QSettings().clear();
    // No keychain prompts from a developer's session: these tests do not need one.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/switchyard-test-bus");
}

void TestWelcomePage::cleanupTestCase()
{
    QSettings settings;
    settings.clear();
    settings.sync();
    QFile::remove(settings.fileName());
    QDir().rmdir(QFileInfo(settings.fileName()).absolutePath()); // the unique organization's folder
}

void TestWelcomePage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    RuntimeOptions options{configPath(), m_dir->filePath(u"usage.sqlite3"_s), u"127.0.0.1:0"_s};
    options.watchConfig = false;
    m_runtime = std::make_unique<Runtime>(options);
    Errors errors;
    QVERIFY2(m_runtime->start(&errors), qPrintable(errors.value(0).toString()));
    QVERIFY(m_runtime->port() > 0);
    m_page = std::make_unique<WelcomePage>(m_runtime.get(), nullptr);
    m_page->resize(1090, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestWelcomePage::cleanup()
{
    m_page.reset();
    m_runtime.reset();
    m_dir.reset();
}

void TestWelcomePage::fillAndSubmit(const QString &id, const QString &kind, const QString &baseUrl,
                                    const QString &models)
{
    auto *idEdit = child<QLineEdit>(m_page.get(), u"nodeId"_s);
    auto *kindBox = child<QComboBox>(m_page.get(), u"nodeKind"_s);
    auto *urlEdit = child<QLineEdit>(m_page.get(), u"nodeBaseUrl"_s);
    auto *modelsEdit = child<QLineEdit>(m_page.get(), u"nodeModels"_s);
    auto *form = m_page->findChild<NodeForm *>();
    QVERIFY(idEdit && kindBox && urlEdit && modelsEdit && form);
    auto *add = form->findChild<QPushButton *>();
    QVERIFY(add);
    QCOMPARE(add->text(), u"Add node"_s);
    QTRY_VERIFY(add->isEnabled()); // a previous save has finished

    idEdit->clear();
    QTest::keyClicks(idEdit, id);
    const int index = kindBox->findText(kind);
    QVERIFY(index >= 0);
    kindBox->setCurrentIndex(index);
    urlEdit->clear();
    QTest::keyClicks(urlEdit, baseUrl);
    modelsEdit->clear();
    QTest::keyClicks(modelsEdit, models);
    QTest::mouseClick(add, Qt::LeftButton);
}

void TestWelcomePage::wildcardListenShowsWhereClientsConnect()
{
    // Listening on every interface (which needs a key): the URL to paste is loopback's.
    m_page.reset();
    m_runtime.reset();
    Config config = *ConfigIo::parse(DefaultConfig::json()).config;
    config.gateway.keys = {{u"laptop"_s, ApiKeys::sha256Hex(ApiKeys::generateKey()), {}}};
    QVERIFY(ConfigIo::saveFile(config, configPath(), nullptr));
    RuntimeOptions options{configPath(), m_dir->filePath(u"usage.sqlite3"_s), u"0.0.0.0:0"_s};
    options.watchConfig = false;
    m_runtime = std::make_unique<Runtime>(options);
    Errors errors;
    QVERIFY2(m_runtime->start(&errors), qPrintable(errors.value(0).toString()));
    m_page = std::make_unique<WelcomePage>(m_runtime.get(), nullptr);
    QCOMPARE(m_page->baseUrl(), u"http://127.0.0.1:%1/v1"_s.arg(m_runtime->port()));
}

void TestWelcomePage::showsAndCopiesTheBaseUrl()
{
    const QString expected = u"http://127.0.0.1:%1/v1"_s.arg(m_runtime->port());
    QCOMPARE(m_runtime->listenAddress(), u"127.0.0.1:%1"_s.arg(m_runtime->port()));
    QCOMPARE(m_page->baseUrl(), expected);
    auto *label = child<QLabel>(m_page.get(), u"baseUrl"_s);
    QVERIFY(label);
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), expected);
    auto *snippet = child<QLabel>(m_page.get(), u"baseUrlSnippet"_s);
    QVERIFY(snippet);
    QVERIFY2(snippet->text().contains(u"base_url=\""_s + expected + u'"'), qPrintable(snippet->text()));

    QApplication::clipboard()->clear();
    auto *copy = child<QPushButton>(m_page.get(), u"copyBaseUrl"_s);
    QVERIFY(copy);
    QCOMPARE(copy->text(), u"Copy"_s);
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), expected);
}

void TestWelcomePage::rejectsAnInvalidBaseUrl()
{
    const QByteArray before = readAll(configPath());
    QVERIFY(!before.isEmpty());
    const qsizetype nodesBefore = m_runtime->configStore()->snapshot()->config.nodes.size();
    auto *form = m_page->findChild<NodeForm *>();
    QVERIFY(form);
    QSignalSpy failed(form, &NodeForm::failed);
    QSignalSpy added(form, &NodeForm::nodeAdded);

    fillAndSubmit(u"bad-node"_s, u"ollama"_s, u"not a url"_s, u"llama3"_s);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(added.size(), 0);

    // The core validator's own message, with its JSON path, is on the page.
    const Errors expected = ConfigValidator(ConfigValidator::catalogLookup()).validate(form->configWithNode());
    QVERIFY(!expected.isEmpty());
    auto *status = child<QLabel>(m_page.get(), u"nodeStatus"_s);
    QVERIFY(status && status->isVisible());
    QVERIFY2(status->text().contains(expected.first().toString()), qPrintable(status->text()));
    QVERIFY2(status->text().contains(u"nodes[%1].baseUrl"_s.arg(nodesBefore)), qPrintable(status->text()));
    QVERIFY2(status->text().contains(u"is not an http:// or https:// URL with a host"_s), qPrintable(status->text()));

    QCOMPARE(readAll(configPath()), before);
    QCOMPARE(m_runtime->configStore()->snapshot()->config.nodes.size(), nodesBefore);
    QVERIFY(!m_runtime->configStore()->snapshot()->config.node(u"bad-node"_s));
}

void TestWelcomePage::addsANode()
{
    auto *form = m_page->findChild<NodeForm *>();
    QVERIFY(form);
    QSignalSpy added(form, &NodeForm::nodeAdded);
    QSignalSpy failed(form, &NodeForm::failed);

    fillAndSubmit(u"gpu-box"_s, u"ollama"_s, u"http://127.0.0.1:11434"_s, u"llama3.1:8b, qwen2.5-coder:14b"_s);
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 10'000); // saved on a pool thread
    QCOMPARE(failed.size(), 0);
    QCOMPARE(added.first().first().toString(), u"gpu-box"_s);
    auto *status = child<QLabel>(m_page.get(), u"nodeStatus"_s);
    QVERIFY2(status->text().contains(u"Node gpu-box added"_s), qPrintable(status->text()));
    QVERIFY(child<QLineEdit>(m_page.get(), u"nodeId"_s)->text().isEmpty());

    // Applied to the running configuration...
    const Config running = m_runtime->configStore()->snapshot()->config;
    const NodeConfig *live = running.node(u"gpu-box"_s);
    QVERIFY(live);
    QCOMPARE(live->kind, u"ollama"_s);
    QCOMPARE(live->baseUrl, u"http://127.0.0.1:11434"_s);
    QCOMPARE(live->models, (QStringList{u"llama3.1:8b"_s, u"qwen2.5-coder:14b"_s}));

    // ...and saved to the file (off the GUI thread, so wait for it).
    QTRY_VERIFY_WITH_TIMEOUT(ConfigIo::loadFile(configPath()).ok()
                                 && ConfigIo::loadFile(configPath()).config->node(u"gpu-box"_s),
                             5000);
    const ConfigLoadResult saved = ConfigIo::loadFile(configPath());
    QCOMPARE(saved.config->nodes, running.nodes);
}

void TestWelcomePage::rejectsADuplicateNodeId()
{
    auto *form = m_page->findChild<NodeForm *>();
    QVERIFY(form);
    QSignalSpy added(form, &NodeForm::nodeAdded);
    QSignalSpy failed(form, &NodeForm::failed);
    fillAndSubmit(u"twin"_s, u"ollama"_s, u"http://127.0.0.1:11434"_s, u"llama3"_s);
    QTRY_COMPARE_WITH_TIMEOUT(added.size(), 1, 10'000);
    const QByteArray before = readAll(configPath());
    const qsizetype nodesBefore = m_runtime->configStore()->snapshot()->config.nodes.size();

    fillAndSubmit(u"twin"_s, u"vllm"_s, u"http://127.0.0.1:8000"_s, u"other-model"_s);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(added.size(), 1);
    auto *status = child<QLabel>(m_page.get(), u"nodeStatus"_s);
    QVERIFY2(status->text().contains(u"nodes[%1].id"_s.arg(nodesBefore)), qPrintable(status->text()));
    QVERIFY2(status->text().contains(u"duplicate node id"_s), qPrintable(status->text()));
    QVERIFY2(status->text().contains(u"twin"_s), qPrintable(status->text()));

    QCOMPARE(readAll(configPath()), before);
    const Config running = m_runtime->configStore()->snapshot()->config;
    QCOMPARE(running.nodes.size(), nodesBefore);
    QCOMPARE(running.node(u"twin"_s)->baseUrl, u"http://127.0.0.1:11434"_s);
}

void TestWelcomePage::opensFirstOnAnEmptyDatabase()
{
    m_page.reset(); // the whole app instead, on this test's fresh runtime and database
    AppController app(m_runtime.get());
    MainWindow *window = app.window();
    QVERIFY(window);
    QVERIFY(window->findChild<WelcomePage *>());
    // Added last in the sidebar and nothing remembered: it is the empty database that moves there.
    QVERIFY(window->currentPage());
    QCOMPARE_NE(window->currentPage()->pageId(), u"welcome"_s);
    // restoreState() picked a page first; the empty database's query then wins.
    QTRY_VERIFY_WITH_TIMEOUT(window->currentPage() && window->currentPage()->pageId() == u"welcome"_s, 10'000);
    QCOMPARE(window->currentPage()->title(), u"First run"_s);
}

QTEST_MAIN(TestWelcomePage)
#include "tst_welcomepage.moc"
