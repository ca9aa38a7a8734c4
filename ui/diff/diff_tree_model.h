#pragma once

#include "diff/diff_report.h"

#include <QAbstractItemModel>
#include <QSortFilterProxyModel>

#include <memory>
#include <vector>

namespace rs::ui {

// One item of the diff tree: a group (release files, ERTS, other files), an application, a module
// or a file. Points into the DiffReport it was built from, which must outlive it.
struct DiffNode
{
    enum class Kind : quint8 { Group, Application, Module, File };
    Kind kind = Kind::File;
    QString name;   // as shown: "shop_core", "shop_cart", "priv/prices.csv", "Release files"
    QString key;    // unique: "app:shop_core", "module:shop_core:shop_cart", a member path, "group:releases"
    QString detail; // "1.0.0 → 1.1.0", "+3 −1 lines", "exports +discount/1", "same code"
    diff::State state = diff::State::Same;
    bool equivalent = false; // bytes differ, meaning the same (a recompiled module, a reformatted file)
    const diff::AppDiff *app = nullptr;       // of an application, and of its modules and files
    const diff::ModuleDiff *module = nullptr; // of a module
    const diff::FileDiff *file = nullptr;     // of a file, and of a module (its .beam)

    DiffNode *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<DiffNode>> children;

    DiffNode *add(std::unique_ptr<DiffNode> child);
};

// The report as a tree: "Release files" (releases/), one item per application (its modules by
// .beam, then its other files), "ERTS", "Other files". Directories are left out. Built off the GUI
// thread (buildDiffTree), then handed to the model.
std::unique_ptr<DiffNode> buildDiffTree(const diff::DiffReport &report);

class DiffTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, StateColumn, DetailColumn, ColumnCount };
    enum Role { StateRole = Qt::UserRole + 1, KeyRole, EquivalentRole };

    explicit DiffTreeModel(QObject *parent = nullptr);
    ~DiffTreeModel() override;

    // Shows a tree; the report it points into is kept alive with it.
    void setTree(std::shared_ptr<const diff::DiffReport> report, std::shared_ptr<DiffNode> root);
    void clear();

    // "changed", "added", "removed", "same" as the GUI says them (translated); "same code" for a
    // recompiled module, "equivalent" for a file whose bytes differ but not its meaning.
    static QString stateText(diff::State state);
    static QString stateText(const DiffNode &node);

    const DiffNode *node(const QModelIndex &index) const;
    QModelIndex indexOfKey(const QString &key) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const DiffNode *nodeOf(const QModelIndex &index) const;

    std::shared_ptr<const diff::DiffReport> m_report;
    std::shared_ptr<DiffNode> m_root;
    QHash<QString, const DiffNode *> m_byKey;
};

// Hides unchanged items (those in state Same, recompiled modules too) when asked; a group or
// application stays while a descendant is shown.
class DiffTreeFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit DiffTreeFilter(QObject *parent = nullptr);
    void setHideUnchanged(bool hide);
    bool hidesUnchanged() const { return m_hideUnchanged; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_hideUnchanged = false;
};

} // namespace rs::ui
