// SPDX-License-Identifier: MIT
#include "ui/requestlog/requestfilterbar.h"

#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Switchyard {

namespace {
// Item data of the list combos: the values an entry stands for (empty: all), and for the
// served-by list whether they are providers or nodes.
constexpr int kValuesRole = Qt::UserRole;
constexpr int kKindRole = Qt::UserRole + 1;
const QString kProvider = u"provider"_s;
const QString kNode = u"node"_s;

QLabel *label(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setBuddy(buddy);
    return l;
}
} // namespace

RequestFilterBar::RequestFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_range(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_status(new QComboBox(this))
    , m_model(new QComboBox(this))
    , m_task(new QComboBox(this))
    , m_servedBy(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_searchDebounce(new QTimer(this))
{
    m_search->setObjectName(u"search"_s);
    m_search->setPlaceholderText(tr("Search request id, model or error text"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(260);

    m_range->setObjectName(u"range"_s);
    m_range->addItem(tr("Any time"), AnyTime);
    m_range->addItem(tr("Today"), Today);
    m_range->addItem(tr("Last 7 days"), Last7Days);
    m_range->addItem(tr("Last 30 days"), Last30Days);
    m_range->addItem(tr("Custom range"), CustomRange);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
        edit->setDate(QDate::currentDate());
        edit->setVisible(false);
    }
    m_from->setObjectName(u"from"_s);
    m_to->setObjectName(u"to"_s);
    m_from->setToolTip(tr("First day (UTC)"));
    m_to->setToolTip(tr("Last day (UTC)"));

    m_status->setObjectName(u"status"_s);
    m_status->addItem(tr("Any status"), QStringList());
    m_status->addItem(tr("OK"), QStringList{u"ok"_s});
    m_status->addItem(tr("Error"), QStringList{u"error"_s});
    m_status->addItem(tr("Cancelled"), QStringList{u"cancelled"_s});
    m_status->addItem(tr("Error or cancelled"), QStringList{u"error"_s, u"cancelled"_s});

    m_model->setObjectName(u"model"_s);
    m_task->setObjectName(u"task"_s);
    m_servedBy->setObjectName(u"servedBy"_s);
    setChoices({}, {}, {}, {});
    for (QComboBox *combo : {m_model, m_task, m_servedBy}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->setMinimumContentsLength(14);
        combo->setMaxVisibleItems(20);
    }

    auto *clear = new QPushButton(tr("Clear filters"), this);
    clear->setObjectName(u"clearFilters"_s);
    m_summary->setObjectName(u"summary"_s);
    m_summary->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    auto *row1 = new QHBoxLayout;
    row1->addWidget(m_search, 1);
    row1->addSpacing(8);
    row1->addWidget(label(tr("&Time:"), m_range, this));
    row1->addWidget(m_range);
    row1->addWidget(m_from);
    row1->addWidget(m_to);
    row1->addSpacing(8);
    row1->addWidget(label(tr("St&atus:"), m_status, this));
    row1->addWidget(m_status);
    auto *row2 = new QHBoxLayout;
    row2->addWidget(label(tr("&Model:"), m_model, this));
    row2->addWidget(m_model);
    row2->addSpacing(8);
    row2->addWidget(label(tr("Tas&k:"), m_task, this));
    row2->addWidget(m_task);
    row2->addSpacing(8);
    row2->addWidget(label(tr("Served &by:"), m_servedBy, this));
    row2->addWidget(m_servedBy);
    row2->addStretch(1);
    row2->addWidget(m_summary);
    row2->addSpacing(8);
    row2->addWidget(clear);
    grid->addLayout(row1, 0, 0);
    grid->addLayout(row2, 1, 0);

    m_searchDebounce->setSingleShot(true);
    m_searchDebounce->setInterval(300);
    connect(m_searchDebounce, &QTimer::timeout, this, &RequestFilterBar::emitChanged);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        if (!m_applying)
            m_searchDebounce->start();
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_searchDebounce->isActive()) {
            m_searchDebounce->stop();
            emitChanged();
        }
    });
    connect(m_range, &QComboBox::currentIndexChanged, this, &RequestFilterBar::onRangeChanged);
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &RequestFilterBar::emitChanged);
    for (QComboBox *combo : {m_status, m_model, m_task, m_servedBy})
        connect(combo, &QComboBox::currentIndexChanged, this, &RequestFilterBar::emitChanged);
    connect(clear, &QPushButton::clicked, this, [this] {
        setFilter({});
        emitChanged();
    });
}

