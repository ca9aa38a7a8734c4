// relstudio-cli diff A B: what changed between two releases (directories or tarballs), like
// diff(1): exit 0 when they are the same, 1 when they differ, 2 on error.
#include "command.h"
#include "package_options.h"

#include "archive/archive_reader.h"
#include "diff/diff_json.h"
#include "diff/diff_text.h"
#include "diff/release_diff.h"

namespace rs::cli {

namespace {

// diff(1)'s exit status, not the other commands' 1 for failures.
enum DiffExit : int { Same = 0, Differ = 1, Trouble = 2 };

} // namespace

int runDiff(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Compares two releases, each a directory or a tarball (tar, tar.gz/bz2/xz/zst, zip), without "
        "extracting them: the release's name, version and ERTS; applications added, removed and "
        "changed; per changed application its modules (by code: a module recompiled to the same "
        "code is the same), .app keys, other files and the .appup the upgrade needs; the release "
        "files (sys.config by key path, vm.args by line, .boot and relup by instruction); and every "
        "member's type, mode and contents.\n"
        "Exit status: 0 the releases are the same, 1 they differ, 2 trouble (as diff(1))."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the report as JSON (the shape is documented in "
                                                 "core/diff/diff_json.h)."));
    const QCommandLineOption stat(QStringLiteral("stat"), QStringLiteral("Print only a summary."));
    const QCommandLineOption ignore(
        QStringLiteral("ignore"),
        QStringLiteral("Leave out members whose path (relative to the release "
                       "root) matches GLOB: * and ? within a component, ** across "
                       "components; a GLOB without / matches any component. "
                       "Repeatable."),
        QStringLiteral("GLOB"));
    const QCommandLineOption progress(QStringLiteral("progress"), QStringLiteral("Show progress on stderr."));
    parser.addOption(json);
    parser.addOption(stat);
    parser.addOption(ignore);
    parser.addOption(progress);
    parser.addPositionalArgument(QStringLiteral("OLD"),
                                 QStringLiteral("The old release: a directory or a tarball."));
    parser.addPositionalArgument(QStringLiteral("NEW"),
                                 QStringLiteral("The new release: a directory or a tarball."));
    if (const auto exit = parseArguments(parser, arguments, 2, 2))
        return *exit; // 0 for --help, 2 for bad usage: diff(1)'s codes too
    if (parser.isSet(json) && parser.isSet(stat)) {
        err() << QStringLiteral("--json and --stat exclude each other\n");
        err().flush();
        return Trouble;
    }

    diff::DiffOptions options;
    options.ignore = parser.values(ignore);
    const auto monitor = makeProgressMonitor(parser.isSet(progress));
    const QStringList paths = parser.positionalArguments();
    const auto report = diff::diffReleases(paths[0], paths[1], options, *monitor);
    if (!report) {
        printFindings({report.error()});
        return Trouble;
    }
    if (parser.isSet(json)) {
        out() << QString::fromUtf8(diff::toJsonText(*report));
    } else {
        out() << (parser.isSet(stat) ? diff::statText(*report) : diff::releaseNote(*report));
        out().flush();
        printFindings(report->warnings);
    }
    out().flush();
    return report->same() ? Same : Differ;
}

} // namespace rs::cli
