#include "release_delegate.h"

#include "release/rel_spec.h"
#include "release_table_model.h"

#include <QComboBox>

namespace rs::ui {

QWidget *ReleaseDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    if (index.column() == ReleaseTableModel::Version) {
        auto *combo = new QComboBox(parent);
        combo->setEditable(true);
        combo->addItems(index.data(ReleaseTableModel::VersionsRole).toStringList());
        return combo;
    }
    if (index.column() == ReleaseTableModel::StartType) {
        auto *combo = new QComboBox(parent);
        for (const auto t :
             {release::StartType::Permanent, release::StartType::Transient, release::StartType::Temporary,
              release::StartType::Load, release::StartType::None})
            combo->addItem(release::startTypeName(t));
        return combo;
    }
    return QStyledItemDelegate::createEditor(parent, option, index);
}

void ReleaseDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const QString current = index.data(Qt::EditRole).toString();
        const int i = combo->findText(current);
        if (i >= 0)
            combo->setCurrentIndex(i);
        else
            combo->setEditText(current);
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void ReleaseDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        if (combo->currentText() != index.data(Qt::EditRole).toString())
            model->setData(index, combo->currentText(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace rs::ui
