// The term reader: file:consult semantics, positions, and errors a user understands.
#include "support/testdata.h"
#include "term/reader.h"

#include <QTemporaryDir>
#include <QTest>

using rs::term::Term;

namespace {

Term atom(const char *name)
{
    return Term::atom(QString::fromUtf8(name));
}
Term str(const char16_t *text)
{
    return Term::string(QStringView(text));
}
Term tuple(std::vector<Term> e)
{
    return Term::tuple(std::move(e));
}
Term list(std::vector<Term> e)
{
    return Term::list(std::move(e));
}
Term integer(qint64 v)
{
    return Term::integer(v);
}

Term readOne(const QByteArray &text)
{
    const auto t = rs::term::parseTerm(text, QStringLiteral("test.config"));
    if (!t) {
        qWarning("%s", qPrintable(t.error().toString()));
        return Term::atom(QStringLiteral("$parse-failed$"));
    }
    return *t;
}

// The error of reading `text` as a file (or, when empty, as one term); "no error" when it reads.
rs::Finding readError(const QByteArray &text)
{
    const QString file = QStringLiteral("f.config");
    if (text.isEmpty()) {
        const auto t = rs::term::parseTerm(text, file);
        return t ? rs::Finding::error(QStringLiteral("no error")) : t.error();
    }
    const auto terms = rs::term::consultText(text, file);
    return terms ? rs::Finding::error(QStringLiteral("no error")) : terms.error();
}

} // namespace

Q_DECLARE_METATYPE(Term)

class TestReader : public QObject
{
    Q_OBJECT

private slots:
    void readsValues_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<Term>("expected");

