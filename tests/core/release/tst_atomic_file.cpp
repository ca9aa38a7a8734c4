// writeFileAtomically: writes through QSaveFile, leaves a file whose bytes would not change alone,
// and says why when it cannot write.
#include "common/atomic_file.h"
#include "support/testdata.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using rs::WriteResult;

Q_DECLARE_METATYPE(rs::WriteResult)

namespace {

QByteArray contentsOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

void put(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

// Moves PATH's modification time an hour back, so that a rewrite would show.
QDateTime backdate(const QString &path)
{
    const QDateTime old = QDateTime::currentDateTimeUtc().addSecs(-3600);
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || !f.setFileTime(old, QFileDevice::FileModificationTime))
        qFatal("cannot set the time of %s", qPrintable(path));
    f.close();
    return QFileInfo(path).lastModified().toUTC();
}

} // namespace

class TestAtomicFile : public QObject
{
    Q_OBJECT

private slots:
    void writes_data()
    {
        QTest::addColumn<bool>("exists");
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<WriteResult>("result");
        QTest::newRow("new file") << false << QByteArray() << QByteArray("hello\n") << WriteResult::Written;
        QTest::newRow("new empty file") << false << QByteArray() << QByteArray() << WriteResult::Written;
        QTest::newRow("different size")
            << true << QByteArray("old") << QByteArray("new text") << WriteResult::Written;
        QTest::newRow("same size, other bytes")
            << true << QByteArray("abc") << QByteArray("abd") << WriteResult::Written;
        QTest::newRow("emptied") << true << QByteArray("abc") << QByteArray() << WriteResult::Written;
        QTest::newRow("the same bytes")
            << true << QByteArray("same\n") << QByteArray("same\n") << WriteResult::Unchanged;
        QTest::newRow("still empty") << true << QByteArray() << QByteArray() << WriteResult::Unchanged;
        QTest::newRow("binary, the same") << true << QByteArray("\x83h\x00\xff", 4)
                                          << QByteArray("\x83h\x00\xff", 4) << WriteResult::Unchanged;
    }
    void writes()
    {
        QFETCH(bool, exists);
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, bytes);
        QFETCH(WriteResult, result);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("out.txt"));
        QDateTime mtime;
        if (exists) {
            put(path, before);
            mtime = backdate(path);
        }
        const auto written = rs::writeFileAtomically(path, bytes);
        QVERIFY2(written.hasValue(), rs::test::errorOf(written).constData());
        QCOMPARE(*written, result);
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(contentsOf(path), bytes);
        if (exists) {
            const QDateTime now = QFileInfo(path).lastModified().toUTC();
            if (result == WriteResult::Unchanged)
                QCOMPARE(now, mtime); // not touched
            else
                QVERIFY(now > mtime);
        }
        // No temporary file is left behind.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("out.txt")});
    }

    void createsMissingDirectories()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a/b/c/start.script"));
        const auto written = rs::writeFileAtomically(path, "x");
        QVERIFY2(written.hasValue(), rs::test::errorOf(written).constData());
        QCOMPARE(*written, WriteResult::Written);
        QCOMPARE(contentsOf(path), QByteArray("x"));
    }

    void replacesTheFileAsAWhole()
    {
        // QSaveFile renames a new file over the old one: a reader holding the old file keeps it.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("rel.rel"));
        put(path, "old contents");
        QFile reader(path);
        QVERIFY(reader.open(QIODevice::ReadOnly));
        const auto written = rs::writeFileAtomically(path, "new contents, longer");
        QVERIFY2(written.hasValue(), rs::test::errorOf(written).constData());
        QCOMPARE(reader.readAll(), QByteArray("old contents"));
        QCOMPARE(contentsOf(path), QByteArray("new contents, longer"));
    }

    void directoryCannotBeCreated()
    {
        QTemporaryDir dir;
        put(dir.filePath(QStringLiteral("plain")), "a file, not a directory");
        const QString path = dir.filePath(QStringLiteral("plain/sub/out.boot"));
        const auto written = rs::writeFileAtomically(path, "x");
        QVERIFY(!written.hasValue());
        QCOMPARE(written.error().severity, rs::Severity::Error);
        QCOMPARE(
            written.error().message,
            QStringLiteral("cannot create the directory %1").arg(dir.filePath(QStringLiteral("plain/sub"))));
        QCOMPARE(written.error().location, (rs::SourceLocation{path, 0, 0}));
    }

    void targetIsADirectory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("taken"));
        QVERIFY(QDir().mkpath(path));
        const auto written = rs::writeFileAtomically(path, "x");
        QVERIFY(!written.hasValue());
        QVERIFY2(written.error().message.startsWith(QStringLiteral("cannot write the file: ")),
                 qPrintable(written.error().message));
        QCOMPARE(written.error().location, (rs::SourceLocation{path, 0, 0}));
        QVERIFY(QFileInfo(path).isDir());
    }

    // Works as root too: no one may create files in /proc.
    void unwritableSystemDirectory_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("file in /proc")
            << QStringLiteral("/proc/relstudio-test.boot") << QStringLiteral("cannot write the file: ");
        QTest::newRow("directory in /proc")
            << QStringLiteral("/proc/relstudio-test/start.boot")
            << QStringLiteral("cannot create the directory /proc/relstudio-test");
    }
    void unwritableSystemDirectory()
    {
        QFETCH(QString, path);
        QFETCH(QString, message);
        if (!QFileInfo(QStringLiteral("/proc/self")).exists())
            QSKIP("no /proc");
        const auto written = rs::writeFileAtomically(path, "x");
        QVERIFY(!written.hasValue());
        QVERIFY2(written.error().message.startsWith(message), qPrintable(written.error().message));
        QCOMPARE(written.error().location, (rs::SourceLocation{path, 0, 0}));
    }

    void unwritableDirectory()
    {
        if (::geteuid() == 0)
            QSKIP("root may write anywhere");
        QTemporaryDir dir;
        const QString locked = dir.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkpath(locked));
        const QString path = locked + QStringLiteral("/out.txt");
        put(path, "old");
        QVERIFY(::chmod(QFile::encodeName(locked).constData(), 0555) == 0);
        const auto written = rs::writeFileAtomically(path, "new");
        ::chmod(QFile::encodeName(locked).constData(), 0755);
        QVERIFY(!written.hasValue());
        QVERIFY2(written.error().message.startsWith(QStringLiteral("cannot write the file: ")),
                 qPrintable(written.error().message));
        QCOMPARE(written.error().location, (rs::SourceLocation{path, 0, 0}));
        QCOMPARE(contentsOf(path), QByteArray("old")); // the old file is left as it was
    }

    void unwritableDirectoryUnchangedBytesNeedNoWrite()
    {
        if (::geteuid() == 0)
            QSKIP("root may write anywhere");
        QTemporaryDir dir;
        const QString locked = dir.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkpath(locked));
        const QString path = locked + QStringLiteral("/out.txt");
        put(path, "same");
        QVERIFY(::chmod(QFile::encodeName(locked).constData(), 0555) == 0);
        const auto written = rs::writeFileAtomically(path, "same");
        ::chmod(QFile::encodeName(locked).constData(), 0755);
        QVERIFY2(written.hasValue(), rs::test::errorOf(written).constData());
        QCOMPARE(*written, WriteResult::Unchanged);
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomic_file.moc"
