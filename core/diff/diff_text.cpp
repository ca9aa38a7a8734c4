#include "diff/diff_text.h"

#include "release/lib_dir_name.h"

#include <QFileInfo>

namespace rs::diff {

namespace {

const QString Arrow = QStringLiteral(" \u2192 ");
const QString Dot = QStringLiteral(" \u00b7 ");
const QString Ellipsis = QStringLiteral("\u2026");

QString plural(int n, const char *one, const char *many)
{
    return QString::number(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? one : many);
}

QString shortValue(const QString &v, int width = 100)
{
    return v.size() > width ? v.left(width - 1) + Ellipsis : v;
}

QString termChangeText(const TermChange &c)
{
    const QString path = c.path.isEmpty() ? QStringLiteral("(whole term)") : c.path.join(QLatin1Char('.'));
    switch (c.state) {
    case State::Added:
        return QStringLiteral("%1 added: %2").arg(path, shortValue(c.newValue));
    case State::Removed:
        return QStringLiteral("%1 removed (was %2)").arg(path, shortValue(c.oldValue));
    default:
        return path + QStringLiteral(": ") + shortValue(c.oldValue) + Arrow + shortValue(c.newValue);
    }
}

QString modeText(quint32 mode)
{
    return QStringLiteral("%1").arg(mode, 4, 8, QLatin1Char('0'));
}

// "+3 -1 lines, mode 0644 → 0755"
QString fileDetails(const FileDiff &f)
{
    QStringList parts;
    if (f.typeChanged)
        parts << fileTypeName(f.oldFile.type) + Arrow + fileTypeName(f.newFile.type);
    if (f.modeChanged)
        parts << QStringLiteral("mode ") + modeText(f.oldFile.mode) + Arrow + modeText(f.newFile.mode);
    if (f.linkChanged)
        parts << QStringLiteral("link ") + f.oldFile.linkTarget + Arrow + f.newFile.linkTarget;
    if (f.equivalent)
        parts << (f.kind == FileKind::Beam ? QStringLiteral("recompiled, same code")
                                           : QStringLiteral("same meaning, other bytes"));
    else if (f.contentChanged || f.state == State::Added || f.state == State::Removed) {
        if (f.kind == FileKind::Boot && (f.text.added || f.text.removed))
            parts << QStringLiteral("+%1 -%2 instructions").arg(f.text.added).arg(f.text.removed);
        else if (f.text.added || f.text.removed)
            parts << QStringLiteral("+%1 -%2 lines").arg(f.text.added).arg(f.text.removed);
        else if (f.contentChanged && f.state == State::Changed)
            parts
                << (f.oldFile.size == f.newFile.size
                        ? QStringLiteral("contents changed")
                        : QStringLiteral("%1%2%3 bytes").arg(f.oldFile.size).arg(Arrow).arg(f.newFile.size));
        if (!f.text.omitted.isEmpty() && f.state == State::Changed)
            parts << f.text.omitted;
    }
    if (!f.note.isEmpty())
        parts << f.note;
    return parts.join(QStringLiteral(", "));
}

QString stateWord(State s)
{
    switch (s) {
    case State::Added:
        return QStringLiteral("added  ");
    case State::Removed:
        return QStringLiteral("removed");
    case State::Changed:
        return QStringLiteral("changed");
    case State::Same:
        return QStringLiteral("same   ");
    }
    return {};
}

QString lineWindow(const DiffLine &line, int width)
{
    const int length = int(line.text.size());
    if (length <= width)
        return line.text;
    const int focus = line.changed.empty() ? 0 : line.changed.front().start;
    int start = std::max(0, focus - width / 3);
    start = std::min(start, length - width);
    QString out = line.text.mid(start, width);
    if (start > 0)
        out = Ellipsis + out;
    if (start + width < length)
        out += Ellipsis;
    return out;
}

void appendHunks(QString &out, const TextDiff &t, const QString &indent, const TextOptions &options)
{
    int shown = 0;
    int total = 0;
    for (const Hunk &h : t.hunks)
        total += int(h.lines.size()) + 1;
    for (const Hunk &h : t.hunks) {
        if (shown >= options.maxLinesPerFile)
            break;
        out += indent + QStringLiteral("@@ -%1,%2 +%3,%4 @@\n")
                            .arg(h.oldStart)
                            .arg(h.oldCount)
                            .arg(h.newStart)
                            .arg(h.newCount);
        ++shown;
        for (const DiffLine &l : h.lines) {
            if (shown >= options.maxLinesPerFile)
                break;
            const QChar mark = l.kind == DiffLine::Kind::Added     ? QLatin1Char('+')
                               : l.kind == DiffLine::Kind::Removed ? QLatin1Char('-')
                                                                   : QLatin1Char(' ');
            out += indent + mark + lineWindow(l, options.maxLineWidth) + QLatin1Char('\n');
            ++shown;
        }
    }
    if (total > shown)
        out += indent + QStringLiteral("%1 more lines (--json has them all)\n").arg(total - shown);
}

// The details of one file below its line: key paths, or hunks.
void appendFileBody(QString &out, const FileDiff &f, const QString &indent, const TextOptions &options)
{
    if (f.equivalent)
        return;
    if (!f.terms.empty()) {
        for (const TermChange &c : f.terms)
            out += indent + termChangeText(c) + QLatin1Char('\n');
        return;
    }
    if (f.state == State::Changed || f.kind == FileKind::VmArgs || f.kind == FileKind::Rel ||
        f.kind == FileKind::SysConfig)
        appendHunks(out, f.text, indent, options);
}

QString relativeTo(const QString &path, const QString &dir)
{
    return path.startsWith(dir) ? path.mid(dir.size()) : path;
}

QString appDir(const AppDiff &a)
{
    return QStringLiteral("lib/%1-%2/").arg(a.name, a.newVsn.isEmpty() ? a.oldVsn : a.newVsn);
}

QString moduleList(const AppDiff &a)
{
    QStringList parts;
    QStringList changed;
    QStringList added;
    QStringList removed;
    for (const ModuleDiff &m : a.modules) {
        if (m.state == State::Changed) {
            QStringList ex;
            for (const QString &e : m.exportsAdded)
                ex << QLatin1Char('+') + e;
            for (const QString &e : m.exportsRemoved)
                ex << QLatin1Char('-') + e;
            changed << (ex.isEmpty()
                            ? m.name
                            : QStringLiteral("%1 (exports %2)").arg(m.name, ex.join(QLatin1Char(' '))));
        } else if (m.state == State::Added) {
            added << m.name;
        } else if (m.state == State::Removed) {
            removed << m.name;
        }
    }
    if (!changed.isEmpty())
        parts << QStringLiteral("changed ") + changed.join(QStringLiteral(", "));
    if (!added.isEmpty())
        parts << QStringLiteral("added ") + added.join(QStringLiteral(", "));
    if (!removed.isEmpty())
        parts << QStringLiteral("removed ") + removed.join(QStringLiteral(", "));
    QString same = plural(a.count(State::Same), "unchanged", "unchanged");
    if (const int r = a.recompiledCount())
        same += QStringLiteral(" (%1 recompiled, same code)").arg(r);
    parts << same;
    return parts.join(QStringLiteral("; "));
}

QString releaseName(const ReleaseSide &r)
{
    if (r.name.isEmpty())
        return QFileInfo(r.source).fileName();
    return r.name + QLatin1Char(' ') + r.vsn;
}

} // namespace

QString headline(const DiffReport &report)
{
    const ReleaseSide &a = report.oldRelease;
    const ReleaseSide &b = report.newRelease;
    QString line;
    if (a.name.isEmpty() || b.name.isEmpty())
        line = releaseName(a) + Arrow + releaseName(b);
    else if (a.name != b.name)
        line = releaseName(a) + Arrow + releaseName(b);
    else if (a.vsn != b.vsn)
        line = a.name + QLatin1Char(' ') + a.vsn + Arrow + b.vsn;
    else
        line = releaseName(b);
    line += Dot;
    if (a.erts == b.erts)
        line += QStringLiteral("ERTS unchanged");
    else
        line += QStringLiteral("ERTS ") + (a.erts.isEmpty() ? QStringLiteral("?") : a.erts) + Arrow +
                (b.erts.isEmpty() ? QStringLiteral("?") : b.erts);
    const DiffSummary s = report.summary();
    QStringList apps;
    if (s.appsChanged)
        apps << plural(s.appsChanged, "application changed", "applications changed");
    if (s.appsAdded)
        apps << (apps.isEmpty() ? plural(s.appsAdded, "application added", "applications added")
                                : QStringLiteral("%1 added").arg(s.appsAdded));
    if (s.appsRemoved)
        apps << (apps.isEmpty() ? plural(s.appsRemoved, "application removed", "applications removed")
                                : QStringLiteral("%1 removed").arg(s.appsRemoved));
    if (apps.isEmpty())
        apps << plural(s.appsSame, "application unchanged", "applications unchanged");
    else if (s.appsSame)
        apps << QStringLiteral("%1 unchanged").arg(s.appsSame);
    line += Dot + apps.join(QStringLiteral(", "));
    if (report.same())
        line += Dot + QStringLiteral("same");
    return line;
}

QString releaseNote(const DiffReport &report, const TextOptions &options)
{
    QString out = headline(report) + QLatin1Char('\n');
    QStringList shownPaths;

    // Applications
    QString apps;
    for (const AppDiff &a : report.apps) {
        if (a.state == State::Same)
            continue;
        if (a.state == State::Added) {
            apps += QStringLiteral("  + %1 %2 (%3)\n")
                        .arg(a.name, a.newVsn, plural(a.count(State::Added), "module", "modules"));
            continue;
        }
        if (a.state == State::Removed) {
            apps += QStringLiteral("  - %1 %2 (%3)\n")
                        .arg(a.name, a.oldVsn, plural(a.count(State::Removed), "module", "modules"));
            continue;
        }
        apps += QStringLiteral("  ~ ") + a.name + QLatin1Char(' ') +
                (a.changedWithoutVersion
                     ? QString(a.newVsn + QStringLiteral(" (contents changed, version unchanged)"))
                     : QString(a.oldVsn + Arrow + a.newVsn)) +
                QLatin1Char('\n');
        apps += QStringLiteral("      modules: ") + moduleList(a) + QLatin1Char('\n');
        if (!a.appKeys.empty()) {
            apps += QStringLiteral("      .app:\n");
            for (const TermChange &c : a.appKeys)
                apps += QStringLiteral("        ") + termChangeText(c) + QLatin1Char('\n');
        }
        const QString dir = appDir(a);
        for (const QString &path : a.files) {
            const FileDiff *f = report.file(path);
            if (!f || f->kind == FileKind::AppFile)
                continue;
            shownPaths << path;
            const QString details = fileDetails(*f);
            apps +=
                QStringLiteral("      %1 %2%3\n")
                    .arg(stateWord(f->state), relativeTo(path, dir),
                         details.isEmpty() ? QString() : QStringLiteral("  (") + details + QLatin1Char(')'));
            appendFileBody(apps, *f, QStringLiteral("          "), options);
        }
        if (a.appup.status != AppupCheck::Status::NotNeeded) {
            apps += QStringLiteral("      appup: ") + appupStatusName(a.appup.status);
            if (!a.appup.file.isEmpty())
                apps += QStringLiteral(" (") + relativeTo(a.appup.file, dir) + QLatin1Char(')');
            if (a.appup.status != AppupCheck::Status::Covered && !a.appup.instructions.isEmpty())
                apps +=
                    QStringLiteral("; the upgrade needs ") + a.appup.instructions.join(QStringLiteral(", "));
            apps += QLatin1Char('\n');
            for (const Finding &f : a.appup.findings)
                apps += QStringLiteral("        ") + severityName(f.severity) + QStringLiteral(": ") +
                        f.message + QLatin1Char('\n');
        }
    }
    if (!apps.isEmpty())
        out += QStringLiteral("\nApplications\n") + apps;

    // Release files, then the rest
    QString releaseFiles;
    QString others;
    for (const FileDiff &f : report.files) {
        if ((f.state == State::Same && !f.equivalent) || shownPaths.contains(f.path))
            continue;
        const bool release = f.path.startsWith(QLatin1String("releases/"));
        if (!release && f.path.startsWith(QLatin1String("lib/"))) {
            // Members of applications shown above (modules, .app) or added/removed with theirs.
            const release::LibDirName dir = release::splitLibDirName(f.path.section(QLatin1Char('/'), 1, 1));
            const AppDiff *a = dir.vsn.isEmpty() ? nullptr : report.app(dir.name);
            if (a && a->state != State::Same)
                continue;
        }
        if (!release && f.state == State::Same && f.kind == FileKind::Beam)
            continue; // recompiled modules of unchanged applications are counted below
        QString &section = release ? releaseFiles : others;
        const QString details = fileDetails(f);
        section +=
            QStringLiteral("  %1 %2%3\n")
                .arg(f.equivalent && f.state == State::Same ? QStringLiteral("same   ") : stateWord(f.state),
                     f.path,
                     details.isEmpty() ? QString() : QStringLiteral("  (") + details + QLatin1Char(')'));
        appendFileBody(section, f, QStringLiteral("      "), options);
    }
    if (!releaseFiles.isEmpty())
        out += QStringLiteral("\nRelease files\n") + releaseFiles;
    if (!others.isEmpty())
        out += QStringLiteral("\nOther files\n") + others;

    const DiffSummary s = report.summary();
    QStringList counts;
    if (s.filesChanged)
        counts << QStringLiteral("%1 changed").arg(s.filesChanged);
    if (s.filesAdded)
        counts << QStringLiteral("%1 added").arg(s.filesAdded);
    if (s.filesRemoved)
        counts << QStringLiteral("%1 removed").arg(s.filesRemoved);
    if (s.filesEquivalent)
        counts << QStringLiteral("%1 equivalent").arg(s.filesEquivalent);
    counts << QStringLiteral("%1 unchanged").arg(s.filesSame - s.filesEquivalent);
    out += QStringLiteral("\nFiles: ") + counts.join(QStringLiteral(", "));
    if (s.modulesRecompiled)
        out += QStringLiteral("; %1 recompiled with the same code")
                   .arg(plural(s.modulesRecompiled, "module", "modules"));
    if (!report.ignored.isEmpty())
        out += QStringLiteral("; ignored: ") + report.ignored.join(QStringLiteral(" "));
    out += QLatin1Char('\n');
    return out;
}

QString statText(const DiffReport &report)
{
    QString out = headline(report) + QLatin1Char('\n');
    int width = 0;
    for (const AppDiff &a : report.apps)
        if (a.state != State::Same)
            width = std::max(width, int(a.name.size()));
    for (const AppDiff &a : report.apps) {
        if (a.state == State::Same)
            continue;
        QString line = QStringLiteral(" %1 %2 ")
                           .arg(a.state == State::Added     ? QLatin1Char('+')
                                : a.state == State::Removed ? QLatin1Char('-')
                                                            : QLatin1Char('~'))
                           .arg(a.name, -width);
        if (a.state == State::Added)
            line += a.newVsn;
        else if (a.state == State::Removed)
            line += a.oldVsn;
        else {
            line += a.changedWithoutVersion ? QString(a.newVsn + QStringLiteral(" (version unchanged)"))
                                            : QString(a.oldVsn + Arrow + a.newVsn);
            line += QStringLiteral("  modules +%1 -%2 ~%3")
                        .arg(a.count(State::Added))
                        .arg(a.count(State::Removed))
                        .arg(a.count(State::Changed));
            if (!a.appKeys.empty())
                line += QStringLiteral("  .app keys %1").arg(a.appKeys.size());
            if (!a.files.isEmpty())
                line += QStringLiteral("  files %1").arg(a.files.size());
            line += QStringLiteral("  appup ") + appupStatusName(a.appup.status);
        }
        out += line + QLatin1Char('\n');
    }
    for (const FileDiff &f : report.files) {
        if (f.state == State::Same || !f.path.startsWith(QLatin1String("releases/")))
            continue;
        QString detail =
            f.terms.empty() ? fileDetails(f) : plural(int(f.terms.size()), "term changed", "terms changed");
        out += QStringLiteral(" %1 %2  %3\n").arg(stateWord(f.state).trimmed(), f.path, detail);
    }
    const DiffSummary s = report.summary();
    out += QStringLiteral(" files: %1 changed, %2 added, %3 removed, %4 unchanged")
               .arg(s.filesChanged)
               .arg(s.filesAdded)
               .arg(s.filesRemoved)
               .arg(s.filesSame);
    if (s.modeChanges)
        out += QStringLiteral(" (%1)").arg(plural(s.modeChanges, "mode change", "mode changes"));
    if (s.modulesRecompiled)
        out += QStringLiteral("; %1 recompiled with the same code")
                   .arg(plural(s.modulesRecompiled, "module", "modules"));
    out += QLatin1Char('\n');
    return out;
}

} // namespace rs::diff
