// Line hunks (dtl) with intra-line ranges, and term differences by key path.
#include "diff/term_diff.h"
#include "diff/text_diff.h"

#include "term/reader.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <vector>

using namespace rs;
using namespace rs::diff;

namespace {

// The new lines rebuilt from the old lines and the hunks: what a patch would do.
QStringList applyHunks(const QStringList &oldLines, const TextDiff &d)
{
    QStringList out;
    int next = 1; // next old line to copy
    for (const Hunk &h : d.hunks) {
        const int start = h.oldCount > 0 ? h.oldStart : h.oldStart + 1;
        while (next < start)
            out << oldLines.at(next++ - 1);
        for (const DiffLine &l : h.lines) {
            if (l.kind == DiffLine::Kind::Context) {
                if (oldLines.at(next - 1) != l.text)
                    return {QStringLiteral("<context mismatch>")};
                out << l.text;
                ++next;
            } else if (l.kind == DiffLine::Kind::Removed) {
                if (oldLines.at(next - 1) != l.text)
                    return {QStringLiteral("<removed mismatch>")};
                ++next;
            } else {
                out << l.text;
            }
        }
    }
    while (next <= oldLines.size())
        out << oldLines.at(next++ - 1);
    return out;
}

int lcsLength(const QStringList &a, const QStringList &b)
{
    std::vector<std::vector<int>> t(size_t(a.size() + 1), std::vector<int>(size_t(b.size() + 1), 0));
    for (qsizetype i = a.size() - 1; i >= 0; --i)
        for (qsizetype j = b.size() - 1; j >= 0; --j)
            t[size_t(i)][size_t(j)] =
                a[i] == b[j] ? t[size_t(i + 1)][size_t(j + 1)] + 1
                             : std::max(t[size_t(i + 1)][size_t(j)], t[size_t(i)][size_t(j + 1)]);
    return t[0][0];
}

term::Term parse(const char *text)
{
    auto t = term::parseTerm(QByteArray(text));
    if (!t)
        qFatal("%s", qPrintable(t.error().toString()));
    return *t;
}

QStringList changes(const std::vector<TermChange> &cs)
{
    QStringList out;
    for (const TermChange &c : cs)
        out << QStringLiteral("%1 %2 %3 -> %4")
                   .arg(c.path.join(QLatin1Char('.')), stateName(c.state), c.oldValue, c.newValue);
    return out;
}

} // namespace

class TestTextDiff : public QObject
{
    Q_OBJECT

private slots:
    void equalTextsHaveNoHunks()
    {
        const TextDiff d = diffText(u"a\nb\nc\n", u"a\nb\nc\n");
        QVERIFY(d.isEmpty());
        QCOMPARE(d.added, 0);
    }

    void oneChangedLine()
    {
        const TextDiff d =
            diffText(u"-sname shop\n-setcookie c\n+K true\n", u"-sname shop\n-setcookie c\n+K false\n");
        QCOMPARE(d.hunks.size(), size_t(1));
        const Hunk &h = d.hunks[0];
        QCOMPARE(h.oldStart, 1);
        QCOMPARE(h.oldCount, 3);
        QCOMPARE(h.newStart, 1);
        QCOMPARE(h.newCount, 3);
        QCOMPARE(h.lines.size(), size_t(4));
        QCOMPARE(h.lines[2].kind, DiffLine::Kind::Removed);
        QCOMPARE(h.lines[2].oldNumber, 3);
        QCOMPARE(h.lines[2].newNumber, 0);
        QCOMPARE(h.lines[3].kind, DiffLine::Kind::Added);
        QCOMPARE(h.lines[3].newNumber, 3);
        // Word by word: "true" became "false".
        QCOMPARE(h.lines[2].changed, (std::vector<CharRange>{{3, 4}}));
        QCOMPARE(h.lines[3].changed, (std::vector<CharRange>{{3, 5}}));
        QCOMPARE(unifiedText(d),
                 QStringLiteral("@@ -1,3 +1,3 @@\n -sname shop\n -setcookie c\n-+K true\n++K false\n"));
    }

