#include "common/atomic_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace rs {

Expected<WriteResult> writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QFile existing(path);
    if (existing.size() == bytes.size() && existing.open(QIODevice::ReadOnly) && existing.readAll() == bytes)
        return WriteResult::Unchanged;
    existing.close();
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return Finding::error(QStringLiteral("cannot create the directory %1").arg(dir), {path, 0, 0});
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Finding::error(QStringLiteral("cannot write the file: %1").arg(file.errorString()),
                              {path, 0, 0});
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Finding::error(QStringLiteral("cannot write the file: %1").arg(file.errorString()),
                              {path, 0, 0});
    return WriteResult::Written;
}

} // namespace rs
