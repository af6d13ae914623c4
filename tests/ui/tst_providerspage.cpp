// SPDX-License-Identifier: MIT
// The Providers & keys page against a real Runtime: the provider table and key statuses,
// live validation in the editor, adding, testing (scripted fake upstream on loopback and
// the simulated provider through the gateway), removing, and revoking gateway keys.
// Without a keychain service the editor offers env: references; storesKeyInKeychain runs
// under tests/support/with-keyring.sh (tst_providerspage_keyring) with a real one.
#include "core/config/configio.h"
#include "core/config/configstore.h"
#include "core/config/secretresolver.h"
#include "core/runtime/runtime.h"
#include "tests/support/fakeupstream.h"
#include "ui/gateway/configwriter.h"
#include "ui/gateway/gatewaycontrol.h"
#include "ui/gateway/gatewaykeyedits.h"
#include "ui/gateway/gatewaystatuswidget.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/providers/gatewaykeytablemodel.h"
#include "ui/providers/providereditor.h"
#include "ui/providers/providerspage.h"
#include "ui/providers/providertablemodel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

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

bool realKeyring()
{
    return qEnvironmentVariableIsSet("SY_REAL_KEYRING");
}

} // namespace

class TestProvidersPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void tableShowsProvidersAndKeyStatus();
    void validationErrorsShowNextToTheirField();
    void errorsElsewhereInTheConfiguration();
    void withoutKeychainOffersEnvironment();
    void addsASimulatedProviderAndTestsIt();
    void addsAnOpenAiProviderAndTestsIt();
    void removesAProvider();
    void refusesToRemoveAProviderInUse();
    void revokesAKey();
    void storesKeyInKeychain();
    void screenshot();

private:
    QString configPath() const { return m_dir->filePath(u"config.json"_s); }
    Config savedConfig() const;
    int rowOf(const QString &providerId) const;
    void selectProvider(const QString &providerId);
    ProviderEditor *openAddDialog();
    void confirmBox();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Runtime> m_runtime;
    std::unique_ptr<ProvidersPage> m_page;
};

void TestProvidersPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (!realKeyring()) // no Secret Service, as on a headless machine
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/switchyard-test-bus");
    for (const char *variable : {"OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "MISTRAL_API_KEY",
                                 "GROQ_API_KEY", "OPENROUTER_API_KEY"})
        qunsetenv(variable);
    qputenv("DEEPSEEK_API_KEY", "sk-deepseek-test");
}

void TestProvidersPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    RuntimeOptions options{configPath(), m_dir->filePath(u"usage.sqlite3"_s), u"127.0.0.1:0"_s};
    options.watchConfig = false;
    m_runtime = std::make_unique<Runtime>(options);
    Errors errors;
    QVERIFY2(m_runtime->start(&errors), qPrintable(errors.value(0).toString()));
    m_page = std::make_unique<ProvidersPage>(m_runtime.get());
    new QAbstractItemModelTester(m_page->providerModel(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_page.get());
    new QAbstractItemModelTester(m_page->keyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_page.get());
    m_page->resize(1090, 740);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestProvidersPage::cleanup()
{
    m_page.reset();
    m_runtime.reset();
    m_dir.reset();
}

Config TestProvidersPage::savedConfig() const
{
    const ConfigLoadResult loaded = ConfigIo::loadFile(configPath());
    return loaded.config.value_or(Config{});
}

int TestProvidersPage::rowOf(const QString &providerId) const
{
    const ProviderTableModel *model = m_page->providerModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(ProviderTableModel::ProviderIdRole).toString() == providerId)
            return row;
    }
    return -1;
}

