#pragma once

#include "release/rel_spec.h"
#include "workspace.h"

#include <QAbstractTableModel>

#include <memory>

namespace rs::ui {

class ReleaseDocument;

// The applications of a .rel as a table. Edits go to the document as structured edits, so they
// change the .rel text and land on its undo stack. While the text does not parse, the table
// shows the last release that did, read-only.
class ReleaseTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Version, StartType, Included, Description, ColumnCount };
    // Versions of the row's application found in the workspace (Qt::UserRole on Version).
    static constexpr int VersionsRole = Qt::UserRole + 1;

    explicit ReleaseTableModel(ReleaseDocument *document, QObject *parent = nullptr);

    void setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot);
    const release::RelApp *appAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

private:
    void refresh();

    ReleaseDocument *m_document;
    std::vector<release::RelApp> m_apps;
    bool m_editable = false;
    std::shared_ptr<const WorkspaceSnapshot> m_snapshot;
};

} // namespace rs::ui
