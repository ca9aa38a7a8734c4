// End to end: `relstudio-cli diff` as scripts use it: diff(1)'s exit status (0 same, 1 differ, 2
// trouble), the release-note text, --stat, --ignore, and the documented JSON shape.
#include "support/diff_fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace rs::test::diff;

namespace {

ToolRun diffCli(const QStringList &args)
{
    return runTool(cli(), QStringList{QStringLiteral("diff")} + args);
}

} // namespace

class TestCliDiff : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_a;
    QString m_tgz;
    QString m_changed; // sys.config currency and a vm.args flag changed
    QString m_next;    // the same applications as release 1.0.1

    QString path(const QString &name) const { return m_tmp.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_a = path(QStringLiteral("a"));
        ToolRun run = assemble(example(QStringLiteral("releases/shop-1.0.0.rel")), {examplesLib()}, m_a);
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe(QStringLiteral("assemble"))));
        m_tgz = path(QStringLiteral("a.tgz"));
        run = runTool(QStringLiteral("tar"),
                      {QStringLiteral("czf"), m_tgz, QStringLiteral("-C"), m_a, QStringLiteral(".")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe(QStringLiteral("tar"))));

        m_changed = path(QStringLiteral("changed"));
        QVERIFY(copyTree(m_a, m_changed).exitCode == 0);
        const QString config = m_changed + QStringLiteral("/releases/1.0.0/sys.config");
        QVERIFY(writeFile(config, readFile(config).replace("<<\"EUR\">>", "<<\"USD\">>")));
        const QString args = m_changed + QStringLiteral("/releases/1.0.0/vm.args");
        QVERIFY(writeFile(args, readFile(args) + "+P 1000000\n"));

        QByteArray rel = readFile(example(QStringLiteral("releases/shop-1.0.0.rel")));
        rel.replace("{\"shop\", \"1.0.0\"}", "{\"shop\", \"1.0.1\"}");
        const QString relPath = path(QStringLiteral("next/shop-1.0.1.rel"));
        QVERIFY(writeFile(relPath, rel));
        m_next = path(QStringLiteral("next/release"));
        run = assemble(relPath, {examplesLib()}, m_next);
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe(QStringLiteral("assemble"))));
    }

    void help()
    {
        const ToolRun run = diffCli({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char *option : {"--json", "--stat", "--ignore", "--progress"})
            QVERIFY2(run.out.contains(option), option);
        const ToolRun list = runTool(cli(), {QStringLiteral("--help")});
        QVERIFY(list.out.contains("  diff "));
    }

    void usageErrorsExitTwo()
    {
        QCOMPARE(diffCli({}).exitCode, 2);
        QCOMPARE(diffCli({m_a}).exitCode, 2);
        QCOMPARE(diffCli({m_a, m_a, m_a}).exitCode, 2);
        QCOMPARE(diffCli({QStringLiteral("--json"), QStringLiteral("--stat"), m_a, m_a}).exitCode, 2);
        QCOMPARE(diffCli({QStringLiteral("--no-such-option"), m_a, m_a}).exitCode, 2);
    }

    void troubleExitsTwo()
    {
        ToolRun run = diffCli({m_a, path(QStringLiteral("missing.tar.gz"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("missing.tar.gz"), run.err.constData());
        const QByteArray whole = readFile(m_tgz);
        const QString truncated = path(QStringLiteral("truncated.tgz"));
        QVERIFY(writeFile(truncated, whole.left(whole.size() / 3)));
        run = diffCli({truncated, m_a});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("truncated.tgz"), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }

    void sameExitsZero()
    {
        const ToolRun run = diffCli({m_a, m_tgz});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe(QStringLiteral("diff"))));
        QVERIFY(run.out.startsWith(
            "shop 1.0.0 \xc2\xb7 ERTS unchanged \xc2\xb7 7 applications unchanged \xc2\xb7 same\n"));
        const ToolRun json = diffCli({QStringLiteral("--json"), m_tgz, m_a});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(o.value(QStringLiteral("same")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("same"));
        QCOMPARE(o.value(QStringLiteral("files")).toArray().size(), 0);
        QCOMPARE(o.value(QStringLiteral("applications")).toArray().size(), 0);
    }

    void differencesExitOne()
    {
        const ToolRun run = diffCli({m_a, m_changed});
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe(QStringLiteral("diff"))));
        const QString text = QString::fromUtf8(run.out);
        QVERIFY2(text.startsWith(
                     QStringLiteral("shop 1.0.0 \u00b7 ERTS unchanged \u00b7 7 applications unchanged\n")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("shop_core.currency: <<\"EUR\">> \u2192 <<\"USD\">>")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("\n      ++P 1000000\n")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Files: 2 changed, 249 unchanged")), qPrintable(text));

        const ToolRun stat = diffCli({QStringLiteral("--stat"), m_a, m_changed});
        QCOMPARE(stat.exitCode, 1);
        QVERIFY(stat.out.contains("releases/1.0.0/sys.config  1 term changed"));
        QVERIFY(stat.out.contains("releases/1.0.0/vm.args  +1 -0 lines"));

        const ToolRun ignored =
            diffCli({QStringLiteral("--ignore"), QStringLiteral("sys.config"), QStringLiteral("--ignore"),
                     QStringLiteral("releases/*/vm.args"), m_a, m_changed});
        QVERIFY2(ignored.exitCode == 0, qPrintable(ignored.describe(QStringLiteral("diff --ignore"))));
    }

    void releaseVersionInTheHeadline()
    {
        const ToolRun run = diffCli({m_a, m_next});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.out.startsWith(
                "shop 1.0.0 \xe2\x86\x92 1.0.1 \xc2\xb7 ERTS unchanged \xc2\xb7 7 applications unchanged\n"),
            run.out.constData());
    }

    void jsonShape()
    {
        const ToolRun run = diffCli({QStringLiteral("--json"), m_a, m_changed});
        QCOMPARE(run.exitCode, 1);
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(run.out, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        for (const char *key : {"format", "version", "same", "state", "old", "new", "release", "summary",
                                "applications", "files", "ignored", "warnings"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(QStringLiteral("format")).toString(), QStringLiteral("relstudio-diff"));
        QCOMPARE(o.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("same")).toBool(), false);
        const QJsonObject old = o.value(QStringLiteral("old")).toObject();
        QCOMPARE(old.value(QStringLiteral("name")).toString(), QStringLiteral("shop"));
        QCOMPARE(old.value(QStringLiteral("format")).toString(), QStringLiteral("directory"));
        QCOMPARE(old.value(QStringLiteral("rel_file")).toString(), QStringLiteral("releases/shop-1.0.0.rel"));
        const QJsonObject summary = o.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("files")).toObject().value(QStringLiteral("changed")).toInt(),
                 2);
        QCOMPARE(
            summary.value(QStringLiteral("applications")).toObject().value(QStringLiteral("same")).toInt(),
            7);

        const QJsonArray files = o.value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 2);
        const QJsonObject config = files[0].toObject();
        QCOMPARE(config.value(QStringLiteral("path")).toString(),
                 QStringLiteral("releases/1.0.0/sys.config"));
        QCOMPARE(config.value(QStringLiteral("kind")).toString(), QStringLiteral("sys.config"));
        QCOMPARE(config.value(QStringLiteral("state")).toString(), QStringLiteral("changed"));
        QCOMPARE(config.value(QStringLiteral("changes")).toArray(), QJsonArray{QStringLiteral("content")});
        QCOMPARE(config.value(QStringLiteral("old")).toObject().value(QStringLiteral("mode")).toString(),
                 QStringLiteral("0644"));
        QCOMPARE(
            config.value(QStringLiteral("new")).toObject().value(QStringLiteral("digest")).toString().size(),
            64);
        const QJsonObject term = config.value(QStringLiteral("terms")).toArray().at(0).toObject();
        QCOMPARE(term.value(QStringLiteral("path")).toArray(),
                 (QJsonArray{QStringLiteral("shop_core"), QStringLiteral("currency")}));
        QCOMPARE(term.value(QStringLiteral("old")).toString(), QStringLiteral("<<\"EUR\">>"));
        QCOMPARE(term.value(QStringLiteral("new")).toString(), QStringLiteral("<<\"USD\">>"));

        const QJsonObject args = files[1].toObject();
        QCOMPARE(args.value(QStringLiteral("kind")).toString(), QStringLiteral("vm.args"));
        const QJsonObject text = args.value(QStringLiteral("text")).toObject();
        QCOMPARE(text.value(QStringLiteral("added")).toInt(), 1);
        QCOMPARE(text.value(QStringLiteral("removed")).toInt(), 0);
        const QJsonObject hunk = text.value(QStringLiteral("hunks")).toArray().at(0).toObject();
        QCOMPARE(hunk.value(QStringLiteral("old_start")).toInt(), 1);
        QCOMPARE(hunk.value(QStringLiteral("new_count")).toInt(), 4);
        const QJsonObject added = hunk.value(QStringLiteral("lines")).toArray().last().toObject();
        QCOMPARE(added.value(QStringLiteral("kind")).toString(), QStringLiteral("added"));
        QCOMPARE(added.value(QStringLiteral("text")).toString(), QStringLiteral("+P 1000000"));
        QCOMPARE(added.value(QStringLiteral("old")).toInt(), 0);
        QCOMPARE(added.value(QStringLiteral("new")).toInt(), 4);
    }
};

QTEST_GUILESS_MAIN(TestCliDiff)
#include "tst_cli_diff.moc"
