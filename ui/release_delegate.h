#pragma once

#include <QStyledItemDelegate>

namespace rs::ui {

// Editors of the release table: a choice of the versions found for the Version column (still
// editable, for versions not found yet), a choice of start types for the Start type column.
class ReleaseDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace rs::ui
