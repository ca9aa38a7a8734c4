// relstudio-cli tar REL: the release tarball, laid out as systools:make_tar does.
#include "command.h"
#include "package_options.h"

#include "archive/tar_writer.h"
#include "package/package_writer.h"

#include <QDir>
#include <QFileInfo>

namespace rs::cli {

int runTar(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Builds the release tarball: lib/APP-VSN/{ebin,priv}, releases/NAME.rel, "
        "releases/VSN/{NAME.rel,start.boot,sys.config,vm.args,relup}, optional erts-VSN, and the "
        "target files of `assemble` (bin/NAME, RELEASES, start_erl.data), so that "
        "release_handler:unpack_release/1 installs it and unpacking it anywhere gives a bootable "
        "release. gzip is compressed on every core. A failed or cancelled build leaves no file."));
    PackageOptions options;
    options.addTo(parser);
    const QCommandLineOption outFile(
        QStringLiteral("out"), QStringLiteral("The tarball (default: REL's name with .tar.gz, next to REL)."),
        QStringLiteral("FILE"));
    const QCommandLineOption mtime(
        QStringLiteral("mtime"),
        QStringLiteral("Give every member this modification time (seconds since 1970) "
                       "for a reproducible tarball; SOURCE_DATE_EPOCH does the same."),
        QStringLiteral("SECONDS"));
    parser.addOption(outFile);
    parser.addOption(mtime);
    parser.addPositionalArgument(QStringLiteral("REL"), QStringLiteral("The .rel file."));
    if (const auto exit = parseArguments(parser, arguments, 1, 1))
        return *exit;

    archive::TarOptions tarOptions;
    const QString epoch =
        parser.isSet(mtime) ? parser.value(mtime) : qEnvironmentVariable("SOURCE_DATE_EPOCH");
    if (!epoch.isEmpty()) {
        bool ok = false;
        tarOptions.fixedMtime = epoch.toLongLong(&ok);
        if (!ok || *tarOptions.fixedMtime < 0) {
            err() << QStringLiteral("--mtime takes a number of seconds, not '%1'\n").arg(epoch);
            return UsageError;
        }
    }
    const QString relPath = parser.positionalArguments().constFirst();
    const auto prepared = preparePackage(parser, options, relPath);
    if (!prepared)
        return Failure;
    // release_handler:unpack_release(Name) reads releases/Name.tar.gz and looks inside for
    // releases/Name.rel: the tarball is named after the .rel file, as make_tar names it.
    const QFileInfo rel(relPath);
    const QString tarPath =
        parser.isSet(outFile)
            ? parser.value(outFile)
            : rel.absoluteDir().filePath(rel.completeBaseName() + QStringLiteral(".tar.gz"));
    const auto monitor = makeProgressMonitor(parser.isSet(options.progress));
    const auto written = package::writeTarball(prepared->members, tarPath, tarOptions, *monitor);
    if (!written) {
        printFindings({written.error()});
        return Failure;
    }
    out() << QStringLiteral("wrote %1 (%2 files, %3 MB before compression)\n")
                 .arg(tarPath)
                 .arg(written->files)
                 .arg(double(written->bytes) / 1e6, 0, 'f', 1);
    out().flush();
    return Success;
}

} // namespace rs::cli
