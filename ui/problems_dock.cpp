#include "problems_dock.h"

#include <QAction>
#include <QFileInfo>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStyle>
#include <QTreeView>

#include <algorithm>

namespace rs::ui {

namespace {

enum Role { SourceRole = Qt::UserRole + 1, IndexRole, SortRole };

QString locationText(const rs::SourceLocation &location)
{
    if (location.line <= 0)
        return {};
    return location.column > 0 ? QStringLiteral("%1:%2").arg(location.line).arg(location.column)
                               : QString::number(location.line);
}

// Sorts as line, then column, by comparing strings.
QString locationKey(const rs::SourceLocation &location)
{
    return QStringLiteral("%1:%2")
        .arg(location.line, 9, 10, QLatin1Char('0'))
        .arg(location.column, 9, 10, QLatin1Char('0'));
}

QStandardItem *item(const QString &text, const QString &sortKey, const QString &toolTip = {})
{
    auto *it = new QStandardItem(text);
    it->setEditable(false);
    it->setData(sortKey, SortRole);
    if (!toolTip.isEmpty())
        it->setToolTip(toolTip);
    return it;
}

} // namespace

ProblemsDock::ProblemsDock(QWidget *parent)
    : QDockWidget(parent), m_view(new QTreeView), m_model(new QStandardItemModel(0, ColumnCount, this)),
      m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("problemsDock"));
    m_model->setHorizontalHeaderLabels({tr("Severity"), tr("Message"), tr("File"), tr("Line")});
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_view->setObjectName(QStringLiteral("problemsView"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(SeverityColumn, Qt::AscendingOrder);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(SeverityColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(MessageColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(FileColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LocationColumn, QHeaderView::ResizeToContents);
    // activated() is the platform's gesture: double-click (or single click where the style says so)
    // and Enter.
    connect(m_view, &QTreeView::activated, this, &ProblemsDock::activate);

    setWidget(m_view);
    updateTitle();
}

void ProblemsDock::setFindings(const QString &sourceKey, const rs::Findings &findings)
{
    removeRows(sourceKey);
    if (findings.isEmpty())
        m_findings.remove(sourceKey);
    else
        m_findings.insert(sourceKey, findings);
    appendRows(sourceKey, findings);
    updateTitle();
}

void ProblemsDock::clearAll()
{
    m_findings.clear();
    m_model->removeRows(0, m_model->rowCount());
    updateTitle();
}

int ProblemsDock::count(rs::Severity severity) const
{
    int n = 0;
    for (const rs::Findings &findings : m_findings) {
        n += int(std::count_if(findings.begin(), findings.end(),
                               [severity](const rs::Finding &f) { return f.severity == severity; }));
    }
    return n;
}

void ProblemsDock::removeRows(const QString &sourceKey)
{
    for (int row = m_model->rowCount() - 1; row >= 0; --row) {
        if (m_model->item(row, SeverityColumn)->data(SourceRole).toString() == sourceKey)
            m_model->removeRow(row);
    }
}

void ProblemsDock::appendRows(const QString &sourceKey, const rs::Findings &findings)
{
    for (int i = 0; i < findings.size(); ++i) {
        const rs::Finding &finding = findings.at(i);
        const rs::SourceLocation &where = finding.location;
        const QString locationSort = locationKey(where);

        QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
        QString severityText = tr("Info");
        if (finding.severity == rs::Severity::Error) {
            icon = QStyle::SP_MessageBoxCritical;
            severityText = tr("Error");
        } else if (finding.severity == rs::Severity::Warning) {
            icon = QStyle::SP_MessageBoxWarning;
            severityText = tr("Warning");
        }
        // Errors first, then by place.
        QStandardItem *severity =
            item(severityText, QString::number(int(finding.severity)) + where.file + locationSort);
        severity->setIcon(style()->standardIcon(icon));
        severity->setData(sourceKey, SourceRole);
        severity->setData(i, IndexRole);

        m_model->appendRow({
            severity,
            item(finding.message, finding.message, finding.message),
            item(QFileInfo(where.file).fileName(), where.file + locationSort, where.file),
            item(locationText(where), locationSort + where.file),
        });
    }
}

void ProblemsDock::updateTitle()
{
    // Singular and plural are separate messages so that English reads right without a
    // translation; translators still get numerus forms for both.
    auto counted = [](int n, const char *one, const char *many) {
        return tr(n == 1 ? one : many, nullptr, n);
    };
    QStringList parts;
    if (const int errors = count(rs::Severity::Error))
        parts.append(counted(errors, QT_TR_N_NOOP("%n error"), QT_TR_N_NOOP("%n errors")));
    if (const int warnings = count(rs::Severity::Warning))
        parts.append(counted(warnings, QT_TR_N_NOOP("%n warning"), QT_TR_N_NOOP("%n warnings")));
    if (const int infos = count(rs::Severity::Info))
        parts.append(counted(infos, QT_TR_N_NOOP("%n info message"), QT_TR_N_NOOP("%n info messages")));
    setWindowTitle(parts.isEmpty() ? tr("Problems")
                                   : tr("Problems (%1)").arg(parts.join(QStringLiteral(", "))));
    // The View menu entry keeps the plain name.
    toggleViewAction()->setText(tr("Problems"));
}

void ProblemsDock::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QModelIndex source = m_proxy->mapToSource(index.siblingAtColumn(SeverityColumn));
    const QStandardItem *it = m_model->itemFromIndex(source);
    const rs::Findings findings = m_findings.value(it->data(SourceRole).toString());
    const int i = it->data(IndexRole).toInt();
    if (i >= 0 && i < findings.size())
        emit activated(findings.at(i));
}

} // namespace rs::ui
