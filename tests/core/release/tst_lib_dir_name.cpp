// splitLibDirName: lib/NAME-VSN as OTP's code server reads it, the name ending at the first '-'.
#include "release/lib_dir_name.h"

#include <QTest>

class TestLibDirName : public QObject
{
    Q_OBJECT

private slots:
    void split_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("vsn");
        QTest::newRow("OTP") << QStringLiteral("kernel-8.5.3") << QStringLiteral("kernel")
                             << QStringLiteral("8.5.3");
        QTest::newRow("semver pre-release (mix, rebar3)")
            << QStringLiteral("myapp-1.0.0-rc.1") << QStringLiteral("myapp") << QStringLiteral("1.0.0-rc.1");
        QTest::newRow("build metadata") << QStringLiteral("my_app-0.1.0+build.1-abc")
                                        << QStringLiteral("my_app") << QStringLiteral("0.1.0+build.1-abc");
        QTest::newRow("no version") << QStringLiteral("myapp") << QStringLiteral("myapp") << QString();
        QTest::newRow("empty version") << QStringLiteral("myapp-") << QStringLiteral("myapp") << QString();
        QTest::newRow("no name") << QStringLiteral("-1.0") << QStringLiteral("-1.0") << QString();
    }

    void split()
    {
        QFETCH(QString, dir);
        QFETCH(QString, name);
        QFETCH(QString, vsn);
        const rs::release::LibDirName split = rs::release::splitLibDirName(dir);
        QCOMPARE(split.name, name);
        QCOMPARE(split.vsn, vsn);
    }
};

QTEST_GUILESS_MAIN(TestLibDirName)
#include "tst_lib_dir_name.moc"
