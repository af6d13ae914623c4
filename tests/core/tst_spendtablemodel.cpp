// SPDX-License-Identifier: MIT
#include "core/models/spendpivotmodel.h"
#include "core/models/spendtablemodel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Switchyard;
using namespace Qt::StringLiterals;

namespace {

SpendRow row(QDate week, const QString &key, qint64 requests, NanoUsd cost, qint64 unpriced = 0)
{
    SpendRow r;
    r.weekStart = week;
    r.key = key;
    r.sums.requests = requests;
    r.sums.cost = cost;
    r.sums.unpricedRequests = unpriced;
    r.sums.latencyMsSum = requests * 100;
    return r;
}

const QDate w1(2026, 3, 2), w2(2026, 3, 9), w3(2026, 3, 16);

} // namespace

class TestSpendTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(u".*"_s)); }

    void tableRowsAndRoles()
    {
        SpendTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({row(w1, u"gpt-4o"_s, 10, 2'500'000'000), row(w1, u"labs"_s, 4, 0, 4),
                       row(w2, QString(), 3, 1'000, 1)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(SpendTableModel::ColumnCount));
        const QModelIndex cost = model.index(0, SpendTableModel::CostColumn);
        QCOMPARE(cost.data(SpendTableModel::RawValueRole).toLongLong(), 2'500'000'000LL);
        QCOMPARE(cost.data().toString(), u"$2.50"_s);
        QCOMPARE(SpendTableModel::formatUsd(1'250'000), u"$0.0013"_s); // under a dollar: sub-cent digits
        QCOMPARE(SpendTableModel::formatUsd(0), u"$0.00"_s);
        // All unpriced reads "unpriced", never $0.
        QCOMPARE(model.index(1, SpendTableModel::CostColumn).data().toString(), u"unpriced"_s);
        QVERIFY(model.index(2, SpendTableModel::CostColumn).data().toString().contains(u"unpriced"_s));
        QCOMPARE(model.index(2, SpendTableModel::WeekColumn).data(SpendTableModel::WeekRole).toDate(), w2);
        QCOMPARE(model.index(2, SpendTableModel::KeyColumn).data(SpendTableModel::KeyRole).toString(), QString());
        model.setDimension(SpendDimension::Node);
        QCOMPARE(model.index(2, SpendTableModel::KeyColumn).data().toString(), u"(cloud providers)"_s);
        QCOMPARE(model.headerData(SpendTableModel::KeyColumn, Qt::Horizontal).toString(), u"Node"_s);
        model.setRows({});
        QCOMPARE(model.rowCount(), 0);
    }

    void sortsByRawValues()
    {
        SpendTableModel model;
        model.setRows({row(w1, u"a"_s, 9, 100), row(w1, u"b"_s, 10, 2'000), row(w2, u"c"_s, 100, 30)});
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(SpendTableModel::RawValueRole);
        proxy.sort(SpendTableModel::RequestsColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, SpendTableModel::KeyColumn).data().toString(), u"a"_s); // 9 < 10 < 100, not "10" < "9"
        QCOMPARE(proxy.index(2, SpendTableModel::KeyColumn).data().toString(), u"c"_s);
        proxy.sort(SpendTableModel::CostColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, SpendTableModel::KeyColumn).data().toString(), u"b"_s);
    }

    void csv()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(SpendTableModel::writeCsv({row(w1, u"a,b"_s, 2, 1'500'000'000, 1)}, SpendDimension::Task, &buffer));
        const QString text = QString::fromUtf8(buffer.data());
        QCOMPARE(text.split(u"\r\n"_s, Qt::SkipEmptyParts).size(), 2);
        QVERIFY(text.startsWith(u"week_start,task,requests"_s));
        QVERIFY(text.contains(u"2026-03-02,\"a,b\",2,0,0,0,0,1.500000000,1,200"_s));
    }

    void pivotColumnsPerKey()
    {
        SpendPivotModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const SpendTable table{row(w1, u"small"_s, 1, 1 * kNanoPerUsd), row(w1, u"big"_s, 1, 5 * kNanoPerUsd),
                               row(w3, u"big"_s, 1, 2 * kNanoPerUsd), row(w3, u"free"_s, 5, 0),
                               row(w3, u"unpriced"_s, 5, 0, 5)};
        model.setTable(table, {w1, w2, w3}, SpendDimension::Model);
        const int first = SpendPivotModel::FirstKeyColumn;
        QCOMPARE(model.rowCount(), 3);                 // the empty week w2 too
        QCOMPARE(model.seriesCount(), 2);              // $0 and unpriced keys get no bars
        QCOMPARE(model.columnCount(), first + 2);
        QCOMPARE(model.keysOf(first), QStringList{u"big"_s}); // biggest first
        QVERIFY(model.keysOf(SpendPivotModel::LineColumn).isEmpty());
        QCOMPARE(model.index(0, first).data().toDouble(), 5.0);
        QCOMPARE(model.index(1, first).data().toDouble(), 0.0);
        QCOMPARE(model.index(2, first).data().toDouble(), 2.0);
        QCOMPARE(model.index(0, first + 1).data(SpendPivotModel::CostNanoRole).toLongLong(), 1 * kNanoPerUsd);
        QCOMPARE(model.headerData(first + 1, Qt::Horizontal).toString(), u"small"_s);
        QCOMPARE(model.headerData(2, Qt::Vertical, SpendPivotModel::WeekRole).toDate(), w3);
        QVERIFY(!model.hasLine());
        QCOMPARE(model.index(2, SpendPivotModel::LineColumn).data().toDouble(), 0.0);

        model.setLine(u"All on x"_s, {{w1, 10 * kNanoPerUsd}, {w3, 4 * kNanoPerUsd}});
        QVERIFY(model.hasLine());
        QCOMPARE(model.columnCount(), first + 2);
        QCOMPARE(model.index(2, SpendPivotModel::WeekIndexColumn).data().toDouble(), 2.0);
        QCOMPARE(model.index(2, SpendPivotModel::LineColumn).data().toDouble(), 4.0);
        QCOMPARE(model.index(1, SpendPivotModel::LineColumn).data().toDouble(), 0.0);
        QCOMPARE(model.headerData(SpendPivotModel::LineColumn, Qt::Horizontal).toString(), u"All on x"_s);
        model.setLine({}, {});
        QVERIFY(!model.hasLine());
    }

    void pivotOtherColumn()
    {
        SpendPivotModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SpendTable table;
        for (int i = 0; i < 5; ++i)
            table.append(row(w1, u"k%1"_s.arg(i), 1, (i + 1) * kNanoPerUsd));
        model.setTable(table, {w1}, SpendDimension::Task, 3);
        const int first = SpendPivotModel::FirstKeyColumn;
        QCOMPARE(model.seriesCount(), 3);
        QVERIFY(model.isOtherColumn(first + 2));
        QVERIFY(!model.isOtherColumn(first));
        QCOMPARE(model.keysOf(first), QStringList{u"k4"_s});
        QCOMPARE(model.keysOf(first + 2), (QStringList{u"k2"_s, u"k1"_s, u"k0"_s})); // two biggest, then the rest
        QCOMPARE(model.index(0, first + 2).data().toDouble(), 6.0);
        QCOMPARE(model.headerData(first + 2, Qt::Horizontal).toString(), u"Other (3)"_s);
    }
};

QTEST_GUILESS_MAIN(TestSpendTableModel)
#include "tst_spendtablemodel.moc"
