#include "release/lib_dir_name.h"

namespace rs::release {

LibDirName splitLibDirName(QStringView dir)
{
    const qsizetype dash = dir.indexOf(QLatin1Char('-'));
    if (dash <= 0)
        return {dir.toString(), QString()};
    return {dir.left(dash).toString(), dir.mid(dash + 1).toString()};
}

} // namespace rs::release
