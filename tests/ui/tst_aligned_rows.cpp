// How the side-by-side diff lays out hunks: removed and added lines paired in order, filler on the
// shorter side, unchanged lines before and between hunks folded, one stop per change.
#include "diff/aligned_rows.h"
#include "diff/text_diff.h"

#include <QTest>

using namespace rs::ui;
using Kind = AlignedRow::Kind;

class TestAlignedRows : public QObject
{
    Q_OBJECT

private:
    static QStringList numbered(int from, int to)
    {
        QStringList lines;
        for (int i = from; i <= to; ++i)
            lines << QStringLiteral("line %1").arg(i);
        return lines;
    }

    static QString kinds(const AlignedDiff &a)
    {
        QString out;
        for (const AlignedRow &r : a.rows)
            out += QStringLiteral("CXRAG").at(int(r.kind));
        return out;
    }

private slots:
    void pairsRemovedWithAddedAndFillsTheRest()
    {
        rs::diff::TextDiffOptions options;
        options.context = 1;
        const QStringList oldLines = QStringLiteral("a b c d").split(u' ');
        const QStringList newLines = QStringLiteral("a B C x d").split(u' ');
        const AlignedDiff a = alignHunks(rs::diff::diffLines(oldLines, newLines, options));
        // context a, b→B and c→C paired, x added with filler on the left, context d
        QCOMPARE(kinds(a), QStringLiteral("CXXAC"));
        QCOMPARE(a.changeStarts, std::vector<int>{1});
        const AlignedRow &added = a.rows[3];
        QCOMPARE(added.oldNumber, 0);
        QCOMPARE(added.newNumber, 4);
        QVERIFY(!added.hasOld());
        QCOMPARE(a.rows[1].oldText, QStringLiteral("b"));
        QCOMPARE(a.rows[1].newText, QStringLiteral("B"));
        QCOMPARE(a.rows[4].oldNumber, 4);
        QCOMPARE(a.rows[4].newNumber, 5);
    }

    void foldsUnchangedLinesBetweenHunks()
    {
        rs::diff::TextDiffOptions options;
        options.context = 2;
        QStringList oldLines = numbered(1, 40);
        QStringList newLines = oldLines;
        newLines[9] = QStringLiteral("changed 10"); // line 10
        newLines.removeAt(29);                      // line 30 removed
        const rs::diff::TextDiff diff = rs::diff::diffLines(oldLines, newLines, options);
        QCOMPARE(diff.hunks.size(), std::size_t(2));
        const AlignedDiff a = alignHunks(diff);
        // 7 lines folded, 2 context, the change, 2 context, 15 folded, 2 context, removed, 2 context
        QCOMPARE(kinds(a), QStringLiteral("GCCXCCGCCRCC"));
        QCOMPARE(a.rows[0].gapLines, 7);
        QCOMPARE(a.rows[6].gapLines, 15);
        QCOMPARE(a.changeStarts, (std::vector<int>{3, 9}));
        QCOMPARE(a.rows[3].hunk, 0);
        QCOMPARE(a.rows[9].hunk, 1);
        QCOMPARE(a.rows[9].oldNumber, 30);
        QVERIFY(!a.rows[9].hasNew());
    }

    void separateChangesInOneHunkAreSeparateStops()
    {
        rs::diff::TextDiffOptions options;
        options.context = 3;
        QStringList oldLines = numbered(1, 10);
        QStringList newLines = oldLines;
        newLines[2] = QStringLiteral("x");
        newLines[5] = QStringLiteral("y");
        const rs::diff::TextDiff diff = rs::diff::diffLines(oldLines, newLines, options);
        QCOMPARE(diff.hunks.size(), std::size_t(1));
        const AlignedDiff a = alignHunks(diff);
        QCOMPARE(a.changeStarts.size(), std::size_t(2));
        QVERIFY(a.rows[std::size_t(a.changeStarts[0])].isChange());
        QVERIFY(a.rows[std::size_t(a.changeStarts[1])].isChange());
    }

    void emptyDiffHasNoRows()
    {
        const AlignedDiff a = alignHunks({});
        QVERIFY(a.rows.empty());
        QVERIFY(a.changeStarts.empty());
    }
};

QTEST_GUILESS_MAIN(TestAlignedRows)
#include "tst_aligned_rows.moc"
