#include "common/dir_listing.h"

#include <QFile>

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <memory>

namespace rs {

namespace {

enum class Wanted { Files, Directories };

QStringList list(const QString &dir, Wanted wanted, QStringView prefix, QStringView suffix)
{
    const QByteArray path = QFile::encodeName(dir);
    std::unique_ptr<DIR, int (*)(DIR *)> handle(opendir(path.constData()), closedir);
    if (!handle)
        return {};
    QStringList names;
    while (const dirent *entry = readdir(handle.get())) {
        if (entry->d_name[0] == '.')
            continue;
        const QString name = QFile::decodeName(entry->d_name);
        if (!name.startsWith(prefix) || !name.endsWith(suffix))
            continue;
        unsigned char type = entry->d_type;
        if (type == DT_UNKNOWN || type == DT_LNK) {
            struct stat st
            {
            };
            const QByteArray target = path + '/' + QByteArray(entry->d_name);
            if (stat(target.constData(), &st) != 0)
                continue;
            type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
        }
        if (type == (wanted == Wanted::Files ? DT_REG : DT_DIR))
            names << name;
    }
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

QStringList filesEndingWith(const QString &dir, QStringView suffix)
{
    return list(dir, Wanted::Files, {}, suffix);
}

QStringList subdirectories(const QString &dir, QStringView prefix)
{
    return list(dir, Wanted::Directories, prefix, {});
}

} // namespace rs
