#include "add_application_dialog.h"

#include "release/release_builder.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace rs::ui {

AddApplicationDialog::AddApplicationDialog(std::shared_ptr<const WorkspaceSnapshot> snapshot,
                                           const QStringList &present, QWidget *parent)
    : QDialog(parent), m_snapshot(std::move(snapshot)), m_present(present), m_filter(new QLineEdit(this)),
      m_model(new QStandardItemModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_view(new QTreeView(this)),
      m_withDependencies(new QCheckBox(tr("Add the applications they need too"), this)),
      m_summary(new QLabel(this))
{
    setWindowTitle(tr("Add Applications"));
    m_filter->setPlaceholderText(tr("Search by name or description"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("applicationFilter"));
    m_model->setHorizontalHeaderLabels({tr("Application"), tr("Newest version"), tr("Description")});
    for (const QString &name : m_snapshot->index.names()) {
        if (present.contains(name))
            continue;
        const release::AppSpec *spec = m_snapshot->index.newest(name);
        if (!spec)
            continue;
        QList<QStandardItem *> row = {new QStandardItem(name), new QStandardItem(spec->vsn),
                                      new QStandardItem(spec->description)};
        for (QStandardItem *item : row) {
            item->setEditable(false);
            item->setToolTip(spec->appFile);
        }
        m_model->appendRow(row);
    }
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_view->setModel(m_proxy);
    m_view->setObjectName(QStringLiteral("applicationList"));
    m_view->setRootIsDecorated(false);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_view->setColumnWidth(0, 180);
    m_withDependencies->setChecked(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view, &QTreeView::doubleClicked, this, &QDialog::accept);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AddApplicationDialog::updateSummary);
    connect(m_withDependencies, &QCheckBox::toggled, this, &AddApplicationDialog::updateSummary);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    layout->addWidget(m_withDependencies);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(720, 480);
    updateSummary();
}

std::vector<release::RelApp> AddApplicationDialog::selectedApplications(QString *error) const
{
    QStringList roots;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows())
        roots << i.data().toString();
    if (!m_withDependencies->isChecked()) {
        std::vector<release::RelApp> apps;
        for (const QString &name : std::as_const(roots)) {
            release::RelApp app;
            app.name = name;
            app.vsn = m_snapshot->index.newest(name)->vsn;
            apps.push_back(app);
        }
        return apps;
    }
    auto apps = release::dependencyClosure(roots, m_snapshot->index, m_present);
    if (!apps) {
        *error = apps.error().message;
        return {};
    }
    return std::move(apps).value();
}

void AddApplicationDialog::updateSummary()
{
    QString error;
    const auto apps = selectedApplications(&error);
    QStringList names;
    for (const auto &a : apps)
        names << a.name;
    m_summary->setText(!error.isEmpty()  ? error
                       : names.isEmpty() ? tr("Select one or more applications.")
                                         : tr("Adds: %1").arg(names.join(QStringLiteral(", "))));
}

} // namespace rs::ui
