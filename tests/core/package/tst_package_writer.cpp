// Writing a package (core/package/package_writer): a target directory laid out from the members,
// a tarball of them in order; progress in bytes; and a failed or cancelled write leaves nothing
// behind (no directory, no staging directory, no tarball, an existing file untouched).
#include "archive/tar_writer.h"
#include "core/package/package_test_util.h"
#include "package/package_writer.h"
#include "support/testdata.h"

#include <QTemporaryDir>
#include <QTest>

using rs::package::PackageMember;
using rs::test::package::listTree;
using rs::test::package::modeOf;
using rs::test::package::readFile;
using rs::test::package::writeFile;

namespace {

// Cancels once it has seen `after` progress reports.
class CancelAfter final : public rs::jobs::Monitor
{
public:
    explicit CancelAfter(int after) : m_after(after) {}
    void report(const rs::jobs::Progress &progress) override
    {
        ++m_reports;
        m_last = progress;
    }
    bool isCancelled() const override { return m_reports >= m_after; }
    int reports() const { return m_reports; }

private:
    int m_after;
    int m_reports = 0;
    rs::jobs::Progress m_last;
};

class Recorder final : public rs::jobs::Monitor
{
public:
    void report(const rs::jobs::Progress &progress) override { progress_.push_back(progress); }
    std::vector<rs::jobs::Progress> progress_;
};

struct Fixture
{
    QTemporaryDir dir;
    std::vector<PackageMember> members;

    Fixture()
    {
        const QString src = dir.filePath(QStringLiteral("src"));
        writeFile(src + QStringLiteral("/a.beam"), "BEAM-a");
        writeFile(src + QStringLiteral("/big.bin"), QByteArray(300 * 1024, 'x'));
        writeFile(src + QStringLiteral("/run.sh"), "#!/bin/sh\n");
        QFile::setPermissions(src + QStringLiteral("/run.sh"), QFile::ReadOwner | QFile::WriteOwner |
                                                                   QFile::ExeOwner | QFile::ReadGroup |
                                                                   QFile::ExeGroup);
        members = {
            {QStringLiteral("lib/app-1/ebin/a.beam"), src + QStringLiteral("/a.beam"), {}, 0100644, false},
            {QStringLiteral("lib/app-1/priv/big.bin"), src + QStringLiteral("/big.bin"), {}, 0100644, false},
            {QStringLiteral("lib/app-1/priv/empty"), {}, {}, 040755, true},
            {QStringLiteral("lib/app-1/priv/run.sh"), src + QStringLiteral("/run.sh"), {}, 0100750, false},
            {QStringLiteral("releases/1/start.boot"), {}, QByteArray("BOOT"), 0100644, false},
            {QStringLiteral("bin/app"), {}, QByteArray("#!/bin/sh\necho app\n"), 0100755, false},
        };
    }
    QString path(const QString &relative) const { return dir.filePath(relative); }
    QStringList sortedNames() const
    {
        QStringList out;
        for (const PackageMember &m : members)
            out << m.name;
        out.sort();
        return out;
    }
};

// Everything in dir, as "path" for files and "path/" for directories.
QStringList filesIn(const QString &dir)
{
    QStringList out;
    for (const QString &p : listTree(dir))
        out << (QFileInfo(dir + QLatin1Char('/') + p).isDir() ? p + QLatin1Char('/') : p);
    return out;
}

} // namespace

class TestPackageWriter : public QObject
{
    Q_OBJECT

private slots:
    void totalSize()
    {
        Fixture f;
        QCOMPARE(rs::package::totalSize(f.members), qint64(6 + 300 * 1024 + 0 + 10 + 4 + 19));
    }

