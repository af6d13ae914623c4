// SPDX-License-Identifier: MIT
// ByteBuilder: the bytes are exactly what QByteArray::append, QByteArray::number and
// QString::toUtf8 would have produced, whether or not the reservation was big enough.
#include "core/common/bytebuilder.h"

#include <QTest>

#include <limits>

using namespace Switchyard;
using namespace Qt::StringLiterals;

class TestByteBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void piecesInOrder()
    {
        ByteBuilder b(64);
        b << "HTTP/1.1 " << QByteArray("200") << ' ' << QByteArrayView("OK") << "\r\n" << QByteArrayView();
        QCOMPARE(b.size(), 17);
        QCOMPARE(b.view(), QByteArrayView("HTTP/1.1 200 OK\r\n"));
        QCOMPARE(b.take(), QByteArray("HTTP/1.1 200 OK\r\n"));
        QCOMPARE(b.size(), 0); // and usable again
        b << "again";
        QCOMPARE(b.take(), QByteArray("again"));
    }

    void numbers_data()
    {
        QTest::addColumn<qint64>("n");
        QTest::addColumn<int>("base");
        for (const qint64 n : {qint64(0), qint64(7), qint64(-1), qint64(1234567890123), std::numeric_limits<qint64>::max(),
                               std::numeric_limits<qint64>::min()}) {
            QTest::addRow("%lld base 10", n) << n << 10;
            QTest::addRow("%lld base 16", n) << n << 16;
        }
    }

    void numbers()
    {
        QFETCH(qint64, n);
        QFETCH(int, base);
        ByteBuilder b(4); // smaller than most of the numbers
        b << '[';
        b.number(n, base) << ']';
        QCOMPARE(b.take(), '[' + QByteArray::number(n, base) + ']');
    }

    void utf8_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("ascii") << u"route/cheap-first"_s;
        QTest::newRow("two and three bytes") << u"modèle – 模型"_s;
        QTest::newRow("surrogate pair") << u"emoji \U0001F600 here"_s;
        QTest::newRow("lone high surrogate at the end") << u"ab"_s + QChar(0xD83D);
        QTest::newRow("lone low surrogate") << QString(QChar(0xDE00)) + u"cd"_s;
    }

    void utf8()
    {
        QFETCH(QString, text);
        ByteBuilder b(1);
        b << "x=";
        b.utf8(text) << ';';
        b.utf8(text); // a second piece after a possibly unfinished one starts afresh
        QCOMPARE(b.take(), "x=" + text.toUtf8() + ';' + text.toUtf8());
    }

    void growsPastTheReservation()
    {
        ByteBuilder b(0);
        QByteArray expected;
        for (int i = 0; i < 5000; ++i) {
            const QByteArray piece = QByteArray::number(i) + ',';
            b << piece;
            expected += piece;
        }
        QCOMPARE(b.size(), expected.size());
        QCOMPARE(b.take(), expected);
    }
};

QTEST_GUILESS_MAIN(TestByteBuilder)
#include "tst_bytebuilder.moc"
