#include "release_table_model.h"

#include "release_document.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

namespace rs::ui {

ReleaseTableModel::ReleaseTableModel(ReleaseDocument *document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(document, &ReleaseDocument::textChanged, this, &ReleaseTableModel::refresh);
    refresh();
}

void ReleaseTableModel::setSnapshot(std::shared_ptr<const WorkspaceSnapshot> snapshot)
{
    m_snapshot = std::move(snapshot);
    if (!m_apps.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ReleaseTableModel::refresh()
{
    m_editable = m_document->isValid();
    if (!m_editable && !m_apps.empty()) {
        // Keep the last good rows, shown read-only.
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_apps = m_document->parsed().spec.apps;
    endResetModel();
}

const release::RelApp *ReleaseTableModel::appAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_apps[size_t(row)] : nullptr;
}

int ReleaseTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_apps.size());
}

int ReleaseTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReleaseTableModel::data(const QModelIndex &index, int role) const
{
    const release::RelApp *app = appAt(index.row());
    if (!app)
        return {};
    const release::AppSpec *found = nullptr;
    QStringList versions;
    if (m_snapshot) {
        for (const release::AppSpec *spec : m_snapshot->index.versionsOf(app->name)) {
            versions << spec->vsn;
            if (spec->vsn == app->vsn)
                found = spec;
        }
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case Name:
            return app->name;
        case Version:
            return app->vsn;
        case StartType:
            return release::startTypeName(app->type);
        case Included:
            return app->includedOverride
                       ? app->includedOverride->join(QStringLiteral(", "))
                       : (found ? found->includedApplications.join(QStringLiteral(", ")) : QString());
        case Description:
            return found ? found->description : QString();
        }
        break;
    case VersionsRole:
        return versions;
    case Qt::ToolTipRole:
        if (index.column() == Version && m_snapshot && !found) {
            return versions.isEmpty() ? tr("%1 is not in the lib dirs or the OTP").arg(app->name)
                                      : tr("%1 %2 not found; found %3")
                                            .arg(app->name, app->vsn, versions.join(QStringLiteral(", ")));
        }
        if (index.column() == Included && !app->includedOverride)
            return tr("From the .app file; edit to override it in the .rel");
        if (found)
            return found->appFile;
        break;
    case Qt::ForegroundRole:
        if (!m_editable)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        if (index.column() == Version && m_snapshot && !found && !m_snapshot->index.names().isEmpty())
            return QBrush(QColor(0xc0, 0x1c, 0x28));
        if (index.column() == Included && !app->includedOverride)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        break;
    default:
        break;
    }
    return {};
}

QVariant ReleaseTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Application");
    case Version:
        return tr("Version");
    case StartType:
        return tr("Start type");
    case Included:
        return tr("Included applications");
    case Description:
        return tr("Description");
    }
    return {};
}

Qt::ItemFlags ReleaseTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (m_editable &&
        (index.column() == Version || index.column() == StartType || index.column() == Included))
        f |= Qt::ItemIsEditable;
    return f;
}

bool ReleaseTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !m_editable)
        return false;
    const int row = index.row();
    const QString text = value.toString().trimmed();
    switch (index.column()) {
    case Version:
        return !text.isEmpty() && m_document->setAppVersion(row, text);
    case StartType:
        if (const auto type = release::startTypeFromName(text))
            return m_document->setAppStartType(row, *type);
        return false;
    case Included: {
        QStringList names;
        for (const QString &n : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
            names << n.trimmed();
        return m_document->setAppIncluded(row, names);
    }
    default:
        return false;
    }
}

} // namespace rs::ui
