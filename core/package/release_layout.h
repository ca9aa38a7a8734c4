#pragma once

#include "common/expected.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace rs::release {
struct ResolvedRelease;
}

namespace rs::script {
struct BootRules;
}

namespace rs::package {

// One file of a release package: read from disk (sourcePath) or generated (data).
struct PackageMember
{
    QString name;       // inside the package, e.g. "lib/kernel-8.5.3/ebin/kernel.app"
    QString sourcePath; // empty when the bytes are generated
    QByteArray data;
    quint32 mode = 0100644;
    bool isDirectory = false; // an empty directory

    bool isGenerated() const { return sourcePath.isEmpty() && !isDirectory; }
};

// What goes into a release besides its applications.
struct PackageInputs
{
    QString relFile;            // the .rel, packed as releases/NAME.rel and releases/VSN/NAME.rel
    QByteArray bootFile;        // start.boot (generated from the .rel)
    QString sysConfig;          // optional
    QString vmArgs;             // optional
    QString relup;              // optional
    QString ertsRoot;           // optional: an OTP root whose erts-VSN/bin is packed
    bool includeSource = false; // src/ and include/ of each application too
};

// The members of a release tarball in the order systools:make_tar writes them: per application in
// start order its priv/ tree, the extra directories, ebin/NAME.app and the .beam files in .app
// order; then releases/NAME.rel, releases/VSN/NAME.rel, releases/VSN/start.boot, relup, sys.config,
// vm.args; then erts-VSN/bin/* without the development tools make_tar leaves out. Directory trees
// are walked in name order (make_tar uses the file system's order) so that builds are reproducible.
Expected<std::vector<PackageMember>> releaseMembers(const release::ResolvedRelease &release,
                                                    const PackageInputs &inputs);

// releaseMembers() and what makes it a bootable target system, as `mix release` and relx lay one
// out: bin/NAME (the control script), bin/start_clean.boot (kernel and stdlib only, for the
// script's control nodes), releases/RELEASES and releases/start_erl.data. `relstudio-cli assemble`
// writes these into a directory and `relstudio-cli tar` packs the same list.
Expected<std::vector<PackageMember>> targetMembers(const release::ResolvedRelease &release,
                                                   const PackageInputs &inputs,
                                                   const QString &fallbackErtsBin,
                                                   const script::BootRules &rules);

// The checks make_tar makes before packing: sys.config holds one list of {App, [{Key, Value}]} or
// file names; relup holds {Vsn, UpFrom, DownTo}; and vm.args has one emulator flag per line.
Findings checkSysConfig(const QString &path);
Findings checkRelup(const QString &path);
Findings checkVmArgs(const QString &path);
// All three, for the inputs that are given; releaseMembers() refuses inputs with problems.
Findings checkInputs(const PackageInputs &inputs);

} // namespace rs::package
