#include "build_dialog.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QUrl>
#include <QVBoxLayout>

namespace rs::ui {

namespace {

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / 1e6, 'f', 1);
}

QString existingSibling(const QString &relFile, const QString &name)
{
    const QString path = QFileInfo(relFile).absoluteDir().filePath(name);
    return QFileInfo::exists(path) ? path : QString();
}

} // namespace

BuildDialog::BuildDialog(const QString &relFile, std::shared_ptr<const WorkspaceSnapshot> snapshot,
                         QWidget *parent)
    : QDialog(parent), m_relFile(relFile), m_snapshot(std::move(snapshot)),
      m_tarball(new QRadioButton(tr("Release &tarball (.tar.gz)"), this)),
      m_directory(new QRadioButton(tr("Bootable target &directory"), this)), m_output(new QLineEdit(this)),
      m_sysConfig(new QLineEdit(existingSibling(relFile, QStringLiteral("sys.config")), this)),
      m_vmArgs(new QLineEdit(existingSibling(relFile, QStringLiteral("vm.args")), this)),
      m_relup(new QLineEdit(this)),
      m_includeErts(new QCheckBox(tr("Include the &ERTS of the OTP in use"), this)),
      m_reproducible(new QCheckBox(tr("&Reproducible (every file dated 1970-01-01)"), this)),
      m_bar(new QProgressBar(this)), m_current(new QLabel(this)), m_status(new QLabel(this)),
      m_build(new QPushButton(tr("&Build"), this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_inspect(new QPushButton(tr("&Inspect"), this)),
      m_showFolder(new QPushButton(tr("Show in &Folder"), this))
{
    setWindowTitle(tr("Build Release — %1").arg(QFileInfo(relFile).fileName()));
    m_output->setObjectName(QStringLiteral("buildOutput"));
    m_sysConfig->setObjectName(QStringLiteral("buildSysConfig"));
    m_bar->setObjectName(QStringLiteral("buildProgress"));
    m_status->setObjectName(QStringLiteral("buildStatus"));
    m_build->setObjectName(QStringLiteral("buildButton"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_inspect->setObjectName(QStringLiteral("inspectButton"));
    m_tarball->setChecked(true);
    m_relup->setPlaceholderText(tr("optional"));
    const QFileInfo rel(relFile);
    setOutput(rel.absoluteDir().filePath(rel.completeBaseName() + QStringLiteral(".tar.gz")));
    connect(m_tarball, &QRadioButton::toggled, this, [this, rel](bool tarball) {
        setOutput(rel.absoluteDir().filePath(
            rel.completeBaseName() + (tarball ? QStringLiteral(".tar.gz") : QStringLiteral("-target"))));
    });

    auto *form = new QFormLayout;
    auto *kind = new QVBoxLayout;
    kind->addWidget(m_tarball);
    kind->addWidget(m_directory);
    form->addRow(tr("Build:"), kind);
    form->addRow(tr("&Output:"), createFileRow(m_output, tr("Tarballs (*.tar.gz)"), false));
    form->addRow(tr("&sys.config:"), createFileRow(m_sysConfig, tr("Config (*.config)"), false));
    form->addRow(tr("&vm.args:"), createFileRow(m_vmArgs, tr("All files (*)"), false));
    form->addRow(tr("re&lup:"), createFileRow(m_relup, tr("All files (*)"), false));
    form->addRow(QString(), m_includeErts);
    form->addRow(QString(), m_reproducible);

    m_bar->setRange(0, 1000);
    m_bar->setValue(0);
    m_current->setWordWrap(true);
    m_status->setWordWrap(true);
    m_inspect->setVisible(false);
    m_showFolder->setVisible(false);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_inspect, QDialogButtonBox::ActionRole);
    buttons->addButton(m_showFolder, QDialogButtonBox::ActionRole);
    buttons->addButton(m_build, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    m_build->setDefault(true);
    connect(m_build, &QPushButton::clicked, this, &BuildDialog::startBuild);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_job && m_job->isRunning())
            cancelBuild();
        else
            reject();
    });
    connect(m_inspect, &QPushButton::clicked, this, [this] { emit inspectRequested(m_output->text()); });
    connect(m_showFolder, &QPushButton::clicked, this, [this] {
        const QFileInfo out(m_output->text());
        QDesktopServices::openUrl(
            QUrl::fromLocalFile(out.isDir() ? out.absoluteFilePath() : out.absolutePath()));
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_bar);
    layout->addWidget(m_current);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(640, 420);
}

QWidget *BuildDialog::createFileRow(QLineEdit *edit, const QString &filter, bool directory)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *browse = new QPushButton(tr("Browse…"), row);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this, edit, filter, directory] {
        const QString path = directory || (edit == m_output && m_directory->isChecked())
                                 ? QFileDialog::getExistingDirectory(this, tr("Choose"), edit->text())
                             : edit == m_output
                                 ? QFileDialog::getSaveFileName(this, tr("Choose"), edit->text(), filter)
                                 : QFileDialog::getOpenFileName(this, tr("Choose"), edit->text(), filter);
        if (!path.isEmpty())
            edit->setText(path);
    });
    return row;
}

