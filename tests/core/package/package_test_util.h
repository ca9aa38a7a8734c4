#pragma once

// Helpers shared by the package tests (tests/core/package) and the package end-to-end tests
// (tests/e2e/tst_cli_package, tst_target_boot): running programs, files, and an independent
// reader of ustar/pax tarballs (zlib and a few lines of header parsing, not Relstudio's own
// archive layer), so that what Relstudio writes is checked by code that does not share its bugs.

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <optional>
#include <vector>

#include "support/process.h"

namespace rs::test::package {

// A finished program (support/process.h), described as bytes for QVERIFY2 messages.
struct ProgramRun : ProcessRun
{
    QByteArray describe() const { return ProcessRun::describe().toUtf8(); }
};

// Runs a program to completion with no input, in the C.UTF-8 locale. `environment` entries
// ("NAME=VALUE") are added to the current environment; "NAME=" removes NAME.
inline ProgramRun runProgram(const QString &program, const QStringList &args, const QString &workDir = {},
                             const QStringList &environment = {}, int timeoutMs = 300000)
{
    ProgramRun run;
    static_cast<ProcessRun &>(run) = runProcess(program, args, workDir, timeoutMs,
                                                QStringList{QStringLiteral("LC_ALL=C.UTF-8")} + environment);
    return run;
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size() && f.flush();
}

// Copies a directory tree (files and directories; symlinks are copied as the files they point
// to).
inline bool copyTree(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    const QFileInfoList entries =
        QDir(from).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    for (const QFileInfo &e : entries) {
        const QString target = to + QLatin1Char('/') + e.fileName();
        if (e.isDir()) {
            if (!copyTree(e.absoluteFilePath(), target))
                return false;
        } else if (!QFile::copy(e.absoluteFilePath(), target)) {
            return false;
        }
    }
    return true;
}

// Every entry below root as "relative/path" (directories too), sorted.
inline QStringList listTree(const QString &root)
{
    QStringList out;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(root).relativeFilePath(it.next());
    out.sort();
    return out;
}

inline quint32 modeOf(const QString &path)
{
    struct stat st
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? quint32(st.st_mode) : 0;
}

// Decompresses every gzip member of data; nullopt when it is not valid gzip.
inline std::optional<QByteArray> gunzip(const QByteArray &data)
{
    z_stream s{};
    if (inflateInit2(&s, 15 + 16) != Z_OK)
        return std::nullopt;
    QByteArray out;
    QByteArray buffer(1 << 20, '\0');
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    s.avail_in = uInt(data.size());
    for (;;) {
        s.next_out = reinterpret_cast<Bytef *>(buffer.data());
        s.avail_out = uInt(buffer.size());
        const int rc = inflate(&s, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&s);
            return std::nullopt;
        }
        out.append(buffer.constData(), buffer.size() - qsizetype(s.avail_out));
        if (rc == Z_STREAM_END) {
            if (s.avail_in == 0)
                break;
            inflateReset(&s); // a further gzip member
        }
    }
    inflateEnd(&s);
    return out;
}

// One member of a tar as its headers say, with its data.
struct TarMember
{
    QString name;
    char type = '0';
    quint32 mode = 0;
    qint64 uid = 0;
    qint64 gid = 0;
    qint64 size = 0;
    qint64 mtime = 0;
    QString linkname;
    QByteArray uname;
    QByteArray gname;
    QByteArray data;
    bool isFile() const { return type == '0' || type == '\0'; }
    bool isDirectory() const { return type == '5'; }
};

namespace detail {

inline QByteArray field(const char *block, int offset, int length)
{
    const char *start = block + offset;
    const void *nul = std::memchr(start, 0, size_t(length));
    return QByteArray(start, nul ? qsizetype(static_cast<const char *>(nul) - start) : length);
}

inline qint64 octalField(const char *block, int offset, int length, bool *ok)
{
    const QByteArray text = field(block, offset, length).trimmed();
    if (text.isEmpty())
        return 0;
    return text.toLongLong(ok, 8);
}

inline QMap<QByteArray, QByteArray> paxRecords(const QByteArray &data)
{
    QMap<QByteArray, QByteArray> records;
    qsizetype pos = 0;
    while (pos < data.size()) {
        const qsizetype space = data.indexOf(' ', pos);
        if (space < 0)
            break;
        const qsizetype length = data.mid(pos, space - pos).toLongLong();
        if (length <= 0)
            break;
        const QByteArray record = data.mid(space + 1, length - (space - pos) - 2); // without '\n'
        const qsizetype eq = record.indexOf('=');
        if (eq > 0)
            records.insert(record.left(eq), record.mid(eq + 1));
        pos += length;
    }
    return records;
}

} // namespace detail

