// relstudio-cli appup --from OLD_APP_DIR --to NEW_APP_DIR: the .appup between two versions.
#include "command.h"

#include "common/atomic_file.h"
#include "upgrade/appup_generator.h"

namespace rs::cli {

int runAppup(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Generates the .appup between two versions of an application from their .beam files: "
        "add_module and delete_module for added and deleted modules; for modules whose code changed "
        "(rebuilds without source changes do not count), {update, M, supervisor} for supervisors, "
        "{update, M, {advanced, []}} for modules exporting code_change/3,4 or system_code_change/4, "
        "load_module otherwise; DepMods from the calls among them, dependencies first; the down "
        "instructions are the up ones inverted, in reverse order."));
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("The old version: an application directory (with "
                                                 "ebin/NAME.app) or its ebin directory."),
                                  QStringLiteral("OLD_APP_DIR"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("The new version, likewise."),
                                QStringLiteral("NEW_APP_DIR"));
    const QCommandLineOption outFile(QStringLiteral("out"),
                                     QStringLiteral("Write the .appup to FILE (default: standard output)."),
                                     QStringLiteral("FILE"));
    for (const auto *o : {&from, &to, &outFile})
        parser.addOption(*o);
    if (const auto exit = parseArguments(parser, arguments, 0, 0))
        return *exit;
    if (!parser.isSet(from) || !parser.isSet(to)) {
        err() << QStringLiteral("appup needs --from OLD_APP_DIR and --to NEW_APP_DIR\n");
        err().flush();
        return UsageError;
    }

    const auto generated = upgrade::generateAppup(parser.value(from), parser.value(to));
    if (!generated) {
        printFindings({generated.error()});
        return Failure;
    }
    printFindings(generated->findings);
    const QByteArray text = generated->text();
    if (!parser.isSet(outFile)) {
        QTextStream &stream = out();
        stream << QString::fromUtf8(text);
        stream.flush();
        return Success;
    }
    const auto written = writeFileAtomically(parser.value(outFile), text);
    if (!written) {
        printFindings({written.error()});
        return Failure;
    }
    const upgrade::ModuleDiff &diff = generated->diff;
    out() << QStringLiteral("wrote %1 (%2 %3 -> %4: %5 added, %6 changed, %7 deleted)\n")
                 .arg(parser.value(outFile), generated->application, generated->fromVsn, generated->toVsn)
                 .arg(diff.added.size())
                 .arg(diff.changed.size())
                 .arg(diff.deleted.size());
    out().flush();
    return Success;
}

} // namespace rs::cli