    void intraLineRanges()
    {
        // Two separate edits within a line: two ranges on each side, in code points.
        const TextDiff d = diffText(u"{shop_core, [{currency, <<\"EUR\">>}, {rate, 19}]}\n",
                                    u"{shop_core, [{currency, <<\"USD\">>}, {rate, 20}]}\n");
        QCOMPARE(d.hunks.size(), size_t(1));
        const auto &removed = d.hunks[0].lines[0];
        const auto &added = d.hunks[0].lines[1];
        QCOMPARE(removed.changed.size(), size_t(2));
        QCOMPARE(added.changed.size(), size_t(2));
        QCOMPARE(removed.text.mid(removed.changed[0].start, removed.changed[0].length),
                 QStringLiteral("EUR"));
        QCOMPARE(added.text.mid(added.changed[0].start, added.changed[0].length), QStringLiteral("USD"));
        QCOMPARE(removed.text.mid(removed.changed[1].start, removed.changed[1].length), QStringLiteral("19"));
        QCOMPARE(added.text.mid(added.changed[1].start, added.changed[1].length), QStringLiteral("20"));
        // Code points, not UTF-16 units: the emoji before the change counts as one.
        const TextDiff e = diffText(u"\U0001F600 price 10\n", u"\U0001F600 price 12\n");
        QCOMPARE(e.hunks[0].lines[0].changed, (std::vector<CharRange>{{8, 2}}));
        // Lines with little in common: the middle is one range.
        const TextDiff f = diffText(u"{a, alpha beta gamma}\n", u"{a, one two three four}\n");
        QCOMPARE(f.hunks[0].lines[0].changed, (std::vector<CharRange>{{4, 16}}));
        QCOMPARE(f.hunks[0].lines[1].changed, (std::vector<CharRange>{{4, 18}}));
    }

    void contextMergesNearbyChanges()
    {
        QStringList a;
        for (int i = 1; i <= 30; ++i)
            a << QStringLiteral("line %1").arg(i);
        QStringList b = a;
        b[4] = QStringLiteral("changed 5");
        b[10] = QStringLiteral("changed 11"); // 5 lines apart: one hunk
        b[25] = QStringLiteral("changed 26"); // far: a second hunk
        const TextDiff d = diffLines(a, b);
        QCOMPARE(d.hunks.size(), size_t(2));
        QCOMPARE(d.hunks[0].oldStart, 2);
        QCOMPARE(d.hunks[0].oldCount, 13);
        QCOMPARE(d.hunks[1].oldStart, 23);
        QCOMPARE(d.hunks[1].oldCount, 7);
        QCOMPARE(d.added, 3);
        QCOMPARE(d.removed, 3);
        QCOMPARE(applyHunks(a, d), b);
        TextDiffOptions noContext;
        noContext.context = 0;
        QCOMPARE(diffLines(a, b, noContext).hunks.size(), size_t(3));
    }

    void insertionsAndDeletionsAtTheEdges()
    {
        const QStringList a{QStringLiteral("x"), QStringLiteral("y")};
        const TextDiff add = diffLines({}, a);
        QCOMPARE(add.hunks.size(), size_t(1));
        QCOMPARE(add.hunks[0].oldStart, 0);
        QCOMPARE(add.hunks[0].oldCount, 0);
        QCOMPARE(add.hunks[0].newStart, 1);
        QCOMPARE(unifiedText(add), QStringLiteral("@@ -0,0 +1,2 @@\n+x\n+y\n"));
        const TextDiff del = diffLines(a, {});
        QCOMPARE(unifiedText(del), QStringLiteral("@@ -1,2 +0,0 @@\n-x\n-y\n"));
        const TextDiff front = diffLines(a, QStringList{QStringLiteral("w")} + a);
        QCOMPARE(unifiedText(front), QStringLiteral("@@ -1,2 +1,3 @@\n+w\n x\n y\n"));
        // Only the final newline or line endings.
        QCOMPARE(diffText(u"a\nb", u"a\nb\n").omitted, QStringLiteral("only the final newline differs"));
        QCOMPARE(diffText(u"a\r\nb\r\n", u"a\nb\n").omitted, QStringLiteral("only line endings differ"));
    }

