#include "package/inspect.h"

#include "archive/archive_reader.h"
#include "etf/etf.h"
#include "package/release_layout.h"
#include "release/lib_dir_name.h"
#include "release/rel_spec.h"
#include "term/pretty.h"
#include "term/reader.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <sys/stat.h>

namespace rs::package {

using archive::ArchiveEntry;
using archive::EntryType;

namespace {

// Release files are small; these caps keep a hostile package from costing memory.
constexpr qint64 MaxTermFileBytes = 16 * 1024 * 1024;

struct MemberText
{
    QString name;
    QByteArray bytes;
};

// What one pass collects before the report is put together.
struct Collector
{
    InspectReport report;
    QHash<QString, InspectedApp> apps;        // by "NAME-VSN"
    QHash<QString, QStringList> moduleOwners; // module -> "NAME-VSN" of each app that has it
    std::vector<MemberText> relFiles;
    QHash<QString, QByteArray> boots;      // by release vsn
    QHash<QString, QByteArray> relups;     // by release vsn
    QHash<QString, QByteArray> sysConfigs; // by release vsn
    QString startErlVsn;                   // the release releases/start_erl.data boots
    QSet<QString> relAppDirs;              // "NAME-VSN" of each application of the release
    QStringList ertsDirs;
    QStringList releaseVsns;
    bool dotSlashReported = false;

    bool wants(const QString &name) const
    {
        static const QRegularExpression wanted(QStringLiteral(
            "^releases/([^/]+\\.rel|start_erl\\.data|[^/]+/([^/]+\\.rel|start\\.boot|relup|sys\\.config))$"));
        return wanted.match(name).hasMatch();
    }

    // `readable`: read() gives the member's bytes (a file, or a directory's link to a file).
    void add(ArchiveEntry entry, bool readable, const std::function<QByteArray()> &read)
    {
        if (entry.path.startsWith(QStringLiteral("./"))) {
            entry.path = entry.path.mid(2);
            if (entry.path.isEmpty()) // "./" itself, the root of `tar -C DIR .`: not a member
                return;
            if (!dotSlashReported) {
                report.warnings << Finding::warning(
                    QStringLiteral(
                        "member names start with './' (e.g. ./%1): release_handler:unpack_release looks "
                        "for releases/NAME.rel and will not find it")
                        .arg(entry.path));
                dotSlashReported = true;
            }
        }
        const QString name = entry.path;
        const QStringList parts = name.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (parts.size() >= 2 && parts[0] == QLatin1String("lib"))
            addLibMember(parts, entry);
        if (!parts.isEmpty() && parts[0].startsWith(QLatin1String("erts-")) && !ertsDirs.contains(parts[0]))
            ertsDirs << parts[0];
        if (parts.size() >= 3 && parts[0] == QLatin1String("releases") && !releaseVsns.contains(parts[1]))
            releaseVsns << parts[1];
        if (readable && entry.size <= MaxTermFileBytes && wants(name))
            keep(parts, read());
        report.entries.push_back(std::move(entry));
    }

    void addLibMember(const QStringList &parts, const ArchiveEntry &entry)
    {
        const QString appDir = parts[1];
        InspectedApp &app = apps[appDir];
        if (app.name.isEmpty()) {
            const release::LibDirName split = release::splitLibDirName(appDir);
            app.name = split.name;
            app.vsn = split.vsn;
        }
        app.bytes += entry.size;
        if (parts.size() == 4 && parts[2] == QLatin1String("ebin")) {
            if (parts[3].endsWith(QLatin1String(".beam"))) {
                ++app.modules;
                moduleOwners[parts[3].chopped(5)] << appDir;
            } else if (parts[3] == app.name + QStringLiteral(".app")) {
                app.hasAppFile = true;
            }
        }
    }

