#include "mainwindow.h"

#include "term/pretty.h"
#include "term/reader.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QStatusBar>

#include <spdlog/spdlog.h>

namespace rs::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_view(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Relstudio"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/relstudio.svg")));
    m_view->setReadOnly(true);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setPlaceholderText(
        tr("Open a release file (.rel, .app, .script, sys.config …) with File ▸ Open."));
    setCentralWidget(m_view);
    createActions();
    statusBar()->showMessage(tr("Ready"));
    resize(1000, 700);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Relstudio"), this, &MainWindow::showAbout);
}

void MainWindow::showOpenDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a release file"), QString(),
        tr("Erlang term files (*.rel *.app *.appup *.script *.config relup RELEASES);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::openFile(const QString &path)
{
    const auto terms = term::consultFile(path);
    if (!terms) {
        spdlog::warn("{}", terms.error().toString().toStdString());
        QMessageBox::warning(this, tr("Cannot open %1").arg(QFileInfo(path).fileName()),
                             terms.error().toString());
        return false;
    }
    QString text;
    for (const term::Term &t : *terms)
        text += term::prettyTerm(t) + QStringLiteral(".\n");
    m_view->setPlainText(text);
    setWindowTitle(tr("%1 — Relstudio").arg(QFileInfo(path).fileName()));
    statusBar()->showMessage(tr("%n term(s) read from %1", nullptr, int(terms->size())).arg(path));
    spdlog::info("opened {}", path.toStdString());
    return true;
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Relstudio"),
                       tr("<h3>Relstudio %1</h3><p>A release manager for Erlang/OTP and Elixir.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace rs::ui
