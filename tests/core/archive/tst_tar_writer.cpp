#include "archive/archive_reader.h"
#include "archive/tar_writer.h"

#include "archive_test_util.h"
#include "support/oracle.h"
#include "support/testdata.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <sys/stat.h>

#include <functional>
#include <limits>

using namespace rs::archive;
using namespace rs::test::archive;
using rs::test::errorOf;

namespace {

constexpr qint64 fixedTime = 1700000000;
constexpr qint64 block = 128 * 1024; // ParallelGzip's block size
// erl's file names are UTF-8 whatever the locale the test runs in.
const QStringList unicodeNames{QStringLiteral("+fnu")};

QString erlString(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : s) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\') + c;
        else if (c.unicode() >= 0x80)
            out += QStringLiteral("\\x{%1}").arg(c.unicode(), 0, 16);
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

quint32 statMode(const QString &path)
{
    struct stat st
    {
    };
    ::stat(QFile::encodeName(path).constData(), &st);
    return quint32(st.st_mode);
}

} // namespace

class TestTarWriter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_src;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // The same members, added by erl_tar and by TarWriter.
    struct Member
    {
        enum Kind { File, Data, Directory } kind;
        QString name;
        QString source;  // File, Directory
        QByteArray data; // Data
    };

    QList<Member> members() const
    {
        const QString longSplit = QString(80, QLatin1Char('p')) + QLatin1Char('/') +
                                  QString(40, QLatin1Char('q')) + QStringLiteral("/file.txt");
        const QString tooLong = QString(120, QLatin1Char('a')) + QLatin1Char('/') +
                                QString(120, QLatin1Char('b')) + QLatin1Char('/') +
                                QString(50, QLatin1Char('c'));
        const QString longLast = QStringLiteral("dir/") + QString(100, QLatin1Char('z'));
        const QString exactly100 = QStringLiteral("lib/") + QString(96, QLatin1Char('x'));
        return {
            {Member::File, QStringLiteral("lib/app-1.0/ebin/f.txt"), m_src + QStringLiteral("/f.txt"), {}},
            {Member::File, QStringLiteral("bin/run.sh"), m_src + QStringLiteral("/run.sh"), {}},
            {Member::File, QStringLiteral("lib/big.bin"), m_src + QStringLiteral("/big.bin"), {}},
            {Member::File, QStringLiteral("lib/empty.txt"), m_src + QStringLiteral("/empty.txt"), {}},
            {Member::Directory, QStringLiteral("lib/app-1.0/priv"), m_src + QStringLiteral("/emptydir"), {}},
            {Member::File, longSplit, m_src + QStringLiteral("/f.txt"), {}},
            {Member::File, tooLong, m_src + QStringLiteral("/f.txt"), {}},
            {Member::File, longLast, m_src + QStringLiteral("/f.txt"), {}},
            {Member::File, exactly100, m_src + QStringLiteral("/f.txt"), {}},
            {Member::File,
             QString::fromUtf8("lib/\xc3\xa9t\xc3\xa9.txt"),
             m_src + QStringLiteral("/f.txt"),
             {}},
            {Member::Data, QStringLiteral("releases/RELEASES"), {}, QByteArray("[{release,\"x\"}].\n")},
            {Member::Data, QStringLiteral("releases/1.0/start.boot"), {}, randomBytes(1000, 5)},
        };
    }

    // Writes members() with erl_tar (uncompressed or compressed) at the fixed mtime.
    void writeWithErlTar(const QString &out, bool compressed)
    {
        QString script = QStringLiteral("{ok, T} = erl_tar:open(%1, [write%2]), ")
                             .arg(erlString(out), compressed ? QStringLiteral(", compressed") : QString());
        const QString opts = QStringLiteral("[{mtime, %1}]").arg(fixedTime);
        for (const Member &m : members()) {
            switch (m.kind) {
            case Member::File:
                script += QStringLiteral("ok = erl_tar:add(T, %1, %2, %3), ")
                              .arg(erlString(m.source), erlString(m.name), opts);
                break;
            case Member::Directory:
                script += QStringLiteral("ok = erl_tar:add(T, %1, %2, [{mtime, %3}, {uid, 0}, {gid, 0}]), ")
                              .arg(erlString(m.source), erlString(m.name))
                              .arg(fixedTime);
                break;
            case Member::Data:
                script += QStringLiteral("ok = erl_tar:add(T, base64:decode(\"%1\"), %2, %3), ")
                              .arg(QString::fromLatin1(m.data.toBase64()), erlString(m.name), opts);
                break;
            }
        }
        script += QStringLiteral("ok = erl_tar:close(T)");
        const auto run = rs::test::evalErl(script, unicodeNames);
        QVERIFY2(run.ok(), qPrintable(run.describe()));
    }

    void writeWithTarWriter(const QString &out, TarOptions options)
    {
        options.fixedMtime = fixedTime;
        auto writer = TarWriter::create(out, options);
        QVERIFY2(writer, errorOf(writer).constData());
        for (const Member &m : members()) {
            rs::Expected<bool> added = true;
            switch (m.kind) {
            case Member::File:
                added = (*writer)->addFile(m.name, m.source);
                break;
            case Member::Directory:
                added = (*writer)->addDirectory(m.name, statMode(m.source));
                break;
            case Member::Data:
                added = (*writer)->addData(m.name, m.data);
                break;
            }
            QVERIFY2(added, errorOf(added).constData());
        }
        const auto finished = (*writer)->finish();
        QVERIFY2(finished, errorOf(finished).constData());
    }

    // A header-by-header comparison gives a better message than comparing whole files.
    void compareTars(const QByteArray &ours, const QByteArray &theirs)
    {
        for (qsizetype offset = 0; offset < std::min(ours.size(), theirs.size()); offset += 512) {
            const QByteArray a = ours.mid(offset, 512);
            const QByteArray b = theirs.mid(offset, 512);
            if (a != b) {
                qsizetype first = 0;
                while (a[first] == b[first])
                    ++first;
                QFAIL(qPrintable(QStringLiteral("block at %1 differs from byte %2:\nours:   %3\nerl_tar: %4")
                                     .arg(offset)
                                     .arg(first)
                                     .arg(QString::fromLatin1(a.toHex()), QString::fromLatin1(b.toHex()))));
            }
        }
        QCOMPARE(ours.size(), theirs.size());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_src = m_dir.filePath(QStringLiteral("src"));
        QVERIFY(writeFile(m_src + QStringLiteral("/f.txt"), "hello from a file\n"));
        QVERIFY(writeFile(m_src + QStringLiteral("/run.sh"), "#!/bin/sh\nexec true\n"));
        QVERIFY(writeFile(m_src + QStringLiteral("/big.bin"), randomBytes(700000, 9) + textBytes(300000)));
        QVERIFY(writeFile(m_src + QStringLiteral("/empty.txt"), QByteArray()));
        QVERIFY(QDir().mkpath(m_src + QStringLiteral("/emptydir")));
        QFile::setPermissions(m_src + QStringLiteral("/run.sh"),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                  QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    }

    void sameBytesAsErlTar()
    {
        const QString theirs = path(QStringLiteral("erl.tar"));
        const QString ours = path(QStringLiteral("ours.tar"));
        writeWithErlTar(theirs, false);
        TarOptions options;
        options.gzip = false;
        writeWithTarWriter(ours, options);
        compareTars(readFile(ours), readFile(theirs));
    }

    void firstHeaderMatchesErlTar()
    {
        // The 512 header bytes of one regular file: full st_mode, 7-digit octal numeric fields
        // with a NUL, "ustar\0" "00", empty user and group names, the checksum as 7 digits and a
        // NUL (where GNU tar writes 6 digits, a NUL and a space).
        const QString theirs = path(QStringLiteral("erl1.tar"));
        const QString ours = path(QStringLiteral("ours1.tar"));
        const QString src = m_src + QStringLiteral("/f.txt");
        const auto run = rs::test::evalErl(
            QStringLiteral(
                "{ok, T} = erl_tar:open(%1, [write, compressed]), ok = erl_tar:add(T, %2, \"a/f.txt\", "
                "[{mtime, %3}]), ok = erl_tar:close(T)")
                .arg(erlString(theirs), erlString(src))
                .arg(fixedTime));
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        TarOptions options;
        options.fixedMtime = fixedTime;
        auto writer = TarWriter::create(ours, options);
        QVERIFY(writer);
        QVERIFY((*writer)->addFile(QStringLiteral("a/f.txt"), src));
        QVERIFY((*writer)->finish());
        bool ok1 = false, ok2 = false;
        const QByteArray a = gunzip(readFile(ours), &ok1);
        const QByteArray b = gunzip(readFile(theirs), &ok2);
        QVERIFY(ok1 && ok2);
        QCOMPARE(a.left(512).toHex(), b.left(512).toHex());
        QCOMPARE(a.mid(100, 8), QByteArray("0100644\0", 8));
        QCOMPARE(a.mid(148, 8).right(1), QByteArray(1, '\0'));
        QCOMPARE(a.mid(257, 8), QByteArray("ustar\0"
                                           "00",
                                           8));
        QCOMPARE(a.mid(265, 64), QByteArray(64, '\0'));
        // Header, one data block, two zero blocks, no padding to 10240.
        QCOMPARE(a.size(), 4 * 512);
        QCOMPARE(a, b);
        // The gzip header erl_tar writes.
        QCOMPARE(readFile(ours).left(10).toHex(), QByteArray("1f8b0800000000000003"));
        QCOMPARE(readFile(ours).left(10), readFile(theirs).left(10));
    }

    void compressedMatchesErlTarAfterGunzip()
    {
        const QString theirs = path(QStringLiteral("erl.tar.gz"));
        const QString ours = path(QStringLiteral("ours.tar.gz"));
        writeWithErlTar(theirs, true);
        writeWithTarWriter(ours, TarOptions{});
        bool ok1 = false, ok2 = false;
        const QByteArray a = gunzip(readFile(ours), &ok1);
        const QByteArray b = gunzip(readFile(theirs), &ok2);
        QVERIFY(ok1 && ok2);
        compareTars(a, b);
        // Sizes of the compressed files: the parallel stream stays within 3 % of OTP's own.
        const double ratio = double(QFileInfo(ours).size()) / double(QFileInfo(theirs).size());
        QVERIFY2(ratio < 1.03, qPrintable(QString::number(ratio)));
    }

    void readBackByGnuTarAndGzip()
    {
        const QString ours = path(QStringLiteral("gnu.tar.gz"));
        writeWithTarWriter(ours, TarOptions{});
        const ToolRun test = runTool(QStringLiteral("gzip"), {QStringLiteral("-t"), ours});
        QVERIFY2(test.ok(), test.describe().constData());
        const ToolRun list = runTool(QStringLiteral("tar"), {QStringLiteral("tzvf"), ours});
        QVERIFY2(list.ok(), list.describe().constData());
        QVERIFY2(list.err.isEmpty(), list.err.constData());
        for (const Member &m : members())
            QVERIFY2(QString::fromUtf8(list.out).contains(m.name), qPrintable(m.name));
        QVERIFY(list.out.contains("-rwxr-xr-x "));

        const QString into = path(QStringLiteral("gnu-x"));
        QVERIFY(QDir().mkpath(into));
        const ToolRun extract =
            runTool(QStringLiteral("tar"), {QStringLiteral("xzf"), ours, QStringLiteral("-C"), into});
        QVERIFY2(extract.ok(), extract.describe().constData());
        for (const Member &m : members()) {
            const QString file = into + QLatin1Char('/') + m.name;
            if (m.kind == Member::Directory) {
                QVERIFY(QFileInfo(file).isDir());
                continue;
            }
            const QByteArray expected = m.kind == Member::Data ? m.data : readFile(m.source);
            QCOMPARE(readFile(file), expected);
            QCOMPARE(QFileInfo(file).lastModified().toSecsSinceEpoch(), fixedTime);
        }
        QCOMPARE(statMode(into + QStringLiteral("/bin/run.sh")), 0100755u);
    }

    void readBackByErlTar()
    {
        const QString ours = path(QStringLiteral("otp.tar.gz"));
        writeWithTarWriter(ours, TarOptions{});
        const QString into = path(QStringLiteral("erl-x"));
        const QString listFile = path(QStringLiteral("erl-table.txt"));
        const auto run = rs::test::evalErl(
            QStringLiteral(
                "{ok, Names} = erl_tar:table(%1, [compressed]), "
                "ok = file:write_file(%2, unicode:characters_to_binary(lists:join(\"\\n\", Names))), "
                "ok = erl_tar:extract(%1, [compressed, {cwd, %3}]), "
                "{ok, Gz} = file:read_file(%1), Tar = zlib:gunzip(Gz), "
                "io:format(\"~s ~B~n\", [binary:encode_hex(erlang:md5(Tar)), byte_size(Tar)])")
                .arg(erlString(ours), erlString(listFile), erlString(into)),
            unicodeNames);
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        const QStringList names = QString::fromUtf8(readFile(listFile)).split(QLatin1Char('\n'));
        QCOMPARE(names.size(), members().size());
        for (const Member &m : members()) {
            QVERIFY2(names.contains(m.name) || names.contains(m.name + QLatin1Char('/')), qPrintable(m.name));
            const QString file = into + QLatin1Char('/') + m.name;
            if (m.kind == Member::Directory)
                QVERIFY(QFileInfo(file).isDir());
            else
                QCOMPARE(readFile(file), m.kind == Member::Data ? m.data : readFile(m.source));
        }
        bool ok = false;
        const QByteArray tar = gunzip(readFile(ours), &ok);
        QVERIFY(ok);
        const QByteArray expected = QCryptographicHash::hash(tar, QCryptographicHash::Md5).toHex().toUpper() +
                                    ' ' + QByteArray::number(tar.size());
        QCOMPARE(run.out.trimmed(), expected);
    }

    void readBackByArchiveReader()
    {
        const QString ours = path(QStringLiteral("reader.tar.gz"));
        writeWithTarWriter(ours, TarOptions{});
        QStringList names;
        QVERIFY(forEachEntry(ours, [&](const ArchiveEntry &e, ArchiveReader &) {
            names << e.path;
            return true;
        }));
        QCOMPARE(names.size(), members().size());
        QCOMPARE(names.at(4), QStringLiteral("lib/app-1.0/priv/"));
        QCOMPARE(names.at(9), QString::fromUtf8("lib/\xc3\xa9t\xc3\xa9.txt"));
    }

    void reproducible()
    {
        TarOptions one;
        one.threads = 1;
        TarOptions four;
        four.threads = 4;
        writeWithTarWriter(path(QStringLiteral("r1.tar.gz")), one);
        writeWithTarWriter(path(QStringLiteral("r2.tar.gz")), four);
        writeWithTarWriter(path(QStringLiteral("r3.tar.gz")), TarOptions{});
        const QByteArray a = readFile(path(QStringLiteral("r1.tar.gz")));
        QVERIFY(!a.isEmpty());
        QCOMPARE(readFile(path(QStringLiteral("r2.tar.gz"))), a);
        QCOMPARE(readFile(path(QStringLiteral("r3.tar.gz"))), a);
    }

    void gzipParallelRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("0") << QByteArray();
        QTest::newRow("1") << QByteArray("x");
        QTest::newRow("block-1") << textBytes(block - 1);
        QTest::newRow("block") << textBytes(block);
        QTest::newRow("block+1") << textBytes(block + 1);
        QTest::newRow("many blocks") << textBytes(37 * block + 4321);
        QTest::newRow("incompressible") << randomBytes(9 * block + 77);
        QTest::newRow("zeros") << QByteArray(5 * block, '\0');
    }

    void gzipParallelRoundTrip()
    {
        QFETCH(QByteArray, input);
        QByteArray first;
        for (int threads : {1, 2, 3, 8}) {
            const QByteArray gz = gzipParallel(input, 6, threads);
            QVERIFY(gz.size() >= 18);
            QCOMPARE(gz.left(10).toHex(), QByteArray("1f8b0800000000000003"));
            bool ok = false;
            QCOMPARE(gunzip(gz, &ok), input);
            QVERIFY(ok);
            if (first.isEmpty())
                first = gz;
            QCOMPARE(gz, first); // the thread count does not change the bytes
        }
        // The compressed size stays within 3 % of one-shot zlib at the same level (for outputs
        // large enough that the few bytes each block's sync flush adds do not count).
        const QByteArray plain = gzipPlain(input, 6);
        if (plain.size() > 4096)
            QVERIFY2(double(first.size()) <= double(plain.size()) * 1.03,
                     qPrintable(QStringLiteral("%1 vs %2").arg(first.size()).arg(plain.size())));
    }

    void gzipParallelAcceptedByGzipAndZlib()
    {
        const QByteArray input = textBytes(3 * 1024 * 1024 + 5) + randomBytes(200000);
        const QString gzPath = path(QStringLiteral("p.gz"));
        QVERIFY(writeFile(gzPath, gzipParallel(input, 6, 2)));
        const ToolRun test = runTool(QStringLiteral("gzip"), {QStringLiteral("-t"), gzPath});
        QVERIFY2(test.ok(), test.describe().constData());
        const ToolRun cat = runTool(QStringLiteral("gzip"), {QStringLiteral("-dc"), gzPath});
        QVERIFY(cat.ok());
        QCOMPARE(cat.out, input);
        const auto run =
            rs::test::evalErl(QStringLiteral("{ok, Gz} = file:read_file(%1), B = zlib:gunzip(Gz), "
                                             "io:format(\"~s~n\", [binary:encode_hex(erlang:md5(B))])")
                                  .arg(erlString(gzPath)));
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        QCOMPARE(run.out.trimmed(),
                 QCryptographicHash::hash(input, QCryptographicHash::Md5).toHex().toUpper());
        // The size against gzip -6 itself.
        const QString rawPath = path(QStringLiteral("p.raw"));
        QVERIFY(writeFile(rawPath, input));
        const ToolRun gzip =
            runTool(QStringLiteral("gzip"), {QStringLiteral("-6"), QStringLiteral("-c"), rawPath});
        QVERIFY(gzip.ok());
        QVERIFY2(double(QFileInfo(gzPath).size()) <= double(gzip.out.size()) * 1.03,
                 qPrintable(QStringLiteral("%1 vs %2").arg(QFileInfo(gzPath).size()).arg(gzip.out.size())));
    }

    void cancelLeavesNoFile()
    {
        const QString out = path(QStringLiteral("cancelled.tar.gz"));
        {
            auto writer = TarWriter::create(out);
            QVERIFY(writer);
            QVERIFY((*writer)->addData(QStringLiteral("a.txt"), textBytes(2 * 1024 * 1024)));
            QVERIFY((*writer)->bytesWritten() > 2 * 1024 * 1024);
            (*writer)->cancel();
            QVERIFY(!QFile::exists(out));
            QVERIFY(!(*writer)->addData(QStringLiteral("b.txt"), "b"));
            QVERIFY(!(*writer)->finish());
        }
        {
            auto writer = TarWriter::create(out);
            QVERIFY(writer);
            QVERIFY((*writer)->addData(QStringLiteral("a.txt"), "a"));
            // destroyed without finish()
        }
        QVERIFY(!QFile::exists(out));
        // An existing file at the path is left as it was.
        QVERIFY(writeFile(out, "previous"));
        {
            auto writer = TarWriter::create(out);
            QVERIFY(writer);
            QVERIFY((*writer)->addData(QStringLiteral("a.txt"), "a"));
            (*writer)->cancel();
        }
        QCOMPARE(readFile(out), QByteArray("previous"));
        // No temporary files stay behind.
        const QStringList left =
            QDir(m_dir.path()).entryList({QStringLiteral("cancelled*")}, QDir::Files | QDir::Hidden);
        QCOMPARE(left, QStringList{QStringLiteral("cancelled.tar.gz")});
    }

    void failuresLeaveNoFile()
    {
        QVERIFY(!TarWriter::create(path(QStringLiteral("no/such/dir/x.tar.gz"))));
        const QString out = path(QStringLiteral("failed.tar.gz"));
        auto writer = TarWriter::create(out);
        QVERIFY(writer);
        const auto missing = (*writer)->addFile(QStringLiteral("x"), path(QStringLiteral("does-not-exist")));
        QVERIFY(!missing);
        QVERIFY(missing.error().toString().contains(QStringLiteral("does-not-exist")));
        QVERIFY(!(*writer)->addFile(QStringLiteral("x"), m_src)); // a directory
        (*writer)->cancel();
        QVERIFY(!QFile::exists(out));
    }

    void refusesBadNames()
    {
        auto writer = TarWriter::create(path(QStringLiteral("names.tar")));
        QVERIFY(writer);
        for (const QString &name : {QString(), QStringLiteral("/etc/passwd"), QStringLiteral("a/../b"),
                                    QStringLiteral("a//b"), QStringLiteral("./a"), QStringLiteral("..")}) {
            const auto added = (*writer)->addData(name, "x");
            QVERIFY2(!added, qPrintable(name));
        }
        QVERIFY((*writer)->addDirectory(QStringLiteral("dir/")));
        QVERIFY((*writer)->finish());
    }

    void addDataWithoutMtimeUsesNow()
    {
        const QString out = path(QStringLiteral("now.tar"));
        TarOptions options;
        options.gzip = false;
        auto writer = TarWriter::create(out, options);
        QVERIFY(writer);
        QVERIFY((*writer)->addData(QStringLiteral("x"), "x"));
        QVERIFY((*writer)->addData(QStringLiteral("y"), "y", 0100600, 12345));
        QVERIFY((*writer)->finish());
        QList<qint64> times;
        QList<quint32> modes;
        QVERIFY(forEachEntry(out, [&](const ArchiveEntry &e, ArchiveReader &) {
            times << e.mtime;
            modes << e.mode;
            return true;
        }));
        QVERIFY(qAbs(times.at(0) - QDateTime::currentSecsSinceEpoch()) < 100);
        QCOMPARE(times.at(1), 12345);
        QCOMPARE(modes, (QList<quint32>{0100644, 0100600}));
        QCOMPARE(QFileInfo(out).size(), 4 * 512 + 1024);
    }

    // Not a test: RELSTUDIO_ARCHIVE_BENCH=1 prints timings (best of 3) on a tar of the OTP lib
    // directory, whole and cut to 40 MB: gzip -6 and tar czf against gzipParallel and TarWriter.
    void benchmark()
    {
        if (qEnvironmentVariableIsEmpty("RELSTUDIO_ARCHIVE_BENCH"))
            QSKIP("set RELSTUDIO_ARCHIVE_BENCH=1 to run");
        const QString otpLib = rs::test::otpRoot() + QStringLiteral("/lib");
        const QString tarPath = path(QStringLiteral("bench.tar"));
        QVERIFY(runTool(QStringLiteral("tar"),
                        {QStringLiteral("cf"), tarPath, QStringLiteral("-C"), otpLib, QStringLiteral(".")})
                    .ok());
        const QByteArray whole = readFile(tarPath);
        const QString slicePath = path(QStringLiteral("bench40.tar"));
        QVERIFY(writeFile(slicePath, whole.left(40 * 1000 * 1000)));
        const auto best = [](const std::function<void()> &run) {
            qint64 fastest = std::numeric_limits<qint64>::max();
            for (int i = 0; i < 3; ++i) {
                QElapsedTimer timer;
                timer.start();
                run();
                fastest = std::min(fastest, timer.elapsed());
            }
            return fastest;
        };
        qInfo("%d cores", QThread::idealThreadCount());
        for (const QString &file : {slicePath, tarPath}) {
            const QByteArray input = readFile(file);
            qint64 gzipSize = 0, parallelSize = 0;
            const qint64 gzipMs = best([&] {
                gzipSize = runTool(QStringLiteral("gzip"), {QStringLiteral("-6"), QStringLiteral("-c"), file})
                               .out.size();
            });
            const qint64 parallelMs = best([&] { parallelSize = gzipParallel(input, 6, 0).size(); });
            const qint64 singleMs = best([&] { gzipParallel(input, 6, 1); });
            qInfo(
                "%lld bytes: gzip -6 %lld ms (%lld bytes), gzipParallel %lld ms (%lld bytes, %.3f of gzip's "
                "size, %.2f of its time), on 1 thread %lld ms",
                qint64(input.size()), gzipMs, gzipSize, parallelMs, parallelSize,
                double(parallelSize) / double(gzipSize), double(parallelMs) / double(gzipMs), singleMs);
        }
        const QString tgz = path(QStringLiteral("bench.tgz"));
        const QString ours = path(QStringLiteral("bench-ours.tar.gz"));
        const qint64 tarMs = best([&] {
            runTool(QStringLiteral("tar"),
                    {QStringLiteral("czf"), tgz, QStringLiteral("-C"), otpLib, QStringLiteral(".")});
        });
        const qint64 writerMs = best([&] {
            auto writer = TarWriter::create(ours);
            QDirIterator it(otpLib, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString file = it.next();
                if (!QFileInfo(file).isSymLink())
                    (*writer)->addFile(QDir(otpLib).relativeFilePath(file), file);
            }
            (*writer)->finish();
        });
        qInfo("tar czf of %s: %lld ms (%lld bytes); TarWriter of the same files %lld ms (%lld bytes), %.2f "
              "of the time",
              qPrintable(otpLib), tarMs, QFileInfo(tgz).size(), writerMs, QFileInfo(ours).size(),
              double(writerMs) / double(tarMs));
    }
};

QTEST_GUILESS_MAIN(TestTarWriter)
#include "tst_tar_writer.moc"
