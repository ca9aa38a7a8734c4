#include "archive/archive_reader.h"
#include "archive/safe_extract.h"
#include "archive/tar_writer.h"

#include "archive_test_util.h"
#include "support/oracle.h"
#include "support/testdata.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <quazip.h>
#include <quazipfile.h>
#include <quazipnewinfo.h>

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>

using namespace rs::archive;
using namespace rs::test::archive;
using rs::test::errorOf;

namespace {

TarHeader header(const QByteArray &name, char type, const QByteArray &linkname = {}, quint32 mode = 0644)
{
    TarHeader h;
    h.name = name;
    h.type = type;
    h.linkname = linkname;
    h.mode = mode;
    return h;
}

QByteArray tarDir(const QByteArray &name)
{
    return tarMember(header(name, '5', {}, 0755));
}

QByteArray tarSymlink(const QByteArray &name, const QByteArray &target)
{
    return tarMember(header(name, '2', target, 0777));
}

QByteArray tarHardlink(const QByteArray &name, const QByteArray &target)
{
    return tarMember(header(name, '1', target));
}

// A .tar.gz whose one member declares `size` bytes of zeros (a multiple of 1 MiB). The deflate
// stream of 1 MiB of zeros after a full flush is always the same bytes, so it is computed once
// and repeated: a couple of MiB on disk, written in no time, and valid gzip all the same.
bool writeZeroBomb(const QString &path, const QByteArray &name, qint64 size)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    z_stream s{};
    deflateInit2(&s, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
    const auto deflateAll = [&s](const QByteArray &in, int flush) {
        QByteArray out(qsizetype(deflateBound(&s, uLong(in.size()))) + 64, '\0');
        s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
        s.avail_in = uInt(in.size());
        s.next_out = reinterpret_cast<Bytef *>(out.data());
        s.avail_out = uInt(out.size());
        deflate(&s, flush);
        out.truncate(out.size() - qsizetype(s.avail_out));
        return out;
    };
    TarHeader h;
    h.name = name;
    h.size = size;
    const QByteArray head = tarHeader(h);
    const QByteArray zeros(1 << 20, '\0');
    const QByteArray tail = QByteArray((512 - size % 512) % 512, '\0') + tarEnd();
    file.write(QByteArray::fromHex("1f8b0800000000000003"));
    file.write(deflateAll(head, Z_FULL_FLUSH));
    const QByteArray zerosDeflated = deflateAll(zeros, Z_FULL_FLUSH);
    uLong crc = crc32(0L, reinterpret_cast<const Bytef *>(head.constData()), uInt(head.size()));
    const uLong zerosCrc = crc32(0L, reinterpret_cast<const Bytef *>(zeros.constData()), uInt(zeros.size()));
    for (qint64 done = 0; done < size; done += zeros.size()) {
        file.write(zerosDeflated);
        crc = crc32_combine(crc, zerosCrc, zeros.size());
    }
    file.write(deflateAll(tail, Z_FINISH));
    deflateEnd(&s);
    crc = crc32(crc, reinterpret_cast<const Bytef *>(tail.constData()), uInt(tail.size()));
    const quint64 total = quint64(head.size() + size + tail.size());
    QByteArray trailer(8, '\0');
    for (int i = 0; i < 4; ++i) {
        trailer[i] = char((crc >> (8 * i)) & 0xff);
        trailer[4 + i] = char((total >> (8 * i)) & 0xff);
    }
    file.write(trailer);
    return file.flush();
}

// Inflates a gzip file as a stream; -1 when it is not valid gzip.
qint64 inflatedSize(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    z_stream s{};
    inflateInit2(&s, 15 + 16);
    QByteArray out(4 << 20, '\0');
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        const QByteArray in = file.read(1 << 20);
        if (in.isEmpty())
            break;
        s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
        s.avail_in = uInt(in.size());
        while (s.avail_in > 0 && rc != Z_STREAM_END) {
            s.next_out = reinterpret_cast<Bytef *>(out.data());
            s.avail_out = uInt(out.size());
            rc = inflate(&s, Z_NO_FLUSH);
            if (rc != Z_OK && rc != Z_STREAM_END) {
                inflateEnd(&s);
                return -1;
            }
        }
    }
    const qint64 total = qint64(s.total_out);
    inflateEnd(&s);
    return rc == Z_STREAM_END ? total : -1;
}

} // namespace

