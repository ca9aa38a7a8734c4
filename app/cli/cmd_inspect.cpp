// relstudio-cli inspect TARBALL|DIR: what is inside a release, without extracting it.
#include "command.h"
#include "release_options.h"

#include "package/inspect.h"
#include "term/pretty.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rs::cli {

namespace {

QString typeName(archive::EntryType type)
{
    switch (type) {
    case archive::EntryType::File:
        return QStringLiteral("file");
    case archive::EntryType::Directory:
        return QStringLiteral("directory");
    case archive::EntryType::Symlink:
        return QStringLiteral("symlink");
    case archive::EntryType::Hardlink:
        return QStringLiteral("hardlink");
    case archive::EntryType::Other:
        return QStringLiteral("other");
    }
    return {};
}

QJsonObject toJson(const package::InspectReport &r)
{
    QJsonArray apps;
    for (const auto &a : r.apps)
        apps.append(QJsonObject{{QStringLiteral("name"), a.name},
                                {QStringLiteral("vsn"), a.vsn},
                                {QStringLiteral("bytes"), a.bytes},
                                {QStringLiteral("modules"), a.modules}});
    QJsonArray entries;
    for (const auto &e : r.entries)
        entries.append(QJsonObject{{QStringLiteral("path"), e.path},
                                   {QStringLiteral("type"), typeName(e.type)},
                                   {QStringLiteral("size"), e.size},
                                   {QStringLiteral("mode"), QString::number(e.mode, 8)}});
    return QJsonObject{
        {QStringLiteral("source"), r.source},
        {QStringLiteral("format"), r.format},
        {QStringLiteral("release"), QJsonObject{{QStringLiteral("name"), r.relName},
                                                {QStringLiteral("vsn"), r.relVsn},
                                                {QStringLiteral("erts"), r.ertsVsn}}},
        {QStringLiteral("applications"), apps},
        {QStringLiteral("entries"), entries},
        {QStringLiteral("boot"), r.boot ? term::prettyTerm(*r.boot) : QString()},
        {QStringLiteral("relup_up_from"), QJsonArray::fromStringList(r.relupUpFrom)},
        {QStringLiteral("relup_down_to"), QJsonArray::fromStringList(r.relupDownTo)},
        {QStringLiteral("warnings"), QJsonDocument::fromJson(findingsToJson(r.warnings)).array()},
    };
}

void printText(const package::InspectReport &r)
{
    out() << package::inspectReportText(r);
    out().flush();
    printFindings(r.warnings);
}

} // namespace

int runInspect(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Shows what a release tarball (tar, tar.gz/bz2/xz/zst, zip/.ez) or directory holds, without "
        "extracting it: the release, its applications with sizes and module counts, every entry, "
        "the decoded start.boot, the relup's versions, and warnings."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the report as JSON."));
    const QCommandLineOption otpRoot(
        QStringLiteral("otp-root"),
        QStringLiteral("Compare the release's ERTS with this OTP's (default: erl on "
                       "PATH, when there is one)."),
        QStringLiteral("DIR"));
    parser.addOption(json);
    parser.addOption(otpRoot);
    parser.addPositionalArgument(QStringLiteral("TARBALL|DIR"), QStringLiteral("The release to inspect."));
    if (const auto exit = parseArguments(parser, arguments, 1, 1))
        return *exit;
    const auto otp = release::OtpInstallation::locate(parser.value(otpRoot));
    const auto report =
        package::inspectRelease(parser.positionalArguments().constFirst(), otp ? otp->ertsVsn : QString());
    if (!report) {
        printFindings({report.error()});
        return Failure;
    }
    if (parser.isSet(json)) {
        out() << QString::fromUtf8(QJsonDocument(toJson(*report)).toJson(QJsonDocument::Indented));
        out().flush();
    } else {
        printText(*report);
    }
    return Success;
}

} // namespace rs::cli
