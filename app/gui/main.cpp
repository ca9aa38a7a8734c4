// relstudio: the desktop application.
#include "common/logging.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

#include <spdlog/spdlog.h>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("relstudio"));
    QApplication::setApplicationDisplayName(QStringLiteral("Relstudio"));
    QApplication::setOrganizationName(QStringLiteral("Relstudio"));
    QApplication::setApplicationVersion(QStringLiteral(RELSTUDIO_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("relstudio"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Release manager for Erlang/OTP and Elixir"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption verbose({QStringLiteral("v"), QStringLiteral("verbose")},
                                     QApplication::translate("main", "Log debug messages."));
    parser.addOption(verbose);
    parser.addPositionalArgument(QStringLiteral("files"), QApplication::translate("main", "Files to open."),
                                 QStringLiteral("[FILE...]"));
    parser.process(app);

    rs::logging::setup({.verbose = parser.isSet(verbose), .toStderr = false,
                        .logFile = rs::logging::defaultLogFilePath()});
    spdlog::info("Relstudio {} starting", RELSTUDIO_VERSION);

    rs::ui::MainWindow window;
    for (const QString &file : parser.positionalArguments())
        window.openFile(file);
    window.show();
    return app.exec();
}
