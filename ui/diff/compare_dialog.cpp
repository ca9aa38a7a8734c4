#include "diff/compare_dialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>

namespace rs::ui {

namespace {

const QString OldSetting = QStringLiteral("diff/lastOld");
const QString NewSetting = QStringLiteral("diff/lastNew");

QString archiveFilter()
{
    return CompareDialog::tr(
        "Releases (*.tar.gz *.tgz *.tar *.tar.bz2 *.tar.xz *.tar.zst *.zip *.ez);;All files (*)");
}

} // namespace

CompareDialog::CompareDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Compare Releases"));
    auto *form = new QFormLayout;
    m_old = addRow(tr("&Old release:"), form);
    m_old->setObjectName(QStringLiteral("oldEdit"));
    m_new = addRow(tr("&New release:"), form);
    m_new->setObjectName(QStringLiteral("newEdit"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Compare"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CompareDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    resize(640, sizeHint().height());

    const QSettings settings;
    setPaths(settings.value(OldSetting).toString(), settings.value(NewSetting).toString());
}

QLineEdit *CompareDialog::addRow(const QString &label, QFormLayout *form)
{
    auto *edit = new QLineEdit(this);
    edit->setPlaceholderText(tr("A release directory or tarball"));
    edit->setClearButtonEnabled(true);
    connect(edit, &QLineEdit::textChanged, this, &CompareDialog::updateOk);
    auto *file = new QPushButton(tr("File…"), this);
    connect(file, &QPushButton::clicked, this, [this, edit] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Release Tarball"), edit->text(), archiveFilter());
        if (!path.isEmpty())
            edit->setText(path);
    });
    auto *folder = new QPushButton(tr("Folder…"), this);
    connect(folder, &QPushButton::clicked, this, [this, edit] {
        const QString path = QFileDialog::getExistingDirectory(this, tr("Release Directory"), edit->text());
        if (!path.isEmpty())
            edit->setText(path);
    });
    auto *row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(file);
    row->addWidget(folder);
    form->addRow(label, row);
    return edit;
}

QString CompareDialog::oldPath() const
{
    return m_old->text().trimmed();
}

QString CompareDialog::newPath() const
{
    return m_new->text().trimmed();
}

void CompareDialog::setPaths(const QString &oldPath, const QString &newPath)
{
    m_old->setText(oldPath);
    m_new->setText(newPath);
    updateOk();
}

void CompareDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(QFileInfo::exists(oldPath()) && QFileInfo::exists(newPath()));
}

void CompareDialog::accept()
{
    QSettings settings;
    settings.setValue(OldSetting, oldPath());
    settings.setValue(NewSetting, newPath());
    QDialog::accept();
}

} // namespace rs::ui
