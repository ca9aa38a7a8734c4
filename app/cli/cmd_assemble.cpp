// relstudio-cli assemble REL --out DIR: a bootable target directory (bin/NAME, releases/, lib/).
#include "command.h"
#include "package_options.h"

#include "package/package_writer.h"

namespace rs::cli {

int runAssemble(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lays out a bootable target directory, as `mix release` and relx do: bin/NAME (foreground, "
        "daemon, stop, remote, eval, version, upgrade), releases/RELEASES, releases/start_erl.data, "
        "releases/VSN/{NAME.rel,start.boot,sys.config,vm.args,relup}, lib/ and optionally the ERTS. "
        "DIR must not exist or be empty; a failed assemble leaves nothing."));
    PackageOptions options;
    options.addTo(parser);
    const QCommandLineOption outDir(QStringLiteral("out"), QStringLiteral("The target directory (required)."),
                                    QStringLiteral("DIR"));
    parser.addOption(outDir);
    parser.addPositionalArgument(QStringLiteral("REL"), QStringLiteral("The .rel file."));
    if (const auto exit = parseArguments(parser, arguments, 1, 1))
        return *exit;
    if (!parser.isSet(outDir)) {
        err() << QStringLiteral("assemble needs --out DIR\n");
        return UsageError;
    }
    const auto prepared = preparePackage(parser, options, parser.positionalArguments().constFirst());
    if (!prepared)
        return Failure;
    const auto monitor = makeProgressMonitor(parser.isSet(options.progress));
    const auto written = package::writeDirectory(prepared->members, parser.value(outDir), *monitor);
    if (!written) {
        printFindings({written.error()});
        return Failure;
    }
    out() << QStringLiteral("assembled %1 %2 in %3 (%4 files, %5 MB)\n")
                 .arg(prepared->release.rel.name, prepared->release.rel.vsn, parser.value(outDir))
                 .arg(written->files)
                 .arg(double(written->bytes) / 1e6, 0, 'f', 1);
    out().flush();
    return Success;
}

} // namespace rs::cli
