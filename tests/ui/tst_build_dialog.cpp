// The build dialog on the offscreen platform: a build runs off the GUI thread to 100 %, and a
// cancelled build leaves nothing behind.
#include "build_dialog.h"
#include "support/testdata.h"
#include "workspace.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rs::ui;

class TestBuildDialog : public QObject
{
    Q_OBJECT

    std::shared_ptr<const WorkspaceSnapshot> m_snapshot;

private slots:
    void initTestCase()
    {
        Workspace workspace;
        QSignalSpy scanned(&workspace, &Workspace::scanned);
        workspace.setLibDirs({QStringLiteral(RELSTUDIO_EXAMPLES_LIB_DIR)});
        QVERIFY(scanned.wait(20000));
        m_snapshot = workspace.snapshot();
        QVERIFY(m_snapshot->otp.has_value());
    }

    void buildsATarballTo100Percent()
    {
        QTemporaryDir out;
        BuildDialog dialog(rs::test::sourcePath(QStringLiteral("examples/releases/shop-1.0.0.rel")),
                           m_snapshot);
        dialog.show();
        const QString tarball = out.filePath(QStringLiteral("shop-1.0.0.tar.gz"));
        dialog.setOutput(tarball);
        QSignalSpy finished(&dialog, &BuildDialog::buildFinished);
        QSignalSpy progress(dialog.findChild<QProgressBar *>(QStringLiteral("buildProgress")),
                            &QProgressBar::valueChanged);
        dialog.findChild<QPushButton *>(QStringLiteral("buildButton"))->click();
        QVERIFY(dialog.job()->isRunning() || finished.count() == 1);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.constFirst().constFirst().toBool(), true);
        QCOMPARE(dialog.findChild<QProgressBar *>(QStringLiteral("buildProgress"))->value(), 1000);
        QVERIFY(progress.count() > 1);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("buildStatus"))
                    ->text()
                    .startsWith(QStringLiteral("Built ")));
        QVERIFY(QFile::exists(tarball));
        QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("inspectButton"))->isVisible());
    }

    void cancelledBuildLeavesNothing()
    {
        QTemporaryDir out;
        BuildDialog dialog(rs::test::sourcePath(QStringLiteral("examples/releases/shop-1.0.0.rel")),
                           m_snapshot);
        const QString tarball = out.filePath(QStringLiteral("shop-1.0.0.tar.gz"));
        dialog.setOutput(tarball);
        QSignalSpy finished(&dialog, &BuildDialog::buildFinished);
        dialog.startBuild();
        dialog.cancelBuild();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.constFirst().constFirst().toBool(), false);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("buildStatus"))
                    ->text()
                    .startsWith(QStringLiteral("Cancelled")));
        QVERIFY(!QFile::exists(tarball));
        QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).size(),
                 0);
    }

    // RELSTUDIO_SCREENSHOT_DIR=docs/screenshots: a picture of a build in progress (scripts/screenshots.sh).
    void screenshot()
    {
        const QString dir = qEnvironmentVariable("RELSTUDIO_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set RELSTUDIO_SCREENSHOT_DIR to take the screenshot");
        QTemporaryDir out;
        BuildDialog dialog(rs::test::sourcePath(QStringLiteral("examples/releases/shop-1.0.0.rel")),
                           m_snapshot);
        dialog.resize(720, 460);
        dialog.show();
        dialog.setOutput(out.filePath(QStringLiteral("shop-1.0.0.tar.gz")));
        dialog.findChild<QCheckBox *>()->setChecked(true); // include the ERTS: a longer build
        auto *bar = dialog.findChild<QProgressBar *>(QStringLiteral("buildProgress"));
        bool taken = false;
        connect(bar, &QProgressBar::valueChanged, this, [&](int value) {
            if (!taken && value >= 250 && value <= 850) {
                taken = dialog.grab().save(dir + QStringLiteral("/build-progress.png"));
            }
        });
        QSignalSpy finished(&dialog, &BuildDialog::buildFinished);
        dialog.startBuild();
        QVERIFY(finished.wait(60000));
        QVERIFY2(taken, "no progress update between 25 % and 85 % to take");
    }

    void failedBuildSaysWhy()
    {
        QTemporaryDir out;
        QFile broken(out.filePath(QStringLiteral("sys.config")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("[{kernel, [}].\n");
        broken.close();
        BuildDialog dialog(rs::test::sourcePath(QStringLiteral("examples/releases/shop-1.0.0.rel")),
                           m_snapshot);
        dialog.setOutput(out.filePath(QStringLiteral("x.tar.gz")));
        QSignalSpy finished(&dialog, &BuildDialog::buildFinished);
        dialog.findChild<QLineEdit *>(QStringLiteral("buildSysConfig"))->setText(broken.fileName());
        dialog.startBuild();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.constFirst().constFirst().toBool(), false);
        const QString status = dialog.findChild<QLabel *>(QStringLiteral("buildStatus"))->text();
        QVERIFY2(status.contains(QStringLiteral("sys.config:1:")), qPrintable(status));
        QVERIFY(!QFile::exists(out.filePath(QStringLiteral("x.tar.gz"))));
    }
};

QTEST_MAIN(TestBuildDialog)
#include "tst_build_dialog.moc"
