#include "diff/diff_tree_model.h"

#include "palette_colors.h"

#include <QApplication>
#include <QHash>
#include <QPalette>

#include <algorithm>
#include <map>

namespace rs::ui {

namespace {

using diff::AppDiff;
using diff::FileDiff;
using diff::ModuleDiff;
using diff::State;

std::unique_ptr<DiffNode> makeNode(DiffNode::Kind kind, const QString &name, const QString &key)
{
    auto node = std::make_unique<DiffNode>();
    node->kind = kind;
    node->name = name;
    node->key = key;
    return node;
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString appDetail(const AppDiff &a)
{
    QStringList parts;
    if (a.state == State::Added)
        parts << a.newVsn;
    else if (a.state == State::Removed)
        parts << a.oldVsn;
    else if (a.oldVsn != a.newVsn)
        parts << QStringLiteral("%1 → %2").arg(a.oldVsn, a.newVsn);
    else
        parts << a.newVsn;
    if (a.state == State::Changed) {
        QStringList modules;
        if (const int n = a.count(State::Changed))
            modules << DiffTreeModel::tr("%n changed", nullptr, n);
        if (const int n = a.count(State::Added))
            modules << DiffTreeModel::tr("%n added", nullptr, n);
        if (const int n = a.count(State::Removed))
            modules << DiffTreeModel::tr("%n removed", nullptr, n);
        if (!modules.isEmpty())
            parts << DiffTreeModel::tr("modules: %1").arg(modules.join(QStringLiteral(", ")));
        if (a.appup.status != diff::AppupCheck::Status::NotNeeded)
            parts << DiffTreeModel::tr("appup: %1").arg(diff::appupStatusName(a.appup.status));
    }
    return parts.join(QStringLiteral(" · "));
}

QString moduleDetail(const ModuleDiff &m)
{
    if (m.recompiled)
        return DiffTreeModel::tr("same code, recompiled");
    if (m.state != State::Changed)
        return m.note;
    QStringList exports;
    for (const QString &e : m.exportsAdded)
        exports << QLatin1Char('+') + e;
    for (const QString &e : m.exportsRemoved)
        exports << QStringLiteral("−") + e;
    return exports.isEmpty() ? DiffTreeModel::tr("code changed")
                             : DiffTreeModel::tr("exports %1").arg(exports.join(QLatin1Char(' ')));
}

QString fileDetail(const FileDiff &f)
{
    if (f.state == State::Added)
        return sizeText(f.newFile.size);
    if (f.state == State::Removed)
        return sizeText(f.oldFile.size);
    QStringList parts;
    if (f.equivalent)
        parts << DiffTreeModel::tr("same meaning");
    if (f.typeChanged)
        parts << QStringLiteral("%1 → %2").arg(diff::fileTypeName(f.oldFile.type),
                                               diff::fileTypeName(f.newFile.type));
    if (f.modeChanged)
        parts << DiffTreeModel::tr("mode %1 → %2")
                     .arg(f.oldFile.mode, 4, 8, QLatin1Char('0'))
                     .arg(f.newFile.mode, 4, 8, QLatin1Char('0'));
    if (f.linkChanged)
        parts << DiffTreeModel::tr("link → %1").arg(f.newFile.linkTarget);
    if (f.contentChanged && !f.equivalent) {
        if (!f.terms.empty())
            parts << (f.terms.size() == 1 ? DiffTreeModel::tr("1 term")
                                          : DiffTreeModel::tr("%1 terms").arg(f.terms.size()));
        if (!f.text.hunks.empty())
            parts << QStringLiteral("+%1 −%2").arg(f.text.added).arg(f.text.removed);
        else if (f.oldFile.size != f.newFile.size)
            parts << QStringLiteral("%1 → %2").arg(sizeText(f.oldFile.size), sizeText(f.newFile.size));
    }
    return parts.join(QStringLiteral(" · "));
}

State stateOfChildren(const DiffNode &node)
{
    for (const auto &child : node.children)
        if (child->state != State::Same)
            return State::Changed;
    return State::Same;
}

// The application a member belongs to, by its lib/NAME-VSN/ directory in either release.
class AppDirectories
{
public:
    explicit AppDirectories(const diff::DiffReport &report)
    {
        for (const AppDiff &a : report.apps) {
            if (!a.newVsn.isEmpty())
                m_apps.insert(a.name + QLatin1Char('-') + a.newVsn, &a);
            if (!a.oldVsn.isEmpty())
                m_apps.insert(a.name + QLatin1Char('-') + a.oldVsn, &a);
        }
    }
    // The application and the path below its directory ("ebin/x.beam"); nullptr when none.
    const AppDiff *find(const FileDiff &f, QString *relative) const
    {
        for (const QString &path : {f.path, f.oldPath}) {
            if (!path.startsWith(QLatin1String("lib/")))
                continue;
            const qsizetype slash = path.indexOf(QLatin1Char('/'), 4);
            if (slash < 0)
                continue;
            if (const AppDiff *a = m_apps.value(path.mid(4, slash - 4))) {
                *relative = path.mid(slash + 1);
                return a;
            }
        }
        return nullptr;
    }

private:
    QHash<QString, const AppDiff *> m_apps;
};

} // namespace

DiffNode *DiffNode::add(std::unique_ptr<DiffNode> child)
{
    child->parent = this;
    child->row = int(children.size());
    children.push_back(std::move(child));
    return children.back().get();
}

std::unique_ptr<DiffNode> buildDiffTree(const diff::DiffReport &report)
{
    auto root = makeNode(DiffNode::Kind::Group, QString(), QStringLiteral("group:root"));
    auto releases =
        makeNode(DiffNode::Kind::Group, DiffTreeModel::tr("Release files"), QStringLiteral("group:releases"));
    auto erts = makeNode(DiffNode::Kind::Group, DiffTreeModel::tr("ERTS"), QStringLiteral("group:erts"));
    auto others =
        makeNode(DiffNode::Kind::Group, DiffTreeModel::tr("Other files"), QStringLiteral("group:other"));
    if (!report.newRelease.erts.isEmpty() || !report.oldRelease.erts.isEmpty())
        erts->detail = report.oldRelease.erts == report.newRelease.erts
                           ? report.newRelease.erts
                           : QStringLiteral("%1 → %2").arg(report.oldRelease.erts, report.newRelease.erts);

    // Applications, with their modules first and their other files after them.
    std::vector<std::unique_ptr<DiffNode>> apps;
    QHash<const AppDiff *, DiffNode *> appNodes;
    std::map<const AppDiff *, std::vector<std::unique_ptr<DiffNode>>> appFiles;
    QHash<QString, const ModuleDiff *> modules; // "app:module"
    for (const AppDiff &a : report.apps) {
        auto node = makeNode(DiffNode::Kind::Application, a.name, QStringLiteral("app:") + a.name);
        node->state = a.state;
        node->app = &a;
        node->detail = appDetail(a);
        appNodes.insert(&a, node.get());
        for (const ModuleDiff &m : a.modules)
            modules.insert(a.name + QLatin1Char(':') + m.name, &m);
        apps.push_back(std::move(node));
    }

    const AppDirectories directories(report);
    for (const FileDiff &f : report.files) {
        if (f.kind == diff::FileKind::Directory)
            continue;
        QString relative;
        const AppDiff *app = directories.find(f, &relative);
        const bool isModule = app && f.kind == diff::FileKind::Beam &&
                              relative.startsWith(QLatin1String("ebin/")) &&
                              relative.count(QLatin1Char('/')) == 1;
        std::unique_ptr<DiffNode> node;
        if (isModule) {
            const QString name = relative.mid(5).chopped(5);
            node =
                makeNode(DiffNode::Kind::Module, name, QStringLiteral("module:%1:%2").arg(app->name, name));
            node->module = modules.value(app->name + QLatin1Char(':') + name);
            node->state = node->module ? node->module->state : f.state;
            node->equivalent = node->module ? node->module->recompiled : f.equivalent;
            node->detail = node->module ? moduleDetail(*node->module) : fileDetail(f);
        } else {
            node = makeNode(DiffNode::Kind::File, app ? relative : f.path, f.path);
            node->state = f.state;
            node->equivalent = f.equivalent;
            node->detail = fileDetail(f);
        }
        node->file = &f;
        node->app = app;
        if (isModule)
            appNodes.value(app)->add(std::move(node));
        else if (app)
            appFiles[app].push_back(std::move(node));
        else if (f.path.startsWith(QLatin1String("releases/"))) {
            node->name = f.path.mid(9);
            releases->add(std::move(node));
        } else if (f.path.startsWith(QLatin1String("erts-")))
            erts->add(std::move(node));
        else
            others->add(std::move(node));
    }
    // Modules by name (their files sort "Elixir.A.B.beam" before "Elixir.A.beam"), then the files.
    for (DiffNode *node : std::as_const(appNodes)) {
        std::sort(node->children.begin(), node->children.end(),
                  [](const auto &a, const auto &b) { return a->name < b->name; });
        for (std::size_t row = 0; row < node->children.size(); ++row)
            node->children[row]->row = int(row);
    }
    for (auto &[app, files] : appFiles)
        for (auto &file : files)
            appNodes.value(app)->add(std::move(file));

    releases->state = stateOfChildren(*releases);
    if (report.vsnChanged() || report.nameChanged())
        releases->state = State::Changed;
    releases->detail = report.oldRelease.vsn == report.newRelease.vsn
                           ? QStringLiteral("%1 %2").arg(report.newRelease.name, report.newRelease.vsn)
                           : QStringLiteral("%1 %2 → %3 %4")
                                 .arg(report.oldRelease.name, report.oldRelease.vsn, report.newRelease.name,
                                      report.newRelease.vsn);
    erts->state = stateOfChildren(*erts);
    if (report.ertsChanged())
        erts->state = State::Changed;
    others->state = stateOfChildren(*others);

    if (!releases->children.empty())
        root->add(std::move(releases));
    for (auto &app : apps)
        root->add(std::move(app));
    if (!erts->children.empty())
        root->add(std::move(erts));
    if (!others->children.empty())
        root->add(std::move(others));
    return root;
}

// ---------------------------------------------------------------------------------------------

DiffTreeModel::DiffTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

DiffTreeModel::~DiffTreeModel() = default;

void DiffTreeModel::setTree(std::shared_ptr<const diff::DiffReport> report, std::shared_ptr<DiffNode> root)
{
    beginResetModel();
    m_report = std::move(report);
    m_root = std::move(root);
    m_byKey.clear();
    std::vector<const DiffNode *> stack;
    if (m_root)
        stack.push_back(m_root.get());
    while (!stack.empty()) {
        const DiffNode *n = stack.back();
        stack.pop_back();
        m_byKey.insert(n->key, n);
        for (const auto &child : n->children)
            stack.push_back(child.get());
    }
    endResetModel();
}

void DiffTreeModel::clear()
{
    setTree(nullptr, nullptr);
}

QString DiffTreeModel::stateText(State state)
{
    switch (state) {
    case State::Added:
        return tr("added");
    case State::Removed:
        return tr("removed");
    case State::Changed:
        return tr("changed");
    case State::Same:
        break;
    }
    return tr("same");
}

QString DiffTreeModel::stateText(const DiffNode &node)
{
    if (node.equivalent && node.state == State::Same)
        return node.kind == DiffNode::Kind::Module ? tr("same code") : tr("equivalent");
    return stateText(node.state);
}

const DiffNode *DiffTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<const DiffNode *>(index.internalPointer()) : m_root.get();
}

const DiffNode *DiffTreeModel::node(const QModelIndex &index) const
{
    return index.isValid() ? nodeOf(index) : nullptr;
}

QModelIndex DiffTreeModel::indexOfKey(const QString &key) const
{
    const DiffNode *n = m_byKey.value(key);
    if (!n || n == m_root.get())
        return {};
    return createIndex(n->row, 0, const_cast<DiffNode *>(n));
}

QModelIndex DiffTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const DiffNode *p = nodeOf(parent);
    if (!p || row < 0 || row >= int(p->children.size()) || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column, p->children[std::size_t(row)].get());
}

