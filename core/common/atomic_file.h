#pragma once

#include "common/expected.h"

#include <QByteArray>
#include <QString>

namespace rs {

enum class WriteResult { Written, Unchanged };

// Writes through QSaveFile: readers see the old file or the new one, never half of one, and a
// failed write leaves the old file as it was. A file whose bytes would not change is not touched.
Expected<WriteResult> writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace rs
