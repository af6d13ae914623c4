// SPDX-License-Identifier: MIT
// Local API keys: format, verification, and the `keys` CLI driven through the real binary.
#include "core/config/configio.h"
#include "core/gateway/apikeys.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchyard;
using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run gateway(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(SY_GATEWAY_BIN), args);
    if (!p.waitForStarted(10000))
        return {};
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray bearer(const QByteArray &key)
{
    return QByteArray("Bearer ") + key;
}

GatewayKey keyEntry(const QString &name, const QByteArray &key)
{
    return {name, ApiKeys::sha256Hex(key), QString()};
}

} // namespace

class TestApiKeys : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void generatedKeysHaveTheFormat();
    void generatedKeysAreRandom();
    void sha256IsLowercaseHex();
    void verify_data();
    void verify();
    void verifyComparesEveryDigest();
    void revokedKeyIsRefused();
    void requiredDependsOnListenAndKeys_data();
    void requiredDependsOnListenAndKeys();
    void authorize();
    void cliAddListRevoke();
    void cliRefusesInvalidConfig();
    void cliBadUsage();
};

void TestApiKeys::init()
{
    QTest::failOnWarning(QRegularExpression(u".*"_s));
}

void TestApiKeys::generatedKeysHaveTheFormat()
{
    static const QRegularExpression shape(u"^sy-[A-Za-z0-9_-]{43}$"_s);
    for (int i = 0; i < 200; ++i) {
        const QByteArray key = ApiKeys::generateKey();
        QVERIFY2(shape.match(QString::fromLatin1(key)).hasMatch(), key.constData());
        QVERIFY(ApiKeys::isWellFormedKey(key));
        const QByteArray raw = QByteArray::fromBase64(key.sliced(3), QByteArray::Base64UrlEncoding);
        QCOMPARE(raw.size(), 32);
    }
    QVERIFY(!ApiKeys::isWellFormedKey("sy-short"));
    QVERIFY(!ApiKeys::isWellFormedKey(QByteArray("xx-" + QByteArray(43, 'a'))));
    QVERIFY(!ApiKeys::isWellFormedKey(QByteArray("sy-" + QByteArray(42, 'a') + '+')));
}

void TestApiKeys::generatedKeysAreRandom()
{
    QSet<QByteArray> seen;
    std::array<int, 256> byteCounts{};
    const int n = 1000;
    for (int i = 0; i < n; ++i) {
        const QByteArray key = ApiKeys::generateKey();
        QVERIFY(!seen.contains(key));
        seen.insert(key);
        const QByteArray raw = QByteArray::fromBase64(key.sliced(3), QByteArray::Base64UrlEncoding);
        for (char c : raw)
            ++byteCounts[uchar(c)];
    }
    // 32000 bytes over 256 values: about 125 each. A broken generator (constant, counter,
    // few bits) lands far outside these loose bounds.
    for (int count : byteCounts) {
        QVERIFY2(count > 50 && count < 220, QByteArray::number(count).constData());
    }
}

void TestApiKeys::sha256IsLowercaseHex()
{
    QCOMPARE(ApiKeys::sha256Hex("abc"), u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s);
}

void TestApiKeys::verify_data()
{
    const QByteArray alpha = ApiKeys::generateKey();
    const QByteArray beta = ApiKeys::generateKey();
    const QByteArray other = ApiKeys::generateKey();
    QTest::addColumn<QByteArray>("alpha");
    QTest::addColumn<QByteArray>("beta");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("expected"); // null: refused

    QTest::addRow("first key") << alpha << beta << bearer(alpha) << u"alpha"_s;
    QTest::addRow("second key") << alpha << beta << bearer(beta) << u"beta"_s;
    QTest::addRow("scheme case-insensitive") << alpha << beta << QByteArray("bearer " + beta) << u"beta"_s;
    QTest::addRow("extra spaces") << alpha << beta << QByteArray("  Bearer   " + alpha + "  ") << u"alpha"_s;
    QTest::addRow("unknown key") << alpha << beta << bearer(other) << QString();
    QTest::addRow("missing header") << alpha << beta << QByteArray() << QString();
    QTest::addRow("scheme only") << alpha << beta << QByteArray("Bearer") << QString();
    QTest::addRow("scheme and space") << alpha << beta << QByteArray("Bearer ") << QString();
    QTest::addRow("no scheme") << alpha << beta << alpha << QString();
    QTest::addRow("basic scheme") << alpha << beta << QByteArray("Basic " + alpha) << QString();
    QTest::addRow("glued scheme") << alpha << beta << QByteArray("Bearer" + alpha) << QString();
    QTest::addRow("truncated key") << alpha << beta << bearer(alpha.chopped(1)) << QString();
    QTest::addRow("key plus byte") << alpha << beta << bearer(alpha + 'x') << QString();
    QTest::addRow("changed last char") << alpha << beta
                                       << bearer(alpha.chopped(1) + (alpha.endsWith('A') ? 'B' : 'A'))
                                       << QString();
    QTest::addRow("two keys") << alpha << beta << bearer(alpha + ' ' + beta) << QString();
    QTest::addRow("binary garbage") << alpha << beta << QByteArray("Bearer \0\xff\x01", 10) << QString();
}

