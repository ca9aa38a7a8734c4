#include "appup_view.h"

#include "code_editor.h"
#include "common/atomic_file.h"
#include "erlang_highlighter.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace rs::ui {

AppupView::AppupView(const release::ReleaseSpec &release, Workspace *workspace, QWidget *parent)
    : QWidget(parent), m_release(release), m_workspace(workspace), m_app(new QComboBox(this)),
      m_from(new QComboBox(this)), m_to(new QComboBox(this)), m_appup(new CodeEditor(this)),
      m_relup(new CodeEditor(this)), m_status(new QLabel(this))
{
    m_app->setObjectName(QStringLiteral("appupApplication"));
    m_from->setObjectName(QStringLiteral("appupFrom"));
    m_to->setObjectName(QStringLiteral("appupTo"));
    m_appup->setObjectName(QStringLiteral("appupEditor"));
    m_relup->setObjectName(QStringLiteral("relupPreview"));
    m_relup->setReadOnly(true);
    new ErlangHighlighter(m_appup->document());
    new ErlangHighlighter(m_relup->document());
    m_status->setWordWrap(true);

    auto *generateButton = new QPushButton(tr("&Generate Appup"), this);
    auto *saveButton = new QPushButton(tr("&Save Appup…"), this);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Application:"), this));
    row->addWidget(m_app, 2);
    row->addWidget(new QLabel(tr("from"), this));
    row->addWidget(m_from, 1);
    row->addWidget(new QLabel(tr("to"), this));
    row->addWidget(m_to, 1);
    row->addWidget(generateButton);
    row->addWidget(saveButton);

    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Appup (editable)"), left));
    leftLayout->addWidget(m_appup);
    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(tr("relup of the release (identical to systools:make_relup)"), right));
    rightLayout->addWidget(m_relup);
    split->addWidget(left);
    split->addWidget(right);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &AppupView::startPreview);
    connect(m_appup, &QPlainTextEdit::textChanged, this, [this] {
        m_stale = m_preview.isRunning();
        m_debounce.start();
    });
    connect(&m_preview, &QFutureWatcher<upgrade::UpgradePreview>::finished, this, [this] {
        if (m_stale) {
            startPreview();
            return;
        }
        const upgrade::UpgradePreview preview = m_preview.result();
        m_findings = preview.findings;
        Findings here;
        for (const Finding &f : m_findings) {
            if (f.location.file == appupFileName())
                here << f;
        }
        m_appup->setMarkers(here);
        m_relup->setEnabled(!preview.relupText.isEmpty());
        if (!preview.relupText.isEmpty())
            m_relup->setPlainText(QString::fromUtf8(preview.relupText));
        // Singular and plural apart, so that English reads right without a translation.
        const int n = int(m_findings.size());
        m_status->setText(preview.relupText.isEmpty()
                              ? (n == 1 ? tr("<b>No relup</b>: 1 problem, see Problems.")
                                        : tr("<b>No relup</b>: %n problems, see Problems.", nullptr, n))
                          : n == 0 ? tr("No findings: the appup covers every changed module.")
                          : n == 1 ? tr("1 finding, see Problems.")
                                   : tr("%n findings, see Problems.", nullptr, n));
        emit findingsChanged(m_findings);
        emit relupUpdated();
    });
    connect(m_app, &QComboBox::currentTextChanged, this, &AppupView::fillVersions);
    connect(generateButton, &QPushButton::clicked, this, &AppupView::generate);
    connect(saveButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Appup"), appupFileName(),
                                                          tr("Appup files (*.appup)"));
        QString error;
        if (!path.isEmpty() && !saveAppup(path, &error))
            QMessageBox::warning(this, tr("Cannot save"), error);
    });
    connect(workspace, &Workspace::scanned, this, &AppupView::fillApplications);
    fillApplications();
}

// The applications of the release that exist in more than one version.
void AppupView::fillApplications()
{
    const QString current = m_app->currentText();
    const QSignalBlocker block(m_app);
    m_app->clear();
    for (const release::RelApp &a : m_release.apps) {
        if (m_workspace->snapshot()->index.versionsOf(a.name).size() > 1)
            m_app->addItem(a.name);
    }
    if (m_app->count() == 0)
        m_status->setText(tr("No application of this release has another version in the lib dirs: add the "
                             "directory of the other version in Settings."));
    const int i = m_app->findText(current);
    m_app->setCurrentIndex(i >= 0 ? i : 0);
    fillVersions();
}

void AppupView::fillVersions()
{
    QStringList versions;
    for (const release::AppSpec *spec : m_workspace->snapshot()->index.versionsOf(m_app->currentText()))
        versions << spec->vsn;
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return release::compareVersions(a, b) < 0; });
    m_from->clear();
    m_to->clear();
    m_from->addItems(versions);
    m_to->addItems(versions);
    const release::RelApp *inRelease = m_release.app(m_app->currentText());
    const int current = inRelease ? int(versions.indexOf(inRelease->vsn)) : -1;
    if (versions.size() >= 2) {
        m_to->setCurrentIndex(current >= 1 ? current : int(versions.size()) - 1);
        m_from->setCurrentIndex(m_to->currentIndex() - 1);
    }
}

bool AppupView::choose(const QString &app, const QString &fromVsn, const QString &toVsn)
{
    const int a = m_app->findText(app);
    if (a < 0)
        return false;
    m_app->setCurrentIndex(a);
    const int f = m_from->findText(fromVsn);
    const int t = m_to->findText(toVsn);
    if (f < 0 || t < 0)
        return false;
    m_from->setCurrentIndex(f);
    m_to->setCurrentIndex(t);
    generate();
    return true;
}

void AppupView::generate()
{
    const upgrade::GeneratedText generated = upgrade::generateAppupText(
        m_workspace->snapshot()->index, m_app->currentText(), m_from->currentText(), m_to->currentText());
    if (generated.appupText.isEmpty()) {
        m_findings = generated.findings;
        m_status->setText(tr("<b>Cannot generate</b>: %1")
                              .arg(generated.findings.isEmpty()
                                       ? QString()
                                       : generated.findings.constFirst().toString().toHtmlEscaped()));
        emit findingsChanged(m_findings);
        return;
    }
    m_appup->setPlainText(QString::fromUtf8(generated.appupText)); // starts the preview
}

QString AppupView::appupFileName() const
{
    return m_app->currentText() + QStringLiteral(".appup");
}

void AppupView::startPreview()
{
    if (m_preview.isRunning()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    m_status->setText(tr("Generating the relup…"));
    const auto snapshot = m_workspace->snapshot();
    const release::ReleaseSpec rel = m_release;
    const QString app = m_app->currentText();
    const QString from = m_from->currentText();
    const QString to = m_to->currentText();
    const QByteArray text = m_appup->toPlainText().toUtf8();
    const QString file = appupFileName();
    m_preview.setFuture(QtConcurrent::run([=] {
        return upgrade::previewUpgrade(rel, snapshot->index, snapshot->otp ? &*snapshot->otp : nullptr, app,
                                       from, to, text, file);
    }));
}

bool AppupView::saveAppup(const QString &path, QString *error)
{
    const auto written = writeFileAtomically(path, m_appup->toPlainText().toUtf8());
    if (!written)
        *error = written.error().toString();
    return written.hasValue();
}

} // namespace rs::ui