    void writeDirectory()
    {
        Fixture f;
        const QString out = f.path(QStringLiteral("out/target"));
        Recorder progress;
        const auto stats = rs::package::writeDirectory(f.members, out, progress);
        QVERIFY2(stats.hasValue(), rs::test::errorOf(stats).constData());
        QCOMPARE(stats->files, qint64(5));
        QCOMPARE(stats->bytes, rs::package::totalSize(f.members));
        QCOMPARE(
            filesIn(out),
            (QStringList{QStringLiteral("bin/"), QStringLiteral("bin/app"), QStringLiteral("lib/"),
                         QStringLiteral("lib/app-1/"), QStringLiteral("lib/app-1/ebin/"),
                         QStringLiteral("lib/app-1/ebin/a.beam"), QStringLiteral("lib/app-1/priv/"),
                         QStringLiteral("lib/app-1/priv/big.bin"), QStringLiteral("lib/app-1/priv/empty/"),
                         QStringLiteral("lib/app-1/priv/run.sh"), QStringLiteral("releases/"),
                         QStringLiteral("releases/1/"), QStringLiteral("releases/1/start.boot")}));
        QCOMPARE(readFile(out + QStringLiteral("/lib/app-1/ebin/a.beam")), QByteArray("BEAM-a"));
        QCOMPARE(readFile(out + QStringLiteral("/releases/1/start.boot")), QByteArray("BOOT"));
        QCOMPARE(modeOf(out + QStringLiteral("/bin/app")) & 07777, 0755u);
        QCOMPARE(modeOf(out + QStringLiteral("/lib/app-1/priv/run.sh")) & 07777, 0750u);
        QCOMPARE(modeOf(out + QStringLiteral("/lib/app-1/ebin/a.beam")) & 07777, 0644u);
        // No staging directory is left next to it.
        QCOMPARE(QDir(f.path(QStringLiteral("out")))
                     .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{QStringLiteral("target")});
        // Progress: in bytes, never backwards, ending at the total.
        QVERIFY(progress.progress_.size() >= f.members.size());
        qint64 last = 0;
        for (const auto &p : progress.progress_) {
            QVERIFY(p.done >= last);
            QCOMPARE(p.total, rs::package::totalSize(f.members));
            last = p.done;
        }
        QCOMPARE(progress.progress_.back().done, progress.progress_.back().total);
        QCOMPARE(progress.progress_.front().current, f.members.front().name);
    }

    void writeDirectoryIntoEmptyDir()
    {
        Fixture f;
        const QString out = f.path(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(out));
        QVERIFY2(rs::package::writeDirectory(f.members, out).hasValue(), "into an existing empty directory");
        QVERIFY(QFile::exists(out + QStringLiteral("/bin/app")));
    }

    void writeDirectoryRefusesNonEmpty()
    {
        Fixture f;
        const QString out = f.path(QStringLiteral("full"));
        QVERIFY(writeFile(out + QStringLiteral("/.keep"), "keep"));
        const auto stats = rs::package::writeDirectory(f.members, out);
        QVERIFY(!stats.hasValue());
        QVERIFY2(stats.error().message.contains(QLatin1String("not empty")),
                 qPrintable(stats.error().message));
        QCOMPARE(filesIn(out), QStringList{QStringLiteral(".keep")});
        QCOMPARE(QDir(f.path(QString())).entryList(QDir::Dirs | QDir::NoDotAndDotDot),
                 (QStringList{QStringLiteral("full"), QStringLiteral("src")}));
    }

    // Cancelled after each number of members, and failing at each member: nothing is left.
    void writeDirectoryLeavesNothing_data()
    {
        QTest::addColumn<int>("cancelAfter"); // progress reports; 0: not cancelled
        QTest::addColumn<int>("failAt");      // the member that cannot be written; -1: none
        QTest::newRow("cancelled before anything") << 0 << -1;
        QTest::newRow("cancelled after 3 members") << 3 << -1;
        QTest::newRow("cancelled before the last member") << 5 << -1;
        QTest::newRow("source missing, first member") << -1 << 0;
        QTest::newRow("source missing, fourth member") << -1 << 3;
        QTest::newRow("two members with one name") << -1 << 99;
    }

    void writeDirectoryLeavesNothing()
    {
        QFETCH(int, cancelAfter);
        QFETCH(int, failAt);
        Fixture f;
        if (failAt == 99)
            f.members.push_back(f.members.front());
        else if (failAt >= 0)
            f.members[size_t(failAt)].sourcePath = f.path(QStringLiteral("src/nowhere.beam"));
        const QString out = f.path(QStringLiteral("out/target"));
        QVERIFY(QDir().mkpath(f.path(QStringLiteral("out"))));
        CancelAfter monitor(cancelAfter >= 0 ? cancelAfter : 1000000);
        const auto stats = rs::package::writeDirectory(f.members, out, monitor);
        QVERIFY(!stats.hasValue());
        if (cancelAfter >= 0)
            QCOMPARE(stats.error().message, QStringLiteral("cancelled"));
        else
            QVERIFY2(stats.error().message.contains(QLatin1String("cannot")),
                     qPrintable(stats.error().message));
        QCOMPARE(listTree(f.path(QStringLiteral("out"))), QStringList{});
    }