void TestApiKeys::verify()
{
    QFETCH(QByteArray, alpha);
    QFETCH(QByteArray, beta);
    QFETCH(QByteArray, header);
    QFETCH(QString, expected);
    const ApiKeys keys({keyEntry(u"alpha"_s, alpha), keyEntry(u"beta"_s, beta)}, u"127.0.0.1:4000"_s);
    const std::optional<QString> name = keys.verify(header);
    if (expected.isNull()) {
        QVERIFY(!name.has_value());
    } else {
        QVERIFY(name.has_value());
        QCOMPARE(*name, expected);
    }
}

void TestApiKeys::verifyComparesEveryDigest()
{
    QList<QByteArray> generated;
    QList<GatewayKey> entries;
    for (int i = 0; i < 7; ++i) {
        generated.append(ApiKeys::generateKey());
        entries.append(keyEntry(u"key%1"_s.arg(i), generated.constLast()));
    }
    const ApiKeys keys(entries, u"127.0.0.1:4000"_s);
    QCOMPARE(keys.size(), 7);
    // Whichever key matches (first, middle, last) and also when none does, every stored
    // digest is compared: no early exit that timing could reveal.
    for (int i = 0; i < generated.size(); ++i) {
        int compared = -1;
        const std::optional<QString> name = keys.verify(bearer(generated.at(i)), &compared);
        QCOMPARE(name.value_or(QString()), u"key%1"_s.arg(i));
        QCOMPARE(compared, 7);
    }
    int compared = -1;
    QVERIFY(!keys.verify(bearer(ApiKeys::generateKey()), &compared));
    QCOMPARE(compared, 7);
}

void TestApiKeys::revokedKeyIsRefused()
{
    const QByteArray alpha = ApiKeys::generateKey();
    const QByteArray beta = ApiKeys::generateKey();
    const ApiKeys before({keyEntry(u"alpha"_s, alpha), keyEntry(u"beta"_s, beta)}, u"127.0.0.1:4000"_s);
    QCOMPARE(before.verify(bearer(alpha)).value_or(QString()), u"alpha"_s);
    const ApiKeys after({keyEntry(u"beta"_s, beta)}, u"127.0.0.1:4000"_s);
    QVERIFY(!after.verify(bearer(alpha)));
    QVERIFY(!after.authorize(bearer(alpha)));
    QCOMPARE(after.verify(bearer(beta)).value_or(QString()), u"beta"_s);
}

void TestApiKeys::requiredDependsOnListenAndKeys_data()
{
    QTest::addColumn<QString>("listen");
    QTest::addColumn<bool>("withKey");
    QTest::addColumn<bool>("required");
    QTest::addRow("loopback v4, no keys") << u"127.0.0.1:4000"_s << false << false;
    QTest::addRow("loopback v6, no keys") << u"[::1]:4000"_s << false << false;
    QTest::addRow("localhost, no keys") << u"localhost:4000"_s << false << false;
    QTest::addRow("loopback, keys") << u"127.0.0.1:4000"_s << true << true;
    QTest::addRow("any address, no keys") << u"0.0.0.0:4000"_s << false << true;
    QTest::addRow("lan address, keys") << u"192.168.1.20:4000"_s << true << true;
    QTest::addRow("any v6") << u"[::]:4000"_s << false << true;
}

void TestApiKeys::requiredDependsOnListenAndKeys()
{
    QFETCH(QString, listen);
    QFETCH(bool, withKey);
    QFETCH(bool, required);
    QList<GatewayKey> entries;
    if (withKey)
        entries.append(keyEntry(u"k"_s, ApiKeys::generateKey()));
    QCOMPARE(ApiKeys(entries, listen).isRequired(), required);
    GatewaySettings settings;
    settings.listen = listen;
    settings.keys = entries;
    QCOMPARE(ApiKeys::fromSettings(settings).isRequired(), required);
}

void TestApiKeys::authorize()
{
    const QByteArray alpha = ApiKeys::generateKey();
    const ApiKeys open;
    QCOMPARE(open.authorize({}), std::optional<QString>(QString()));
    QCOMPARE(open.authorize("Bearer nonsense"), std::optional<QString>(QString()));
    const ApiKeys wide({}, u"0.0.0.0:4000"_s);
    QVERIFY(!wide.authorize({}));
    const ApiKeys keyed({keyEntry(u"alpha"_s, alpha)}, u"127.0.0.1:4000"_s);
    QVERIFY(!keyed.authorize({}));
    QCOMPARE(keyed.authorize(bearer(alpha)), std::optional<QString>(u"alpha"_s));
}

