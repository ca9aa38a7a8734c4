#pragma once

#include "common/expected.h"
#include "jobs/progress.h"
#include "package/release_layout.h"

#include <QString>

#include <vector>

namespace rs::archive {
struct TarOptions;
}

namespace rs::package {

struct WriteStats
{
    qint64 files = 0;
    qint64 bytes = 0;
};

// The bytes all members will take, for progress.
qint64 totalSize(const std::vector<PackageMember> &members);

// Lays the members out under outDir, which must not exist or be empty. Everything is written into a
// sibling directory first and renamed into place at the end, so a failed or cancelled write leaves
// nothing behind. Progress is in bytes, with the member being written.
Expected<WriteStats> writeDirectory(const std::vector<PackageMember> &members, const QString &outDir,
                                    jobs::Monitor &monitor = jobs::silentMonitor());

// Packs the members into a tarball at tarPath (see archive::TarWriter); nothing is left at
// tarPath when it fails or is cancelled.
Expected<WriteStats> writeTarball(const std::vector<PackageMember> &members, const QString &tarPath,
                                  const archive::TarOptions &options,
                                  jobs::Monitor &monitor = jobs::silentMonitor());

} // namespace rs::package
