// The diff tree over a hand-made report: groups, applications with their modules by name and then
// their files, states rolled up to the groups, keys, and "Hide unchanged".
#include "diff/diff_tree_model.h"

#include <QTest>

using namespace rs::ui;
using namespace rs::diff;

class TestDiffTreeModel : public QObject
{
    Q_OBJECT

private:
    static FileDiff file(const QString &path, State state, FileKind kind = FileKind::Binary)
    {
        FileDiff f;
        f.path = path;
        f.state = state;
        f.kind = kind;
        if (state != State::Added)
            f.oldFile.type = FileType::File;
        if (state != State::Removed)
            f.newFile.type = FileType::File;
        f.contentChanged = state == State::Changed;
        return f;
    }

    static DiffReport report()
    {
        DiffReport r;
        r.oldRelease.name = r.newRelease.name = QStringLiteral("rel");
        r.oldRelease.vsn = QStringLiteral("1");
        r.newRelease.vsn = QStringLiteral("2");
        r.oldRelease.erts = r.newRelease.erts = QStringLiteral("13.1.5");
        r.state = State::Changed;
        AppDiff app;
        app.name = QStringLiteral("app");
        app.state = State::Changed;
        app.oldVsn = app.newVsn = QStringLiteral("1.0");
        ModuleDiff a;
        a.name = QStringLiteral("Elixir.A");
        a.state = State::Changed;
        a.exportsAdded = {QStringLiteral("f/1")};
        ModuleDiff ab;
        ab.name = QStringLiteral("Elixir.A.B");
        app.modules = {a, ab};
        r.apps.push_back(app);
        AppDiff same;
        same.name = QStringLiteral("other");
        same.oldVsn = same.newVsn = QStringLiteral("2.0");
        r.apps.push_back(same);
        // Sorted by path, as the engine gives them.
        r.files = {file(QStringLiteral("bin/rel"), State::Same),
                   file(QStringLiteral("erts-13.1.5/bin/beam.smp"), State::Same),
                   file(QStringLiteral("lib/app-1.0/ebin"), State::Same, FileKind::Directory),
                   file(QStringLiteral("lib/app-1.0/ebin/Elixir.A.B.beam"), State::Same, FileKind::Beam),
                   file(QStringLiteral("lib/app-1.0/ebin/Elixir.A.beam"), State::Changed, FileKind::Beam),
                   file(QStringLiteral("lib/app-1.0/ebin/app.app"), State::Same, FileKind::AppFile),
                   file(QStringLiteral("lib/app-1.0/priv/x"), State::Added),
                   file(QStringLiteral("lib/other-2.0/ebin/other.app"), State::Same, FileKind::AppFile),
                   file(QStringLiteral("releases/2/rel.rel"), State::Changed, FileKind::Rel)};
        return r;
    }

    static QStringList names(const QAbstractItemModel &model, const QModelIndex &parent = {})
    {
        QStringList out;
        for (int row = 0; row < model.rowCount(parent); ++row)
            out << model.index(row, 0, parent).data().toString();
        return out;
    }

private slots:
    void groupsApplicationsModulesAndFiles()
    {
        auto r = std::make_shared<const DiffReport>(report());
        DiffTreeModel model;
        model.setTree(r, buildDiffTree(*r));
        QCOMPARE(names(model),
                 (QStringList{QStringLiteral("Release files"), QStringLiteral("app"), QStringLiteral("other"),
                              QStringLiteral("ERTS"), QStringLiteral("Other files")}));
        const QModelIndex app = model.indexOfKey(QStringLiteral("app:app"));
        // Modules by name ("Elixir.A" before "Elixir.A.B", unlike their file names), then files;
        // directories are left out.
        QCOMPARE(names(model, app), (QStringList{QStringLiteral("Elixir.A"), QStringLiteral("Elixir.A.B"),
                                                 QStringLiteral("ebin/app.app"), QStringLiteral("priv/x")}));
        const QModelIndex a = model.indexOfKey(QStringLiteral("module:app:Elixir.A"));
        QCOMPARE(a.parent(), app);
        QCOMPARE(a.siblingAtColumn(DiffTreeModel::DetailColumn).data().toString(),
                 QStringLiteral("exports +f/1"));
        QCOMPARE(model.node(a)->file->path, QStringLiteral("lib/app-1.0/ebin/Elixir.A.beam"));
        QCOMPARE(model.indexOfKey(QStringLiteral("lib/app-1.0/priv/x"))
                     .siblingAtColumn(DiffTreeModel::StateColumn)
                     .data()
                     .toString(),
                 QStringLiteral("added"));
        // Groups take the state of what they hold (the release group also its version).
        QCOMPARE(model.indexOfKey(QStringLiteral("group:releases")).data(DiffTreeModel::StateRole).toInt(),
                 int(State::Changed));
        QCOMPARE(model.indexOfKey(QStringLiteral("group:erts")).data(DiffTreeModel::StateRole).toInt(),
                 int(State::Same));
        QCOMPARE(names(model, model.indexOfKey(QStringLiteral("group:releases"))),
                 QStringList{QStringLiteral("2/rel.rel")});
    }

    void hideUnchangedKeepsThePathsToChanges()
    {
        auto r = std::make_shared<const DiffReport>(report());
        DiffTreeModel model;
        model.setTree(r, buildDiffTree(*r));
        DiffTreeFilter filter;
        filter.setSourceModel(&model);
        filter.setHideUnchanged(true);
        QCOMPARE(names(filter), (QStringList{QStringLiteral("Release files"), QStringLiteral("app")}));
        QCOMPARE(names(filter, filter.index(1, 0)),
                 (QStringList{QStringLiteral("Elixir.A"), QStringLiteral("priv/x")}));
        filter.setHideUnchanged(false);
        QCOMPARE(filter.rowCount(), 5);
    }

    void clearEmptiesTheModel()
    {
        auto r = std::make_shared<const DiffReport>(report());
        DiffTreeModel model;
        model.setTree(r, buildDiffTree(*r));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.indexOfKey(QStringLiteral("app:app")).isValid());
    }
};

QTEST_MAIN(TestDiffTreeModel)
#include "tst_diff_tree_model.moc"