    void keep(const QStringList &parts, const QByteArray &bytes)
    {
        const QString last = parts.constLast();
        if (last == QLatin1String("start_erl.data"))
            startErlVsn = QString::fromUtf8(bytes).simplified().section(QLatin1Char(' '), 1, 1); // "ERTS REL"
        else if (parts.size() == 2 || last.endsWith(QLatin1String(".rel")))
            relFiles.push_back({parts.join(QLatin1Char('/')), bytes});
        else if (last == QLatin1String("start.boot"))
            boots.insert(parts[1], bytes);
        else if (last == QLatin1String("relup"))
            relups.insert(parts[1], bytes);
        else if (last == QLatin1String("sys.config"))
            sysConfigs.insert(parts[1], bytes);
    }
};

Expected<bool> collectArchive(const QString &path, Collector &c, jobs::Monitor &monitor)
{
    const auto done = archive::forEachEntry(
        path,
        [&](const ArchiveEntry &entry, archive::ArchiveReader &reader) {
            if (c.report.format.isEmpty())
                c.report.format = reader.formatName();
            c.add(entry, entry.type == EntryType::File, [&] {
                const auto data = reader.readAll(MaxTermFileBytes);
                return data ? *data : QByteArray();
            });
            return true;
        },
        monitor);
    if (!done)
        return done.error();
    return true;
}

// A link in a release directory stands for what it points to, as erl reads it: relx's dev mode
// links lib/NAME-VSN and releases/VSN/sys.config to the project. Link loops are walked once.
Expected<bool> collectDirectory(const QString &givenRoot, Collector &c, jobs::Monitor &monitor)
{
    // Absolute, so that relativeFilePath() below gives member names for a relative root too.
    const QString root = QFileInfo(givenRoot).absoluteFilePath();
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
    QStringList paths;
    while (it.hasNext())
        paths << it.next();
    paths.sort();
    qint64 done = 0;
    for (const QString &path : std::as_const(paths)) {
        if (monitor.isCancelled())
            return Finding::error(QStringLiteral("cancelled"));
        const QFileInfo info(path);
        struct stat st;
        const bool statOk = ::lstat(QFile::encodeName(path).constData(), &st) == 0;
        ArchiveEntry entry;
        entry.path = QDir(root).relativeFilePath(path);
        entry.type = info.isSymLink() ? EntryType::Symlink
                     : info.isDir()   ? EntryType::Directory
                     : info.isFile()  ? EntryType::File
                                      : EntryType::Other;
        entry.size = entry.type == EntryType::File ? info.size() : 0;
        entry.mode = statOk ? quint32(st.st_mode) : 0;
        entry.mtime = info.lastModified().toSecsSinceEpoch();
        entry.linkTarget = info.isSymLink() ? info.symLinkTarget() : QString();
        c.add(entry, info.isFile(), [&] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.read(MaxTermFileBytes) : QByteArray();
        });
        done += entry.size;
        monitor.report({done, 0, entry.path});
    }
    return true;
}

// The release the package is for: releases/NAME.rel at the top (make_tar's copy), else the one
// in the version directory releases/start_erl.data boots (a target directory keeps the earlier
// releases beside it), else the first in a version directory.
void readRelease(Collector &c)
{
    const auto rank = [&c](const MemberText &rel) {
        if (rel.name.count(QLatin1Char('/')) == 1)
            return 0;
        return rel.name.section(QLatin1Char('/'), 1, 1) == c.startErlVsn ? 1 : 2;
    };
    std::stable_sort(c.relFiles.begin(), c.relFiles.end(),
                     [&rank](const MemberText &a, const MemberText &b) { return rank(a) < rank(b); });
    for (const MemberText &rel : c.relFiles) {
        const auto terms = term::consultText(rel.bytes, rel.name);
        if (!terms || terms->empty()) {
            c.report.warnings << (terms ? Finding::warning(QStringLiteral("empty .rel"), {rel.name, 0, 0})
                                        : terms.error());
            continue;
        }
        const release::RelParse parsed = release::parseRelTerm(terms->front(), rel.name);
        if (!parsed.ok()) {
            c.report.warnings << parsed.findings;
            continue;
        }
        c.report.relName = parsed.spec.name;
        c.report.relVsn = parsed.spec.vsn;
        c.report.ertsVsn = parsed.spec.ertsVsn;
        c.report.relFile = rel.name;
        for (const release::RelApp &app : parsed.spec.apps) {
            const QString dir = app.name + QLatin1Char('-') + app.vsn;
            c.relAppDirs.insert(dir);
            if (!c.apps.contains(dir) || !c.apps.value(dir).hasAppFile) {
                c.report.warnings << Finding::warning(
                    QStringLiteral("the release needs %1 %2, but lib/%3/ebin/%1.app is not in the package")
                        .arg(app.name, app.vsn, dir),
                    {rel.name, app.location.line, app.location.column});
            }
        }
        return;
    }
    c.report.warnings << Finding::warning(
        QStringLiteral("no releases/NAME.rel: this is not a release package"));
}

void checkReleaseFiles(Collector &c, const QString &expectedErts)
{
    InspectReport &r = c.report;
    if (r.relVsn.isEmpty())
        return;
    if (const auto boot = c.boots.find(r.relVsn); boot != c.boots.end()) {
        auto decoded = etf::decode(*boot);
        if (decoded)
            r.boot = std::move(decoded).value();
        else
            r.warnings << Finding::warning(
                QStringLiteral("start.boot does not decode: %1").arg(decoded.error().message),
                {QStringLiteral("releases/%1/start.boot").arg(r.relVsn), 0, 0});
    } else {
        r.warnings << Finding::warning(
            QStringLiteral("no releases/%1/start.boot: the release cannot boot").arg(r.relVsn));
    }
    if (const auto relup = c.relups.find(r.relVsn); relup != c.relups.end()) {
        const auto terms = term::consultText(*relup, QStringLiteral("releases/%1/relup").arg(r.relVsn));
        if (terms && terms->size() == 1 && terms->front().isTuple(3)) {
            for (const term::Term &up : terms->front().at(1).elements())
                r.relupUpFrom << (up.isTuple() && up.size() > 0 ? up.at(0).toText() : QString());
            for (const term::Term &down : terms->front().at(2).elements())
                r.relupDownTo << (down.isTuple() && down.size() > 0 ? down.at(0).toText() : QString());
        } else {
            r.warnings << (terms ? Finding::warning(QStringLiteral("relup is not {Vsn, UpFrom, DownTo}"))
                                 : terms.error());
        }
    } else if (c.releaseVsns.size() > 1) {
        r.warnings << Finding::warning(
            QStringLiteral(
                "the package holds several release versions (%1) but %2 has no relup: it cannot be "
                "installed as a hot upgrade")
                .arg(c.releaseVsns.join(QStringLiteral(", ")), r.relVsn));
    }
    if (const auto sys = c.sysConfigs.find(r.relVsn); sys != c.sysConfigs.end()) {
        const auto terms = term::consultText(*sys, QStringLiteral("releases/%1/sys.config").arg(r.relVsn));
        if (!terms)
            r.warnings << Finding::warning(
                QStringLiteral("sys.config does not parse: %1").arg(terms.error().toString()),
                terms.error().location);
    }
    const QString ertsDir = QStringLiteral("erts-") + r.ertsVsn;
    for (const QString &dir : std::as_const(c.ertsDirs)) {
        if (dir != ertsDir)
            r.warnings << Finding::warning(
                QStringLiteral("the package has %1, but the release asks for ERTS %2").arg(dir, r.ertsVsn));
    }
    if (c.ertsDirs.isEmpty() && !expectedErts.isEmpty() && expectedErts != r.ertsVsn) {
        r.warnings << Finding::warning(
            QStringLiteral("the release asks for ERTS %1 and brings none; the OTP in use "
                           "has ERTS %2")
                .arg(r.ertsVsn, expectedErts));
    }
}

// A module clashes when two applications the release loads have it. Other versions of an
// application, kept in lib/ after an upgrade, are not loaded with it; without a .rel, only
// applications of different names count.
void checkDuplicateModules(Collector &c)
{
    QStringList modules = c.moduleOwners.keys();
    modules.sort();
    for (const QString &m : std::as_const(modules)) {
        QStringList owners;
        QSet<QString> names;
        for (const QString &dir : c.moduleOwners.value(m)) {
            const QString name = release::splitLibDirName(dir).name;
            const bool loaded = c.relAppDirs.isEmpty() ? !names.contains(name) : c.relAppDirs.contains(dir);
            if (loaded) {
                owners << dir;
                names.insert(name);
            }
        }
        if (owners.size() > 1) {
            c.report.warnings << Finding::warning(
                QStringLiteral("module %1 is in %2").arg(m, owners.join(QStringLiteral(" and "))));
        }
    }
}

} // namespace