// Parses an uncompressed tar (ustar with prefix, pax 'x' and 'g' headers, GNU 'L'/'K' long
// names); checks every header checksum. nullopt with *error set when the tar is malformed.
inline std::optional<std::vector<TarMember>> parseTar(const QByteArray &tar, QString *error)
{
    std::vector<TarMember> members;
    qsizetype pos = 0;
    QMap<QByteArray, QByteArray> pax;
    QByteArray longName, longLink;
    auto fail = [&](const QString &why) {
        *error = QStringLiteral("at offset %1: %2").arg(pos).arg(why);
        return std::nullopt;
    };
    while (pos + 512 <= tar.size()) {
        const char *block = tar.constData() + pos;
        if (std::all_of(block, block + 512, [](char c) { return c == 0; })) {
            if (pos + 1024 > tar.size() ||
                !std::all_of(block + 512, block + 1024, [](char c) { return c == 0; }))
                return fail(QStringLiteral("a single zero block"));
            return members;
        }
        bool ok = true;
        unsigned sum = 0;
        for (int i = 0; i < 512; ++i)
            sum += (i >= 148 && i < 156) ? unsigned(' ') : uchar(block[i]);
        if (detail::octalField(block, 148, 8, &ok) != qint64(sum) || !ok)
            return fail(QStringLiteral("bad header checksum"));
        TarMember m;
        m.type = block[156];
        m.mode = quint32(detail::octalField(block, 100, 8, &ok));
        m.uid = detail::octalField(block, 108, 8, &ok);
        m.gid = detail::octalField(block, 116, 8, &ok);
        m.size = detail::octalField(block, 124, 12, &ok);
        m.mtime = detail::octalField(block, 136, 12, &ok);
        if (!ok)
            return fail(QStringLiteral("bad numeric field"));
        m.uname = detail::field(block, 265, 32);
        m.gname = detail::field(block, 297, 32);
        const QByteArray name = detail::field(block, 0, 100);
        const QByteArray prefix =
            std::memcmp(block + 257, "ustar", 5) == 0 ? detail::field(block, 345, 155) : QByteArray();
        const QByteArray fullName = prefix.isEmpty() ? name : prefix + '/' + name;
        const QByteArray link = detail::field(block, 157, 100);
        const qint64 dataStart = pos + 512;
        const qint64 padded = (m.size + 511) / 512 * 512;
        if (dataStart + m.size > tar.size())
            return fail(QStringLiteral("truncated member data"));
        const QByteArray data = tar.mid(dataStart, m.size);
        pos = dataStart + padded;
        switch (m.type) {
        case 'x':
            pax = detail::paxRecords(data);
            continue;
        case 'g':
            continue;
        case 'L':
            longName = data.left(data.indexOf('\0') >= 0 ? data.indexOf('\0') : data.size());
            continue;
        case 'K':
            longLink = data.left(data.indexOf('\0') >= 0 ? data.indexOf('\0') : data.size());
            continue;
        default:
            break;
        }
        m.name = QString::fromUtf8(pax.contains("path")  ? pax.value("path")
                                   : !longName.isEmpty() ? longName
                                                         : fullName);
        m.linkname = QString::fromUtf8(pax.contains("linkpath") ? pax.value("linkpath")
                                       : !longLink.isEmpty()    ? longLink
                                                                : link);
        if (pax.contains("size"))
            m.size = pax.value("size").toLongLong();
        if (pax.contains("mtime"))
            m.mtime = qint64(pax.value("mtime").toDouble());
        m.data = (m.type == '0' || m.type == '\0') ? data : QByteArray();
        pax.clear();
        longName.clear();
        longLink.clear();
        members.push_back(std::move(m));
    }
    return fail(QStringLiteral("no end-of-archive blocks"));
}

