#include "upgrade/appup_generator.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace rs::upgrade {

using term::Term;

namespace {

// The .app file of the application in DIR (DIR/ebin or DIR itself).
Expected<QString> findAppFile(const QString &dir)
{
    const QFileInfo info(dir);
    if (!info.isDir())
        return Finding::error(QStringLiteral("%1: no such directory").arg(dir));
    const QDir base(info.absoluteFilePath());
    const QString ebin =
        base.exists(QStringLiteral("ebin")) ? base.filePath(QStringLiteral("ebin")) : base.absolutePath();
    const QStringList apps = QDir(ebin).entryList({QStringLiteral("*.app")}, QDir::Files, QDir::Name);
    if (apps.isEmpty())
        return Finding::error(QStringLiteral("%1: no .app file: an application directory holds ebin/NAME.app")
                                  .arg(QDir::toNativeSeparators(ebin)));
    if (apps.size() == 1)
        return QDir(ebin).filePath(apps.constFirst());
    // Several: the one named after the directory (NAME or NAME-VSN).
    const QString dirName =
        ebin == base.absolutePath() ? QFileInfo(base.absolutePath()).dir().dirName() : base.dirName();
    for (const QString &app : apps) {
        const QString name = QFileInfo(app).completeBaseName();
        if (dirName == name || dirName.startsWith(name + QLatin1Char('-')))
            return QDir(ebin).filePath(app);
    }
    return Finding::error(QStringLiteral("%1: several .app files (%2) and none named after the directory")
                              .arg(QDir::toNativeSeparators(ebin), apps.join(QStringLiteral(", "))));
}

// Kahn's algorithm with the lowest index first: every node after the nodes it depends on, the
// given order otherwise; a cycle is broken at its lowest-index node.
QStringList dependenciesFirst(const QStringList &order, const QHash<QString, QStringList> &deps)
{
    QStringList sorted;
    QSet<QString> done;
    std::vector<bool> emitted(size_t(order.size()), false);
    while (sorted.size() < order.size()) {
        qsizetype pick = -1;
        for (qsizetype i = 0; i < order.size() && pick < 0; ++i) {
            if (emitted[size_t(i)])
                continue;
            const QStringList &d = deps[order[i]];
            if (std::all_of(d.begin(), d.end(), [&](const QString &m) { return done.contains(m); }))
                pick = i;
        }
        if (pick < 0) {
            // Only cycles are left: take the first remaining node.
            for (qsizetype i = 0; i < order.size() && pick < 0; ++i) {
                if (!emitted[size_t(i)])
                    pick = i;
            }
        }
        emitted[size_t(pick)] = true;
        done.insert(order[pick]);
        sorted << order[pick];
    }
    return sorted;
}

} // namespace

const beam::BeamInfo *AppVersion::module(QStringView name) const
{
    for (const beam::BeamInfo &m : modules) {
        if (m.module == name)
            return &m;
    }
    return nullptr;
}

QStringList AppVersion::moduleNames() const
{
    QStringList names;
    for (const beam::BeamInfo &m : modules)
        names << m.module;
    return names;
}

Expected<AppVersion> loadAppVersion(const QString &dir)
{
    const auto appFile = findAppFile(dir);
    if (!appFile)
        return appFile.error();
    auto spec = release::readAppFile(*appFile);
    if (!spec)
        return spec.error();
    return loadAppVersion(*spec);
}

Expected<AppVersion> loadAppVersion(const release::AppSpec &spec)
{
    AppVersion version;
    version.spec = spec;
    const QDir ebin(spec.ebinDir.isEmpty() ? QFileInfo(spec.appFile).absolutePath() : spec.ebinDir);
    QSet<QString> listed;
    for (const QString &module : spec.modules) {
        if (listed.contains(module)) {
            version.findings << Finding::warning(
                QStringLiteral("module %1 is listed twice in the .app").arg(module),
                spec.locationOf(u"modules"));
            continue;
        }
        listed.insert(module);
        const QString path = ebin.filePath(module + QStringLiteral(".beam"));
        if (!QFileInfo::exists(path)) {
            return Finding::error(QStringLiteral("the .app of %1 %2 lists module %3, but there is no %4")
                                      .arg(spec.name, spec.vsn, module, QDir::toNativeSeparators(path)),
                                  spec.locationOf(u"modules"));
        }
        auto info = beam::readBeamInfo(path);
        if (!info)
            return info.error();
        if (info->module != module) {
            return Finding::error(QStringLiteral("%1 holds module %2, not %3")
                                      .arg(QDir::toNativeSeparators(path), info->module, module),
                                  {path, 0, 0});
        }
        version.modules.push_back(std::move(info).value());
    }
    for (const QString &file : ebin.entryList({QStringLiteral("*.beam")}, QDir::Files, QDir::Name)) {
        const QString module = QFileInfo(file).completeBaseName();
        if (!listed.contains(module)) {
            version.findings << Finding::warning(
                QStringLiteral("%1 is not among the modules of the .app of %2 %3: upgrades ignore it")
                    .arg(file, spec.name, spec.vsn),
                spec.locationOf(u"modules"));
        }
    }
    return version;
}

