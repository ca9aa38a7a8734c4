#include "package/release_layout.h"

#include "package/target_files.h"
#include "release/app_spec.h"
#include "release/resolver.h"
#include "script/boot_script.h"
#include "term/reader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

namespace rs::package {

namespace {

// The development tools make_tar leaves out of erts-VSN/bin (systools_make:erts_binary_filter/0).
const QStringList ertsBinaryFilter = {QStringLiteral("typer"), QStringLiteral("dialyzer"),
                                      QStringLiteral("ct_run"), QStringLiteral("yielding_c_fun"),
                                      QStringLiteral("erlc")};

quint32 modeOf(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0100644;
    return quint32(st.st_mode);
}

PackageMember fileMember(const QString &name, const QString &source)
{
    return {name, source, {}, modeOf(source), false};
}

// A directory tree, files in name order at each level (symlinks followed, as make_tar's
// `dereference`); an empty directory gets an entry of its own. As in make_tar (erl_tar: enoent,
// eloop), a dangling symlink or a symlink loop is an error; so is a device, socket or FIFO.
// `ancestors`: the canonical paths of the directories being walked.
Expected<bool> addTree(const QString &dir, const QString &name, std::vector<PackageMember> &members,
                       QStringList &ancestors)
{
    const QString canonical = QFileInfo(dir).canonicalFilePath();
    if (ancestors.contains(canonical))
        return Finding::error(
            QStringLiteral("%1 is a symlink loop (it leads back to %2): the release cannot be packed")
                .arg(dir, canonical));
    ancestors << canonical;
    const QFileInfoList entries = QDir(dir).entryInfoList(
        QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
    if (entries.isEmpty())
        members.push_back({name, {}, {}, modeOf(dir), true});
    for (const QFileInfo &e : entries) {
        const QString childName = name + QLatin1Char('/') + e.fileName();
        if (e.isDir()) {
            const auto added = addTree(e.absoluteFilePath(), childName, members, ancestors);
            if (!added)
                return added;
        } else if (e.isFile()) {
            members.push_back(fileMember(childName, e.absoluteFilePath()));
        } else if (e.isSymLink()) {
            return Finding::error(
                QStringLiteral("%1 is a symlink to %2, which does not exist: the release cannot be packed")
                    .arg(e.absoluteFilePath(), e.symLinkTarget()));
        } else {
            return Finding::error(
                QStringLiteral(
                    "%1 is not a file or directory (a device, socket or FIFO): the release cannot be packed")
                    .arg(e.absoluteFilePath()));
        }
    }
    ancestors.removeLast();
    return true;
}

QString applicationDir(const release::AppSpec &spec)
{
    const QFileInfo ebin(spec.ebinDir);
    return ebin.fileName() == QLatin1String("ebin") ? ebin.absolutePath() : spec.ebinDir;
}

Expected<bool> addApplication(const release::ResolvedApp &app, const PackageInputs &inputs,
                              std::vector<PackageMember> &members)
{
    const release::AppSpec &spec = app.spec;
    const QString appDir = applicationDir(spec);
    const QString to = QStringLiteral("lib/%1-%2").arg(spec.name, spec.vsn);
    QStringList trees{QStringLiteral("priv")};
    if (inputs.includeSource)
        trees << QStringLiteral("src") << QStringLiteral("include");
    for (const QString &tree : std::as_const(trees)) {
        if (!QFileInfo(appDir + QLatin1Char('/') + tree).isDir())
            continue;
        QStringList ancestors;
        const auto added =
            addTree(appDir + QLatin1Char('/') + tree, to + QLatin1Char('/') + tree, members, ancestors);
        if (!added)
            return added;
    }
    members.push_back(
        fileMember(to + QStringLiteral("/ebin/") + spec.name + QStringLiteral(".app"), spec.appFile));
    for (const QString &module : spec.modules) {
        const QString beam = spec.ebinDir + QLatin1Char('/') + module + QStringLiteral(".beam");
        if (!QFileInfo(beam).isFile()) {
            return Finding::error(
                QStringLiteral("%1 lists module %2, but %3 is missing: the release cannot be packed")
                    .arg(spec.name, module, beam),
                spec.locationOf(u"modules"));
        }
        members.push_back(fileMember(to + QStringLiteral("/ebin/") + module + QStringLiteral(".beam"), beam));
    }
    return true;
}

} // namespace

Findings checkSysConfig(const QString &path)
{
    const auto terms = term::consultFile(path);
    if (!terms)
        return {terms.error()};
    if (terms->size() != 1) {
        return {Finding::error(
            QStringLiteral("sys.config must hold exactly one term (a list), not %1").arg(terms->size()),
            {path, 1, 1})};
    }
    const term::Term &config = terms->front();
    if (!config.isProperList())
        return {Finding::error(QStringLiteral("sys.config must hold a list of {Application, [{Key, Value}]}"),
                               {path, config.line(), config.column()})};
    Findings findings;
    for (const term::Term &entry : config.elements()) {
        const bool appEntry = entry.isTuple(2) && entry.at(0).isAtom() && entry.at(1).isProperList();
        const bool includedFile = release::isErlangString(entry) && !entry.isNil();
        if (!appEntry && !includedFile) {
            findings << Finding::error(
                QStringLiteral("expected {Application, [{Key, Value}]} or the name of a config file"),
                {path, entry.line(), entry.column()});
        }
    }
    return findings;
}

Findings checkRelup(const QString &path)
{
    const auto terms = term::consultFile(path);
    if (!terms)
        return {terms.error()};
    if (terms->size() != 1 || !terms->front().isTuple(3) || !release::isErlangString(terms->front().at(0)) ||
        terms->front().at(0).isNil() || !terms->front().at(1).isProperList() ||
        !terms->front().at(2).isProperList()) {
        return {Finding::error(QStringLiteral("a relup must hold one term {Vsn, [UpFrom...], [DownTo...]}"),
                               {path, 1, 1})};
    }
    return {};
}

Findings checkVmArgs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {
            Finding::error(QStringLiteral("cannot read the file: %1").arg(file.errorString()), {path, 0, 0})};
    Findings findings;
    int line = 0;
    while (!file.atEnd()) {
        ++line;
        const QString text = QString::fromUtf8(file.readLine()).trimmed();
        if (text.isEmpty() || text.startsWith(QLatin1Char('#')))
            continue;
        if (!text.startsWith(QLatin1Char('-')) && !text.startsWith(QLatin1Char('+'))) {
            findings << Finding::error(
                QStringLiteral("expected an emulator flag starting with '-' or '+', found '%1'")
                    .arg(text.left(40)),
                {path, line, 1});
        }
    }
    return findings;
}

Findings checkInputs(const PackageInputs &inputs)
{
    Findings problems;
    if (!inputs.sysConfig.isEmpty())
        problems << checkSysConfig(inputs.sysConfig);
    if (!inputs.vmArgs.isEmpty())
        problems << checkVmArgs(inputs.vmArgs);
    if (!inputs.relup.isEmpty())
        problems << checkRelup(inputs.relup);
    return problems;
}

Expected<std::vector<PackageMember>> releaseMembers(const release::ResolvedRelease &release,
                                                    const PackageInputs &inputs)
{
    const Findings problems = checkInputs(inputs);
    if (!problems.isEmpty())
        return problems.constFirst();

    std::vector<PackageMember> members;
    for (const release::ResolvedApp &app : release.apps) {
        const auto added = addApplication(app, inputs, members);
        if (!added)
            return added.error();
    }
    const QString vsnDir = QStringLiteral("releases/") + release.rel.vsn;
    const QString relBase = QFileInfo(inputs.relFile).fileName();
    members.push_back(fileMember(QStringLiteral("releases/") + relBase, inputs.relFile));
    members.push_back(fileMember(vsnDir + QLatin1Char('/') + relBase, inputs.relFile));
    members.push_back({vsnDir + QStringLiteral("/start.boot"), {}, inputs.bootFile, 0100644, false});
    if (!inputs.relup.isEmpty())
        members.push_back(fileMember(vsnDir + QStringLiteral("/relup"), inputs.relup));
    if (!inputs.sysConfig.isEmpty())
        members.push_back(fileMember(vsnDir + QStringLiteral("/sys.config"), inputs.sysConfig));
    if (!inputs.vmArgs.isEmpty())
        members.push_back(fileMember(vsnDir + QStringLiteral("/vm.args"), inputs.vmArgs));
    if (!inputs.ertsRoot.isEmpty()) {
        const QString ertsDir = QStringLiteral("erts-") + release.rel.ertsVsn;
        const QString bin = inputs.ertsRoot + QLatin1Char('/') + ertsDir + QStringLiteral("/bin");
        if (!QFileInfo(bin).isDir()) {
            return Finding::error(
                QStringLiteral("no %1 in %2: ERTS %3 is not installed there")
                    .arg(ertsDir + QStringLiteral("/bin"), inputs.ertsRoot, release.rel.ertsVsn));
        }
        const QFileInfoList bins = QDir(bin).entryInfoList(QDir::Files, QDir::Name);
        for (const QFileInfo &b : bins) {
            if (!ertsBinaryFilter.contains(b.fileName()))
                members.push_back(
                    fileMember(ertsDir + QStringLiteral("/bin/") + b.fileName(), b.absoluteFilePath()));
        }
    }
    return members;
}

} // namespace rs::package

