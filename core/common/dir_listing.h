#pragma once

// Directory listings for the hot paths (scanning lib dirs and ebin directories on every run).
// QDir::entryList with name filters compiles a regular expression per call and builds a QFileInfo
// per entry; these read the directory once and look at names only (plus one stat for entries whose
// type the directory does not record, and for symbolic links). Like QDir::Files / QDir::Dirs without
// QDir::Hidden: hidden entries ("." first) are left out; links count as what they point to.

#include <QString>
#include <QStringList>

namespace rs {

// Files (or links to files) whose names end with suffix, sorted by name; {} when dir does not read.
QStringList filesEndingWith(const QString &dir, QStringView suffix);

// Directories (or links to directories) whose names start with prefix, sorted by name.
QStringList subdirectories(const QString &dir, QStringView prefix = {});

} // namespace rs