    void writeTarball()
    {
        Fixture f;
        const QString tar = f.path(QStringLiteral("out.tar.gz"));
        rs::archive::TarOptions options;
        options.fixedMtime = 1234567890;
        Recorder progress;
        const auto stats = rs::package::writeTarball(f.members, tar, options, progress);
        QVERIFY2(stats.hasValue(), rs::test::errorOf(stats).constData());
        QCOMPARE(stats->files, qint64(5));
        QString error;
        const auto members = rs::test::package::readTarball(tar, &error);
        QVERIFY2(members, qPrintable(error));
        QStringList names;
        for (const auto &m : *members) {
            names << m.name;
            QCOMPARE(m.mtime, qint64(1234567890));
        }
        QCOMPARE(names, (QStringList{
                            QStringLiteral("lib/app-1/ebin/a.beam"), QStringLiteral("lib/app-1/priv/big.bin"),
                            QStringLiteral("lib/app-1/priv/empty/"), QStringLiteral("lib/app-1/priv/run.sh"),
                            QStringLiteral("releases/1/start.boot"), QStringLiteral("bin/app")}));
        QCOMPARE((*members)[1].data, QByteArray(300 * 1024, 'x'));
        QVERIFY((*members)[2].isDirectory());
        QCOMPARE((*members)[2].mode, 040755u);
        QCOMPARE((*members)[3].mode, 0100750u); // from the file on disk
        QCOMPARE((*members)[5].mode, 0100755u);
        QCOMPARE((*members)[5].data, QByteArray("#!/bin/sh\necho app\n"));
        QCOMPARE(progress.progress_.back().done, rs::package::totalSize(f.members));
    }

    // The bytes do not depend on the number of compression threads.
    void tarballIndependentOfThreads()
    {
        Fixture f;
        rs::archive::TarOptions options;
        options.fixedMtime = 0;
        QByteArray first;
        for (int threads : {1, 2, 4}) {
            options.threads = threads;
            const QString tar = f.path(QStringLiteral("t%1.tar.gz").arg(threads));
            QVERIFY(rs::package::writeTarball(f.members, tar, options).hasValue());
            if (first.isEmpty())
                first = readFile(tar);
            else
                QVERIFY2(readFile(tar) == first, qPrintable(QString::number(threads)));
        }
        options.gzip = false;
        const QString plain = f.path(QStringLiteral("plain.tar"));
        QVERIFY(rs::package::writeTarball(f.members, plain, options).hasValue());
        QCOMPARE(*rs::test::package::gunzip(first), readFile(plain));
    }

    void writeTarballLeavesNothing_data()
    {
        QTest::addColumn<int>("cancelAfter");
        QTest::addColumn<int>("failAt");
        QTest::newRow("cancelled before anything") << 0 << -1;
        QTest::newRow("cancelled after 3 members") << 3 << -1;
        QTest::newRow("source missing, fourth member") << -1 << 3;
        QTest::newRow("bad name") << -1 << 98;
    }

    void writeTarballLeavesNothing()
    {
        QFETCH(int, cancelAfter);
        QFETCH(int, failAt);
        Fixture f;
        if (failAt == 98)
            f.members.push_back({QStringLiteral("../escape"), {}, QByteArray("x"), 0100644, false});
        else if (failAt >= 0)
            f.members[size_t(failAt)].sourcePath = f.path(QStringLiteral("src/nowhere.beam"));
        const QString out = f.path(QStringLiteral("out"));
        QVERIFY(writeFile(out + QStringLiteral("/existing.tar.gz"), "previous"));
        CancelAfter monitor(cancelAfter >= 0 ? cancelAfter : 1000000);
        for (const QString &name : {QStringLiteral("existing.tar.gz"), QStringLiteral("new.tar.gz")}) {
            const auto stats = rs::package::writeTarball(f.members, out + QLatin1Char('/') + name,
                                                         rs::archive::TarOptions{}, monitor);
            QVERIFY(!stats.hasValue());
        }
        QCOMPARE(listTree(out), QStringList{QStringLiteral("existing.tar.gz")});
        QCOMPARE(readFile(out + QStringLiteral("/existing.tar.gz")), QByteArray("previous"));
    }
};

QTEST_GUILESS_MAIN(TestPackageWriter)
#include "tst_package_writer.moc"