UsageFilter RequestFilterBar::filter() const
{
    UsageFilter f;
    const QDate today = QDateTime::currentDateTimeUtc().date(); // the filter's days are UTC
    switch (Range(m_range->currentData().toInt())) {
    case AnyTime: break;
    case Today: f.from = f.to = today; break;
    case Last7Days: f.from = today.addDays(-6), f.to = today; break;
    case Last30Days: f.from = today.addDays(-29), f.to = today; break;
    case CustomRange:
        f.from = m_from->date();
        f.to = m_to->date();
        break;
    }
    f.models = selectedValues(m_model);
    f.tasks = selectedValues(m_task);
    f.providers = selectedValues(m_servedBy, kProvider);
    f.nodes = selectedValues(m_servedBy, kNode);
    f.statuses = m_status->currentData().toStringList();
    f.search = m_search->text().trimmed();
    return f;
}

void RequestFilterBar::setFilter(const UsageFilter &f)
{
    m_applying = true;
    if (!f.from.isValid() && !f.to.isValid()) {
        m_range->setCurrentIndex(m_range->findData(AnyTime));
    } else {
        m_range->setCurrentIndex(m_range->findData(CustomRange));
        const QDate today = QDateTime::currentDateTimeUtc().date();
        m_from->setDate(f.from.isValid() ? f.from : QDate(2000, 1, 1));
        m_to->setDate(f.to.isValid() ? f.to : today);
    }
    onRangeChanged();
    selectValues(m_model, f.models);
    selectValues(m_task, f.tasks);
    if (!f.providers.isEmpty())
        selectValues(m_servedBy, f.providers, kProvider);
    else
        selectValues(m_servedBy, f.nodes, kNode);
    int status = m_status->findData(f.statuses);
    if (status < 0) {
        m_status->addItem(f.statuses.join(u", "_s), f.statuses);
        status = m_status->count() - 1;
    }
    m_status->setCurrentIndex(status);
    m_search->setText(f.search);
    m_searchDebounce->stop();
    m_applying = false;
}

void RequestFilterBar::setChoices(const QStringList &models, const QStringList &tasks, const QStringList &providers,
                                  const QStringList &nodes)
{
    const UsageFilter current = filter();
    m_applying = true;
    fillCombo(m_model, tr("All models"), models);
    fillCombo(m_task, tr("All tasks"), tasks);
    fillCombo(m_servedBy, tr("All providers and nodes"), providers, kProvider);
    for (const QString &node : nodes) {
        if (node.isEmpty())
            continue;
        m_servedBy->addItem(tr("%1 (node)").arg(node), QStringList{node});
        m_servedBy->setItemData(m_servedBy->count() - 1, kNode, kKindRole);
    }
    m_applying = false;
    if (!models.isEmpty() || !tasks.isEmpty() || !providers.isEmpty() || !nodes.isEmpty())
        setFilter(current); // keep what was chosen
}

void RequestFilterBar::setSummary(const QString &text)
{
    m_summary->setText(text);
}

void RequestFilterBar::emitChanged()
{
    if (!m_applying)
        Q_EMIT filterChanged(filter());
}

void RequestFilterBar::onRangeChanged()
{
    const bool custom = m_range->currentData().toInt() == CustomRange;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    emitChanged();
}

void RequestFilterBar::fillCombo(QComboBox *combo, const QString &allText, const QStringList &values,
                                 const QString &kind)
{
    combo->clear();
    combo->addItem(allText, QStringList());
    for (const QString &value : values) {
        if (value.isEmpty())
            continue; // requests without a task or model: reachable through search only
        combo->addItem(value, QStringList{value});
        if (!kind.isEmpty())
            combo->setItemData(combo->count() - 1, kind, kKindRole);
    }
}

void RequestFilterBar::selectValues(QComboBox *combo, const QStringList &values, const QString &kind)
{
    if (values.isEmpty()) {
        combo->setCurrentIndex(0);
        return;
    }
    for (int i = 1; i < combo->count(); ++i) {
        if (combo->itemData(i, kValuesRole).toStringList() == values
            && (kind.isEmpty() || combo->itemData(i, kKindRole).toString() == kind)) {
            combo->setCurrentIndex(i);
            return;
        }
    }
    // A drill-down can ask for values the list does not offer (yet), or several at once.
    QString text = values.join(u", "_s);
    if (kind == kNode)
        text = tr("%1 (node)").arg(text);
    combo->addItem(text, values);
    if (!kind.isEmpty())
        combo->setItemData(combo->count() - 1, kind, kKindRole);
    combo->setCurrentIndex(combo->count() - 1);
}

QStringList RequestFilterBar::selectedValues(const QComboBox *combo, const QString &kind)
{
    if (!kind.isEmpty() && combo->currentData(kKindRole).toString() != kind)
        return {};
    return combo->currentData(kValuesRole).toStringList();
}

} // namespace Switchyard