        QTest::newRow("atom") << QByteArray("ok") << atom("ok");
        QTest::newRow("atom with @ and digits") << QByteArray("node1@host_2") << atom("node1@host_2");
        QTest::newRow("quoted atom") << QByteArray("'Hello World'") << atom("Hello World");
        QTest::newRow("quoted reserved word") << QByteArray("'end'") << atom("end");
        QTest::newRow("latin-1 atom") << QByteArray("\xc3\xa5ngstr\xc3\xb6m") << atom("ångström");
        QTest::newRow("unicode quoted atom") << QByteArray("'\xe6\x97\xa5\xe6\x9c\xac'") << atom("日本");
        QTest::newRow("integer") << QByteArray("42") << integer(42);
        QTest::newRow("negative") << QByteArray("-42") << integer(-42);
        QTest::newRow("plus") << QByteArray("+7") << integer(7);
        QTest::newRow("underscores") << QByteArray("1_000_000") << integer(1000000);
        QTest::newRow("hex") << QByteArray("16#FF") << integer(255);
        QTest::newRow("hex lower") << QByteArray("16#ff") << integer(255);
        QTest::newRow("binary digits") << QByteArray("2#1010") << integer(10);
        QTest::newRow("base 36") << QByteArray("36#Zz") << integer(35 * 36 + 35);
        QTest::newRow("negative hex") << QByteArray("-16#10") << integer(-16);
        QTest::newRow("int64 max") << QByteArray("9223372036854775807")
                                   << integer(std::numeric_limits<qint64>::max());
        QTest::newRow("int64 min") << QByteArray("-9223372036854775808")
                                   << integer(std::numeric_limits<qint64>::min());
        QTest::newRow("bignum") << QByteArray("18446744073709551616")
                                << Term::bigInteger(false, QByteArray("\0\0\0\0\0\0\0\0\1", 9));
        QTest::newRow("negative bignum") << QByteArray("-18446744073709551616")
                                         << Term::bigInteger(true, QByteArray("\0\0\0\0\0\0\0\0\1", 9));
        QTest::newRow("float") << QByteArray("3.25") << Term::floating(3.25);
        QTest::newRow("float exponent") << QByteArray("1.5e3") << Term::floating(1500.0);
        QTest::newRow("float negative exponent") << QByteArray("2.5E-2") << Term::floating(0.025);
        QTest::newRow("negative float") << QByteArray("-0.5") << Term::floating(-0.5);
        QTest::newRow("char") << QByteArray("$a") << integer('a');
        QTest::newRow("char space") << QByteArray("$ ") << integer(' ');
        QTest::newRow("char escape") << QByteArray("$\\n") << integer('\n');
        QTest::newRow("char unicode") << QByteArray("$\xe2\x82\xac") << integer(0x20AC);
        QTest::newRow("string") << QByteArray("\"abc\"") << str(u"abc");
        QTest::newRow("empty string is nil") << QByteArray("\"\"") << Term::nil();
        QTest::newRow("concatenated strings") << QByteArray("\"ab\" \"cd\"\n\"e\"") << str(u"abcde");
        QTest::newRow("unicode string")
            << QByteArray("\"gr\xc3\xbc\xc3\x9f \xe2\x82\xac\"") << str(u"grüß €");
        QTest::newRow("escapes") << QByteArray("\"\\n\\r\\t\\v\\b\\f\\e\\s\\d\\\\\\\"\\'\"")
                                 << str(u"\n\r\t\v\b\f\x1b \x7f\\\"'");
        QTest::newRow("octal escapes")
            << QByteArray("\"\\101\\0\\7\\1234\"")
            << list({integer('A'), integer(0), integer(7), integer(0123), integer('4')});
        QTest::newRow("hex escapes") << QByteArray("\"\\x41\\x{20AC}\\x{1F600}\"")
                                     << list({integer('A'), integer(0x20AC), integer(0x1F600)});
        QTest::newRow("control escape") << QByteArray("\"\\^a\\^Z\"") << list({integer(1), integer(26)});
        QTest::newRow("unknown escape is the char") << QByteArray("\"\\q\"") << str(u"q");
        QTest::newRow("escaped quote in atom") << QByteArray("'it\\'s'") << atom("it's");
        QTest::newRow("tuple") << QByteArray("{a, 1, \"s\"}") << tuple({atom("a"), integer(1), str(u"s")});
        QTest::newRow("empty tuple") << QByteArray("{}") << tuple({});
        QTest::newRow("list") << QByteArray("[a, b]") << list({atom("a"), atom("b")});
        QTest::newRow("nil") << QByteArray("[]") << Term::nil();
        QTest::newRow("improper list") << QByteArray("[a | b]") << Term::list({atom("a")}, atom("b"));
        QTest::newRow("cons into proper list") << QByteArray("[a | [b]]") << list({atom("a"), atom("b")});
        QTest::newRow("binary string") << QByteArray("<<\"abc\">>") << Term::binary("abc");
        QTest::newRow("binary bytes")
            << QByteArray("<<1, 2, 255>>") << Term::binary(QByteArray("\x01\x02\xff"));
        QTest::newRow("binary truncates")
            << QByteArray("<<256, -1>>") << Term::binary(QByteArray("\x00\xff", 2));
        QTest::newRow("empty binary") << QByteArray("<<>>") << Term::binary(QByteArray());
        QTest::newRow("binary utf8") << QByteArray("<<\"\xe2\x82\xac\"/utf8>>")
                                     << Term::binary("\xe2\x82\xac");
        QTest::newRow("binary latin-1 truncation") << QByteArray("<<\"\xc3\xa9\">>") << Term::binary("\xe9");
        QTest::newRow("binary sized")
            << QByteArray("<<1:16, 2:8/little>>") << Term::binary(QByteArray("\0\1\2", 3));
        QTest::newRow("binary little 16")
            << QByteArray("<<258:16/little>>") << Term::binary(QByteArray("\2\1", 2));
        QTest::newRow("binary nibbles") << QByteArray("<<1:4, 15:4>>") << Term::binary(QByteArray("\x1f"));
        QTest::newRow("binary float")
            << QByteArray("<<1.0/float>>") << Term::binary(QByteArray("\x3f\xf0\0\0\0\0\0\0", 8));
        QTest::newRow("binary utf16") << QByteArray("<<\"A\"/utf16>>") << Term::binary(QByteArray("\0A", 2));
        QTest::newRow("map") << QByteArray("#{b => 2, a => 1}")
                             << Term::map({{atom("a"), integer(1)}, {atom("b"), integer(2)}});
        QTest::newRow("map last key wins")
            << QByteArray("#{a => 1, a => 2}") << Term::map({{atom("a"), integer(2)}});
        QTest::newRow("empty map") << QByteArray("#{}") << Term::map({});
        QTest::newRow("comments") << QByteArray("%% a comment\n{a, % inline\n b} % after")
                                  << tuple({atom("a"), atom("b")});
        QTest::newRow("app file shape")
            << QByteArray("{application, demo,\n [{vsn, \"1.0\"},\n  {modules, [demo_app, demo_sup]},\n  "
                          "{env, []}]}.")
            << tuple({atom("application"), atom("demo"),
                      list({tuple({atom("vsn"), str(u"1.0")}),
                            tuple({atom("modules"), list({atom("demo_app"), atom("demo_sup")})}),
                            tuple({atom("env"), Term::nil()})})});
    }

    void readsValues()
    {
        QFETCH(QByteArray, text);
        QFETCH(Term, expected);
        const Term actual = readOne(text);
        QVERIFY2(actual == expected, text.constData());
    }

    void consultReadsEveryTerm()
    {
        const auto terms = rs::term::consultText("{a, 1}.\n%% comment\nb.\n\"c\".", QStringLiteral("f"));
        QVERIFY2(terms.hasValue(), rs::test::errorOf(terms).constData());
        QCOMPARE(terms->size(), size_t(3));
        QVERIFY(terms->at(1) == atom("b"));
    }

    void consultOfEmptyFileIsEmpty()
    {
        const auto terms = rs::term::consultText("  %% nothing here\n", QStringLiteral("f"));
        QVERIFY(terms.hasValue());
        QVERIFY(terms->empty());
    }

    void keepsPositions()
    {
        const auto terms =
            rs::term::consultText("%% header\n{release,\n  {\"demo\", \"1.0\"},\n  [{kernel, \"8.5\"}]}.",
                                  QStringLiteral("demo.rel"));
        QVERIFY(terms.hasValue());
        const Term &rel = terms->front();
        QCOMPARE(rel.line(), 2);
        QCOMPARE(rel.column(), 1);
        QCOMPARE(rel.at(0).line(), 2);
        QCOMPARE(rel.at(0).column(), 2);
        QCOMPARE(rel.at(1).line(), 3);
        QCOMPARE(rel.at(1).column(), 3);
        const Term &kernel = rel.at(2).at(0);
        QCOMPARE(kernel.line(), 4);
        QCOMPARE(kernel.column(), 4);
        QCOMPARE(kernel.at(1).column(), 13);
    }

    void columnsCountCharactersNotBytes()
    {
        const auto terms = rs::term::consultText("{\"\xc3\xa9\xc3\xa9\", x}.", QStringLiteral("f"));
        QVERIFY(terms.hasValue());
        QCOMPARE(terms->front().at(1).column(), 8);
    }

    void latin1CodingComment()
    {
        const auto terms =
            rs::term::consultText("%% -*- coding: latin-1 -*-\n\"\xe9t\xe9\".", QStringLiteral("f"));
        QVERIFY2(terms.hasValue(), rs::test::errorOf(terms).constData());
        QVERIFY(terms->front() == str(u"été"));
    }

    void utf8ByteOrderMarkIsSkipped()
    {
        const auto terms = rs::term::consultText("\xef\xbb\xbf{a}.", QStringLiteral("f"));
        QVERIFY(terms.hasValue());
    }

    void reportsErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");

        auto row = [](const char *name, const char *text, const char *message) {
            QTest::newRow(name) << QByteArray(text) << QString::fromUtf8(message);
        };
        row("missing comma", "{a b}.", "f.config:1:4: expected ',' or '}', found atom 'b'");
        row("unbalanced tuple", "{a, b.", "f.config:1:6: expected ',' or '}', found '.'");
        row("unbalanced list", "[a, {b}\n", "f.config:2:1: expected ',', '|' or ']', found end of file");
        row("extra closing", "{a}}.", "f.config:1:4: expected '.' at the end of the term, found '}'");
        row("missing dot", "{a}", "f.config:1:4: expected '.' at the end of the term, found end of file");
        row("truncated file", "{application, demo, [{vsn, \"1.0\"}",
            "f.config:1:34: expected ',', '|' or ']', found end of file");
        row("unterminated string", "{a, \"abc}.\n", "f.config:1:5: unterminated string: no closing '\"'");
        row("unterminated atom", "'abc", "f.config:1:1: unterminated quoted atom: no closing \"'\"");
        row("variable", "{ok, Value}.",
            "f.config:1:6: variable Value where a term was expected (atoms start "
            "with a lowercase letter or are quoted: 'Value')");
        row("reserved word", "{ok, end}.",
            "f.config:1:6: 'end' is a reserved word; write it in quotes ('end') "
            "to use it as an atom");
        row("fun", "fun lists:sort/1.",
            "f.config:1:1: funs cannot be read as data; a release file holds only plain "
            "terms");
        row("pid", "<0.1.0>.", "f.config:1:1: pids, ports and references cannot be read as data");
        row("record", "#rec{a = 1}.",
            "f.config:1:1: records cannot be read as data; a map is written "
            "#{Key => Value}");
        row("map update", "#{a := 1}.",
            "f.config:1:5: ':=' updates an existing map key; write '=>' in a map "
            "literal");
        row("illegal character", "{a, \xe2\x82\xac}.", "f.config:1:5: illegal character '€' (U+20ac)");
        row("invalid utf8", "{a,\n \"\xff\"}.",
            "f.config:2:3: invalid UTF-8 (byte 0xff); the file is read as "
            "UTF-8 unless its first line says %% coding: latin-1");
        row("bad base", "37#1.", "f.config:1:1: illegal base 37 in a based integer (2..36)");
        row("float overflow", "1.0e999.", "f.config:1:1: float out of range: 1.0e999");
        row("bitstring", "<<1:3>>.",
            "f.config:1:1: bitstrings are not supported: the binary has 3 bits, not a "
            "whole number of bytes");
        row("lonely minus", "-a.", "f.config:1:1: '-' must be followed by a number");
        row("bad hex escape", "\"\\xZZ\".",
            "f.config:1:2: illegal \\x escape: expected two hex digits or \\x{...}");
        row("empty input", "", "f.config:1:1: expected a term, found end of file");
    }

    void reportsErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        const rs::Finding error = readError(text);
        QCOMPARE(error.toString(), message);
    }

    void atomTooLong()
    {
        const QByteArray text = "'" + QByteArray(256, 'a') + "'.";
        const auto r = rs::term::consultText(text, QStringLiteral("f"));
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().message, QStringLiteral("atom too long: 256 characters (at most 255)"));
    }

    void hugeIntegerIsRefused()
    {
        const auto r = rs::term::consultText(QByteArray(QByteArray(20000, '7') + "."), QStringLiteral("f"));
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().toString(), QStringLiteral("f:1:1: integer too large: more than 10000 digits"));
    }

    void largeIntegerWithinLimitIsRead()
    {
        const QByteArray digits = "1" + QByteArray(4000, '0');
        const auto r = rs::term::parseTerm(digits, QStringLiteral("f"));
        QVERIFY(r.hasValue());
        QCOMPARE(r->toDecimal().toLatin1(), digits);
    }

    void deepNestingIsRefusedNotACrash_data()
    {
        QTest::addColumn<QByteArray>("open");
        QTest::addColumn<QByteArray>("close");
        QTest::newRow("lists") << QByteArray("[") << QByteArray("]");
        QTest::newRow("tuples") << QByteArray("{") << QByteArray("}");
        QTest::newRow("maps") << QByteArray("#{a=>") << QByteArray("}");
    }

    void deepNestingIsRefusedNotACrash()
    {
        QFETCH(QByteArray, open);
        QFETCH(QByteArray, close);
        const int depth = 100000;
        const QByteArray text = open.repeated(depth) + close.repeated(depth) + ".";
        const auto r = rs::term::consultText(text, QStringLiteral("deep.config"));
        QVERIFY(!r.hasValue());
        QVERIFY2(r.error().message.contains(QStringLiteral("nested deeper than 1000 levels")),
                 qPrintable(r.error().toString()));
        QCOMPARE(r.error().location.line, 1);
    }

    void nestingWithinLimitIsRead()
    {
        const int depth = rs::term::MaxNestingDepth - 1;
        const auto r =
            rs::term::parseTerm(QByteArray(QByteArray("[").repeated(depth) + QByteArray("]").repeated(depth)),
                                QStringLiteral("f"));
        QVERIFY2(r.hasValue(), rs::test::errorOf(r).constData());
    }

    void missingFileNamesTheFile()
    {
        const auto r = rs::term::consultFile(QStringLiteral("/nonexistent/dir/demo.rel"));
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().toString(),
                 QStringLiteral("/nonexistent/dir/demo.rel: cannot read the file: no such file"));
    }

    void readsFileFromDisk()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sys.config"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[{kernel, [{logger_level, info}]}].\n");
        f.close();
        const auto r = rs::term::consultFile(path);
        QVERIFY(r.hasValue());
        QVERIFY(r->front().at(0).at(0) == atom("kernel"));
    }
};

QTEST_GUILESS_MAIN(TestReader)
#include "tst_reader.moc"
