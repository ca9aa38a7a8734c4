#pragma once

#include "release/rel_spec.h"
#include "workspace.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTreeView;

namespace rs::ui {

// Picks applications to add to a release from those found in the workspace, searchable by name
// and description; by default their dependency closure is added too.
class AddApplicationDialog : public QDialog
{
    Q_OBJECT

public:
    AddApplicationDialog(std::shared_ptr<const WorkspaceSnapshot> snapshot, const QStringList &present,
                         QWidget *parent = nullptr);

    // What to add, dependencies first; an error message when a dependency is missing.
    std::vector<release::RelApp> selectedApplications(QString *error) const;

private:
    void updateSummary();

    std::shared_ptr<const WorkspaceSnapshot> m_snapshot;
    QStringList m_present;
    QLineEdit *m_filter;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_view;
    QCheckBox *m_withDependencies;
    QLabel *m_summary;
};

} // namespace rs::ui
