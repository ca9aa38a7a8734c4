#include "inspector/archive_tree_model.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QLocale>
#include <QPalette>
#include <QStyle>

#include <algorithm>

namespace rs::ui {

using archive::ArchiveEntry;
using archive::EntryType;

struct ArchiveTreeModel::Node
{
    QString name;
    QString path;
    Node *parent = nullptr;
    int row = 0;
    int entry = -1;
    bool directory = false;
    bool fetched = false;
    std::vector<std::unique_ptr<Node>> children;
};

namespace {

QString joinPath(const QString &dir, const QString &name)
{
    if (dir.isEmpty())
        return name;
    if (dir == QLatin1String("/"))
        return dir + name;
    return dir + QLatin1Char('/') + name;
}

QStringList pathParts(const QString &normalized)
{
    QStringList parts = normalized.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (normalized.startsWith(QLatin1Char('/')))
        parts.prepend(QStringLiteral("/"));
    return parts;
}

// Names extractSafely would refuse: shown in red, with the reason as a tooltip.
QString hostileReason(const ArchiveEntry &e)
{
    if (!e.utf8)
        return ArchiveTreeModel::tr("The name is not valid UTF-8: extraction refuses it.");
    if (e.path.startsWith(QLatin1Char('/')))
        return ArchiveTreeModel::tr("An absolute path: extraction refuses it.");
    if (e.path.split(QLatin1Char('/')).contains(QStringLiteral("..")))
        return ArchiveTreeModel::tr("The path leaves the target directory (\"..\"): extraction refuses it.");
    if (e.type == EntryType::Symlink &&
        (e.linkTarget.startsWith(QLatin1Char('/')) || e.linkTarget.startsWith(QLatin1String("../"))))
        return ArchiveTreeModel::tr("A symbolic link that may point outside the target directory.");
    if (e.type == EntryType::Other)
        return ArchiveTreeModel::tr("A device, fifo or socket: extraction refuses it.");
    return QString();
}

QString typeText(const ArchiveEntry *e, bool directory)
{
    if (!e)
        return directory ? ArchiveTreeModel::tr("directory") : QString();
    switch (e->type) {
    case EntryType::File:
        return directory ? ArchiveTreeModel::tr("directory") : ArchiveTreeModel::tr("file");
    case EntryType::Directory:
        return ArchiveTreeModel::tr("directory");
    case EntryType::Symlink:
        return ArchiveTreeModel::tr("symlink → %1").arg(e->linkTarget);
    case EntryType::Hardlink:
        return ArchiveTreeModel::tr("hard link → %1").arg(e->linkTarget);
    case EntryType::Other:
        return ArchiveTreeModel::tr("special file");
    }
    return QString();
}

} // namespace

ArchiveTreeModel::ArchiveTreeModel(QObject *parent)
    : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{
    m_root->directory = true;
    m_root->fetched = true;
    if (QStyle *style = QApplication::style()) {
        m_dirIcon = style->standardIcon(QStyle::SP_DirIcon);
        m_fileIcon = style->standardIcon(QStyle::SP_FileIcon);
        m_linkIcon = style->standardIcon(QStyle::SP_FileLinkIcon);
    }
}

ArchiveTreeModel::~ArchiveTreeModel() = default;

QString ArchiveTreeModel::normalizedPath(const QString &path)
{
    QString p = path;
    while (p.startsWith(QLatin1String("./")))
        p.remove(0, 2);
    const QStringList parts = p.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QStringList kept;
    kept.reserve(parts.size());
    for (const QString &part : parts) {
        if (part != QLatin1String("."))
            kept << part;
    }
    const QString joined = kept.join(QLatin1Char('/'));
    return p.startsWith(QLatin1Char('/')) ? QLatin1Char('/') + joined : joined;
}

QString ArchiveTreeModel::humanSize(qint64 bytes)
{
    if (bytes < 1024)
        return tr(bytes == 1 ? QT_TR_N_NOOP("%n byte") : QT_TR_N_NOOP("%n bytes"), nullptr, int(bytes));
    static const char *const units[] = {"KiB", "MiB", "GiB", "TiB"};
    double value = double(bytes) / 1024.0;
    int unit = 0;
    while (value >= 1024.0 && unit < 3) {
        value /= 1024.0;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(QLocale().toString(value, 'f', value < 10 ? 2 : 1),
                                       QLatin1String(units[unit]));
}

void ArchiveTreeModel::setEntries(std::vector<ArchiveEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    m_children.clear();
    m_directorySizes.clear();
    m_root = std::make_unique<Node>();
    m_root->directory = true;
    m_createdRows = 0;

    // One pass: every directory's children, directories synthesized from the paths.
    QHash<QString, qsizetype> position; // full path -> index in its parent's list
    for (int i = 0; i < int(m_entries.size()); ++i) {
        const ArchiveEntry &e = m_entries[size_t(i)];
        const QStringList parts = pathParts(normalizedPath(e.path));
        QString dir;
        for (qsizetype k = 0; k < parts.size(); ++k) {
            const bool last = k == parts.size() - 1;
            const QString full = joinPath(dir, parts[k]);
            std::vector<ChildSpec> &siblings = m_children[dir];
            auto it = position.find(full);
            if (it == position.end()) {
                it = position.insert(full, qsizetype(siblings.size()));
                siblings.push_back({parts[k], -1, false});
            }
            ChildSpec &spec = siblings[size_t(*it)];
            if (!last) {
                spec.directory = true;
                if (e.type == EntryType::File)
                    m_directorySizes[full] += e.size;
            } else {
                spec.entry = i; // a repeated member: the last one wins, as tar extracts it
                if (e.type == EntryType::Directory)
                    spec.directory = true;
            }
            dir = full;
        }
    }
    for (auto it = m_children.begin(); it != m_children.end(); ++it) {
        std::stable_sort(it->begin(), it->end(), [](const ChildSpec &a, const ChildSpec &b) {
            if (a.directory != b.directory)
                return a.directory;
            return a.name < b.name;
        });
    }
    populate(m_root.get());
    endResetModel();
}

// Creates a directory's rows from its spec (no model signals: callers send them).
void ArchiveTreeModel::populate(Node *node)
{
    node->fetched = true;
    const auto specs = m_children.constFind(node->path);
    if (specs == m_children.constEnd())
        return;
    node->children.reserve(specs->size());
    for (const ChildSpec &spec : *specs) {
        auto child = std::make_unique<Node>();
        child->name = spec.name;
        child->path = joinPath(node->path, spec.name);
        child->parent = node;
        child->row = int(node->children.size());
        child->entry = spec.entry;
        child->directory = spec.directory;
        node->children.push_back(std::move(child));
    }
    m_createdRows += int(specs->size());
}

ArchiveTreeModel::Node *ArchiveTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex ArchiveTreeModel::indexOf(Node *node, int column) const
{
    if (!node || node == m_root.get())
        return QModelIndex();
    return createIndex(node->row, column, node);
}

const ArchiveEntry *ArchiveTreeModel::entry(const QModelIndex &index) const
{
    const Node *node = index.isValid() ? nodeOf(index) : nullptr;
    return node && node->entry >= 0 ? &m_entries[size_t(node->entry)] : nullptr;
}

QString ArchiveTreeModel::path(const QModelIndex &index) const
{
    return index.isValid() ? nodeOf(index)->path : QString();
}

bool ArchiveTreeModel::isDirectory(const QModelIndex &index) const
{
    return index.isValid() && nodeOf(index)->directory;
}

QModelIndex ArchiveTreeModel::indexForPath(const QString &path, int column)
{
    Node *node = m_root.get();
    for (const QString &part : pathParts(normalizedPath(path))) {
        if (!node->fetched)
            fetchMore(indexOf(node, 0));
        const auto it = std::find_if(node->children.begin(), node->children.end(),
                                     [&](const std::unique_ptr<Node> &c) { return c->name == part; });
        if (it == node->children.end())
            return QModelIndex();
        node = it->get();
    }
    return indexOf(node, column);
}

void ArchiveTreeModel::fetchAll()
{
    fetchAllBelow(m_root.get());
}

void ArchiveTreeModel::fetchAllBelow(Node *node)
{
    if (!node->directory)
        return;
    if (!node->fetched)
        fetchMore(indexOf(node, 0));
    for (const auto &child : node->children)
        fetchAllBelow(child.get());
}

QModelIndex ArchiveTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return QModelIndex();
    const Node *node = nodeOf(parent);
    if (row >= int(node->children.size()))
        return QModelIndex();
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex ArchiveTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return QModelIndex();
    return indexOf(nodeOf(child)->parent, 0);
}

int ArchiveTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int ArchiveTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool ArchiveTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node *node = nodeOf(parent);
    if (node->fetched)
        return !node->children.empty();
    return node->directory && m_children.contains(node->path);
}

