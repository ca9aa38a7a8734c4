#pragma once

#include "common/finding.h"

#include <QDockWidget>
#include <QHash>
#include <QStringList>

class QSortFilterProxyModel;
class QStandardItemModel;
class QTreeView;

namespace rs::ui {

// Errors and warnings of everything open, one group per source (a document, a validation run):
// each source replaces only its own findings. Double-click or Enter activates a finding.
class ProblemsDock : public QDockWidget
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, MessageColumn, FileColumn, LocationColumn, ColumnCount };

    explicit ProblemsDock(QWidget *parent = nullptr);

    void setFindings(const QString &sourceKey, const rs::Findings &findings);
    void clearSource(const QString &sourceKey) { setFindings(sourceKey, {}); }
    void clearAll();

    rs::Findings findings(const QString &sourceKey) const { return m_findings.value(sourceKey); }
    int count(rs::Severity severity) const;

signals:
    void activated(const rs::Finding &finding);

private:
    void removeRows(const QString &sourceKey);
    void appendRows(const QString &sourceKey, const rs::Findings &findings);
    void updateTitle();
    void activate(const QModelIndex &index);

    QTreeView *m_view = nullptr;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QHash<QString, rs::Findings> m_findings;
};

} // namespace rs::ui