void TestApiKeys::cliAddListRevoke()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(u"config.json"_s);
    Run r = gateway({u"init"_s, u"--config"_s, config, u"--db"_s, dir.filePath(u"usage.sqlite3"_s)});
    QCOMPARE(r.exitCode, 0);

    // add: the key once on stdout, a hint on stderr, only the hash in the file
    r = gateway({u"keys"_s, u"add"_s, u"laptop"_s, u"--config"_s, config});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QByteArray laptopKey = r.out.trimmed();
    QVERIFY2(ApiKeys::isWellFormedKey(laptopKey), r.out.constData());
    QCOMPARE(r.out, laptopKey + '\n');
    QVERIFY(r.err.contains("laptop"));
    QVERIFY(!r.err.contains(laptopKey));
    QByteArray file = readFile(config);
    QVERIFY(!file.contains(laptopKey));
    QVERIFY(!file.contains(laptopKey.sliced(3)));
    const QString laptopHash = ApiKeys::sha256Hex(laptopKey);
    QVERIFY(file.contains(laptopHash.toLatin1()));

    r = gateway({u"keys"_s, u"add"_s, u"ci"_s, u"--config"_s, config});
    QCOMPARE(r.exitCode, 0);
    const QByteArray ciKey = r.out.trimmed();
    QVERIFY(ApiKeys::isWellFormedKey(ciKey));
    QVERIFY(ciKey != laptopKey);

    // duplicate name: refused, file untouched
    const QByteArray beforeDuplicate = readFile(config);
    r = gateway({u"keys"_s, u"add"_s, u"ci"_s, u"--config"_s, config});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(readFile(config), beforeDuplicate);

    // the stored entries verify the printed keys
    ConfigLoadResult loaded = ConfigIo::loadFile(config);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.config->gateway.keys.size(), 2);
    QVERIFY(!loaded.config->gateway.keys.at(0).created.isEmpty());
    ApiKeys keys = ApiKeys::fromSettings(loaded.config->gateway);
    QCOMPARE(keys.verify(bearer(laptopKey)).value_or(QString()), u"laptop"_s);
    QCOMPARE(keys.verify(bearer(ciKey)).value_or(QString()), u"ci"_s);

    // list: names and a short fingerprint, never the full digest or a key
    r = gateway({u"keys"_s, u"list"_s, u"--config"_s, config});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("laptop"));
    QVERIFY(r.out.contains("ci"));
    QVERIFY(r.out.contains(laptopHash.left(8).toLatin1()));
    QVERIFY(!r.out.contains(laptopHash.toLatin1()));
    QVERIFY(!r.out.contains(laptopKey));

    // revoke
    r = gateway({u"keys"_s, u"revoke"_s, u"laptop"_s, u"--config"_s, config});
    QCOMPARE(r.exitCode, 0);
    file = readFile(config);
    QVERIFY(!file.contains(laptopHash.toLatin1()));
    QVERIFY(!file.contains(ciKey));
    QVERIFY(file.contains(ApiKeys::sha256Hex(ciKey).toLatin1()));
    loaded = ConfigIo::loadFile(config);
    QVERIFY(loaded.ok());
    keys = ApiKeys::fromSettings(loaded.config->gateway);
    QVERIFY(!keys.verify(bearer(laptopKey)));
    QCOMPARE(keys.verify(bearer(ciKey)).value_or(QString()), u"ci"_s);

    r = gateway({u"keys"_s, u"revoke"_s, u"laptop"_s, u"--config"_s, config});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("laptop"));

    r = gateway({u"keys"_s, u"list"_s, u"--config"_s, config});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.out.contains("laptop"));
    QVERIFY(r.out.contains("ci"));
}

void TestApiKeys::cliRefusesInvalidConfig()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(u"config.json"_s);
    const QByteArray broken = R"({"version": 1, "gateway": {"listen": "nowhere"}})";
    {
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(broken);
    }
    Run r = gateway({u"keys"_s, u"add"_s, u"laptop"_s, u"--config"_s, config});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.contains("gateway.listen"));
    QCOMPARE(readFile(config), broken);

    r = gateway({u"keys"_s, u"list"_s, u"--config"_s, dir.filePath(u"missing.json"_s)});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!QFile::exists(dir.filePath(u"missing.json"_s)));
}

void TestApiKeys::cliBadUsage()
{
    QTemporaryDir dir;
    const QString config = dir.filePath(u"config.json"_s);
    for (const QStringList &args : {QStringList{u"keys"_s}, QStringList{u"keys"_s, u"add"_s},
                                    QStringList{u"keys"_s, u"frob"_s, u"x"_s},
                                    QStringList{u"keys"_s, u"list"_s, u"extra"_s}}) {
        const Run r = gateway(args + QStringList{u"--config"_s, config});
        QCOMPARE(r.exitCode, 2);
    }
}

QTEST_GUILESS_MAIN(TestApiKeys)
#include "tst_apikeys.moc"