    // Random texts: the hunks rebuild the new text, and the script is a shortest one (LCS).
    void randomTextsRoundTrip()
    {
        QRandomGenerator rng(20240607);
        for (int round = 0; round < 300; ++round) {
            const auto randomLines = [&](int n) {
                QStringList out;
                for (int i = 0; i < n; ++i)
                    out << QString(QChar(u'a' + int(rng.bounded(5))));
                return out;
            };
            const QStringList a = randomLines(int(rng.bounded(40)));
            QStringList b = rng.bounded(2) ? randomLines(int(rng.bounded(40))) : a;
            for (int k = int(rng.bounded(6)); k > 0 && !b.isEmpty(); --k)
                b[rng.bounded(int(b.size()))] = QStringLiteral("z");
            TextDiffOptions options;
            options.context = int(rng.bounded(4));
            const TextDiff d = diffLines(a, b, options);
            QCOMPARE(applyHunks(a, d), b);
            const int lcs = lcsLength(a, b);
            QCOMPARE(d.removed, int(a.size()) - lcs);
            QCOMPARE(d.added, int(b.size()) - lcs);
        }
    }

    void tooMuchWorkGivesOneReplacement()
    {
        QStringList a;
        QStringList b;
        for (int i = 0; i < 2000; ++i) {
            a << QStringLiteral("old %1").arg(i);
            b << QStringLiteral("new %1").arg(i);
        }
        TextDiffOptions options;
        options.maxWork = 1000;
        const TextDiff d = diffLines(a, b, options);
        QCOMPARE(d.hunks.size(), size_t(1));
        QCOMPARE(d.removed, 2000);
        QCOMPARE(d.added, 2000);
        QCOMPARE(applyHunks(a, d), b);
    }

    void textDetection()
    {
        QVERIFY(looksLikeText("plain\n"));
        QVERIFY(looksLikeText("caf\xc3\xa9\n"));
        QVERIFY(!looksLikeText(QByteArrayView("a\0b", 3)));
        QVERIFY(!looksLikeText("\xff\xfe"));
    }

    void sysConfigByKeyPath()
    {
        const auto a = parse("[{kernel, [{logger_level, info}]}, {shop_core, [{currency, <<\"EUR\">>}, "
                             "{limits, #{max_items => 100}}, {old, 1}]}]");
        const auto b =
            parse("[{kernel, [{logger_level, notice}]}, {shop_core, [{currency, <<\"EUR\">>}, "
                  "{limits, #{max_items => 200}}, {new, \"x\"}]}, {sasl, [{sasl_error_logger, false}]}]");
        QCOMPARE(changes(diffTerms(a, b)),
                 (QStringList{QStringLiteral("kernel.logger_level changed info -> notice"),
                              QStringLiteral("shop_core.limits.max_items changed 100 -> 200"),
                              QStringLiteral("shop_core.old removed 1 -> "),
                              QStringLiteral("shop_core.new added  -> \"x\""),
                              QStringLiteral("sasl added  -> [{sasl_error_logger,false}]")}));
    }

    void termsCompareAsAWholeOtherwise()
    {
        // Not keyed (a string, tuples without an atom key, repeated keys): one change.
        QCOMPARE(changes(diffTerms(parse("\"abc\""), parse("\"abd\""))),
                 QStringList{QStringLiteral(" changed \"abc\" -> \"abd\"")});
        QCOMPARE(changes(diffTerms(parse("[{a,1},{a,2}]"), parse("[{a,1},{a,3}]"))),
                 QStringList{QStringLiteral(" changed [{a,1},{a,2}] -> [{a,1},{a,3}]")});
        // Only the order of keys changed: the whole term.
        QCOMPARE(changes(diffTerms(parse("[{a,1},{b,2}]"), parse("[{b,2},{a,1}]"), {QStringLiteral("env")})),
                 QStringList{QStringLiteral("env changed [{a,1},{b,2}] -> [{b,2},{a,1}]")});
        // Atom lists are keyed by atom; longer tuples by their first element.
        QCOMPARE(changes(diffTerms(parse("[kernel, stdlib]"), parse("[kernel, stdlib, sasl]"))),
                 QStringList{QStringLiteral("sasl added  -> sasl")});
        QCOMPARE(changes(diffTerms(parse("[{kernel,\"8.5\"},{tools,\"1.0\",load}]"),
                                   parse("[{kernel,\"8.5\"},{tools,\"1.1\",load}]"))),
                 QStringList{QStringLiteral("tools changed {\"1.0\",load} -> {\"1.1\",load}")});
        QVERIFY(diffTerms(parse("[{a, 1.0}]"), parse("[{a, 1.0}]")).empty());
        QCOMPARE(changes(diffTerms(parse("[{a, 1}]"), parse("[{a, 1.0}]"))),
                 QStringList{QStringLiteral("a changed 1 -> 1.0")});
    }
};

QTEST_GUILESS_MAIN(TestTextDiff)
#include "tst_text_diff.moc"