QModelIndex DiffTreeModel::parent(const QModelIndex &child) const
{
    const DiffNode *n = node(child);
    if (!n || !n->parent || n->parent == m_root.get())
        return {};
    return createIndex(n->parent->row, 0, n->parent);
}

int DiffTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const DiffNode *p = nodeOf(parent);
    return p ? int(p->children.size()) : 0;
}

int DiffTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

namespace {

QColor stateColour(State state, bool equivalent, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (state) {
    case State::Added:
        return dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x1a, 0x7f, 0x37);
    case State::Removed:
        return dark ? QColor(0xf8, 0x51, 0x49) : QColor(0xcf, 0x22, 0x2e);
    case State::Changed:
        return dark ? QColor(0xd2, 0x99, 0x22) : QColor(0xbf, 0x87, 0x00);
    case State::Same:
        break;
    }
    return equivalent ? palette.color(QPalette::Text) : palette.color(QPalette::PlaceholderText);
}

} // namespace

QVariant DiffTreeModel::data(const QModelIndex &index, int role) const
{
    const DiffNode *n = node(index);
    if (!n)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return n->name;
        case StateColumn:
            return stateText(*n);
        case DetailColumn:
            return n->detail;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StateColumn || n->state == State::Same)
            return stateColour(n->state, n->equivalent, QApplication::palette());
        return {};
    case Qt::DecorationRole:
        if (index.column() == NameColumn)
            return stateColour(n->state, n->equivalent, QApplication::palette());
        return {};
    case Qt::ToolTipRole:
        return n->file ? n->file->path : n->name;
    case StateRole:
        return int(n->state);
    case KeyRole:
        return n->key;
    case EquivalentRole:
        return n->equivalent;
    }
    return {};
}

QVariant DiffTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case DetailColumn:
        return tr("Details");
    }
    return {};
}

// ---------------------------------------------------------------------------------------------

DiffTreeFilter::DiffTreeFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
}

void DiffTreeFilter::setHideUnchanged(bool hide)
{
    if (hide == m_hideUnchanged)
        return;
    m_hideUnchanged = hide;
    invalidateRowsFilter();
}

bool DiffTreeFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_hideUnchanged)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(DiffTreeModel::StateRole).toInt() != int(State::Same);
}

} // namespace rs::ui