void TestProvidersPage::selectProvider(const QString &providerId)
{
    auto *view = child<QTableView>(m_page.get(), u"providerTable"_s);
    const int row = rowOf(providerId);
    QVERIFY(row >= 0);
    const QRect cell = view->visualRect(m_page->providerModel()->index(row, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QVERIFY(view->selectionModel()->isRowSelected(row, {}));
}

ProviderEditor *TestProvidersPage::openAddDialog()
{
    QTest::mouseClick(child<QPushButton>(m_page.get(), u"addProviderButton"_s), Qt::LeftButton);
    auto *editor = m_page->findChild<ProviderEditor *>();
    if (!editor)
        return nullptr;
    QSignalSpy checked(editor, &ProviderEditor::keychainChecked);
    if (!checked.wait(10'000))
        return nullptr;
    return editor;
}

void TestProvidersPage::confirmBox()
{
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_page->findChild<QMessageBox *>(u"confirmBox"_s)) && box->isVisible());
    QTest::mouseClick(child<QPushButton>(box, u"confirmButton"_s), Qt::LeftButton);
}

void TestProvidersPage::tableShowsProvidersAndKeyStatus()
{
    QSignalSpy checked(m_page.get(), &ProvidersPage::keyStatusesChecked);
    m_runtime->configStore()->apply(m_runtime->configStore()->snapshot()->config); // re-check with the spy attached
    // env: references answer at once, keychain ones later.
    QVERIFY(checked.count() > 0 || checked.wait(10'000));
    const ProviderTableModel *model = m_page->providerModel();
    QCOMPARE(model->rowCount(), int(m_runtime->configStore()->snapshot()->config.providers.size()));
    const auto status = [&](const QString &id) {
        return model->index(rowOf(id), ProviderTableModel::StatusColumn).data().toString();
    };
    QCOMPARE(status(u"openai"_s), u"no key"_s);
    QCOMPARE(status(u"deepseek"_s), u"key set"_s);
    QCOMPARE(status(u"simulated"_s), u"not needed"_s);
    QCOMPARE(model->index(rowOf(u"openai"_s), ProviderTableModel::KeyReferenceColumn).data().toString(),
             u"env:OPENAI_API_KEY"_s);
    QCOMPARE(model->index(rowOf(u"openai"_s), ProviderTableModel::BaseUrlColumn).data().toString(),
             u"https://api.openai.com/v1"_s);
    // The secret itself shows nowhere, not even in a tooltip.
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)})
                QVERIFY(!model->index(row, column).data(role).toString().contains(u"sk-deepseek-test"_s));
        }
    }
    QVERIFY(!child<QLabel>(m_page.get(), u"providersEmpty"_s)->isVisible());
    QVERIFY(child<QLabel>(m_page.get(), u"keysEmpty"_s)->isVisible());
}

void TestProvidersPage::validationErrorsShowNextToTheirField()
{
    ProviderEditor *editor = openAddDialog();
    QVERIFY(editor);
    auto *save = child<QPushButton>(editor, u"saveButton"_s);
    auto *id = child<QLineEdit>(editor, u"idEdit"_s);
    auto *baseUrl = child<QLineEdit>(editor, u"baseUrlEdit"_s);
    auto *urlError = child<QLabel>(editor, u"baseUrlError"_s);
    QVERIFY(!save->isEnabled()); // nothing typed: the id and URL are required
    QVERIFY(child<QLabel>(editor, u"idError"_s)->isVisible());

    QTest::keyClicks(id, u"acme"_s);
    QVERIFY(!child<QLabel>(editor, u"idError"_s)->isVisible());
    QTest::keyClicks(baseUrl, u"ftp:/acme"_s);
    QVERIFY(urlError->isVisible());
    QCOMPARE(urlError->text(), u"'ftp:/acme' is not an http:// or https:// URL with a host"_s);
    QCOMPARE(baseUrl->toolTip(), urlError->text());
    QVERIFY(!save->isEnabled());

    baseUrl->selectAll();
    QTest::keyClicks(baseUrl, u"https://api.acme.test/v1"_s);
    QVERIFY(!urlError->isVisible());
    QVERIFY2(save->isEnabled(), qPrintable(child<QLabel>(editor, u"apiKeyError"_s)->text()));

    // An id with a slash is the validator's error too, shown under the id.
    QTest::keyClicks(id, u"/x"_s);
    QVERIFY(child<QLabel>(editor, u"idError"_s)->text().contains(u"must not contain '/'"_s));
    QVERIFY(!save->isEnabled());
    editor->reject();
}

void TestProvidersPage::errorsElsewhereInTheConfiguration()
{
    selectProvider(u"simulated"_s);
    QTest::mouseClick(child<QPushButton>(m_page.get(), u"editProviderButton"_s), Qt::LeftButton);
    auto *editor = m_page->findChild<ProviderEditor *>();
    QVERIFY(editor);
    auto *id = child<QLineEdit>(editor, u"idEdit"_s);
    QCOMPARE(id->text(), u"simulated"_s);
    QVERIFY(child<QPushButton>(editor, u"saveButton"_s)->isEnabled());
    id->selectAll();
    QTest::keyClicks(id, u"sim"_s); // the demo route names simulated/sim-small
    auto *other = child<QLabel>(editor, u"otherErrors"_s);
    QVERIFY(other->isVisible());
    QVERIFY2(other->text().contains(u"routes[0].ladder[0].target"_s), qPrintable(other->text()));
    QVERIFY(!child<QPushButton>(editor, u"saveButton"_s)->isEnabled());
    editor->reject();
}

