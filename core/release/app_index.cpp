#include "release/app_index.h"

#include "common/dir_listing.h"
#include "release/otp_installation.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace rs::release {

namespace {

QStringList ebinDirsUnder(const QString &libDir)
{
    QStringList dirs;
    const QDir dir(libDir);
    if (QFileInfo(dir.filePath(QStringLiteral("ebin"))).isDir())
        dirs << QDir::cleanPath(dir.absoluteFilePath(QStringLiteral("ebin")));
    for (const QString &sub : subdirectories(libDir)) {
        const QString ebin = dir.absoluteFilePath(sub + QStringLiteral("/ebin"));
        if (QFileInfo(ebin).isDir())
            dirs << QDir::cleanPath(ebin);
    }
    return dirs;
}

} // namespace

int compareVersions(const QString &a, const QString &b)
{
    static const QRegularExpression parts(QStringLiteral("(\\d+)|([^\\d.\\-+_]+)"));
    auto ia = parts.globalMatch(a);
    auto ib = parts.globalMatch(b);
    while (ia.hasNext() && ib.hasNext()) {
        const auto ma = ia.next();
        const auto mb = ib.next();
        const bool na = ma.hasCaptured(1);
        const bool nb = mb.hasCaptured(1);
        if (na && nb) {
            const qulonglong x = ma.captured(1).toULongLong();
            const qulonglong y = mb.captured(1).toULongLong();
            if (x != y)
                return x < y ? -1 : 1;
        } else if (na != nb) {
            return na ? 1 : -1; // 1.0.1 is newer than 1.0-rc
        } else if (const int c = ma.captured(2).compare(mb.captured(2))) {
            return c < 0 ? -1 : 1;
        }
    }
    // One version goes on where the other ends: "1.0.1" is newer than "1.0", but a pre-release
    // suffix makes it older: "2.0-rc1" comes before "2.0".
    if (ia.hasNext() != ib.hasNext()) {
        const bool aLonger = ia.hasNext();
        const bool textNext = (aLonger ? ia.next() : ib.next()).hasCaptured(2);
        return (aLonger != textNext) ? 1 : -1;
    }
    return 0;
}

QStringList AppIndex::searchPath(const QStringList &libDirs, const OtpInstallation *otp)
{
    QStringList dirs;
    for (const QString &lib : libDirs)
        dirs << ebinDirsUnder(lib);
    if (otp)
        dirs << ebinDirsUnder(otp->libDir());
    dirs.removeDuplicates();
    return dirs;
}

AppIndex AppIndex::scan(const QStringList &ebinDirs)
{
    AppIndex index;
    for (const QString &ebin : ebinDirs) {
        const QStringList files = filesEndingWith(ebin, u"");
        QSet<QString> beams;
        for (const QString &file : files)
            if (file.endsWith(QLatin1String(".beam")))
                beams.insert(file.chopped(5));
        for (const QString &file : files) {
            if (!file.endsWith(QLatin1String(".app")))
                continue;
            const QString path = ebin + QLatin1Char('/') + file;
            const QString name = file.chopped(4);
            auto spec = readAppFile(path);
            if (!spec) {
                index.m_problems << spec.error();
                if (!index.m_unreadable.contains(name))
                    index.m_unreadable.insert(name, spec.error());
                continue;
            }
            if (spec->name != name) {
                Finding f = Finding::error(
                    QStringLiteral("%1 defines application '%2'; the file must be named %2.app")
                        .arg(file, spec->name),
                    spec->locationOf(u"application"));
                index.m_problems << f;
                if (!index.m_unreadable.contains(name))
                    index.m_unreadable.insert(name, f);
                continue;
            }
            spec->beamsInEbin = beams;
            index.m_byName[name].push_back(index.m_apps.size());
            index.m_apps.push_back(std::move(spec).value());
        }
    }
    return index;
}

Expected<AppSpec> AppIndex::find(const QString &name, const QString &vsn) const
{
    const auto versions = versionsOf(name);
    for (const AppSpec *spec : versions) {
        if (spec->vsn == vsn)
            return *spec;
    }
    if (versions.empty()) {
        if (m_unreadable.contains(name))
            return m_unreadable.value(name);
        return Finding::error(
            QStringLiteral("application %1 not found: no %1.app in the lib dirs or the OTP").arg(name));
    }
    QStringList found;
    for (const AppSpec *spec : versions)
        found << QStringLiteral("%1 (%2)").arg(spec->vsn, spec->appFile);
    return Finding::error(QStringLiteral("application %1 version %2 not found; found %3")
                              .arg(name, vsn, found.join(QStringLiteral(", "))));
}

std::vector<const AppSpec *> AppIndex::versionsOf(const QString &name) const
{
    std::vector<const AppSpec *> out;
    for (const size_t i : m_byName.value(name))
        out.push_back(&m_apps[i]);
    return out;
}

const AppSpec *AppIndex::newest(const QString &name) const
{
    const AppSpec *best = nullptr;
    for (const AppSpec *spec : versionsOf(name)) {
        if (!best || compareVersions(spec->vsn, best->vsn) > 0)
            best = spec;
    }
    return best;
}

QStringList AppIndex::names() const
{
    QStringList all = m_byName.keys();
    all.sort();
    return all;
}

} // namespace rs::release
