// relstudio: the desktop application.
#include "common/logging.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <spdlog/spdlog.h>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("relstudio"));
    QApplication::setApplicationDisplayName(QStringLiteral("Relstudio"));
    QApplication::setOrganizationName(QStringLiteral("Relstudio"));
    QApplication::setApplicationVersion(QStringLiteral(RELSTUDIO_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("relstudio"));

    QTranslator qtTranslator; // Qt's own strings (buttons, --help), from qt6-translations-l10n
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator; // :/i18n/relstudio_LANG.qm, embedded by translations/
    if (translator.load(QLocale(), QStringLiteral("relstudio"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Release manager for Erlang/OTP and Elixir"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption verbose(QStringLiteral("verbose"),
                                     QApplication::translate("main", "Log debug messages."));
    parser.addOption(verbose);
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main",
                                "Save a picture of the window to FILE once it has loaded, then quit."),
        QStringLiteral("FILE"));
    parser.addOption(screenshot);
    const QCommandLineOption libDir(
        QStringLiteral("lib-dir"),
        QApplication::translate("main",
                                "Also search applications in DIR/*/ebin (this session only); repeatable."),
        QStringLiteral("DIR"));
    parser.addOption(libDir);
    const QCommandLineOption compare(
        QStringLiteral("diff"),
        QCoreApplication::translate("main", "Compare two releases (directories or tarballs) given as the two "
                                            "file arguments: OLD NEW."));
    parser.addOption(compare);
    parser.addPositionalArgument(QStringLiteral("files"), QApplication::translate("main", "Files to open."),
                                 QStringLiteral("[FILE...]"));
    parser.process(app);

    rs::logging::setup(
        {.verbose = parser.isSet(verbose), .toStderr = false, .logFile = rs::logging::defaultLogFilePath()});
    spdlog::info("Relstudio {} starting", RELSTUDIO_VERSION);

    rs::ui::MainWindow window;
    QStringList libDirs;
    for (const QString &dir : parser.values(libDir))
        libDirs << QFileInfo(dir).absoluteFilePath();
    window.startWorkspace(libDirs);
    const QStringList files = parser.positionalArguments();
    if (parser.isSet(compare)) {
        if (files.size() != 2) {
            std::fprintf(stderr, "relstudio: --diff takes two releases: OLD NEW\n");
            return 2;
        }
        window.compare(QFileInfo(files[0]).absoluteFilePath(), QFileInfo(files[1]).absoluteFilePath());
    } else {
        for (const QString &file : files)
            window.openFile(file);
    }
    window.show();
    if (parser.isSet(screenshot)) {
        QTimer::singleShot(800, &window, [&] {
            const QString file = parser.value(screenshot);
            const bool saved = window.grab().save(file);
            spdlog::info("screenshot {} {}", file.toStdString(), saved ? "saved" : "failed");
            QApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