void TestProvidersPage::withoutKeychainOffersEnvironment()
{
    if (realKeyring())
        QSKIP("a keychain service runs in this session");
    ProviderEditor *editor = openAddDialog();
    QVERIFY(editor);
    QVERIFY(!editor->isKeychainAvailable());
    auto *note = child<QLabel>(editor, u"keychainNote"_s);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"No keychain service is running"_s), qPrintable(note->text()));
    auto *source = child<QComboBox>(editor, u"keySourceCombo"_s);
    QCOMPARE(source->currentData().toInt(), int(ProviderEditor::KeySource::Environment));
    auto *items = qobject_cast<QStandardItemModel *>(source->model());
    QVERIFY(!items->item(source->findData(int(ProviderEditor::KeySource::Keychain)))->isEnabled());
    // The variable name follows the id until the user types one.
    QTest::keyClicks(child<QLineEdit>(editor, u"idEdit"_s), u"acme-eu"_s);
    QCOMPARE(child<QLineEdit>(editor, u"envVariableEdit"_s)->text(), u"ACME_EU_API_KEY"_s);
    editor->reject();
}

void TestProvidersPage::addsASimulatedProviderAndTestsIt()
{
    ProviderEditor *editor = openAddDialog();
    QVERIFY(editor);
    QTest::keyClicks(child<QLineEdit>(editor, u"idEdit"_s), u"drill"_s);
    auto *kind = child<QComboBox>(editor, u"kindCombo"_s);
    kind->setFocus();
    QTest::keyClick(kind, Qt::Key_End); // simulated, the last kind
    QCOMPARE(kind->currentData().toString(), u"simulated"_s);
    QVERIFY(!child<QLineEdit>(editor, u"baseUrlEdit"_s)->isEnabled());
    auto *source = child<QComboBox>(editor, u"keySourceCombo"_s);
    source->setFocus();
    QTest::keyClick(source, Qt::Key_End); // no key
    QCOMPARE(source->currentData().toInt(), int(ProviderEditor::KeySource::None));
    QTest::keyClicks(child<QLineEdit>(editor, u"modelsEdit"_s), u"drill-a, drill-b"_s);
    QSignalSpy saved(editor, &ProviderEditor::saved);
    QTest::mouseClick(child<QPushButton>(editor, u"saveButton"_s), Qt::LeftButton);
    QCOMPARE(saved.count(), 1);

    QVERIFY(rowOf(u"drill"_s) >= 0);
    const Config config = savedConfig();
    const ProviderConfig *drill = config.provider(u"drill"_s);
    QVERIFY(drill);
    QCOMPARE(drill->kind, u"simulated"_s);
    QCOMPARE(drill->models, (QStringList{u"drill-a"_s, u"drill-b"_s}));
    QCOMPARE(*m_runtime->configStore()->snapshot()->config.provider(u"drill"_s), *drill);

    // Test: one call through the running gateway.
    selectProvider(u"drill"_s);
    QTest::mouseClick(child<QPushButton>(m_page.get(), u"testProviderButton"_s), Qt::LeftButton);
    auto *message = child<QLabel>(m_page.get(), u"providerMessage"_s);
    QTRY_VERIFY_WITH_TIMEOUT(message->text().startsWith(u"drill: OK: HTTP 200 in "_s), 10'000);
}

void TestProvidersPage::addsAnOpenAiProviderAndTestsIt()
{
    FakeUpstream upstream;
    QVERIFY(upstream.isListening());
    upstream.enqueue(FakeReply::json(200, QJsonObject{{u"choices"_s, QJsonArray{}}}));
    upstream.enqueue(FakeReply::json(401, QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, u"Incorrect API key"_s}}}}));
    qputenv("ACME_API_KEY", "sk-acme-secret");

    ProviderEditor *editor = openAddDialog();
    QVERIFY(editor);
    QTest::keyClicks(child<QLineEdit>(editor, u"idEdit"_s), u"acme"_s);
    QTest::keyClicks(child<QLineEdit>(editor, u"baseUrlEdit"_s), upstream.v1UrlString());
    auto *source = child<QComboBox>(editor, u"keySourceCombo"_s);
    source->setCurrentIndex(source->findData(int(ProviderEditor::KeySource::Environment)));
    QCOMPARE(child<QLineEdit>(editor, u"envVariableEdit"_s)->text(), u"ACME_API_KEY"_s);
    QTest::keyClicks(child<QLineEdit>(editor, u"modelsEdit"_s), u"acme-mini"_s);
    QTest::mouseClick(child<QPushButton>(editor, u"saveButton"_s), Qt::LeftButton);
    QVERIFY(rowOf(u"acme"_s) >= 0);
    QCOMPARE(savedConfig().provider(u"acme"_s)->apiKey, u"env:ACME_API_KEY"_s);

    selectProvider(u"acme"_s);
    auto *test = child<QPushButton>(m_page.get(), u"testProviderButton"_s);
    auto *message = child<QLabel>(m_page.get(), u"providerMessage"_s);
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(message->text().startsWith(u"acme: OK: HTTP 200"_s), 10'000);
    const FakeRequest sent = upstream.lastRequest();
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(sent.path(), QByteArray("/v1/chat/completions"));
    QCOMPARE(sent.header("authorization"), QByteArray("Bearer sk-acme-secret"));
    QCOMPARE(sent.json().value(u"max_tokens"_s).toInt(), 1);
    QCOMPARE(sent.json().value(u"model"_s).toString(), u"acme-mini"_s);

    QTRY_VERIFY(test->isEnabled());
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(message->text(), u"acme failed: HTTP 401: Incorrect API key"_s, 10'000);
    qunsetenv("ACME_API_KEY");
}

void TestProvidersPage::removesAProvider()
{
    selectProvider(u"groq"_s);
    QTest::mouseClick(child<QPushButton>(m_page.get(), u"removeProviderButton"_s), Qt::LeftButton);
    confirmBox();
    QCOMPARE(rowOf(u"groq"_s), -1);
    QVERIFY(!savedConfig().provider(u"groq"_s));
    QVERIFY(savedConfig().provider(u"openai"_s));
}

void TestProvidersPage::refusesToRemoveAProviderInUse()
{
    selectProvider(u"simulated"_s);
    QTest::mouseClick(child<QPushButton>(m_page.get(), u"removeProviderButton"_s), Qt::LeftButton);
    confirmBox();
    QVERIFY(rowOf(u"simulated"_s) >= 0);
    auto *message = child<QLabel>(m_page.get(), u"providerMessage"_s);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"routes[0].ladder[0].target"_s), qPrintable(message->text()));
    QVERIFY(savedConfig().provider(u"simulated"_s));
}

