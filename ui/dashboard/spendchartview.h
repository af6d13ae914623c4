// SPDX-License-Identifier: MIT
#pragma once

#include <QChartView>

class QBarCategoryAxis;
class QBarSet;
class QLineSeries;
class QStackedBarSeries;
class QValueAxis;
class QVBarModelMapper;
class QVXYModelMapper;

namespace Switchyard {

class SpendPivotModel;

/// Weekly spend as stacked bars (one bar set per key column of a SpendPivotModel, through a
/// QVBarModelMapper) with the model's optional comparison line drawn over the same weeks
/// (QVXYModelMapper). Follows every model reset; the model stays the only data source.
/// Lives on the GUI thread.
class SpendChartView : public QChartView
{
    Q_OBJECT

public:
    explicit SpendChartView(SpendPivotModel *model, QWidget *parent = nullptr);

    QStackedBarSeries *barSeries() const { return m_bars; }
    QLineSeries *lineSeries() const { return m_line; }
    QBarCategoryAxis *weekAxis() const { return m_weekAxis; }
    QValueAxis *costAxis() const { return m_costAxis; }
    /// The chart as shown, legend included, for export.
    QPixmap image();

Q_SIGNALS:
    /// A bar segment was clicked: `row` is the week's row, `column` the key column.
    void barClicked(int row, int column);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void onModelReset();
    void updateLegendAlignment();
    void onBarSetsAdded(const QList<QBarSet *> &sets);
    void onHovered(bool status, int index, QBarSet *set);

    SpendPivotModel *m_model;
    QStackedBarSeries *m_bars;
    QLineSeries *m_line;
    QVBarModelMapper *m_barMapper;
    QVXYModelMapper *m_lineMapper;
    QBarCategoryAxis *m_weekAxis;
    QValueAxis *m_costAxis;
};

} // namespace Switchyard
