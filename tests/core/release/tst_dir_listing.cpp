// The fast directory listings of core/common/dir_listing.h behave as QDir::entryList with
// QDir::Files or QDir::Dirs (no hidden entries, links as what they point to, sorted by name).
#include "common/dir_listing.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestDirListing : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    bool touch(const QString &name) const
    {
        QFile f(m_tmp.filePath(name));
        return f.open(QIODevice::WriteOnly);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        for (const char *name : {"b.beam", "a.beam", "c.app", ".hidden.beam", "notes.txt"})
            QVERIFY(touch(QString::fromLatin1(name)));
        QVERIFY(QDir(m_tmp.path()).mkdir(QStringLiteral("sasl-4.2")));
        QVERIFY(QDir(m_tmp.path()).mkdir(QStringLiteral("kernel-8.5.3")));
        QVERIFY(QDir(m_tmp.path()).mkdir(QStringLiteral("dir.beam"))); // a directory, not a file
        QVERIFY(QDir(m_tmp.path()).mkdir(QStringLiteral(".git")));
        QVERIFY(QFile::link(m_tmp.filePath(QStringLiteral("a.beam")),
                            m_tmp.filePath(QStringLiteral("linked.beam"))));
        QVERIFY(QFile::link(m_tmp.filePath(QStringLiteral("sasl-4.2")),
                            m_tmp.filePath(QStringLiteral("sasl-9"))));
        QVERIFY(QFile::link(m_tmp.filePath(QStringLiteral("nowhere")),
                            m_tmp.filePath(QStringLiteral("dangling.beam"))));
    }

    void filesBySuffix()
    {
        QCOMPARE(
            rs::filesEndingWith(m_tmp.path(), u".beam"),
            (QStringList{QStringLiteral("a.beam"), QStringLiteral("b.beam"), QStringLiteral("linked.beam")}));
        QCOMPARE(rs::filesEndingWith(m_tmp.path(), u".app"), QStringList{QStringLiteral("c.app")});
    }

    void directoriesByPrefix()
    {
        QCOMPARE(rs::subdirectories(m_tmp.path(), u"sasl-"),
                 (QStringList{QStringLiteral("sasl-4.2"), QStringLiteral("sasl-9")}));
        QCOMPARE(rs::subdirectories(m_tmp.path()),
                 (QStringList{QStringLiteral("dir.beam"), QStringLiteral("kernel-8.5.3"),
                              QStringLiteral("sasl-4.2"), QStringLiteral("sasl-9")}));
    }

    void sameAsQDir()
    {
        QCOMPARE(rs::filesEndingWith(m_tmp.path(), u".beam"),
                 QDir(m_tmp.path()).entryList({QStringLiteral("*.beam")}, QDir::Files, QDir::Name));
        QCOMPARE(rs::subdirectories(m_tmp.path()),
                 QDir(m_tmp.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name));
    }

    void missingDirectoryIsEmpty()
    {
        QVERIFY(rs::filesEndingWith(m_tmp.filePath(QStringLiteral("missing")), u".beam").isEmpty());
        QVERIFY(rs::subdirectories(m_tmp.filePath(QStringLiteral("missing"))).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDirListing)
#include "tst_dir_listing.moc"
