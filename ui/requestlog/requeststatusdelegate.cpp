// SPDX-License-Identifier: MIT
#include "ui/requestlog/requeststatusdelegate.h"

#include "core/models/requestlogmodel.h"

#include <QPalette>

using namespace Qt::StringLiterals;

namespace Switchyard {

void RequestStatusDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QColor dim = option->palette.color(QPalette::Disabled, QPalette::Text);
    if (!index.data(RequestLogModel::LoadedRole).toBool()) {
        option->palette.setColor(QPalette::Text, dim);
        return;
    }
    switch (index.column()) {
    case RequestLogModel::StatusColumn: {
        const QString status = index.data(RequestLogModel::StatusRole).toString();
        if (status == u"error"_s)
            option->palette.setColor(QPalette::Text, QColor(0xc0, 0x39, 0x2b));
        else if (status == u"cancelled"_s)
            option->palette.setColor(QPalette::Text, QColor(0xb3, 0x6b, 0x00));
        break;
    }
    case RequestLogModel::CostColumn:
        if (!index.data(RequestLogModel::PricedRole).toBool()) {
            option->palette.setColor(QPalette::Text, dim);
            option->font.setItalic(true);
        }
        break;
    default:
        break;
    }
}

} // namespace Switchyard
