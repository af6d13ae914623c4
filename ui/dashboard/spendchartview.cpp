// SPDX-License-Identifier: MIT
#include "ui/dashboard/spendchartview.h"

#include "core/models/spendpivotmodel.h"
#include "core/models/spendtablemodel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QVBarModelMapper>
#include <QVXYModelMapper>
#include <QValueAxis>

#include <cmath>

namespace Switchyard {

namespace {

// Distinct, print-friendly colours; "Other" is always grey.
const QList<QColor> &seriesColors()
{
    static const QList<QColor> colors{QColor(0x1f77b4), QColor(0xff7f0e), QColor(0x2ca02c), QColor(0xd62728),
                                      QColor(0x9467bd), QColor(0x8c564b), QColor(0xe377c2), QColor(0x17becf),
                                      QColor(0xbcbd22), QColor(0x7f7f7f)};
    return colors;
}

} // namespace

SpendChartView::SpendChartView(SpendPivotModel *model, QWidget *parent)
    : QChartView(parent)
    , m_model(model)
    , m_bars(new QStackedBarSeries(this))
    , m_line(new QLineSeries(this))
    , m_barMapper(new QVBarModelMapper(this))
    , m_lineMapper(new QVXYModelMapper(this))
    , m_weekAxis(new QBarCategoryAxis(this))
    , m_costAxis(new QValueAxis(this))
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation); // live updates must not replay an animation each second
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setShowToolTips(true);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->addSeries(m_bars);
    chart->addSeries(m_line);
    chart->addAxis(m_weekAxis, Qt::AlignBottom);
    chart->addAxis(m_costAxis, Qt::AlignLeft);
    for (QAbstractSeries *s : {static_cast<QAbstractSeries *>(m_bars), static_cast<QAbstractSeries *>(m_line)}) {
        s->attachAxis(m_weekAxis);
        s->attachAxis(m_costAxis);
    }
    m_costAxis->setLabelFormat(QStringLiteral("$%.2f"));
    m_costAxis->setTitleText(tr("USD per week"));
    m_weekAxis->setTruncateLabels(false); // slanted labels have room; "Se…" says nothing
    m_costAxis->setMin(0);
    m_bars->setBarWidth(0.7);

    QPen pen(QColor(0x222222));
    pen.setWidthF(2.0);
    pen.setStyle(Qt::DashLine);
    m_line->setPen(pen);
    m_line->setPointsVisible(true);

    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);

    connect(m_bars, &QAbstractBarSeries::barsetsAdded, this, &SpendChartView::onBarSetsAdded);
    connect(m_bars, &QAbstractBarSeries::hovered, this, &SpendChartView::onHovered);

    m_barMapper->setFirstBarSetColumn(SpendPivotModel::FirstKeyColumn);
    m_barMapper->setSeries(m_bars);
    m_barMapper->setModel(m_model);
    m_lineMapper->setXColumn(SpendPivotModel::WeekIndexColumn);
    m_lineMapper->setYColumn(SpendPivotModel::LineColumn);
    m_lineMapper->setSeries(m_line);
    m_lineMapper->setModel(m_model);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SpendChartView::onModelReset);
    onModelReset();
}