// A ustar member written by hand (name up to 100 bytes), for archives Relstudio's TarWriter
// refuses to write, e.g. "./"-prefixed names.
inline QByteArray ustarMember(const QByteArray &name, const QByteArray &data = {}, char type = '0',
                              quint32 mode = 0644, qint64 mtime = 1700000000)
{
    QByteArray block(512, '\0');
    auto octal = [&block](int offset, int width, qint64 value) {
        const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
        std::memcpy(block.data() + offset, digits.constData(), size_t(digits.size()));
    };
    std::memcpy(block.data(), name.constData(), size_t(std::min<qsizetype>(name.size(), 100)));
    octal(100, 8, mode);
    octal(108, 8, 0);
    octal(116, 8, 0);
    octal(124, 12, type == '0' ? data.size() : 0);
    octal(136, 12, mtime);
    block[156] = type;
    std::memcpy(block.data() + 257,
                "ustar\0"
                "00",
                8);
    std::memset(block.data() + 148, ' ', 8);
    unsigned sum = 0;
    for (const char c : block)
        sum += uchar(c);
    const QByteArray checksum = QByteArray::number(sum, 8).rightJustified(6, '0');
    std::memcpy(block.data() + 148, checksum.constData(), 6);
    block[154] = '\0';
    if (type != '0')
        return block;
    return block + data + QByteArray((512 - data.size() % 512) % 512, '\0');
}

inline QByteArray ustarEnd()
{
    return QByteArray(1024, '\0');
}

// Reads a .tar.gz (or a plain .tar) with the parser above.
inline std::optional<std::vector<TarMember>> readTarball(const QString &path, QString *error)
{
    const QByteArray raw = readFile(path);
    if (raw.isEmpty()) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return std::nullopt;
    }
    if (raw.startsWith("\x1f\x8b")) {
        const auto tar = gunzip(raw);
        if (!tar) {
            *error = QStringLiteral("%1 is not valid gzip").arg(path);
            return std::nullopt;
        }
        return parseTar(*tar, error);
    }
    return parseTar(raw, error);
}

inline QStringList namesOf(const std::vector<TarMember> &members)
{
    QStringList names;
    for (const TarMember &m : members)
        names << m.name;
    return names;
}

// Orders two paths as a walk of the tree that visits each directory's entries in name order
// does: component by component.
inline bool treeOrderLess(const QString &a, const QString &b)
{
    const QStringList pa = a.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QStringList pb = b.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return std::lexicographical_compare(pa.begin(), pa.end(), pb.begin(), pb.end(),
                                        [](const QString &x, const QString &y) { return x < y; });
}

// Sorts, in place and in name order, each run of consecutive members whose names start with one
// of the prefixes (e.g. "lib/crypto-5.1.2/priv/", "erts-13.1.5/bin/"): the parts of a tarball
// that systools:make_tar writes in the file system's directory order. Returns whether anything
// moved.
inline bool sortTreeRuns(std::vector<TarMember> &members, const std::function<bool(const QString &)> &inTree,
                         const std::function<QString(const QString &)> &treeOf)
{
    bool moved = false;
    size_t i = 0;
    while (i < members.size()) {
        if (!inTree(members[i].name)) {
            ++i;
            continue;
        }
        const QString tree = treeOf(members[i].name);
        size_t j = i;
        while (j < members.size() && inTree(members[j].name) && treeOf(members[j].name) == tree)
            ++j;
        const std::vector<TarMember> before(members.begin() + qsizetype(i), members.begin() + qsizetype(j));
        std::stable_sort(
            members.begin() + qsizetype(i), members.begin() + qsizetype(j),
            [](const TarMember &a, const TarMember &b) { return treeOrderLess(a.name, b.name); });
        for (size_t k = i; k < j; ++k)
            moved = moved || members[k].name != before[k - i].name;
        i = j;
    }
    return moved;
}

} // namespace rs::test::package
