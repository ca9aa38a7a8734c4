#pragma once

#include "archive/archive_entry.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>

#include <memory>
#include <vector>

namespace rs::ui {

// The members of an archive (or a release directory) as a tree, built lazily from the flat entry
// list: directories are synthesized from the paths when the archive has no member of their own, and
// a directory's rows are created the first time a view asks for them (canFetchMore/fetchMore).
// Columns: name, size (human readable; SizeRole gives bytes), mode (octal permission bits), type.
// Directories show the total size of the files below them.
//
// Made for a QSortFilterProxyModel with recursive filtering: call fetchAll() before filtering so
// that every row can be matched, and sort with SortRole (directories come before files).
class ArchiveTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, SizeColumn, ModeColumn, TypeColumn, ColumnCount };
    enum Role {
        PathRole = Qt::UserRole + 1, // the normalized path: "lib/app-1.0/ebin/app.beam"
        SizeRole,                    // qint64 bytes (a directory: the files below it)
        SortRole,                    // per column: what sorting compares
        IsDirectoryRole,             // bool
        EntryIndexRole,              // int index into entries(), -1 for a synthesized directory
    };

    explicit ArchiveTreeModel(QObject *parent = nullptr);
    ~ArchiveTreeModel() override;

    // Replaces the tree (a model reset). Only the top level is built here.
    void setEntries(std::vector<archive::ArchiveEntry> entries);
    void clear() { setEntries({}); }
    const std::vector<archive::ArchiveEntry> &entries() const { return m_entries; }

    // The member behind a row; nullptr for a directory that the archive does not list itself.
    const archive::ArchiveEntry *entry(const QModelIndex &index) const;
    QString path(const QModelIndex &index) const;
    bool isDirectory(const QModelIndex &index) const;
    // The row of a normalized path (see normalizedPath), fetching the directories on the way;
    // invalid when there is none.
    QModelIndex indexForPath(const QString &path, int column = NameColumn);
    // Builds every row (what recursive filtering needs to see the whole tree).
    void fetchAll();
    // How many rows exist now (all levels), for tests of laziness.
    int createdRowCount() const { return m_createdRows; }

    // A member path as the tree shows it: no leading "./", no empty components, no trailing '/'
    // (an absolute path keeps its leading '/').
    static QString normalizedPath(const QString &path);
    static QString humanSize(qint64 bytes);

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Node;
    // What a directory will hold, computed for every directory in one pass over the entries.
    struct ChildSpec
    {
        QString name;
        int entry = -1;
        bool directory = false;
    };

    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(Node *node, int column) const;
    void populate(Node *node);
    void fetchAllBelow(Node *node);

    std::vector<archive::ArchiveEntry> m_entries;
    QHash<QString, std::vector<ChildSpec>> m_children; // directory path ("" is the root) -> children
    QHash<QString, qint64> m_directorySizes;
    std::unique_ptr<Node> m_root;
    int m_createdRows = 0;
    QIcon m_dirIcon;
    QIcon m_fileIcon;
    QIcon m_linkIcon;
};

} // namespace rs::ui
