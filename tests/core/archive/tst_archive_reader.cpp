#include "archive/archive_reader.h"

#include "archive_test_util.h"
#include "support/oracle.h"
#include "support/testdata.h"

#include <QTemporaryDir>
#include <QtTest>

#include <quazip.h>
#include <quazipfile.h>
#include <quazipnewinfo.h>

#include <atomic>

using namespace rs::archive;
using namespace rs::test::archive;
using rs::test::errorOf;

namespace {

struct ExpectedMember
{
    EntryType type;
    qint64 size;
    quint32 permissions;
    QString linkTarget;
};

const QString longDir = QStringLiteral("deep/") + QString(60, QLatin1Char('d')) + QLatin1Char('/') +
                        QString(60, QLatin1Char('e'));
const QString longFile = longDir + QStringLiteral("/file.txt");

QString normalized(QString path)
{
    if (path.startsWith(QStringLiteral("./")))
        path = path.mid(2);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}

} // namespace

class TestArchiveReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_src;
    QByteArray m_big;

    QString out(const QString &name) const { return m_dir.filePath(name); }

    // The members every archive of the source tree holds, by normalized path. Directory
    // entries are listed separately: not every tool writes them.
    QMap<QString, ExpectedMember> fileMembers() const
    {
        return {
            {QStringLiteral("hello.txt"), {EntryType::File, 12, 0644, {}}},
            {QStringLiteral("bin/run.sh"), {EntryType::File, 18, 0755, {}}},
            {QStringLiteral("link"), {EntryType::Symlink, 0, 0777, QStringLiteral("hello.txt")}},
            {QStringLiteral("data/big.bin"), {EntryType::File, m_big.size(), 0600, {}}},
            {longFile, {EntryType::File, 5, 0644, {}}},
            {QStringLiteral("empty"), {EntryType::Directory, 0, 0750, {}}},
        };
    }

    // Reads every member (with its data) and checks it against fileMembers().
    void checkArchive(const QString &path, bool fullModes, bool symlinkSizeIsTarget = false)
    {
        QMap<QString, ArchiveEntry> seen;
        QMap<QString, QByteArray> data;
        const auto count = forEachEntry(path, [&](const ArchiveEntry &e, ArchiveReader &reader) {
            const QString p = normalized(e.path);
            seen.insert(p, e);
            if (e.type == EntryType::File) {
                auto all = reader.readAll(10 * 1024 * 1024);
                if (all)
                    data.insert(p, *all);
            }
            return true;
        });
        QVERIFY2(count, errorOf(count).constData());
        const auto expected = fileMembers();
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            QVERIFY2(seen.contains(it.key()), qPrintable(it.key() + QStringLiteral(" missing in ") + path));
            const ArchiveEntry &e = seen[it.key()];
            QCOMPARE(e.type, it->type);
            QVERIFY(e.utf8);
            if (it->type == EntryType::File) {
                QCOMPARE(e.size, it->size);
                QCOMPARE(data.value(it.key()).size(), it->size);
            }
            if (it->type == EntryType::Symlink) {
                QCOMPARE(e.linkTarget, it->linkTarget);
                if (symlinkSizeIsTarget)
                    QCOMPARE(e.size, qint64(it->linkTarget.size()));
            }
            if (it->type != EntryType::Symlink)
                QCOMPARE(e.mode & 07777, it->permissions);
            if (fullModes) {
                const quint32 typeBits = it->type == EntryType::File        ? 0100000
                                         : it->type == EntryType::Directory ? 040000
                                                                            : 0120000;
                QCOMPARE(e.mode & 0170000, typeBits);
            }
            QVERIFY(e.mtime > 1000000000);
        }
        QCOMPARE(data.value(QStringLiteral("data/big.bin")), m_big);
        QCOMPARE(data.value(QStringLiteral("hello.txt")), QByteArray("hello world\n"));
        QVERIFY(*count >= expected.size());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_src = m_dir.filePath(QStringLiteral("src"));
        m_big = randomBytes(300000);
        QVERIFY(writeFile(m_src + QStringLiteral("/hello.txt"), "hello world\n"));
        QVERIFY(writeFile(m_src + QStringLiteral("/bin/run.sh"), "#!/bin/sh\necho hi\n"));
        QVERIFY(writeFile(m_src + QStringLiteral("/data/big.bin"), m_big));
        QVERIFY(writeFile(m_src + QLatin1Char('/') + longFile, "long\n"));
        QVERIFY(QDir().mkpath(m_src + QStringLiteral("/empty")));
        QVERIFY(QFile::link(QStringLiteral("hello.txt"), m_src + QStringLiteral("/link")));
        QFile::setPermissions(m_src + QStringLiteral("/hello.txt"),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        QFile::setPermissions(m_src + QStringLiteral("/bin/run.sh"),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                  QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
        QFile::setPermissions(m_src + QStringLiteral("/data/big.bin"), QFile::ReadOwner | QFile::WriteOwner);
        QFile::setPermissions(m_src + QLatin1Char('/') + longFile,
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        QFile::setPermissions(m_src + QStringLiteral("/empty"), QFile::ReadOwner | QFile::WriteOwner |
                                                                    QFile::ExeOwner | QFile::ReadGroup |
                                                                    QFile::ExeGroup);
    }

    void readsGnuTar_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::newRow("plain") << QString() << QStringLiteral("a.tar") << QString();
        QTest::newRow("gzip") << QStringLiteral("-z") << QStringLiteral("a.tar.gz") << QStringLiteral("gzip");
        QTest::newRow("bzip2") << QStringLiteral("-j") << QStringLiteral("a.tar.bz2")
                               << QStringLiteral("bzip2");
        QTest::newRow("xz") << QStringLiteral("-J") << QStringLiteral("a.tar.xz") << QStringLiteral("xz");
        QTest::newRow("zstd") << QStringLiteral("--zstd") << QStringLiteral("a.tar.zst")
                              << QStringLiteral("zstd");
        // The name says gzip; the content decides.
        QTest::newRow("xz named .tgz")
            << QStringLiteral("-J") << QStringLiteral("b.tgz") << QStringLiteral("xz");
    }

    void readsGnuTar()
    {
        QFETCH(QString, flag);
        QFETCH(QString, file);
        QFETCH(QString, format);
        QStringList args{QStringLiteral("-c"), QStringLiteral("--sort=name"), QStringLiteral("-f"),
                         out(file)};
        if (!flag.isEmpty())
            args.prepend(flag);
        args += {QStringLiteral("-C"),        m_src,
                 QStringLiteral("hello.txt"), QStringLiteral("bin"),
                 QStringLiteral("link"),      QStringLiteral("data"),
                 QStringLiteral("deep"),      QStringLiteral("empty")};
        const ToolRun tar = runTool(QStringLiteral("tar"), args);
        QVERIFY2(tar.ok(), tar.describe().constData());
        checkArchive(out(file), true);

        auto reader = ArchiveReader::open(out(file));
        QVERIFY2(reader, errorOf(reader).constData());
        QVERIFY(reader->next());
        if (!format.isEmpty())
            QVERIFY2(reader->formatName().contains(format), qPrintable(reader->formatName()));
        QVERIFY2(reader->formatName().contains(QStringLiteral("tar")), qPrintable(reader->formatName()));
    }

    void readsErlTar()
    {
        const QString tarPath = out(QStringLiteral("erl.tar.gz"));
        const QString s = m_src + QLatin1Char('/');
        const QString expr =
            QStringLiteral(
                "ok = erl_tar:create(\"%1\", [{\"hello.txt\", \"%2hello.txt\"}, {\"bin\", \"%2bin\"}, "
                "{\"link\", \"%2link\"}, {\"data\", \"%2data\"}, {\"deep\", \"%2deep\"}, "
                "{\"empty\", \"%2empty\"}], [compressed])")
                .arg(tarPath, s);
        const auto run = rs::test::evalErl(expr);
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        checkArchive(tarPath, true);
        // erl_tar writes the full st_mode and directory entries only for empty directories.
        QStringList paths;
        QMap<QString, quint32> modes;
        QVERIFY(forEachEntry(tarPath, [&](const ArchiveEntry &e, ArchiveReader &) {
            paths << e.path;
            modes.insert(e.path, e.mode);
            return true;
        }));
        QVERIFY2(paths.contains(QStringLiteral("empty/")), qPrintable(paths.join(QLatin1Char(' '))));
        QVERIFY(!paths.contains(QStringLiteral("bin/")));
        QCOMPARE(modes.value(QStringLiteral("bin/run.sh")), 0100755u);
        QCOMPARE(modes.value(QStringLiteral("empty/")), 040750u);
    }

    void readsZip()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("zip")).isEmpty())
            QSKIP("zip is not installed; the .ez test covers QuaZip");
        const QString zipPath = out(QStringLiteral("a.zip"));
        const ToolRun zip =
            runTool(QStringLiteral("zip"),
                    {QStringLiteral("-q"), QStringLiteral("-r"), QStringLiteral("-y"), zipPath,
                     QStringLiteral("hello.txt"), QStringLiteral("bin"), QStringLiteral("link"),
                     QStringLiteral("data"), QStringLiteral("deep"), QStringLiteral("empty")},
                    m_src);
        QVERIFY2(zip.ok(), zip.describe().constData());
        checkArchive(zipPath, true, true);
        auto reader = ArchiveReader::open(zipPath);
        QVERIFY(reader);
        QCOMPARE(reader->formatName(), QStringLiteral("ZIP"));
    }

    void readsZipWrittenByQuaZip()
    {
        // The same tree through QuaZip's writer, Unix attributes set by hand as zip -y does.
        const QString zipPath = out(QStringLiteral("quazip.zip"));
        {
            QuaZip zip(zipPath);
            QVERIFY(zip.open(QuaZip::mdCreate));
            const auto add = [&](const QString &name, const QByteArray &data, quint32 mode) {
                QuaZipNewInfo info(name);
                info.externalAttr = mode << 16;
                info.dateTime = QDateTime::fromSecsSinceEpoch(1700000000);
                QuaZipFile file(&zip);
                QVERIFY(file.open(QIODevice::WriteOnly, info));
                QCOMPARE(file.write(data), data.size());
                file.close();
                QCOMPARE(file.getZipError(), 0);
            };
            add(QStringLiteral("hello.txt"), "hello world\n", 0100644);
            add(QStringLiteral("bin/"), {}, 040755);
            add(QStringLiteral("bin/run.sh"), "#!/bin/sh\necho hi\n", 0100755);
            add(QStringLiteral("link"), "hello.txt", 0120777);
            add(QStringLiteral("data/big.bin"), m_big, 0100600);
            add(longFile, "long\n", 0100644);
            add(QStringLiteral("empty/"), {}, 040750);
            zip.close();
            QCOMPARE(zip.getZipError(), 0);
        }
        checkArchive(zipPath, true, true);
        // An empty zip starts with the end-of-central-directory record: still a zip.
        const QString emptyPath = out(QStringLiteral("empty.zip"));
        {
            QuaZip zip(emptyPath);
            QVERIFY(zip.open(QuaZip::mdCreate));
            zip.close();
        }
        QCOMPARE(readFile(emptyPath).left(4), QByteArray("PK\x05\x06"));
        const auto none = forEachEntry(emptyPath, [](const ArchiveEntry &, ArchiveReader &) { return true; });
        QVERIFY2(none, errorOf(none).constData());
        QCOMPARE(*none, 0);
        // zipinfo, when installed, agrees on the types and modes.
        if (!QStandardPaths::findExecutable(QStringLiteral("zipinfo")).isEmpty()) {
            const ToolRun info = runTool(QStringLiteral("zipinfo"), {zipPath});
            QVERIFY2(info.out.contains("lrwxrwxrwx"), info.out.constData());
        }
    }

    void readsEz()
    {
        // An .ez as OTP's zip module makes it (what `mix archive` and rebar3 produce).
        const QString ezPath = out(QStringLiteral("app-1.0.ez"));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("ez/app-1.0/ebin/app.app")),
                          "{application, app, []}.\n"));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("ez/app-1.0/priv/big.bin")), m_big));
        const auto run = rs::test::evalErl(
            QStringLiteral(
                "{ok, _} = zip:create(\"%1\", [\"app-1.0/ebin/app.app\", \"app-1.0/priv/big.bin\"], "
                "[{cwd, \"%2\"}, {compress, all}])")
                .arg(ezPath, m_dir.filePath(QStringLiteral("ez"))));
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        QMap<QString, QByteArray> seen;
        const auto count = forEachEntry(ezPath, [&](const ArchiveEntry &e, ArchiveReader &reader) {
            auto all = reader.readAll(1 << 20);
            seen.insert(e.path, all ? *all : QByteArray("ERROR"));
            return e.type == EntryType::File;
        });
        QVERIFY2(count, errorOf(count).constData());
        QCOMPARE(*count, 2);
        QCOMPARE(seen.value(QStringLiteral("app-1.0/ebin/app.app")), QByteArray("{application, app, []}.\n"));
        QCOMPARE(seen.value(QStringLiteral("app-1.0/priv/big.bin")), m_big);
    }

    void streamsInChunks()
    {
        const QString tgz = out(QStringLiteral("stream.tar.gz"));
        QVERIFY(runTool(QStringLiteral("tar"), {QStringLiteral("-czf"), tgz, QStringLiteral("-C"), m_src,
                                                QStringLiteral("hello.txt"), QStringLiteral("data")})
                    .ok());
        auto reader = ArchiveReader::open(tgz);
        QVERIFY2(reader, errorOf(reader).constData());
        int chunks = 0;
        QByteArray all;
        for (;;) {
            auto entry = reader->next();
            QVERIFY2(entry, errorOf(entry).constData());
            if (!*entry)
                break;
            if ((*entry)->path != QStringLiteral("data/big.bin"))
                continue; // hello.txt's data is skipped without being read
            for (;;) {
                auto chunk = reader->readChunk();
                QVERIFY2(chunk, errorOf(chunk).constData());
                if (chunk->isEmpty())
                    break;
                QVERIFY(chunk->size() <= 64 * 1024);
                ++chunks;
                all += *chunk;
            }
        }
        QVERIFY(chunks >= 4);
        QCOMPARE(all, m_big);
        QCOMPARE(reader->compressedBytesRead(), reader->archiveSize());
    }

    void partlyReadMembersAreSkipped()
    {
        const QString tgz = out(QStringLiteral("skip.tar.gz"));
        QVERIFY(runTool(QStringLiteral("tar"), {QStringLiteral("-czf"), tgz, QStringLiteral("-C"), m_src,
                                                QStringLiteral("data"), QStringLiteral("hello.txt")})
                    .ok());
        QByteArray hello;
        QVERIFY(forEachEntry(tgz, [&](const ArchiveEntry &e, ArchiveReader &reader) {
            if (e.path == QStringLiteral("data/big.bin"))
                reader.readChunk(); // one chunk only
            if (e.path == QStringLiteral("hello.txt"))
                hello = reader.readAll(100).value();
            return true;
        }));
        QCOMPARE(hello, QByteArray("hello world\n"));
    }

    void progressReachesArchiveSize()
    {
        const QString tgz = out(QStringLiteral("progress.tar.gz"));
        QVERIFY(runTool(QStringLiteral("tar"), {QStringLiteral("-czf"), tgz, QStringLiteral("-C"), m_src,
                                                QStringLiteral("data"), QStringLiteral("hello.txt")})
                    .ok());
        const qint64 size = QFileInfo(tgz).size();
        QList<rs::jobs::Progress> reports;
        rs::jobs::CallbackMonitor monitor([&](const rs::jobs::Progress &p) { reports << p; });
        const auto count = forEachEntry(
            tgz,
            [](const ArchiveEntry &, ArchiveReader &reader) {
                while (true) {
                    auto chunk = reader.readChunk();
                    if (!chunk || chunk->isEmpty())
                        break;
                }
                return true;
            },
            monitor);
        QVERIFY2(count, errorOf(count).constData());
        QVERIFY(reports.size() > 3);
        qint64 previous = 0;
        bool midway = false;
        for (const auto &p : std::as_const(reports)) {
            QCOMPARE(p.total, size);
            QVERIFY(p.done >= previous);
            QVERIFY(p.done <= size);
            midway = midway || (p.done > 0 && p.done < size);
            previous = p.done;
        }
        QVERIFY(midway);
        QCOMPARE(reports.last().done, size);
    }

    void cancellationBetweenMembers()
    {
        const QString tgz = out(QStringLiteral("cancel.tar.gz"));
        QVERIFY(runTool(QStringLiteral("tar"),
                        {QStringLiteral("-czf"), tgz, QStringLiteral("-C"), m_src,
                         QStringLiteral("hello.txt"), QStringLiteral("data"), QStringLiteral("bin")})
                    .ok());
        std::atomic_bool cancel{false};
        rs::jobs::CallbackMonitor monitor({}, &cancel);
        int visited = 0;
        const auto result = forEachEntry(
            tgz,
            [&](const ArchiveEntry &, ArchiveReader &) {
                ++visited;
                cancel = true;
                return true;
            },
            monitor);
        QVERIFY(!result);
        QVERIFY2(isCancellation(result.error()), qPrintable(result.error().toString()));
        QCOMPARE(visited, 1);
    }

    void cancellationInsideMember()
    {
        const QString tgz = out(QStringLiteral("cancel2.tar.gz"));
        QVERIFY(runTool(QStringLiteral("tar"),
                        {QStringLiteral("-czf"), tgz, QStringLiteral("-C"), m_src, QStringLiteral("data")})
                    .ok());
        std::atomic_bool cancel{false};
        rs::jobs::CallbackMonitor monitor({}, &cancel);
        std::optional<rs::Finding> chunkError;
        const auto result = forEachEntry(
            tgz,
            [&](const ArchiveEntry &e, ArchiveReader &reader) {
                if (e.type != EntryType::File)
                    return true;
                QByteArray first = reader.readChunk().value();
                cancel = true;
                auto second = reader.readChunk();
                if (!second)
                    chunkError = second.error();
                return !first.isEmpty();
            },
            monitor);
        QVERIFY(!result);
        QVERIFY(isCancellation(result.error()));
        QVERIFY(chunkError);
        QVERIFY(isCancellation(*chunkError));
    }

    void readAllRefusesMore()
    {
        const QString tgz = out(QStringLiteral("cap.tar.gz"));
        QVERIFY(runTool(QStringLiteral("tar"),
                        {QStringLiteral("-czf"), tgz, QStringLiteral("-C"), m_src, QStringLiteral("data")})
                    .ok());
        std::optional<rs::Finding> error;
        QVERIFY(forEachEntry(tgz, [&](const ArchiveEntry &e, ArchiveReader &reader) {
            if (e.type == EntryType::File) {
                auto all = reader.readAll(1000);
                if (!all)
                    error = all.error();
            }
            return true;
        }));
        QVERIFY(error);
        QVERIFY2(error->message.contains(QStringLiteral("data/big.bin")), qPrintable(error->toString()));
    }

    void refusesWhatIsNotAnArchive()
    {
        const QString text = out(QStringLiteral("notes.tar.gz"));
        QVERIFY(writeFile(text, "just some text, not a tarball\n"));
        auto reader = ArchiveReader::open(text);
        if (reader) {
            auto entry = reader->next();
            QVERIFY(!entry);
            QVERIFY(entry.error().location.file == text);
        }
        QVERIFY(!ArchiveReader::open(out(QStringLiteral("missing.tar"))));
        // A zip format behind libarchive is not read as tar, nor a plain gzip of text.
        QVERIFY(writeFile(out(QStringLiteral("text.gz")), gzipPlain("hello hello hello\n")));
        auto gz = ArchiveReader::open(out(QStringLiteral("text.gz")));
        QVERIFY(!gz || !gz->next());
    }

    void truncatedGzipNamesTheMember()
    {
        const QByteArray tar = tarFile(QByteArray("first.txt"), "first\n") +
                               tarFile(QByteArray("payload.bin"), randomBytes(200000, 3)) + tarEnd();
        const QByteArray gz = gzipPlain(tar);
        const QString path = out(QStringLiteral("truncated.tar.gz"));
        QVERIFY(writeFile(path, gz.left(gz.size() / 2)));
        const auto result = forEachEntry(path, [](const ArchiveEntry &, ArchiveReader &reader) {
            for (;;) {
                auto chunk = reader.readChunk();
                if (!chunk || chunk->isEmpty())
                    return bool(chunk);
            }
        });
        // The visitor stops at the error; read it again to see the finding.
        auto reader = ArchiveReader::open(path);
        QVERIFY(reader);
        std::optional<rs::Finding> error;
        while (!error) {
            auto entry = reader->next();
            if (!entry) {
                error = entry.error();
                break;
            }
            if (!*entry)
                break;
            for (;;) {
                auto chunk = reader->readChunk();
                if (!chunk) {
                    error = chunk.error();
                    break;
                }
                if (chunk->isEmpty())
                    break;
            }
        }
        QVERIFY(error);
        QVERIFY2(error->message.contains(QStringLiteral("payload.bin")), qPrintable(error->toString()));
        QCOMPARE(error->location.file, path);
        Q_UNUSED(result);
    }

    void nonUtf8NamesAreEscaped()
    {
        const QString path = out(QStringLiteral("latin1.tar"));
        QVERIFY(writeFile(path, tarFile(QByteArray("caf\xe9.txt"), "x") +
                                    tarFile(QByteArray("ok-\xc3\xa9.txt"), "y") + tarEnd()));
        QStringList names;
        QList<bool> valid;
        QVERIFY(forEachEntry(path, [&](const ArchiveEntry &e, ArchiveReader &) {
            names << e.path;
            valid << e.utf8;
            return true;
        }));
        QCOMPARE(names, (QStringList{QStringLiteral("caf\\xE9.txt"), QString::fromUtf8("ok-\xc3\xa9.txt")}));
        QCOMPARE(valid, (QList<bool>{false, true}));
    }
};

QTEST_GUILESS_MAIN(TestArchiveReader)
#include "tst_archive_reader.moc"
