// The ~w writer (io_lib:write/2) and its pieces: atom quoting, string escapes, floats, integers,
// binaries, maps and improper lists. Every expected string was printed by erl (OTP 25.2.3).
#include "support/testdata.h"
#include "term/reader.h"
#include "term/writer.h"

#include <QTest>

#include <bit>
#include <charconv>
#include <random>
#include <string>

using rs::term::Encoding;
using rs::term::Term;

Q_DECLARE_METATYPE(std::u32string)

namespace {

Term parse(const QString &text)
{
    const auto term = rs::term::parseTerm(text.toUtf8());
    if (!term) {
        qWarning("%s", qPrintable(term.error().toString()));
        return Term::atom(QStringLiteral("$parse-failed$"));
    }
    return *term;
}

Term atom(const char16_t *name)
{
    return Term::atom(QString::fromUtf16(name));
}

} // namespace

class TestWriter : public QObject
{
    Q_OBJECT

private slots:
    // io_lib:write_atom/1 (~tw) and write_atom_as_latin1/1 (~w): reserved words, the characters
    // that may start and continue an unquoted atom, escapes, and characters past 255.
    void atoms_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("latin1");
        QTest::addColumn<QString>("unicode");
        QTest::newRow("001 ok") << QStringLiteral("ok") << QStringLiteral("ok") << QStringLiteral("ok");
        QTest::newRow("002 a") << QStringLiteral("a") << QStringLiteral("a") << QStringLiteral("a");
        QTest::newRow("003 hello_World@2")
            << QStringLiteral("hello_World@2") << QStringLiteral("hello_World@2")
            << QStringLiteral("hello_World@2");
        QTest::newRow("004 'Ok'") << QStringLiteral("Ok") << QStringLiteral("'Ok'") << QStringLiteral("'Ok'");
        QTest::newRow("005 'A'") << QStringLiteral("A") << QStringLiteral("'A'") << QStringLiteral("'A'");
        QTest::newRow("006 '_x'") << QStringLiteral("_x") << QStringLiteral("'_x'") << QStringLiteral("'_x'");
        QTest::newRow("007 '9x'") << QStringLiteral("9x") << QStringLiteral("'9x'") << QStringLiteral("'9x'");
        QTest::newRow("008 x9") << QStringLiteral("x9") << QStringLiteral("x9") << QStringLiteral("x9");
        QTest::newRow("009 'a b'") << QStringLiteral("a b") << QStringLiteral("'a b'")
                                   << QStringLiteral("'a b'");
        QTest::newRow("010 'a'b'") << QStringLiteral("a'b") << QStringLiteral("'a\\'b'")
                                   << QStringLiteral("'a\\'b'");
        QTest::newRow("011 'ab'") << QStringLiteral("a\\b") << QStringLiteral("'a\\\\b'")
                                  << QStringLiteral("'a\\\\b'");
        QTest::newRow("012 'anb'") << QStringLiteral("a\n"
                                                     "b")
                                   << QStringLiteral("'a\\nb'") << QStringLiteral("'a\\nb'");
        QTest::newRow("013 'atb'") << QStringLiteral("a\011b") << QStringLiteral("'a\\tb'")
                                   << QStringLiteral("'a\\tb'");
        QTest::newRow("014 'arb'") << QStringLiteral("a\015b") << QStringLiteral("'a\\rb'")
                                   << QStringLiteral("'a\\rb'");
        QTest::newRow("015 '001'") << QStringLiteral("\001") << QStringLiteral("'\\001'")
                                   << QStringLiteral("'\\001'");
        QTest::newRow("016 'd'") << QStringLiteral("\177") << QStringLiteral("'\\d'")
                                 << QStringLiteral("'\\d'");
        QTest::newRow("017 '200'") << QStringLiteral("\u0080") << QStringLiteral("'\\200'")
                                   << QStringLiteral("'\\200'");
        QTest::newRow("018 '237'") << QStringLiteral("\u009F") << QStringLiteral("'\\237'")
                                   << QStringLiteral("'\\237'");
        QTest::newRow("019 'a'") << QStringLiteral("a\u00A0") << QStringLiteral("'a\u00A0'")
                                 << QStringLiteral("'a\u00A0'");
        QTest::newRow("020 ") << QStringLiteral("é") << QStringLiteral("é") << QStringLiteral("é");
        QTest::newRow("021 tart") << QStringLiteral("ßtart") << QStringLiteral("ßtart")
                                  << QStringLiteral("ßtart");
        QTest::newRow("022 a") << QStringLiteral("aÀÞ") << QStringLiteral("aÀÞ") << QStringLiteral("aÀÞ");
        QTest::newRow("023 'a'") << QStringLiteral("a×") << QStringLiteral("'a×'") << QStringLiteral("'a×'");
        QTest::newRow("024 ''") << QStringLiteral("÷") << QStringLiteral("'÷'") << QStringLiteral("'÷'");
        QTest::newRow("025 'x'") << QStringLiteral("x÷") << QStringLiteral("'x÷'") << QStringLiteral("'x÷'");
        QTest::newRow("026 ") << QStringLiteral("ÿ") << QStringLiteral("ÿ") << QStringLiteral("ÿ");
        QTest::newRow("027 'rger'") << QStringLiteral("Ärger") << QStringLiteral("'Ärger'")
                                    << QStringLiteral("'Ärger'");
        QTest::newRow("028 'x{20AC}'")
            << QStringLiteral("€") << QStringLiteral("'\\x{20AC}'") << QStringLiteral("'€'");
        QTest::newRow("029 'ax{20AC}'")
            << QStringLiteral("a€") << QStringLiteral("'a\\x{20AC}'") << QStringLiteral("'a€'");
        QTest::newRow("030 'x{41F}x{440}x{438}x{432}x{435}x{442}'")
            << QStringLiteral("Привет")
            << QStringLiteral("'\\x{41F}\\x{440}\\x{438}\\x{432}\\x{435}\\x{442}'")
            << QStringLiteral("'Привет'");
        QTest::newRow("031 'x{65E5}x{672C}'")
            << QStringLiteral("日本") << QStringLiteral("'\\x{65E5}\\x{672C}'") << QStringLiteral("'日本'");
        QTest::newRow("032 'x{1F600}'")
            << QStringLiteral("😀") << QStringLiteral("'\\x{1F600}'") << QStringLiteral("'😀'");
        QTest::newRow("033 ''") << QStringLiteral("") << QStringLiteral("''") << QStringLiteral("''");
        QTest::newRow("034 'a.b'") << QStringLiteral("a.b") << QStringLiteral("'a.b'")
                                   << QStringLiteral("'a.b'");
        QTest::newRow("035 'a-b'") << QStringLiteral("a-b") << QStringLiteral("'a-b'")
                                   << QStringLiteral("'a-b'");
        QTest::newRow("036 '[]'") << QStringLiteral("[]") << QStringLiteral("'[]'") << QStringLiteral("'[]'");
        QTest::newRow("037 '{}'") << QStringLiteral("{}") << QStringLiteral("'{}'") << QStringLiteral("'{}'");
        QTest::newRow("038 true") << QStringLiteral("true") << QStringLiteral("true")
                                  << QStringLiteral("true");
        QTest::newRow("039 nil") << QStringLiteral("nil") << QStringLiteral("nil") << QStringLiteral("nil");
        QTest::newRow("040 maybe") << QStringLiteral("maybe") << QStringLiteral("maybe")
                                   << QStringLiteral("maybe");
        QTest::newRow("041 else") << QStringLiteral("else") << QStringLiteral("else")
                                  << QStringLiteral("else");
        QTest::newRow("042 'after'") << QStringLiteral("after") << QStringLiteral("'after'")
                                     << QStringLiteral("'after'");
        QTest::newRow("043 'and'") << QStringLiteral("and") << QStringLiteral("'and'")
                                   << QStringLiteral("'and'");
        QTest::newRow("044 'andalso'")
            << QStringLiteral("andalso") << QStringLiteral("'andalso'") << QStringLiteral("'andalso'");
        QTest::newRow("045 'band'") << QStringLiteral("band") << QStringLiteral("'band'")
                                    << QStringLiteral("'band'");
        QTest::newRow("046 'begin'") << QStringLiteral("begin") << QStringLiteral("'begin'")
                                     << QStringLiteral("'begin'");
        QTest::newRow("047 'bnot'") << QStringLiteral("bnot") << QStringLiteral("'bnot'")
                                    << QStringLiteral("'bnot'");
        QTest::newRow("048 'bor'") << QStringLiteral("bor") << QStringLiteral("'bor'")
                                   << QStringLiteral("'bor'");
        QTest::newRow("049 'bsl'") << QStringLiteral("bsl") << QStringLiteral("'bsl'")
                                   << QStringLiteral("'bsl'");
        QTest::newRow("050 'bsr'") << QStringLiteral("bsr") << QStringLiteral("'bsr'")
                                   << QStringLiteral("'bsr'");
        QTest::newRow("051 'bxor'") << QStringLiteral("bxor") << QStringLiteral("'bxor'")
                                    << QStringLiteral("'bxor'");
        QTest::newRow("052 'case'") << QStringLiteral("case") << QStringLiteral("'case'")
                                    << QStringLiteral("'case'");
        QTest::newRow("053 'catch'") << QStringLiteral("catch") << QStringLiteral("'catch'")
                                     << QStringLiteral("'catch'");
        QTest::newRow("054 'cond'") << QStringLiteral("cond") << QStringLiteral("'cond'")
                                    << QStringLiteral("'cond'");
        QTest::newRow("055 'div'") << QStringLiteral("div") << QStringLiteral("'div'")
                                   << QStringLiteral("'div'");
        QTest::newRow("056 'end'") << QStringLiteral("end") << QStringLiteral("'end'")
                                   << QStringLiteral("'end'");
        QTest::newRow("057 'fun'") << QStringLiteral("fun") << QStringLiteral("'fun'")
                                   << QStringLiteral("'fun'");
        QTest::newRow("058 'if'") << QStringLiteral("if") << QStringLiteral("'if'") << QStringLiteral("'if'");
        QTest::newRow("059 'let'") << QStringLiteral("let") << QStringLiteral("'let'")
                                   << QStringLiteral("'let'");
        QTest::newRow("060 'not'") << QStringLiteral("not") << QStringLiteral("'not'")
                                   << QStringLiteral("'not'");
        QTest::newRow("061 'of'") << QStringLiteral("of") << QStringLiteral("'of'") << QStringLiteral("'of'");
        QTest::newRow("062 'or'") << QStringLiteral("or") << QStringLiteral("'or'") << QStringLiteral("'or'");
        QTest::newRow("063 'orelse'")
            << QStringLiteral("orelse") << QStringLiteral("'orelse'") << QStringLiteral("'orelse'");
        QTest::newRow("064 'receive'")
            << QStringLiteral("receive") << QStringLiteral("'receive'") << QStringLiteral("'receive'");
        QTest::newRow("065 'rem'") << QStringLiteral("rem") << QStringLiteral("'rem'")
                                   << QStringLiteral("'rem'");
        QTest::newRow("066 'try'") << QStringLiteral("try") << QStringLiteral("'try'")
                                   << QStringLiteral("'try'");
        QTest::newRow("067 'when'") << QStringLiteral("when") << QStringLiteral("'when'")
                                    << QStringLiteral("'when'");
        QTest::newRow("068 'xor'") << QStringLiteral("xor") << QStringLiteral("'xor'")
                                   << QStringLiteral("'xor'");
        QTest::newRow("069 'After'") << QStringLiteral("After") << QStringLiteral("'After'")
                                     << QStringLiteral("'After'");
        QTest::newRow("070 ends") << QStringLiteral("ends") << QStringLiteral("ends")
                                  << QStringLiteral("ends");
        QTest::newRow("071 'aedbfv'")
            << QStringLiteral("a\033\177\010\014\013") << QStringLiteral("'a\\e\\d\\b\\f\\v'")
            << QStringLiteral("'a\\e\\d\\b\\f\\v'");
    }

    void atoms()
    {
        QFETCH(QString, name);
        QFETCH(QString, latin1);
        QFETCH(QString, unicode);
        QCOMPARE(rs::term::writeAtom(name, Encoding::Latin1), latin1);
        QCOMPARE(rs::term::writeAtom(name, Encoding::Unicode), unicode);
        QCOMPARE(rs::term::writeTerm(Term::atom(name), Encoding::Latin1), latin1);
        QCOMPARE(rs::term::writeTerm(Term::atom(name), Encoding::Unicode), unicode);
    }

    // io_lib:write_string/2 (Unicode) and write_string_as_latin1/2 (Latin1).
    void strings_data()
    {
        QTest::addColumn<std::u32string>("codePoints");
        QTest::addColumn<uint>("quote");
        QTest::addColumn<QString>("unicode");
        QTest::addColumn<QString>("latin1");
        QTest::newRow("001 []") << std::u32string(U"", 0) << uint(34) << QStringLiteral("\"\"")
                                << QStringLiteral("\"\"");
        QTest::newRow("002 [97,98,99]") << std::u32string(U"abc", 3) << uint(34) << QStringLiteral("\"abc\"")
                                        << QStringLiteral("\"abc\"");
        QTest::newRow("003 [97,34,98]") << std::u32string(U"a\"b", 3) << uint(34)
                                        << QStringLiteral("\"a\\\"b\"") << QStringLiteral("\"a\\\"b\"");
        QTest::newRow("004 [97,39,98]") << std::u32string(U"a'b", 3) << uint(34) << QStringLiteral("\"a'b\"")
                                        << QStringLiteral("\"a'b\"");
        QTest::newRow("005 [97,39,98]") << std::u32string(U"a'b", 3) << uint(39) << QStringLiteral("'a\\'b'")
                                        << QStringLiteral("'a\\'b'");
        QTest::newRow("006 [97,34,98]")
            << std::u32string(U"a\"b", 3) << uint(39) << QStringLiteral("'a\"b'") << QStringLiteral("'a\"b'");
        QTest::newRow("007 [97,92,98]") << std::u32string(U"a\\b", 3) << uint(34)
                                        << QStringLiteral("\"a\\\\b\"") << QStringLiteral("\"a\\\\b\"");
        QTest::newRow("008 [10,13,9,11,8,12,27,127]")
            << std::u32string(U"\n\015\011\013\010\014\033\177", 8) << uint(34)
            << QStringLiteral("\"\\n\\r\\t\\v\\b\\f\\e\\d\"")
            << QStringLiteral("\"\\n\\r\\t\\v\\b\\f\\e\\d\"");
        QTest::newRow("009 [0,1,31]")
            << std::u32string(U"\000\001\037", 3) << uint(34) << QStringLiteral("\"\\000\\001\\037\"")
            << QStringLiteral("\"\\000\\001\\037\"");
        QTest::newRow("010 [128,159,160,255]")
            << std::u32string(U"\u0080\u009F\u00A0ÿ", 4) << uint(34)
            << QStringLiteral("\"\\200\\237\u00A0ÿ\"") << QStringLiteral("\"\\200\\237\u00A0ÿ\"");
        QTest::newRow("011 [256,8364,128512]")
            << std::u32string(U"Ā€😀", 3) << uint(34) << QStringLiteral("\"Ā€😀\"")
            << QStringLiteral("\"\\x{100}\\x{20AC}\\x{1F600}\"");
        QTest::newRow("012 [26085,26412]")
            << std::u32string(U"日本", 2) << uint(39) << QStringLiteral("'日本'")
            << QStringLiteral("'\\x{65E5}\\x{672C}'");
        QTest::newRow("013 [126,36,35,123,125]")
            << std::u32string(U"~$#{}", 5) << uint(34) << QStringLiteral("\"~$#{}\"")
            << QStringLiteral("\"~$#{}\"");
    }

    void strings()
    {
        QFETCH(std::u32string, codePoints);
        QFETCH(uint, quote);
        QFETCH(QString, unicode);
        QFETCH(QString, latin1);
        QCOMPARE(rs::term::writeString(codePoints, char32_t(quote), Encoding::Unicode), unicode);
        QCOMPARE(rs::term::writeString(codePoints, char32_t(quote), Encoding::Latin1), latin1);
    }

    // float_to_list(F, [short]): the shortest digits, fixed or scientific as erts chooses.
    void floats_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("001 0.0") << std::bit_cast<double>(quint64(0x0000000000000000ULL))
                                 << QStringLiteral("0.0");
        QTest::newRow("002 -0.0") << std::bit_cast<double>(quint64(0x8000000000000000ULL))
                                  << QStringLiteral("-0.0");
        QTest::newRow("003 1.0") << std::bit_cast<double>(quint64(0x3FF0000000000000ULL))
                                 << QStringLiteral("1.0");
        QTest::newRow("004 -1.0") << std::bit_cast<double>(quint64(0xBFF0000000000000ULL))
                                  << QStringLiteral("-1.0");
        QTest::newRow("005 0.1") << std::bit_cast<double>(quint64(0x3FB999999999999AULL))
                                 << QStringLiteral("0.1");
        QTest::newRow("006 0.5") << std::bit_cast<double>(quint64(0x3FE0000000000000ULL))
                                 << QStringLiteral("0.5");
        QTest::newRow("007 1.5") << std::bit_cast<double>(quint64(0x3FF8000000000000ULL))
                                 << QStringLiteral("1.5");
        QTest::newRow("008 2.0") << std::bit_cast<double>(quint64(0x4000000000000000ULL))
                                 << QStringLiteral("2.0");
        QTest::newRow("009 10.0") << std::bit_cast<double>(quint64(0x4024000000000000ULL))
                                  << QStringLiteral("10.0");
        QTest::newRow("010 100.0") << std::bit_cast<double>(quint64(0x4059000000000000ULL))
                                   << QStringLiteral("100.0");
        QTest::newRow("011 1.0e3") << std::bit_cast<double>(quint64(0x408F400000000000ULL))
                                   << QStringLiteral("1.0e3");
        QTest::newRow("012 123.0") << std::bit_cast<double>(quint64(0x405EC00000000000ULL))
                                   << QStringLiteral("123.0");
        QTest::newRow("013 1234.0") << std::bit_cast<double>(quint64(0x4093480000000000ULL))
                                    << QStringLiteral("1234.0");
        QTest::newRow("014 12345.678")
            << std::bit_cast<double>(quint64(0x40C81CD6C8B43958ULL)) << QStringLiteral("12345.678");
        QTest::newRow("015 0.001") << std::bit_cast<double>(quint64(0x3F50624DD2F1A9FCULL))
                                   << QStringLiteral("0.001");
        QTest::newRow("016 0.0001") << std::bit_cast<double>(quint64(0x3F1A36E2EB1C432DULL))
                                    << QStringLiteral("0.0001");
        QTest::newRow("017 1.0e-5") << std::bit_cast<double>(quint64(0x3EE4F8B588E368F1ULL))
                                    << QStringLiteral("1.0e-5");
        QTest::newRow("018 0.001234")
            << std::bit_cast<double>(quint64(0x3F5437C5692B3CC5ULL)) << QStringLiteral("0.001234");
        QTest::newRow("019 1.234e-5")
            << std::bit_cast<double>(quint64(0x3EE9E0FCAF9380FCULL)) << QStringLiteral("1.234e-5");
        QTest::newRow("020 1.2345e-4")
            << std::bit_cast<double>(quint64(0x3F202E4B6CE5DC68ULL)) << QStringLiteral("1.2345e-4");
        QTest::newRow("021 1.0e10") << std::bit_cast<double>(quint64(0x4202A05F20000000ULL))
                                    << QStringLiteral("1.0e10");
        QTest::newRow("022 1.0e15") << std::bit_cast<double>(quint64(0x430C6BF526340000ULL))
                                    << QStringLiteral("1.0e15");
        QTest::newRow("023 1.0e16") << std::bit_cast<double>(quint64(0x4341C37937E08000ULL))
                                    << QStringLiteral("1.0e16");
        QTest::newRow("024 1.0e17") << std::bit_cast<double>(quint64(0x4376345785D8A000ULL))
                                    << QStringLiteral("1.0e17");
        QTest::newRow("025 1.0e22") << std::bit_cast<double>(quint64(0x4480F0CF064DD592ULL))
                                    << QStringLiteral("1.0e22");
        QTest::newRow("026 1.0e23") << std::bit_cast<double>(quint64(0x44B52D02C7E14AF6ULL))
                                    << QStringLiteral("1.0e23");
        QTest::newRow("027 123456789.0")
            << std::bit_cast<double>(quint64(0x419D6F3454000000ULL)) << QStringLiteral("123456789.0");
        QTest::newRow("028 1234567890.0")
            << std::bit_cast<double>(quint64(0x41D26580B4800000ULL)) << QStringLiteral("1234567890.0");
        QTest::newRow("029 12345678900.0")
            << std::bit_cast<double>(quint64(0x4206FEE0E1A00000ULL)) << QStringLiteral("12345678900.0");
        QTest::newRow("030 123456789012.0")
            << std::bit_cast<double>(quint64(0x423CBE991A140000ULL)) << QStringLiteral("123456789012.0");
        QTest::newRow("031 1.2345678901234568e18") << std::bit_cast<double>(quint64(0x43B12210F47DE981ULL))
                                                   << QStringLiteral("1.2345678901234568e18");
        QTest::newRow("032 9.007199254740992e15") << std::bit_cast<double>(quint64(0x4340000000000000ULL))
                                                  << QStringLiteral("9.007199254740992e15");
        QTest::newRow("033 9.007199254740994e15") << std::bit_cast<double>(quint64(0x4340000000000001ULL))
                                                  << QStringLiteral("9.007199254740994e15");
        QTest::newRow("034 9007199254740991.0")
            << std::bit_cast<double>(quint64(0x433FFFFFFFFFFFFFULL)) << QStringLiteral("9007199254740991.0");
        QTest::newRow("035 4503599627370496.0")
            << std::bit_cast<double>(quint64(0x4330000000000000ULL)) << QStringLiteral("4503599627370496.0");
        QTest::newRow("036 4503599627370497.0")
            << std::bit_cast<double>(quint64(0x4330000000000001ULL)) << QStringLiteral("4503599627370497.0");
        QTest::newRow("037 9007199254740990.0")
            << std::bit_cast<double>(quint64(0x433FFFFFFFFFFFFEULL)) << QStringLiteral("9007199254740990.0");
        QTest::newRow("038 9.007199254741e15")
            << std::bit_cast<double>(quint64(0x4340000000000004ULL)) << QStringLiteral("9.007199254741e15");
        QTest::newRow("039 3602879701896300.0")
            << std::bit_cast<double>(quint64(0x43299999999998D8ULL)) << QStringLiteral("3602879701896300.0");
        QTest::newRow("040 3602879701896400.0")
            << std::bit_cast<double>(quint64(0x43299999999999A0ULL)) << QStringLiteral("3602879701896400.0");
        QTest::newRow("041 5.0e-324")
            << std::bit_cast<double>(quint64(0x0000000000000001ULL)) << QStringLiteral("5.0e-324");
        QTest::newRow("042 2.2250738585072014e-308") << std::bit_cast<double>(quint64(0x0010000000000000ULL))
                                                     << QStringLiteral("2.2250738585072014e-308");
        QTest::newRow("043 1.7976931348623157e308") << std::bit_cast<double>(quint64(0x7FEFFFFFFFFFFFFFULL))
                                                    << QStringLiteral("1.7976931348623157e308");
        QTest::newRow("044 0.3333333333333333")
            << std::bit_cast<double>(quint64(0x3FD5555555555555ULL)) << QStringLiteral("0.3333333333333333");
        QTest::newRow("045 0.6666666666666666")
            << std::bit_cast<double>(quint64(0x3FE5555555555555ULL)) << QStringLiteral("0.6666666666666666");
        QTest::newRow("046 0.30000000000000004")
            << std::bit_cast<double>(quint64(0x3FD3333333333334ULL)) << QStringLiteral("0.30000000000000004");
        QTest::newRow("047 1.0e-10") << std::bit_cast<double>(quint64(0x3DDB7CDFD9D7BDBBULL))
                                     << QStringLiteral("1.0e-10");
        QTest::newRow("048 1.23456e-7")
            << std::bit_cast<double>(quint64(0x3E8091EA75CC5F17ULL)) << QStringLiteral("1.23456e-7");
        QTest::newRow("049 -1.5e300")
            << std::bit_cast<double>(quint64(0xFE41EB2D66005835ULL)) << QStringLiteral("-1.5e300");
        QTest::newRow("050 1.0e23") << std::bit_cast<double>(quint64(0x44B52D02C7E14AF6ULL))
                                    << QStringLiteral("1.0e23");
        QTest::newRow("051 1.0e21") << std::bit_cast<double>(quint64(0x444B1AE4D6E2EF50ULL))
                                    << QStringLiteral("1.0e21");
        QTest::newRow("052 1.0e-7") << std::bit_cast<double>(quint64(0x3E7AD7F29ABCAF48ULL))
                                    << QStringLiteral("1.0e-7");
        QTest::newRow("053 4.35e-6") << std::bit_cast<double>(quint64(0x3ED23EC6E52C3F23ULL))
                                     << QStringLiteral("4.35e-6");
        QTest::newRow("054 123.456") << std::bit_cast<double>(quint64(0x405EDD2F1A9FBE77ULL))
                                     << QStringLiteral("123.456");
        QTest::newRow("055 -273.15") << std::bit_cast<double>(quint64(0xC071126666666666ULL))
                                     << QStringLiteral("-273.15");
        QTest::newRow("056 6.02214076e23")
            << std::bit_cast<double>(quint64(0x44DFE185CA57C517ULL)) << QStringLiteral("6.02214076e23");
        QTest::newRow("057 1.0e100") << std::bit_cast<double>(quint64(0x54B249AD2594C37DULL))
                                     << QStringLiteral("1.0e100");
        QTest::newRow("058 3.0e-5") << std::bit_cast<double>(quint64(0x3EFF75104D551D69ULL))
                                    << QStringLiteral("3.0e-5");
        QTest::newRow("059 314.0") << std::bit_cast<double>(quint64(0x4073A00000000000ULL))
                                   << QStringLiteral("314.0");
        QTest::newRow("060 3140.0") << std::bit_cast<double>(quint64(0x40A8880000000000ULL))
                                    << QStringLiteral("3140.0");
        QTest::newRow("061 3.14e4") << std::bit_cast<double>(quint64(0x40DEAA0000000000ULL))
                                    << QStringLiteral("3.14e4");
    }

    void floats()
    {
        QFETCH(double, value);
        QFETCH(QString, expected);
        QCOMPARE(rs::term::writeFloat(value), expected);
        QCOMPARE(rs::term::writeTerm(Term::floating(value)), expected);
    }

    // Whatever the notation, the text reads back as the same double.
    void floatsRoundTrip()
    {
        std::mt19937_64 random(42);
        for (int i = 0; i < 100000; ++i) {
            const double value = std::bit_cast<double>(random());
            if (!std::isfinite(value))
                continue;
            const QByteArray text = rs::term::writeFloat(value).toLatin1();
            double back = 0;
            std::from_chars(text.constData(), text.constData() + text.size(), back);
            QVERIFY2(std::bit_cast<quint64>(back) == std::bit_cast<quint64>(value), text.constData());
        }
    }

    // ~w and ~tw of whole terms, read from Erlang text.
    void terms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("latin1");
        QTest::addColumn<QString>("unicode");
        QTest::newRow("001 []") << QStringLiteral("[]") << QStringLiteral("[]") << QStringLiteral("[]");
        QTest::newRow("002 {}") << QStringLiteral("{}") << QStringLiteral("{}") << QStringLiteral("{}");
        QTest::newRow("003 #{}") << QStringLiteral("#{}") << QStringLiteral("#{}") << QStringLiteral("#{}");
        QTest::newRow("004 <<>>") << QStringLiteral("<<>>") << QStringLiteral("<<>>")
                                  << QStringLiteral("<<>>");
        QTest::newRow("005 0") << QStringLiteral("0") << QStringLiteral("0") << QStringLiteral("0");
        QTest::newRow("006 -1") << QStringLiteral("-1") << QStringLiteral("-1") << QStringLiteral("-1");
        QTest::newRow("007 42") << QStringLiteral("42") << QStringLiteral("42") << QStringLiteral("42");
        QTest::newRow("008 9223372036854775807")
            << QStringLiteral("9223372036854775807") << QStringLiteral("9223372036854775807")
            << QStringLiteral("9223372036854775807");
        QTest::newRow("009 -9223372036854775808")
            << QStringLiteral("-9223372036854775808") << QStringLiteral("-9223372036854775808")
            << QStringLiteral("-9223372036854775808");
        QTest::newRow("010 9223372036854775808")
            << QStringLiteral("9223372036854775808") << QStringLiteral("9223372036854775808")
            << QStringLiteral("9223372036854775808");
        QTest::newRow("011 -9223372036854775809")
            << QStringLiteral("-9223372036854775809") << QStringLiteral("-9223372036854775809")
            << QStringLiteral("-9223372036854775809");
        QTest::newRow("012 18446744073709551616")
            << QStringLiteral("18446744073709551616") << QStringLiteral("18446744073709551616")
            << QStringLiteral("18446744073709551616");
        QTest::newRow("013 123456789012345678901234567890123456789")
            << QStringLiteral("123456789012345678901234567890123456789")
            << QStringLiteral("123456789012345678901234567890123456789")
            << QStringLiteral("123456789012345678901234567890123456789");
        QTest::newRow("014 -1000000000000000000000000000000")
            << QStringLiteral("-1000000000000000000000000000000")
            << QStringLiteral("-1000000000000000000000000000000")
            << QStringLiteral("-1000000000000000000000000000000");
        QTest::newRow("015 [1,2,3]") << QStringLiteral("[1,2,3]") << QStringLiteral("[1,2,3]")
                                     << QStringLiteral("[1,2,3]");
        QTest::newRow("016 abc") << QStringLiteral("\"abc\"") << QStringLiteral("[97,98,99]")
                                 << QStringLiteral("[97,98,99]");
        QTest::newRow("017 [a|b]") << QStringLiteral("[a|b]") << QStringLiteral("[a|b]")
                                   << QStringLiteral("[a|b]");
        QTest::newRow("018 [1,2|3]") << QStringLiteral("[1,2|3]") << QStringLiteral("[1,2|3]")
                                     << QStringLiteral("[1,2|3]");
        QTest::newRow("019 [[]]") << QStringLiteral("[[]]") << QStringLiteral("[[]]")
                                  << QStringLiteral("[[]]");
        QTest::newRow("020 [[]|a]") << QStringLiteral("[[]|a]") << QStringLiteral("[[]|a]")
                                    << QStringLiteral("[[]|a]");
        QTest::newRow("021 {a,{b,c}}")
            << QStringLiteral("{a,{b,c}}") << QStringLiteral("{a,{b,c}}") << QStringLiteral("{a,{b,c}}");
        QTest::newRow("022 {{}}") << QStringLiteral("{{}}") << QStringLiteral("{{}}")
                                  << QStringLiteral("{{}}");
        QTest::newRow("023 {[],[[]]}")
            << QStringLiteral("{[],[[]]}") << QStringLiteral("{[],[[]]}") << QStringLiteral("{[],[[]]}");
        QTest::newRow("024 #{a => 1,b => [x]}")
            << QStringLiteral("#{a => 1,b => [x]}") << QStringLiteral("#{a => 1,b => [x]}")
            << QStringLiteral("#{a => 1,b => [x]}");
        QTest::newRow("025 #{1 => a, 1.0 => b, 2 => c, 0.5 => d}")
            << QStringLiteral("#{1 => a, 1.0 => b, 2 => c, 0.5 => d}")
            << QStringLiteral("#{1 => a,2 => c,0.5 => d,1.0 => b}")
            << QStringLiteral("#{1 => a,2 => c,0.5 => d,1.0 => b}");
        QTest::newRow("026 #{{2} => a, {1.0} => b}")
            << QStringLiteral("#{{2} => a, {1.0} => b}") << QStringLiteral("#{{2} => a,{1.0} => b}")
            << QStringLiteral("#{{2} => a,{1.0} => b}");
        QTest::newRow("027 #{[1.0] => a, [2] => b, 1844674407370955")
            << QStringLiteral("#{[1.0] => a, [2] => b, 18446744073709551616 => c, 2.0e19 => d}")
            << QStringLiteral("#{18446744073709551616 => c,2.0e19 => d,[2] => b,[1.0] => a}")
            << QStringLiteral("#{18446744073709551616 => c,2.0e19 => d,[2] => b,[1.0] => a}");
        QTest::newRow("028 #{#{1.0 => a} => x, #{2 => a} => y, #{1 ")
            << QStringLiteral("#{#{1.0 => a} => x, #{2 => a} => y, #{1 => a} => z}")
            << QStringLiteral("#{#{1 => a} => z,#{2 => a} => y,#{1.0 => a} => x}")
            << QStringLiteral("#{#{1 => a} => z,#{2 => a} => y,#{1.0 => a} => x}");
        QTest::newRow("029 #{b => 1, a => 2, s => 3, <<>> => 4, [] ")
            << QStringLiteral("#{b => 1, a => 2, \"s\" => 3, <<>> => 4, [] => 5, {} => 6, 7 => 7}")
            << QStringLiteral("#{7 => 7,a => 2,b => 1,{} => 6,[] => 5,[115] => 3,<<>> => 4}")
            << QStringLiteral("#{7 => 7,a => 2,b => 1,{} => 6,[] => 5,[115] => 3,<<>> => 4}");
        QTest::newRow("030 <<1,2,3>>")
            << QStringLiteral("<<1,2,3>>") << QStringLiteral("<<1,2,3>>") << QStringLiteral("<<1,2,3>>");
        QTest::newRow("031 <<abc>>") << QStringLiteral("<<\"abc\">>") << QStringLiteral("<<97,98,99>>")
                                     << QStringLiteral("<<97,98,99>>");
        QTest::newRow("032 <</utf8>>") << QStringLiteral("<<\"é\"/utf8>>") << QStringLiteral("<<195,169>>")
                                       << QStringLiteral("<<195,169>>");
        QTest::newRow("033 <<255,0>>")
            << QStringLiteral("<<255,0>>") << QStringLiteral("<<255,0>>") << QStringLiteral("<<255,0>>");
        QTest::newRow("034 {'',,<<x>>}")
            << QStringLiteral("{'€',\"é\",<<\"x\">>}") << QStringLiteral("{'\\x{20AC}',[233],<<120>>}")
            << QStringLiteral("{'€',[233],<<120>>}");
        QTest::newRow("035 [{'a b',c}]") << QStringLiteral("[{'a b',c}]") << QStringLiteral("[{'a b',c}]")
                                         << QStringLiteral("[{'a b',c}]");
        QTest::newRow("036 {1.0,-0.0,1.0e100,0.1}")
            << QStringLiteral("{1.0,-0.0,1.0e100,0.1}") << QStringLiteral("{1.0,-0.0,1.0e100,0.1}")
            << QStringLiteral("{1.0,-0.0,1.0e100,0.1}");
        QTest::newRow("037 [-1|-2]") << QStringLiteral("[-1|-2]") << QStringLiteral("[-1|-2]")
                                     << QStringLiteral("[-1|-2]");
        QTest::newRow("038 [''|'ok']")
            << QStringLiteral("['日本'|'ok']") << QStringLiteral("['\\x{65E5}\\x{672C}'|ok]")
            << QStringLiteral("['日本'|ok]");
        QTest::newRow("039 {'maybe','end',else}")
            << QStringLiteral("{'maybe','end',else}") << QStringLiteral("{maybe,'end',else}")
            << QStringLiteral("{maybe,'end',else}");
        QTest::newRow("040 [,a]") << QStringLiteral("[\"\",\"a\"]") << QStringLiteral("[[],[97]]")
                                  << QStringLiteral("[[],[97]]");
        QTest::newRow("041 #{a => #{b => #{}}}")
            << QStringLiteral("#{a => #{b => #{}}}") << QStringLiteral("#{a => #{b => #{}}}")
            << QStringLiteral("#{a => #{b => #{}}}");
    }

    void terms()
    {
        QFETCH(QString, text);
        QFETCH(QString, latin1);
        QFETCH(QString, unicode);
        const Term term = parse(text);
        QCOMPARE(rs::term::writeTerm(term, Encoding::Latin1), latin1);
        QCOMPARE(rs::term::writeTerm(term, Encoding::Unicode), unicode);
        QCOMPARE(rs::term::writeTerm(term), latin1);
    }

    void termsBuiltInCode()
    {
        QCOMPARE(rs::term::writeTerm(Term::bigInteger(true, QByteArray("\0\0\0\0\0\0\0\0\1", 9))),
                 QStringLiteral("-18446744073709551616"));
        QCOMPARE(rs::term::writeTerm(Term::list({Term::integer(1), Term::integer(2)}, Term::integer(3))),
                 QStringLiteral("[1,2|3]"));
        QCOMPARE(rs::term::writeTerm(Term::string(u"abc")), QStringLiteral("[97,98,99]"));
        QCOMPARE(rs::term::writeTerm(Term::binary(QByteArrayLiteral("abc"))), QStringLiteral("<<97,98,99>>"));
        QCOMPARE(rs::term::writeTerm(Term::binary(QByteArray())), QStringLiteral("<<>>"));
        QCOMPARE(rs::term::writeTerm(Term::tuple({atom(u"€"), Term::floating(-0.0)}), Encoding::Latin1),
                 QStringLiteral("{'\\x{20AC}',-0.0}"));
        // OTP iterates small maps in its exact term order, where every integer precedes every float.
        const Term map = Term::map({{Term::floating(1.0), atom(u"b")},
                                    {Term::integer(2), atom(u"c")},
                                    {Term::integer(1), atom(u"a")},
                                    {Term::floating(0.5), atom(u"d")}});
        QCOMPARE(rs::term::writeTerm(map), QStringLiteral("#{1 => a,2 => c,0.5 => d,1.0 => b}"));
    }

    // MaxNestingDepth levels print without exhausting the stack.
    void deepNesting()
    {
        Term list = atom(u"x");
        Term tuple = atom(u"x");
        for (int i = 0; i < rs::term::MaxNestingDepth; ++i) {
            list = Term::list({list});
            tuple = Term::tuple({Term::integer(i), tuple});
        }
        const QString brackets = QString(rs::term::MaxNestingDepth, QLatin1Char('['));
        QCOMPARE(rs::term::writeTerm(list),
                 brackets + QStringLiteral("x") + QString(rs::term::MaxNestingDepth, QLatin1Char(']')));
        QVERIFY(rs::term::writeTerm(tuple).startsWith(QStringLiteral("{999,{998,{997,")));
    }
};

QTEST_GUILESS_MAIN(TestWriter)
#include "tst_writer.moc"
