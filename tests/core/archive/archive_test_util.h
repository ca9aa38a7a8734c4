#pragma once

// Helpers shared by the archive tests: running tools, hand-made tar headers, gzip with plain
// zlib, and snapshots of directory trees.

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cstring>

namespace rs::test::archive {

struct ToolRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool ok() const { return exitCode == 0; }
    QByteArray describe() const { return "exit " + QByteArray::number(exitCode) + ": " + err + out; }
};

inline ToolRun runTool(const QString &program, const QStringList &args, const QString &workDir = {},
                       int timeoutMs = 300000)
{
    QProcess process;
    if (!workDir.isEmpty())
        process.setWorkingDirectory(workDir);
    process.setStandardInputFile(QProcess::nullDevice());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8")); // tar lists UTF-8 names as is
    process.setProcessEnvironment(environment);
    process.start(program, args);
    ToolRun run;
    if (!process.waitForStarted()) {
        run.err = "cannot start " + program.toUtf8();
        return run;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = "timed out";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size() && f.flush();
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline QByteArray randomBytes(qsizetype size, quint32 seed = 42)
{
    QRandomGenerator generator(seed);
    QByteArray out(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        out[i] = char(generator.bounded(256));
    return out;
}

// Text-like data that compresses about as well as source code.
inline QByteArray textBytes(qsizetype size, quint32 seed = 7)
{
    static const char *const words[] = {
        "module",      "export", "fun",   "case",  "of",    "end",       "receive", "after", "gen_server",
        "handle_call", "ok",     "error", "State", "Reply", "->",        "{",       "}",     "[",
        "]",           ",",      ".",     "\n",    "    ",  "lists:map", "maps:get"};
    QRandomGenerator generator(seed);
    QByteArray out;
    out.reserve(size + 32);
    while (out.size() < size) {
        out += words[generator.bounded(int(sizeof words / sizeof *words))];
        out += ' ';
    }
    out.truncate(size);
    return out;
}

// A ustar header written by hand, for archives no well-behaved tool would make.
struct TarHeader
{
    QByteArray name;
    char type = '0';
    qint64 size = 0;
    quint32 mode = 0644;
    QByteArray linkname;
    qint64 mtime = 1700000000;
    int devmajor = 0;
    int devminor = 0;
    bool breakChecksum = false;
};

inline void putOctal(QByteArray &block, int offset, int width, qint64 value)
{
    QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    std::memcpy(block.data() + offset, digits.constData(), std::size_t(digits.size()));
}

inline QByteArray tarHeader(const TarHeader &h)
{
    QByteArray block(512, '\0');
    std::memcpy(block.data(), h.name.constData(), std::size_t(std::min<qsizetype>(h.name.size(), 100)));
    putOctal(block, 100, 8, h.mode);
    putOctal(block, 108, 8, 0);
    putOctal(block, 116, 8, 0);
    putOctal(block, 124, 12, h.size);
    putOctal(block, 136, 12, h.mtime);
    block[156] = h.type;
    std::memcpy(block.data() + 157, h.linkname.constData(),
                std::size_t(std::min<qsizetype>(h.linkname.size(), 100)));
    std::memcpy(block.data() + 257,
                "ustar\0"
                "00",
                8);
    putOctal(block, 329, 8, h.devmajor);
    putOctal(block, 337, 8, h.devminor);
    std::memset(block.data() + 148, ' ', 8);
    unsigned sum = 0;
    for (char c : block)
        sum += uchar(c);
    if (h.breakChecksum)
        sum += 1;
    QByteArray digits = QByteArray::number(sum, 8).rightJustified(6, '0');
    std::memcpy(block.data() + 148, digits.constData(), 6);
    block[154] = '\0';
    return block;
}

inline QByteArray tarMember(const TarHeader &header, const QByteArray &data = {})
{
    TarHeader h = header;
    if (h.type == '0' && h.size == 0)
        h.size = data.size();
    QByteArray out = tarHeader(h) + data;
    out.append(QByteArray((512 - data.size() % 512) % 512, '\0'));
    return out;
}

inline QByteArray tarFile(const QByteArray &name, const QByteArray &data)
{
    TarHeader h;
    h.name = name;
    return tarMember(h, data);
}

inline QByteArray tarEnd()
{
    return QByteArray(1024, '\0');
}

// A complete gzip member made with plain single-threaded zlib.
inline QByteArray gzipPlain(const QByteArray &data, int level = 6)
{
    z_stream s{};
    deflateInit2(&s, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(qsizetype(deflateBound(&s, uLong(data.size()))) + 64, '\0');
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    s.avail_in = uInt(data.size());
    s.next_out = reinterpret_cast<Bytef *>(out.data());
    s.avail_out = uInt(out.size());
    deflate(&s, Z_FINISH);
    out.truncate(qsizetype(s.total_out));
    deflateEnd(&s);
    return out;
}

// Decompresses every gzip member of `data`; empty and *ok false when it is not valid gzip.
inline QByteArray gunzip(const QByteArray &data, bool *ok)
{
    *ok = false;
    z_stream s{};
    if (inflateInit2(&s, 15 + 16) != Z_OK)
        return {};
    QByteArray out;
    QByteArray buffer(1 << 20, '\0');
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    s.avail_in = uInt(data.size());
    int rc = Z_OK;
    do {
        s.next_out = reinterpret_cast<Bytef *>(buffer.data());
        s.avail_out = uInt(buffer.size());
        rc = inflate(&s, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&s);
            return {};
        }
        out.append(buffer.constData(), buffer.size() - qsizetype(s.avail_out));
    } while (rc != Z_STREAM_END);
    *ok = s.avail_in == 0;
    inflateEnd(&s);
    return out;
}

// Everything below `root`: relative path -> "type mode size sha1|link target", symlinks not
// followed. Two snapshots compare equal when nothing was created, removed or changed.
inline QMap<QString, QString> snapshot(const QString &root)
{
    QMap<QString, QString> out;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        struct stat st
        {
        };
        ::lstat(QFile::encodeName(path).constData(), &st);
        QString description = QString::number(st.st_mode, 8) + QLatin1Char(' ') + QString::number(st.st_size);
        if (S_ISLNK(st.st_mode)) {
            char target[4096];
            const ssize_t n = ::readlink(QFile::encodeName(path).constData(), target, sizeof target);
            description += QStringLiteral(" -> ") + QString::fromUtf8(target, n > 0 ? qsizetype(n) : 0);
        } else if (S_ISREG(st.st_mode))
            description += QLatin1Char(' ') +
                           QString::fromLatin1(
                               QCryptographicHash::hash(readFile(path), QCryptographicHash::Sha1).toHex());
        out.insert(QDir(root).relativeFilePath(path), description);
    }
    return out;
}

} // namespace rs::test::archive