ModuleChange ModuleDiff::changeOf(const QString &module) const
{
    if (added.contains(module))
        return ModuleChange::Added;
    if (deleted.contains(module))
        return ModuleChange::Deleted;
    if (changed.contains(module))
        return ModuleChange::Changed;
    return ModuleChange::Unchanged;
}

ModuleDiff diffModules(const AppVersion &from, const AppVersion &to)
{
    ModuleDiff diff;
    for (const beam::BeamInfo &m : to.modules) {
        const beam::BeamInfo *old = from.module(m.module);
        if (!old)
            diff.added << m.module;
        else if (beam::sameCode(*old, m))
            diff.unchanged << m.module;
        else
            diff.changed << m.module;
    }
    for (const beam::BeamInfo &m : from.modules) {
        if (!to.hasModule(m.module))
            diff.deleted << m.module;
    }
    return diff;
}

bool exportsCodeChange(const beam::BeamInfo &module)
{
    return std::any_of(module.exports.begin(), module.exports.end(), [](const beam::FunctionName &f) {
        return (f.name == u"code_change" && (f.arity == 3 || f.arity == 4)) ||
               (f.name == u"system_code_change" && f.arity == 4);
    });
}

bool isSupervisor(const beam::BeamInfo &module)
{
    return module.behaviours().contains(QStringLiteral("supervisor"));
}

UpgradeKind upgradeKindOf(const beam::BeamInfo &module)
{
    if (isSupervisor(module))
        return UpgradeKind::Supervisor;
    if (exportsCodeChange(module))
        return UpgradeKind::Advanced;
    return UpgradeKind::LoadModule;
}

Expected<GeneratedAppup> generateAppup(const AppVersion &from, const AppVersion &to)
{
    if (from.spec.name != to.spec.name) {
        return Finding::error(QStringLiteral("the two versions are different applications: %1 and %2")
                                  .arg(from.spec.name, to.spec.name),
                              to.spec.locationOf(u"application"));
    }
    GeneratedAppup result;
    result.application = to.spec.name;
    result.fromVsn = from.spec.vsn;
    result.toVsn = to.spec.vsn;
    result.findings << from.findings << to.findings;
    if (from.spec.vsn == to.spec.vsn) {
        result.findings << Finding::warning(
            QStringLiteral("both versions of %1 are %2: systools reads no .appup for an application "
                           "whose version did not change")
                .arg(to.spec.name, to.spec.vsn),
            to.spec.locationOf(u"vsn"));
    }
    const ModuleDiff diff = diffModules(from, to);
    result.diff = diff;

    // DepMods: the added and changed modules the new code of each calls.
    const QStringList loaded = diff.added + diff.changed;
    const QSet<QString> loadedSet(loaded.begin(), loaded.end());
    QHash<QString, QStringList> deps;
    for (const QString &m : loaded) {
        QStringList d;
        for (const beam::ImportedFunction &f : to.module(m)->imports) {
            if (f.module != m && loadedSet.contains(f.module) && !d.contains(f.module))
                d << f.module;
        }
        deps.insert(m, d);
    }
    const QStringList order = dependenciesFirst(loaded, deps);
    // Each module's DepMods in instruction order.
    for (const QString &m : order) {
        QStringList d;
        for (const QString &other : order) {
            if (deps[m].contains(other))
                d << other;
        }
        deps[m] = d;
        result.dependencies.emplace_back(m, d);
    }

    auto changedInstruction = [&](const QString &m) {
        const QStringList &d = deps[m];
        switch (upgradeKindOf(*to.module(m))) {
        case UpgradeKind::Supervisor:
            if (d.isEmpty())
                return instr::updateSupervisor(m);
            {
                instr::UpdateOptions o;
                o.modType = instr::ModType::Static;
                o.extra = Term::nil();
                o.depMods = d;
                return instr::update(m, o);
            }
        case UpgradeKind::Advanced: {
            instr::UpdateOptions o;
            o.extra = Term::nil();
            o.depMods = d;
            return instr::update(m, o);
        }
        case UpgradeKind::LoadModule:
            break;
        }
        return instr::loadModule(m, d);
    };

    std::vector<Term> up;
    std::vector<Term> down;
    for (const QString &m : order) {
        if (diff.changeOf(m) == ModuleChange::Added) {
            up.push_back(instr::addModule(m, deps[m]));
            down.push_back(instr::deleteModule(m));
        } else {
            const Term i = changedInstruction(m);
            up.push_back(i);
            down.push_back(i);
        }
    }
    for (const QString &m : diff.deleted) {
        up.push_back(instr::deleteModule(m));
        down.push_back(instr::addModule(m));
    }
    std::reverse(down.begin(), down.end());

    const Term oldVsn = Term::string(from.spec.vsn);
    result.appup = makeAppup(to.spec.vsn, {{oldVsn, std::move(up)}}, {{oldVsn, std::move(down)}});
    return result;
}

Expected<GeneratedAppup> generateAppup(const QString &fromDir, const QString &toDir)
{
    const auto from = loadAppVersion(fromDir);
    if (!from)
        return from.error();
    const auto to = loadAppVersion(toDir);
    if (!to)
        return to.error();
    return generateAppup(*from, *to);
}

} // namespace rs::upgrade
