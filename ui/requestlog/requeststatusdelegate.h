// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace Switchyard {

/// Paints the request log's cells with their meaning: failed and cancelled statuses in
/// red, "unpriced" costs and rows still loading dimmed. Reads the model's roles only.
class RequestStatusDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Switchyard
