// The appup view: a generated appup beside the relup it gives the release, regenerated as the
// appup is edited, with lint findings at their lines.
#include "appup_view.h"
#include "code_editor.h"
#include "release/rel_spec.h"
#include "workspace.h"

#include <QSignalSpy>
#include <QTest>

using namespace rs::ui;

class TestAppupView : public QObject
{
    Q_OBJECT

    static rs::release::ReleaseSpec release()
    {
        rs::release::ReleaseSpec rel;
        rel.name = QStringLiteral("reports");
        rel.vsn = QStringLiteral("1");
        rel.ertsVsn = QStringLiteral("13.1.5");
        for (const auto &[name, vsn] : {std::pair{"kernel", "8.5.3"}, std::pair{"stdlib", "4.2"},
                                        std::pair{"sasl", "4.2"}, std::pair{"report", "1.1"}}) {
            rs::release::RelApp app;
            app.name = QString::fromLatin1(name);
            app.vsn = QString::fromLatin1(vsn);
            rel.apps.push_back(app);
        }
        return rel;
    }

private slots:
    void generatesTheAppupAndItsRelup()
    {
        Workspace workspace;
        QSignalSpy scanned(&workspace, &Workspace::scanned);
        workspace.setLibDirs({QStringLiteral(RELSTUDIO_UPGRADE_FIXTURES_LIB)});
        QVERIFY(scanned.wait(20000));

        AppupView view(release(), &workspace);
        view.show();
        QSignalSpy updated(&view, &AppupView::relupUpdated);
        QVERIFY(view.choose(QStringLiteral("report"), QStringLiteral("1.0"), QStringLiteral("1.1")));
        QVERIFY(view.appupEditor()->toPlainText().contains(QStringLiteral("{\"1.1\",")));
        QVERIFY(updated.wait(20000));
        const QString relup = view.relupPreview()->toPlainText();
        QVERIFY2(relup.startsWith(QStringLiteral("%% coding: utf-8\n{\"1\",")), qPrintable(relup.left(200)));
        QVERIFY(relup.contains(QStringLiteral("{\"1-report-1.0\",")));
        QVERIFY(relup.contains(QStringLiteral("point_of_no_return")));
        const QString screenshots = qEnvironmentVariable("RELSTUDIO_SCREENSHOT_DIR");
        if (!screenshots.isEmpty()) {
            view.resize(1300, 700);
            QVERIFY(view.grab().save(screenshots + QStringLiteral("/appup-relup.png")));
        }

        // An instruction for a module that does not exist is a lint finding at its line.
        QString text = view.appupEditor()->toPlainText();
        text.replace(QStringLiteral("[{\"1.0\",["),
                     QStringLiteral("[{\"1.0\",[{load_module,no_such_module},"));
        updated.clear();
        view.appupEditor()->setPlainText(text);
        QVERIFY(updated.wait(20000));
        bool found = false;
        for (const rs::Finding &f : view.findings())
            found = found || (f.message.contains(QStringLiteral("no_such_module")) && f.location.line > 0);
        QVERIFY2(found, "a finding names no_such_module at its line");
    }
};

QTEST_MAIN(TestAppupView)
#include "tst_appup_view.moc"
