// The main window on the offscreen platform: it starts, opens a release file and shows it.
#include "mainwindow.h"
#include "support/testdata.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void opensTheBundledExample()
    {
        rs::ui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(rs::test::sourcePath(QStringLiteral("examples/workspace/shop.rel"))));
        const auto *view = window.findChild<QPlainTextEdit *>();
        QVERIFY(view);
        QVERIFY(view->toPlainText().startsWith(QStringLiteral("{release,{\"shop\",\"1.0.0\"},")));
        QVERIFY(window.windowTitle().contains(QStringLiteral("shop.rel")));
    }

    void refusesABrokenFileWithoutLosingTheView()
    {
        rs::ui::MainWindow window;
        QVERIFY(window.openFile(rs::test::sourcePath(QStringLiteral("examples/workspace/sys.config"))));
        const QString before = window.findChild<QPlainTextEdit *>()->toPlainText();
        // A modal warning would block the test: answer it as soon as it shows.
        QTimer::singleShot(0, [] {
            if (QWidget *box = QApplication::activeModalWidget())
                box->close();
        });
        QVERIFY(!window.openFile(QStringLiteral("/nonexistent/file.rel")));
        QCOMPARE(window.findChild<QPlainTextEdit *>()->toPlainText(), before);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