class TestSafeExtract : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_base;

    QString base(const QString &relative) const { return m_base + QLatin1Char('/') + relative; }
    QString target() const { return base(QStringLiteral("target")); }
    QString outside() const { return base(QStringLiteral("outside")); }

    QString writeArchive(const QByteArray &bytes, const QString &name = QStringLiteral("hostile.tar"))
    {
        const QString path = base(QStringLiteral("archives/") + name);
        writeFile(path, bytes);
        return path;
    }

    // Extracts and expects a refusal naming `member`; the whole temporary tree (target,
    // outside, archives) must be exactly as before.
    void expectRefused(const QString &archive, const QString &member, const QString &why = {},
                       const ExtractLimits &limits = {})
    {
        const auto before = snapshot(m_base);
        const auto result = extractSafely(archive, target(), {}, limits);
        QVERIFY2(!result, "the archive was extracted");
        const QString message = result.error().message;
        qInfo("%s", qPrintable(result.error().toString()));
        QVERIFY2(message.contains(QStringLiteral("'") + member + QStringLiteral("'")), qPrintable(message));
        if (!why.isEmpty())
            QVERIFY2(message.contains(why), qPrintable(message));
        QCOMPARE(result.error().location.file, archive);
        QCOMPARE(snapshot(m_base), before);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_base = m_dir->path();
        QVERIFY(writeFile(outside() + QStringLiteral("/sentinel.txt"), "keep me\n"));
        QVERIFY(QDir().mkpath(base(QStringLiteral("archives"))));
    }

    void cleanup() { m_dir.reset(); }

    void extractsWhatGnuTarWrote()
    {
        const QString src = base(QStringLiteral("src"));
        QVERIFY(writeFile(src + QStringLiteral("/app/ebin/app.beam"), randomBytes(100000)));
        QVERIFY(writeFile(src + QStringLiteral("/app/bin/start"), "#!/bin/sh\n"));
        QVERIFY(writeFile(src + QStringLiteral("/app/a.txt"), "shared\n"));
        QVERIFY(::link(QFile::encodeName(src + QStringLiteral("/app/a.txt")).constData(),
                       QFile::encodeName(src + QStringLiteral("/app/b.txt")).constData()) == 0);
        QVERIFY(QDir().mkpath(src + QStringLiteral("/app/priv/empty")));
        QVERIFY(QFile::link(QStringLiteral("ebin/app.beam"), src + QStringLiteral("/app/current")));
        QVERIFY(QFile::link(QStringLiteral("../a.txt"), src + QStringLiteral("/app/priv/up")));
        QVERIFY(QFile::link(QStringLiteral("missing"), src + QStringLiteral("/app/dangling")));
        ::chmod(QFile::encodeName(src + QStringLiteral("/app/bin/start")).constData(), 0750);
        ::chmod(QFile::encodeName(src + QStringLiteral("/app/priv/empty")).constData(), 0700);
        const QString tgz = base(QStringLiteral("archives/good.tar.gz"));
        const ToolRun tar = runTool(QStringLiteral("tar"), {QStringLiteral("czf"), tgz, QStringLiteral("-C"),
                                                            src, QStringLiteral("app")});
        QVERIFY2(tar.ok(), tar.describe().constData());

        const auto result = extractSafely(tgz, target());
        QVERIFY2(result, errorOf(result).constData());
        QCOMPARE(result->files, 4); // three files and the hard link
        QCOMPARE(result->bytes, 100000 + 10 + 7);
        QCOMPARE(snapshot(target()), snapshot(src));
        struct stat a
        {
        }, b{};
        ::stat(QFile::encodeName(target() + QStringLiteral("/app/a.txt")).constData(), &a);
        ::stat(QFile::encodeName(target() + QStringLiteral("/app/b.txt")).constData(), &b);
        QCOMPARE(a.st_ino, b.st_ino);
        QCOMPARE(QFileInfo(target() + QStringLiteral("/app/ebin/app.beam")).lastModified().toSecsSinceEpoch(),
                 QFileInfo(src + QStringLiteral("/app/ebin/app.beam")).lastModified().toSecsSinceEpoch());
    }

    void extractsWhatTarWriterAndErlTarWrote()
    {
        const QString ours = base(QStringLiteral("archives/ours.tar.gz"));
        TarOptions options;
        options.fixedMtime = 1600000000;
        auto writer = TarWriter::create(ours, options);
        QVERIFY(writer);
        QVERIFY((*writer)->addData(QStringLiteral("releases/RELEASES"), "[].\n"));
        QVERIFY((*writer)->addData(QStringLiteral("bin/app"), "#!/bin/sh\n", 0100755));
        QVERIFY((*writer)->addDirectory(QStringLiteral("log")));
        QVERIFY((*writer)->finish());
        const auto result = extractSafely(ours, target());
        QVERIFY2(result, errorOf(result).constData());
        QCOMPARE(readFile(target() + QStringLiteral("/releases/RELEASES")), QByteArray("[].\n"));
        QVERIFY(QFileInfo(target() + QStringLiteral("/bin/app")).isExecutable());
        QVERIFY(QFileInfo(target() + QStringLiteral("/log")).isDir());
        QCOMPARE(QFileInfo(target() + QStringLiteral("/bin/app")).lastModified().toSecsSinceEpoch(),
                 1600000000);

        const QString erl = base(QStringLiteral("archives/erl.tar.gz"));
        const auto run =
            rs::test::evalErl(QStringLiteral("ok = erl_tar:create(\"%1\", [{\"x/y.txt\", <<\"why\">>}, "
                                             "{\"z\", <<\"zed\">>}], [compressed])")
                                  .arg(erl));
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        const QString into = base(QStringLiteral("erl-out"));
        const auto fromErl = extractSafely(erl, into);
        QVERIFY2(fromErl, errorOf(fromErl).constData());
        QCOMPARE(readFile(into + QStringLiteral("/x/y.txt")), QByteArray("why"));
        QCOMPARE(fromErl->files, 2);
    }

    void extractsOnlyWhatIsAsked()
    {
        const QString archive = writeArchive(tarDir("./") + tarDir("./bin/") + tarFile("./bin/run", "run") +
                                                 tarFile("./binary", "not me") + tarFile("./lib/a/x", "x") +
                                                 tarFile("./lib/b/y", "y") + tarEnd(),
                                             QStringLiteral("only.tar"));
        const auto result =
            extractSafely(archive, target(), {QStringLiteral("bin"), QStringLiteral("./lib/b/")});
        QVERIFY2(result, errorOf(result).constData());
        QCOMPARE(result->files, 2);
        QCOMPARE(snapshot(target()).keys(),
                 (QStringList{QStringLiteral("bin"), QStringLiteral("bin/run"), QStringLiteral("lib"),
                              QStringLiteral("lib/b"), QStringLiteral("lib/b/y")}));
    }

    void laterCopiesReplaceEarlierOnes()
    {
        const QString archive =
            writeArchive(tarFile("a.txt", "first") + tarFile("a.txt", "second") + tarEnd());
        const auto result = extractSafely(archive, target());
        QVERIFY2(result, errorOf(result).constData());
        QCOMPARE(readFile(target() + QStringLiteral("/a.txt")), QByteArray("second"));
    }

    void refusesAbsolutePaths()
    {
        const QByteArray evil = QFile::encodeName(outside() + QStringLiteral("/evil.txt"));
        expectRefused(writeArchive(tarFile("ok.txt", "fine") + tarFile(evil, "evil") + tarEnd()),
                      QString::fromUtf8(evil), QStringLiteral("absolute path"));
        QVERIFY(!QFile::exists(outside() + QStringLiteral("/evil.txt")));
    }

    void refusesDotDot()
    {
        expectRefused(
            writeArchive(tarFile("ok.txt", "fine") + tarFile("../outside/evil.txt", "evil") + tarEnd()),
            QStringLiteral("../outside/evil.txt"), QStringLiteral("'..'"));
        expectRefused(writeArchive(tarFile("a/b/../../../outside/evil.txt", "evil") + tarEnd()),
                      QStringLiteral("a/b/../../../outside/evil.txt"));
        // Even a '..' that would stay inside: there is no reason for one in a release.
        expectRefused(writeArchive(tarFile("a/../b.txt", "b") + tarEnd()), QStringLiteral("a/../b.txt"));
    }

    void refusesAbsoluteSymlinks()
    {
        expectRefused(writeArchive(tarSymlink("link", QFile::encodeName(outside())) +
                                   tarFile("link/evil.txt", "evil") + tarEnd()),
                      QStringLiteral("link"), QStringLiteral("absolute"));
    }

    void refusesRelativeSymlinksOut()
    {
        expectRefused(writeArchive(tarDir("sub/") + tarSymlink("sub/link", "../../outside") +
                                   tarFile("sub/link/evil.txt", "evil") + tarEnd()),
                      QStringLiteral("sub/link"), QStringLiteral("outside"));
        expectRefused(writeArchive(tarSymlink("up", "..") + tarEnd()), QStringLiteral("up"));
    }

    void refusesWritingThroughASymlinkInside()
    {
        expectRefused(writeArchive(tarDir("sub/") + tarFile("sub/a.txt", "a") + tarSymlink("link", "sub") +
                                   tarFile("link/evil.txt", "evil") + tarEnd()),
                      QStringLiteral("link/evil.txt"), QStringLiteral("symbolic link 'link'"));
        // The same name as a file after the link, and a directory through it.
        expectRefused(writeArchive(tarSymlink("link", "sub") + tarFile("link", "x") + tarEnd()),
                      QStringLiteral("link"));
        expectRefused(writeArchive(tarSymlink("link", "sub") + tarDir("link/d/") + tarEnd()),
                      QStringLiteral("link/d/"));
    }

    void refusesSymlinkChainsThatLeave()
    {
        // Each link stays inside on its own; together "m" leads to target/..
        expectRefused(writeArchive(tarSymlink("m", "x/..") + tarSymlink("x", ".") + tarEnd()),
                      QStringLiteral("m"), QStringLiteral("through other symbolic links"));
        expectRefused(writeArchive(tarDir("a/b/c/") + tarSymlink("a/b/c/l", "../../..") +
                                   tarSymlink("m", "a/b/c/l/..") + tarEnd()),
                      QStringLiteral("m"));
        // A loop is refused too.
        expectRefused(writeArchive(tarSymlink("p", "q/x") + tarSymlink("q", "p/y") + tarEnd()),
                      QStringLiteral("p"));
    }

    void refusesPreexistingSymlinksInTheTarget()
    {
        QVERIFY(QDir().mkpath(target()));
        QVERIFY(QFile::link(outside(), target() + QStringLiteral("/lib")));
        expectRefused(writeArchive(tarFile("lib/evil.txt", "evil") + tarEnd()),
                      QStringLiteral("lib/evil.txt"), QStringLiteral("symbolic link"));
        expectRefused(writeArchive(tarSymlink("m", "lib/..") + tarEnd()), QStringLiteral("m"));
    }

    void refusesHardlinksOut()
    {
        expectRefused(writeArchive(tarHardlink("h", "../outside/sentinel.txt") + tarEnd()),
                      QStringLiteral("h"));
        expectRefused(
            writeArchive(tarHardlink("h", QFile::encodeName(outside() + QStringLiteral("/sentinel.txt"))) +
                         tarEnd()),
            QStringLiteral("h"));
        // Not a file this archive extracted: a file that was in the target before, or a directory.
        QVERIFY(writeFile(target() + QStringLiteral("/old.txt"), "old"));
        expectRefused(writeArchive(tarHardlink("h", "old.txt") + tarEnd()), QStringLiteral("h"),
                      QStringLiteral("not a file extracted"));
        expectRefused(writeArchive(tarDir("d/") + tarHardlink("h", "d") + tarEnd()), QStringLiteral("h"));
        // A hard link through a symlink of the archive.
        expectRefused(
            writeArchive(tarFile("sub/f", "f") + tarSymlink("l", "sub") + tarHardlink("h", "l/f") + tarEnd()),
            QStringLiteral("h"));
    }

    void refusesDevicesAndFifos()
    {
        TarHeader chr = header("dev/zero", '3', {}, 0666);
        chr.devmajor = 1;
        chr.devminor = 5;
        expectRefused(writeArchive(tarFile("ok", "ok") + tarMember(chr) + tarEnd()),
                      QStringLiteral("dev/zero"), QStringLiteral("device"));
        expectRefused(writeArchive(tarMember(header("disk", '4')) + tarEnd()), QStringLiteral("disk"));
        expectRefused(writeArchive(tarMember(header("pipe", '6')) + tarEnd()), QStringLiteral("pipe"));
    }

    void refusesNonUtf8Names()
    {
        expectRefused(writeArchive(tarFile("good.txt", "g") + tarFile("caf\xe9.txt", "x") + tarEnd()),
                      QStringLiteral("caf\\xE9.txt"), QStringLiteral("UTF-8"));
        expectRefused(writeArchive(tarSymlink("link", "caf\xe9") + tarEnd()), QStringLiteral("link"));
    }

    void refusesGzipBombs()
    {
        const QString bomb = base(QStringLiteral("archives/bomb.tar.gz"));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(writeZeroBomb(bomb, "bomb.bin", qint64(2) * 1024 * 1024 * 1024));
        qInfo("2 GiB of zeros compressed to %lld bytes in %lld ms", QFileInfo(bomb).size(), timer.elapsed());
        QVERIFY(QFileInfo(bomb).size() < 4 * 1024 * 1024);
        timer.restart();
        expectRefused(bomb, QStringLiteral("bomb.bin"), QStringLiteral("times the archive's size"));
        QVERIFY(timer.elapsed() < 5000); // refused on the declared size, before writing
        // The generator makes well-formed gzip (zlib checks the CRC and the length at the end),
        // shown on a smaller one, which extracts when the limits allow it.
        const QString small = base(QStringLiteral("archives/small-bomb.tar.gz"));
        QVERIFY(writeZeroBomb(small, "zeros.bin", qint64(64) * 1024 * 1024));
        QCOMPARE(inflatedSize(small), qint64(64) * 1024 * 1024 + 512 + 1024);
        expectRefused(small, QStringLiteral("zeros.bin"), QStringLiteral("times the archive's size"));
        ExtractLimits generous;
        generous.maxExpansionRatio = 2000;
        const auto extracted = extractSafely(small, target(), {}, generous);
        QVERIFY2(extracted, errorOf(extracted).constData());
        QCOMPARE(QFileInfo(target() + QStringLiteral("/zeros.bin")).size(), qint64(64) * 1024 * 1024);
    }

    void enforcesLimits()
    {
        const QByteArray text = textBytes(3 * 1024 * 1024);
        const QString archive =
            writeArchive(gzipPlain(tarFile("a.txt", text) + tarFile("b.txt", text) + tarEnd()),
                         QStringLiteral("text.tar.gz"));
        ExtractLimits total;
        total.maxTotalBytes = 4 * 1024 * 1024;
        expectRefused(archive, QStringLiteral("b.txt"), QStringLiteral("in total"), total);
        ExtractLimits ratio;
        ratio.maxExpansionRatio = 2.0;
        ratio.expansionAllowance = 0;
        expectRefused(archive, QStringLiteral("a.txt"), QStringLiteral("times the archive's size"), ratio);
        ExtractLimits entries;
        entries.maxEntries = 1;
        expectRefused(archive, QStringLiteral("b.txt"), QStringLiteral("more than 1 members"), entries);
        QVERIFY(extractSafely(archive, target()));
    }

    void refusesTruncatedGzip()
    {
        const QByteArray gz = gzipPlain(tarFile("first.txt", "complete") +
                                        tarFile("second.bin", randomBytes(300000)) + tarEnd());
        expectRefused(writeArchive(gz.left(gz.size() - 100000), QStringLiteral("truncated.tar.gz")),
                      QStringLiteral("second.bin"));
    }

    void refusesBadHeaderChecksums()
    {
        TarHeader bad;
        bad.name = "second.txt";
        bad.size = 6;
        bad.breakChecksum = true;
        const QByteArray badMember = tarHeader(bad) + QByteArray("second").leftJustified(512, '\0');
        const QString archive = writeArchive(tarFile("first.txt", "first") + badMember + tarEnd());
        const auto before = snapshot(m_base);
        const auto result = extractSafely(archive, target());
        QVERIFY(!result);
        qInfo("%s", qPrintable(result.error().toString()));
        QVERIFY2(result.error().message.contains(QStringLiteral("first.txt")),
                 qPrintable(result.error().message));
        QCOMPARE(snapshot(m_base), before);
        // A damaged first header: nothing to name but the archive.
        const QString first = writeArchive(badMember + tarEnd(), QStringLiteral("bad-first.tar"));
        const auto firstResult = extractSafely(first, target());
        QVERIFY(!firstResult);
        qInfo("%s", qPrintable(firstResult.error().toString()));
        QCOMPARE(firstResult.error().location.file, first);
        QVERIFY(!QFile::exists(target()));
    }

    void neverReplacesWhatWasThere()
    {
        QVERIFY(writeFile(target() + QStringLiteral("/a.txt"), "mine"));
        QVERIFY(QDir().mkpath(target() + QStringLiteral("/lib")));
        expectRefused(writeArchive(tarFile("lib/new.txt", "new") + tarFile("a.txt", "theirs") + tarEnd()),
                      QStringLiteral("a.txt"), QStringLiteral("already exists"));
        QCOMPARE(readFile(target() + QStringLiteral("/a.txt")), QByteArray("mine"));
        // Existing directories are used; only the new files go when the extraction fails.
        QVERIFY(QDir(target() + QStringLiteral("/lib")).exists());
        QVERIFY(!QFile::exists(target() + QStringLiteral("/lib/new.txt")));
    }

    void cancellationRemovesEverything()
    {
        const QString archive =
            writeArchive(gzipPlain(tarFile("a/one.bin", randomBytes(500000)) +
                                   tarFile("a/two.bin", randomBytes(500000, 2)) + tarEnd()),
                         QStringLiteral("cancel.tar.gz"));
        const auto before = snapshot(m_base);
        std::atomic_bool cancel{false};
        rs::jobs::CallbackMonitor monitor(
            [&](const rs::jobs::Progress &p) {
                if (p.current == QStringLiteral("a/two.bin"))
                    cancel = true;
            },
            &cancel);
        const auto result = extractSafely(archive, target(), {}, {}, monitor);
        QVERIFY(!result);
        QVERIFY2(isCancellation(result.error()), qPrintable(result.error().toString()));
        QCOMPARE(snapshot(m_base), before);
    }

    void zipMembersAreCheckedToo()
    {
        const QString zipPath = base(QStringLiteral("archives/evil.ez"));
        {
            QuaZip zip(zipPath);
            QVERIFY(zip.open(QuaZip::mdCreate));
            for (const auto &[name, data] :
                 {std::pair{QStringLiteral("app-1.0/ebin/app.app"), QByteArray("{application,app,[]}.")},
                  std::pair{QStringLiteral("app-1.0/../../outside/evil.txt"), QByteArray("evil")}}) {
                QuaZipFile file(&zip);
                QVERIFY(file.open(QIODevice::WriteOnly, QuaZipNewInfo(name)));
                file.write(data);
                file.close();
            }
            zip.close();
        }
        expectRefused(zipPath, QStringLiteral("app-1.0/../../outside/evil.txt"));

        const QString good = base(QStringLiteral("archives/good.ez"));
        {
            QuaZip zip(good);
            QVERIFY(zip.open(QuaZip::mdCreate));
            QuaZipFile file(&zip);
            QVERIFY(file.open(QIODevice::WriteOnly, QuaZipNewInfo(QStringLiteral("app-1.0/ebin/app.app"))));
            file.write("{application,app,[]}.");
            file.close();
            zip.close();
        }
        const auto result = extractSafely(good, target());
        QVERIFY2(result, errorOf(result).constData());
        QCOMPARE(readFile(target() + QStringLiteral("/app-1.0/ebin/app.app")),
                 QByteArray("{application,app,[]}."));
    }
};

QTEST_GUILESS_MAIN(TestSafeExtract)
#include "tst_safe_extract.moc"