bool ArchiveTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node *node = nodeOf(parent);
    return node->directory && !node->fetched;
}

void ArchiveTreeModel::fetchMore(const QModelIndex &parent)
{
    Node *node = nodeOf(parent);
    if (node->fetched)
        return;
    const auto specs = m_children.constFind(node->path);
    const int count = specs == m_children.constEnd() ? 0 : int(specs->size());
    if (count == 0) {
        node->fetched = true;
        return;
    }
    beginInsertRows(indexOf(node, 0), 0, count - 1);
    populate(node);
    endInsertRows();
}

QVariant ArchiveTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return QVariant();
    const Node *node = nodeOf(index);
    const ArchiveEntry *e = node->entry >= 0 ? &m_entries[size_t(node->entry)] : nullptr;
    const qint64 size = node->directory ? m_directorySizes.value(node->path) : (e ? e->size : 0);
    const bool link = e && (e->type == EntryType::Symlink || e->type == EntryType::Hardlink);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return node->name;
        case SizeColumn:
            return link ? QString() : humanSize(size);
        case ModeColumn:
            return e ? QStringLiteral("%1").arg(e->mode & 07777, 4, 8, QLatin1Char('0')) : QString();
        case TypeColumn:
            return typeText(e, node->directory);
        }
        break;
    case Qt::ToolTipRole: {
        const QString reason = e ? hostileReason(*e) : QString();
        if (index.column() == ModeColumn && e)
            return tr("Mode %1 (octal, as stored)").arg(QString::number(e->mode, 8));
        if (index.column() == SizeColumn)
            return tr("%L1 bytes").arg(size);
        return reason.isEmpty() ? node->path : node->path + QLatin1Char('\n') + reason;
    }
    case Qt::ForegroundRole:
        if (e && !hostileReason(*e).isEmpty())
            return QBrush(QColor(0xd3, 0x2f, 0x2f));
        if (index.column() != NameColumn)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        break;
    case Qt::DecorationRole:
        if (index.column() == NameColumn)
            return link ? m_linkIcon : node->directory ? m_dirIcon : m_fileIcon;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn || index.column() == ModeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case PathRole:
        return node->path;
    case SizeRole:
        return size;
    case IsDirectoryRole:
        return node->directory;
    case EntryIndexRole:
        return node->entry;
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return QString((node->directory ? QLatin1Char('0') : QLatin1Char('1')) + node->name);
        case SizeColumn:
            return size;
        case ModeColumn:
            return e ? qint64(e->mode & 07777) : qint64(-1);
        case TypeColumn:
            return typeText(e, node->directory);
        }
        break;
    default:
        break;
    }
    return QVariant();
}

QVariant ArchiveTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Name");
        case SizeColumn:
            return tr("Size");
        case ModeColumn:
            return tr("Mode");
        case TypeColumn:
            return tr("Type");
        }
    } else if (role == Qt::TextAlignmentRole && (section == SizeColumn || section == ModeColumn)) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return QVariant();
}

Qt::ItemFlags ArchiveTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!nodeOf(index)->directory)
        f |= Qt::ItemNeverHasChildren;
    return f;
}

} // namespace rs::ui