void SpendChartView::onModelReset()
{
    // The mappers follow resets themselves; only the last key column moves.
    const int keys = m_model->seriesCount();
    m_barMapper->setLastBarSetColumn(SpendPivotModel::FirstKeyColumn + keys - 1);
    if (keys == 0)
        m_bars->clear();
    // Without a comparison the line column is all zeros: hide it rather than draw $0.
    const bool line = m_model->hasLine();
    m_line->setName(m_model->lineTitle());
    m_line->setVisible(line);
    const auto markers = chart()->legend()->markers(m_line);
    for (QLegendMarker *marker : markers)
        marker->setVisible(line);

    updateLegendAlignment();

    QStringList labels;
    for (const QDate &week : m_model->weeks())
        labels.append(SpendPivotModel::weekLabel(week));
    m_weekAxis->setCategories(labels);
    // Week labels stay whole: upright for a few weeks, else on their side, centred under
    // their bar (slanted ones stick out to the left and QtCharts drops the first).
    m_weekAxis->setLabelsAngle(labels.size() > 6 ? -90 : 0);
    QFont font = m_costAxis->labelsFont();
    if (labels.size() > 26) // a year of weeks: smaller, so neighbours do not overlap
        font.setPointSizeF(font.pointSizeF() * 0.8);
    m_weekAxis->setLabelsFont(font);

    double top = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        NanoUsd stacked = 0;
        for (int c = 0; c < keys; ++c)
            stacked += m_model->cost(row, SpendPivotModel::FirstKeyColumn + c);
        top = qMax(top, double(stacked) / double(kNanoPerUsd));
        if (line)
            top = qMax(top, double(m_model->cost(row, SpendPivotModel::LineColumn)) / double(kNanoPerUsd));
    }
    m_costAxis->setRange(0, top > 0 ? top * 1.08 : 1.0);
    m_costAxis->applyNiceNumbers();
    // Enough decimals that neighbouring ticks read differently: cents of a few calls too.
    const double max = m_costAxis->max();
    m_costAxis->setLabelFormat(max < 0.1 ? QStringLiteral("$%.4f") : max < 10 ? QStringLiteral("$%.2f") : QStringLiteral("$%.0f"));
}

void SpendChartView::updateLegendAlignment()
{
    // A legend row wider than the chart loses its labels (QtCharts 6.4 neither wraps nor
    // elides it): long model names go in a column at the right instead.
    const QFontMetrics metrics(chart()->legend()->font());
    int width = 0;
    const auto markers = chart()->legend()->markers();
    for (QLegendMarker *marker : markers) {
        if (marker->isVisible() || marker->series() != m_line)
            width += metrics.horizontalAdvance(marker->label()) + 3 * metrics.height();
    }
    const Qt::Alignment side = width > int(chart()->size().width() * 0.9) ? Qt::AlignRight : Qt::AlignBottom;
    if (chart()->legend()->alignment() != side)
        chart()->legend()->setAlignment(side);
}

void SpendChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    updateLegendAlignment();
}

QPixmap SpendChartView::image()
{
    // New markers stay hidden until the legend's posted layout runs; lay it out now so an
    // export right after an update still has its legend.
    if (QGraphicsLayout *layout = chart()->legend()->layout())
        layout->activate();
    return grab();
}

void SpendChartView::onBarSetsAdded(const QList<QBarSet *> &sets)
{
    for (QBarSet *set : sets) {
        const int index = int(m_bars->barSets().indexOf(set));
        const int column = SpendPivotModel::FirstKeyColumn + index;
        const QColor color = m_model->isOtherColumn(column) ? QColor(0xb0b0b0) : seriesColors().at(index % seriesColors().size());
        set->setColor(color);
        set->setBorderColor(color.darker(115));
        // The mapper recreates its sets on every reset, so each new set is connected here.
        connect(set, &QBarSet::clicked, this, [this, set](int row) {
            const int at = int(m_bars->barSets().indexOf(set));
            if (at >= 0)
                Q_EMIT barClicked(row, SpendPivotModel::FirstKeyColumn + at);
        });
    }
}

void SpendChartView::onHovered(bool status, int index, QBarSet *set)
{
    if (!status) {
        QToolTip::hideText();
        return;
    }
    const int column = SpendPivotModel::FirstKeyColumn + int(m_bars->barSets().indexOf(set));
    const QString week = SpendPivotModel::weekLabel(m_model->weekAt(index));
    QToolTip::showText(QCursor::pos(), tr("%1, week of %2: %3\nClick to see the requests.")
                                           .arg(set->label(), week, SpendTableModel::formatUsd(m_model->cost(index, column))));
}

} // namespace Switchyard