namespace rs::package {

namespace {

// A boot script with only kernel and stdlib of the release: what `erl -boot start_clean` boots.
QByteArray startCleanBoot(const release::ResolvedRelease &release, const script::BootRules &rules)
{
    release::ResolvedRelease clean;
    clean.rel.name = QStringLiteral("start_clean");
    clean.rel.vsn = release.rel.vsn;
    clean.rel.ertsVsn = release.rel.ertsVsn;
    for (const char16_t *name : {u"kernel", u"stdlib"}) {
        if (const release::ResolvedApp *app = release.app(name)) {
            release::ResolvedApp copy = *app;
            copy.type = release::StartType::Permanent;
            copy.includes.clear();
            clean.apps.push_back(copy);
        }
    }
    return script::renderBootFiles(script::makeScript(clean, {}, rules)).boot;
}

} // namespace

Expected<std::vector<PackageMember>> targetMembers(const release::ResolvedRelease &release,
                                                   const PackageInputs &inputs,
                                                   const QString &fallbackErtsBin,
                                                   const script::BootRules &rules)
{
    auto members = releaseMembers(release, inputs);
    if (!members)
        return members;
    members->push_back({QStringLiteral("bin/") + release.rel.name,
                        {},
                        releaseControlScript(release.rel.name, fallbackErtsBin),
                        0100755,
                        false});
    members->push_back(
        {QStringLiteral("bin/start_clean.boot"), {}, startCleanBoot(release, rules), 0100644, false});
    members->push_back({QStringLiteral("releases/RELEASES"), {}, releasesFileText(release), 0100644, false});
    members->push_back(
        {QStringLiteral("releases/start_erl.data"), {}, startErlData(release), 0100644, false});
    return members;
}

} // namespace rs::package