Expected<InspectReport> inspectRelease(const QString &path, const QString &expectedErts,
                                       jobs::Monitor &monitor)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Finding::error(QStringLiteral("no such file or directory"), {path, 0, 0});
    Collector c;
    c.report.source = path;
    if (info.isDir()) {
        c.report.format = QStringLiteral("directory");
        const auto done = collectDirectory(path, c, monitor);
        if (!done)
            return done.error();
    } else {
        const auto done = collectArchive(path, c, monitor);
        if (!done)
            return done.error();
    }
    readRelease(c);
    checkReleaseFiles(c, expectedErts);
    checkDuplicateModules(c);
    for (auto it = c.apps.cbegin(); it != c.apps.cend(); ++it)
        c.report.apps.push_back(it.value());
    std::sort(c.report.apps.begin(), c.report.apps.end(),
              [](const InspectedApp &a, const InspectedApp &b) { return a.name < b.name; });
    return std::move(c.report);
}

QString inspectReportText(const InspectReport &r)
{
    QString o;
    o += QStringLiteral("%1 (%2)\n").arg(r.source, r.format);
    o += QStringLiteral("release %1 %2, ERTS %3\n\n").arg(r.relName, r.relVsn, r.ertsVsn);
    o += QStringLiteral("applications:\n");
    for (const auto &a : r.apps) {
        o += QStringLiteral("  %1 %2  %3 modules  %4 KB\n")
                 .arg(a.name, -20)
                 .arg(a.vsn, -10)
                 .arg(a.modules, 4)
                 .arg(double(a.bytes) / 1024, 8, 'f', 1);
    }
    if (!r.relupUpFrom.isEmpty() || !r.relupDownTo.isEmpty()) {
        o += QStringLiteral("\nrelup: up from %1; down to %2\n")
                 .arg(r.relupUpFrom.join(QStringLiteral(", ")), r.relupDownTo.join(QStringLiteral(", ")));
    }
    o += QStringLiteral("\nentries (%1):\n").arg(r.entries.size());
    for (const auto &e : r.entries)
        o += QStringLiteral("  %1 %2 %3\n").arg(QString::number(e.mode, 8), 7).arg(e.size, 10).arg(e.path);
    if (r.boot)
        o += QStringLiteral("\nstart.boot:\n") + term::prettyTerm(*r.boot) + QStringLiteral(".\n");
    return o;
}

} // namespace rs::package
