#pragma once

#include "archive/archive_entry.h"
#include "common/expected.h"
#include "jobs/progress.h"
#include "term/term.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace rs::package {

struct InspectedApp
{
    QString name;
    QString vsn;
    qint64 bytes = 0; // all files under lib/NAME-VSN
    int modules = 0;  // .beam files in its ebin
    bool hasAppFile = false;
};

// What is inside a release tarball (or a release directory), read in one streaming pass.
struct InspectReport
{
    QString source;
    QString format;  // "directory" or the archive format
    QString relName; // from the release's .rel
    QString relVsn;
    QString ertsVsn;
    QString relFile; // the member it was read from
    std::vector<InspectedApp> apps;
    std::vector<archive::ArchiveEntry> entries;
    std::optional<term::Term> boot; // releases/VSN/start.boot, decoded
    QStringList relupUpFrom;
    QStringList relupDownTo;
    Findings warnings;
};

// Reads a tarball or a directory and reports what a release engineer asks of it, with warnings: no
// start.boot, "./"-prefixed member names (release_handler cannot find them), a module in two of the
// release's applications, an ERTS that differs from the .rel's (or from expectedErts, the OTP in
// use, when the release has no ERTS of its own), a sys.config that does not parse, a later release
// without a relup, and .rel applications missing from lib/. A directory's links are followed; in
// one that holds several releases, the release is the one releases/start_erl.data names.
Expected<InspectReport> inspectRelease(const QString &path, const QString &expectedErts = QString(),
                                       jobs::Monitor &monitor = jobs::silentMonitor());

// The report as text, as `relstudio-cli inspect` prints it (warnings are not included).
QString inspectReportText(const InspectReport &report);

} // namespace rs::package