void TestProvidersPage::revokesAKey()
{
    Config config = m_runtime->configStore()->snapshot()->config;
    QString error;
    QVERIFY(!GatewayKeyEdits::create(&config, u"ci"_s, &error).isEmpty());
    QVERIFY(!GatewayKeyEdits::create(&config, u"laptop"_s, &error).isEmpty());
    QVERIFY(ConfigWriter::save(m_runtime.get(), config, nullptr));
    QCOMPARE(m_page->keyModel()->rowCount(), 2);
    QCOMPARE(m_page->keyModel()->index(0, GatewayKeyTableModel::FingerprintColumn).data().toString(),
             config.gateway.keys.at(0).sha256.left(8));
    QVERIFY(!child<QLabel>(m_page.get(), u"keysEmpty"_s)->isVisible());

    auto *view = child<QTableView>(m_page.get(), u"keyTable"_s);
    const QRect cell = view->visualRect(m_page->keyModel()->index(0, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseClick(child<QPushButton>(m_page.get(), u"revokeKeyButton"_s), Qt::LeftButton);
    confirmBox();
    QCOMPARE(m_page->keyModel()->rowCount(), 1);
    QCOMPARE(m_page->keyModel()->index(0, 0).data().toString(), u"laptop"_s);
    QCOMPARE(savedConfig().gateway.keys.size(), 1);
    QCOMPARE(savedConfig().gateway.keys.at(0).name, u"laptop"_s);
}

void TestProvidersPage::storesKeyInKeychain()
{
    if (!realKeyring())
        QSKIP("needs a Secret Service: run through tests/support/with-keyring.sh (tst_providerspage_keyring)");
    ProviderEditor *editor = openAddDialog();
    QVERIFY(editor);
    QVERIFY(editor->isKeychainAvailable());
    QTest::keyClicks(child<QLineEdit>(editor, u"idEdit"_s), u"vault"_s);
    QTest::keyClicks(child<QLineEdit>(editor, u"baseUrlEdit"_s), u"https://api.vault.test/v1"_s);
    auto *source = child<QComboBox>(editor, u"keySourceCombo"_s);
    QCOMPARE(source->currentData().toInt(), int(ProviderEditor::KeySource::Keychain));
    auto *key = child<QLineEdit>(editor, u"keyEdit"_s);
    QCOMPARE(key->echoMode(), QLineEdit::Password);
    QTest::keyClicks(key, u"sk-vault-secret"_s);
    QSignalSpy saved(editor, &ProviderEditor::saved);
    QTest::mouseClick(child<QPushButton>(editor, u"saveButton"_s), Qt::LeftButton);
    QVERIFY(saved.wait(10'000));

    QCOMPARE(savedConfig().provider(u"vault"_s)->apiKey, u"keychain:vault"_s);
    QFile file(configPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("sk-vault-secret"));
    const auto stored = std::make_shared<std::optional<SecretResult>>();
    m_runtime->secretResolver()->resolve(u"keychain:vault"_s, [stored](const SecretResult &r) { *stored = r; });
    QTRY_VERIFY_WITH_TIMEOUT(stored->has_value(), 10'000);
    QVERIFY2((*stored)->ok, qPrintable((*stored)->error));
    QCOMPARE((*stored)->value, u"sk-vault-secret"_s);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_page->providerModel()->index(rowOf(u"vault"_s), ProviderTableModel::StatusColumn).data().toString(),
        u"key set"_s, 10'000);

    // Removing the provider removes its keychain entry too.
    selectProvider(u"vault"_s);
    QTest::mouseClick(child<QPushButton>(m_page.get(), u"removeProviderButton"_s), Qt::LeftButton);
    confirmBox();
    // Callbacks may still come after the test returns: they own what they write.
    const auto gone = std::make_shared<bool>(false);
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        m_runtime->secretResolver()->resolve(u"keychain:vault"_s, [gone](const SecretResult &r) { *gone = !r.ok; });
        return *gone;
    }()), 10'000);
}

void TestProvidersPage::screenshot()
{
    const QString dir = qEnvironmentVariable("SY_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set SY_SCREENSHOT_DIR to render the page inside a main window");
    Config config = m_runtime->configStore()->snapshot()->config;
    QString error;
    GatewayKeyEdits::create(&config, u"laptop"_s, &error);
    GatewayKeyEdits::create(&config, u"ci-runner"_s, &error);
    QVERIFY(ConfigWriter::save(m_runtime.get(), config, nullptr));
    m_page.reset();
    GatewayControl gateway(m_runtime.get());
    MainWindow window;
    auto *page = new ProvidersPage(m_runtime.get());
    window.addPage(page);
    window.setStatusWidget(new GatewayStatusWidget(&gateway, m_runtime->usageStore()));
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(!page->providerModel()->index(0, ProviderTableModel::StatusColumn).data().toString().contains(u'…'));
    QCoreApplication::processEvents(); // let pending layout requests settle before grabbing
    QVERIFY(window.grab().save(dir + u"/shot-providers.png"_s));

    QTest::mouseClick(page->findChild<QPushButton *>(u"addProviderButton"_s), Qt::LeftButton);
    auto *editor = page->findChild<ProviderEditor *>();
    QVERIFY(editor);
    QSignalSpy probed(editor, &ProviderEditor::keychainChecked);
    QVERIFY(probed.wait(10'000));
    QTest::keyClicks(editor->findChild<QLineEdit *>(u"idEdit"_s), u"acme"_s);
    QTest::keyClicks(editor->findChild<QLineEdit *>(u"baseUrlEdit"_s), u"api.acme.test"_s);
    QCoreApplication::processEvents();
    QVERIFY(editor->grab().save(dir + u"/shot-provider-editor.png"_s));
    editor->reject();
}

QTEST_MAIN(TestProvidersPage)
#include "tst_providerspage.moc"
