// SPDX-License-Identifier: MIT
// The German catalog is compiled into the core and translates the messages users see.
#include "core/config/configio.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace Switchyard;
using namespace Qt::StringLiterals;

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void germanCatalogLoads();
    void validationErrorsAreTranslated();

private:
    QTranslator m_translator;
};

void TestTranslations::germanCatalogLoads()
{
    QVERIFY(m_translator.load(QLocale(QLocale::German, QLocale::Germany), u"switchyard_core"_s, u"_"_s, u":/i18n"_s));
    QVERIFY(QCoreApplication::installTranslator(&m_translator));
}

void TestTranslations::validationErrorsAreTranslated()
{
    const QByteArray json = R"({"version":1,"providers":[{"id":"o","kind":"openai","baseUrl":"https://x.example",
        "apiKey":"env:OPENAI_API_KEY"}],"prices":{"o/m":{"input":-2.5}},"gateway":{"listen":4000}})";
    const ConfigLoadResult result = ConfigIo::parse(json);
    QCOMPARE(result.errors.size(), 2);
    for (const Error &e : result.errors) {
        QVERIFY2(!e.message.contains(u"expected"_s) && !e.message.contains(u"negative price"_s), qPrintable(e.message));
        QVERIFY2(!e.path.isEmpty(), "JSON paths are part of the contract and stay untranslated");
    }
    QCOMPARE(result.errors.at(0).path, u"gateway.listen"_s);
    QVERIFY2(result.errors.at(1).message.contains(u"-2.5"_s), qPrintable(result.errors.at(1).message));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