void BuildDialog::setOutput(const QString &path)
{
    m_output->setText(path);
}

void BuildDialog::setTarget(BuildTarget target)
{
    (target == BuildTarget::Tarball ? m_tarball : m_directory)->setChecked(true);
}

void BuildDialog::startBuild()
{
    package::BuildRequest request;
    request.relFile = m_relFile;
    request.sysConfig = m_sysConfig->text().trimmed();
    request.vmArgs = m_vmArgs->text().trimmed();
    request.relup = m_relup->text().trimmed();
    request.includeErts = m_includeErts->isChecked();
    const BuildTarget target = m_tarball->isChecked() ? BuildTarget::Tarball : BuildTarget::Directory;
    delete m_job;
    m_job =
        new BuildJob(request, target, m_output->text().trimmed(),
                     m_reproducible->isChecked() ? std::optional<qint64>(0) : std::nullopt, m_snapshot, this);
    connect(m_job, &BuildJob::progress, this, &BuildDialog::showProgress);
    connect(m_job, &BuildJob::finished, this, &BuildDialog::showResult);
    setRunning(true);
    m_status->setText(tr("Resolving the release…"));
    m_clock.start();
    m_job->start();
    emit buildStarted(m_job, tr("Build %1").arg(QFileInfo(m_output->text()).fileName()));
}

void BuildDialog::cancelBuild()
{
    if (!m_job)
        return;
    m_job->cancel();
    m_status->setText(tr("Cancelling…"));
}

void BuildDialog::setRunning(bool running)
{
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_tarball, m_directory, m_output, m_sysConfig, m_vmArgs, m_relup,
                                          m_includeErts, m_reproducible, m_build})
        w->setEnabled(!running);
    m_cancel->setText(running ? tr("Cancel") : tr("Close"));
    if (running) {
        m_inspect->setVisible(false);
        m_showFolder->setVisible(false);
        m_bar->setValue(0);
    }
}

void BuildDialog::showProgress(qint64 done, qint64 total, const QString &current)
{
    if (total > 0)
        m_bar->setValue(int(1000 * done / total));
    m_current->setText(current);
    const qint64 elapsed = m_clock.elapsed();
    QString left;
    if (done > 0 && total > done && elapsed > 500)
        left = tr(", about %n s left", nullptr, int((elapsed * (total - done) / done + 999) / 1000));
    m_status->setText(tr("%1 of %2 MB%3").arg(megabytes(done), megabytes(total), left));
}

void BuildDialog::showResult(const BuildJobResult &result)
{
    setRunning(false);
    QStringList errors;
    for (const Finding &f : result.findings) {
        if (f.isError())
            errors << f.toString().toHtmlEscaped();
    }
    if (result.ok) {
        m_bar->setValue(1000);
        m_current->clear();
        m_status->setText(tr("Built %1: %2 files, %3 MB in %4 s.")
                              .arg(QDir::toNativeSeparators(result.output))
                              .arg(result.files)
                              .arg(megabytes(result.bytes))
                              .arg(double(m_clock.elapsed()) / 1000, 0, 'f', 1));
        m_inspect->setVisible(true);
        m_showFolder->setVisible(true);
    } else if (result.cancelled) {
        m_bar->setValue(0);
        m_status->setText(tr("Cancelled: nothing was written."));
    } else {
        m_bar->setValue(0);
        m_status->setText(tr("<b>The build failed</b>; nothing was written.<br>%1")
                              .arg(errors.mid(0, 5).join(QStringLiteral("<br>"))));
    }
    emit buildFinished(result.ok);
}

} // namespace rs::ui
