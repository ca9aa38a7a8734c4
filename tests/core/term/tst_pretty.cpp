// The ~tp pretty printer (io_lib_pretty:print/2): strings and binaries as text, the layout at
// 80 columns and around it, tagged tuples, maps, improper lists, other options, and the files
// OTP writes with "%% coding: utf-8\n~tp.\n". Every expected string was printed by erl (OTP 25.2.3).
#include "support/testdata.h"
#include "term/pretty.h"
#include "term/reader.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTest>

using rs::term::Encoding;
using rs::term::PrettyOptions;
using rs::term::Term;

Q_DECLARE_METATYPE(rs::term::Encoding)

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

Term atom(const QString &name)
{
    return Term::atom(name);
}
Term integer(qint64 value)
{
    return Term::integer(value);
}
Term text(const QString &s)
{
    return Term::string(s);
}
Term tuple(std::vector<Term> elements)
{
    return Term::tuple(std::move(elements));
}
Term list(std::vector<Term> elements)
{
    return Term::list(std::move(elements));
}

QByteArray md5(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex();
}

// A boot script of 900 modules in 30 applications, built as this Erlang builds it:
//   Mods = [list_to_atom("module_number_" ++ integer_to_list(I)) || I <- lists:seq(1, 900)],
//   App = fun(I) -> Name = list_to_atom("app" ++ integer_to_list(I)),
//       {apply, {application, load, [{application, Name,
//           [{description, "Application number " ++ integer_to_list(I)},
//            {vsn, "1.2." ++ integer_to_list(I)}, {modules, lists:sublist(Mods, 1 + I * 30, 30)},
//            {registered, []}, {applications, [kernel, stdlib]},
//            {env, [{key, <<"value">>}, {n, I}]}, {mod, {Name, []}}]}]}} end,
//   {script, {"big", "1"},
//    [{preLoaded, lists:sublist(Mods, 20)}, {progress, preloaded},
//     {path, ["$ROOT/lib/app" ++ integer_to_list(I) ++ "-1.0/ebin" || I <- lists:seq(0, 29)]},
//     {primLoad, Mods}] ++ [App(I) || I <- lists:seq(0, 29)] ++ [{progress, started}]}
Term bigScript()
{
    std::vector<Term> modules;
    for (int i = 1; i <= 900; ++i)
        modules.push_back(atom(QStringLiteral("module_number_%1").arg(i)));
    std::vector<Term> paths;
    for (int i = 0; i < 30; ++i)
        paths.push_back(text(QStringLiteral("$ROOT/lib/app%1-1.0/ebin").arg(i)));
    std::vector<Term> commands = {
        tuple({atom(QStringLiteral("preLoaded")), list({modules.begin(), modules.begin() + 20})}),
        tuple({atom(QStringLiteral("progress")), atom(QStringLiteral("preloaded"))}),
        tuple({atom(QStringLiteral("path")), list(paths)}),
        tuple({atom(QStringLiteral("primLoad")), list(modules)})};
    for (int i = 0; i < 30; ++i) {
        const Term name = atom(QStringLiteral("app%1").arg(i));
        const Term spec =
            list({tuple({atom(QStringLiteral("description")),
                         text(QStringLiteral("Application number %1").arg(i))}),
                  tuple({atom(QStringLiteral("vsn")), text(QStringLiteral("1.2.%1").arg(i))}),
                  tuple({atom(QStringLiteral("modules")),
                         list({modules.begin() + 30 * i, modules.begin() + std::min(900, 30 * i + 30)})}),
                  tuple({atom(QStringLiteral("registered")), Term::nil()}),
                  tuple({atom(QStringLiteral("applications")),
                         list({atom(QStringLiteral("kernel")), atom(QStringLiteral("stdlib"))})}),
                  tuple({atom(QStringLiteral("env")),
                         list({tuple({atom(QStringLiteral("key")), Term::binary(QByteArrayLiteral("value"))}),
                               tuple({atom(QStringLiteral("n")), integer(i)})})}),
                  tuple({atom(QStringLiteral("mod")), tuple({name, Term::nil()})})});
        commands.push_back(
            tuple({atom(QStringLiteral("apply")),
                   tuple({atom(QStringLiteral("application")), atom(QStringLiteral("load")),
                          list({tuple({atom(QStringLiteral("application")), name, spec})})})}));
    }
    commands.push_back(tuple({atom(QStringLiteral("progress")), atom(QStringLiteral("started"))}));
    return tuple({atom(QStringLiteral("script")),
                  tuple({text(QStringLiteral("big")), text(QStringLiteral("1"))}), list(commands)});
}

} // namespace

class TestPretty : public QObject
{
    Q_OBJECT

private slots:
    void defaults_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("001 ok") << QStringLiteral("ok") << QStringLiteral("ok");
        QTest::newRow("002 'a b'") << QStringLiteral("'a b'") << QStringLiteral("'a b'");
        QTest::newRow("003 ''") << QStringLiteral("'€'") << QStringLiteral("'€'");
        QTest::newRow("004 'x{1}'") << QStringLiteral("'\\x{1}'") << QStringLiteral("'\\001'");
        QTest::newRow("005 42") << QStringLiteral("42") << QStringLiteral("42");
        QTest::newRow("006 -1.5e-7") << QStringLiteral("-1.5e-7") << QStringLiteral("-1.5e-7");
        QTest::newRow("007 123456789012345678901234567890")
            << QStringLiteral("123456789012345678901234567890")
            << QStringLiteral("123456789012345678901234567890");
        QTest::newRow("008 []") << QStringLiteral("[]") << QStringLiteral("[]");
        QTest::newRow("009 abc") << QStringLiteral("\"abc\"") << QStringLiteral("\"abc\"");
        QTest::newRow("010 anbtcd") << QStringLiteral("\"a\\nb\\tc\\\"d\\\\\"")
                                    << QStringLiteral("\"a\\nb\\tc\\\"d\\\\\"");
        QTest::newRow("011 [233]") << QStringLiteral("[233]") << QStringLiteral("\"é\"");
        QTest::newRow("012 [128]") << QStringLiteral("[128]") << QStringLiteral("[128]");
        QTest::newRow("013 [256]") << QStringLiteral("[256]") << QStringLiteral("[256]");
        QTest::newRow("014 [8364]") << QStringLiteral("[8364]") << QStringLiteral("[8364]");
        QTest::newRow("015 ebvfr") << QStringLiteral("\"\\e\\b\\v\\f\\r\"")
                                   << QStringLiteral("\"\\e\\b\\v\\f\\r\"");
        QTest::newRow("016 [127]") << QStringLiteral("[127]") << QStringLiteral("[127]");
        QTest::newRow("017 [$a|b]") << QStringLiteral("[$a|b]") << QStringLiteral("[97|b]");
        QTest::newRow("018 [ab,cd]") << QStringLiteral("[\"ab\",\"cd\"]")
                                     << QStringLiteral("[\"ab\",\"cd\"]");
        QTest::newRow("019 [[97,98]]") << QStringLiteral("[[97,98]]") << QStringLiteral("[\"ab\"]");
        QTest::newRow("020 [0]") << QStringLiteral("[0]") << QStringLiteral("[0]");
        QTest::newRow("021 [255,254,160]")
            << QStringLiteral("[255,254,160]") << QStringLiteral("\"ÿþ\u00A0\"");
        QTest::newRow("022 [159]") << QStringLiteral("[159]") << QStringLiteral("[159]");
        QTest::newRow("023 <<abc>>") << QStringLiteral("<<\"abc\">>") << QStringLiteral("<<\"abc\">>");
        QTest::newRow("024 <</utf8>>")
            << QStringLiteral("<<\"é\"/utf8>>") << QStringLiteral("<<\"é\"/utf8>>");
        QTest::newRow("025 <<233>>") << QStringLiteral("<<233>>") << QStringLiteral("<<\"é\">>");
        QTest::newRow("026 <</utf8>>")
            << QStringLiteral("<<\"€\"/utf8>>") << QStringLiteral("<<226,130,172>>");
        QTest::newRow("027 <<1,2,3>>") << QStringLiteral("<<1,2,3>>") << QStringLiteral("<<1,2,3>>");
        QTest::newRow("028 <<anb>>") << QStringLiteral("<<\"a\\nb\">>") << QStringLiteral("<<\"a\\nb\">>");
        QTest::newRow("029 <<a/utf8>>")
            << QStringLiteral("<<\"aé\"/utf8>>") << QStringLiteral("<<\"aé\"/utf8>>");
        QTest::newRow("030 <<ab,195>>") << QStringLiteral("<<\"ab\",195>>") << QStringLiteral("<<\"abÃ\">>");
        QTest::newRow("031 <<0>>") << QStringLiteral("<<0>>") << QStringLiteral("<<0>>");
        QTest::newRow("032 <<q>>") << QStringLiteral("<<\"\\\"q\\\"\">>")
                                   << QStringLiteral("<<\"\\\"q\\\"\">>");
        QTest::newRow("033 <</utf8>>")
            << QStringLiteral("<<\"ÿé\"/utf8>>") << QStringLiteral("<<\"ÿé\"/utf8>>");
        QTest::newRow("034 <</utf8, 128>>")
            << QStringLiteral("<<\"é\"/utf8, 128>>") << QStringLiteral("<<195,169,128>>");
        QTest::newRow("035 <<0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,")
            << QStringLiteral("<<0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,"
                              "28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,"
                              "54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,"
                              "80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99>>")
            << QStringLiteral(
                   "<<0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n"
                   "  29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,\n"
                   "  54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,\n"
                   "  79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99>>");
        QTest::newRow("036 {tag,<<100,101,102,103,104,105,106,107,1")
            << QStringLiteral(
                   "{tag,<<100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,117,118,119,"
                   "120,121,122,123,124,125,126,127,128,129,130,131,132,133,134,135,136,137,138,139,140,141,"
                   "142,143,144,145,146,147,148,149,150,151,152,153,154,155,156,157,158,159,160,161,162,163,"
                   "164,165,166,167,168,169,170,171,172,173,174,175,176,177,178,179,180,181,182,183,184,185,"
                   "186,187,188,189,190,191,192,193,194,195,196,197,198,199,200,201,202,203,204,205,206,207,"
                   "208,209,210,211,212,213,214,215,216,217,218,219,220,221,222,223,224,225,226,227,228,229,"
                   "230,231,232,233,234,235,236,237,238,239,240,241,242,243,244,245,246,247,248,249,250,251,"
                   "252,253,254,255>>}")
            << QStringLiteral("{tag,<<100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,\n"
                              "       117,118,119,120,121,122,123,124,125,126,127,128,129,130,131,132,133,\n"
                              "       134,135,136,137,138,139,140,141,142,143,144,145,146,147,148,149,150,\n"
                              "       151,152,153,154,155,156,157,158,159,160,161,162,163,164,165,166,167,\n"
                              "       168,169,170,171,172,173,174,175,176,177,178,179,180,181,182,183,184,\n"
                              "       185,186,187,188,189,190,191,192,193,194,195,196,197,198,199,200,201,\n"
                              "       202,203,204,205,206,207,208,209,210,211,212,213,214,215,216,217,218,\n"
                              "       219,220,221,222,223,224,225,226,227,228,229,230,231,232,233,234,235,\n"
                              "       236,237,238,239,240,241,242,243,244,245,246,247,248,249,250,251,252,\n"
                              "       253,254,255>>}");
        QTest::newRow("037 [[[<<0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,")
            << QStringLiteral("[[[<<0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,"
                              "27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,"
                              "53,54,55,56,57,58,59,60>>]]]")
            << QStringLiteral("[[[<<0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,\n"
                              "     27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,\n"
                              "     50,51,52,53,54,55,56,57,58,59,60>>]]]");
        QTest::newRow("038 <<xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            << QStringLiteral("<<"
                              "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                              "xxxxxxxxxxxxxxxxxxxxxxxx\">>")
            << QStringLiteral("<<"
                              "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                              "xxxxxxxxxxxxxxxxxxxxxxxx\">>");
        QTest::newRow("039 {a,b}") << QStringLiteral("{a,b}") << QStringLiteral("{a,b}");
        QTest::newRow("040 {1,2,3}") << QStringLiteral("{1,2,3}") << QStringLiteral("{1,2,3}");
        QTest::newRow("041 {a}") << QStringLiteral("{a}") << QStringLiteral("{a}");
        QTest::newRow("042 {a,[b,c]}") << QStringLiteral("{a,[b,c]}") << QStringLiteral("{a,[b,c]}");
        QTest::newRow("043 {'uro',[{key,value}]}")
            << QStringLiteral("{'€uro',[{key,value}]}") << QStringLiteral("{'€uro',[{key,value}]}");
        QTest::newRow("044 [abcdefgh,abcdefgh,abcdefgh,abcdefgh,abc")
            << QStringLiteral(
                   "[abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdef]")
            << QStringLiteral("[abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,\n"
                              " abcdef]");
        QTest::newRow("045 [abcdefgh,abcdefgh,abcdefgh,abcdefgh,abc")
            << QStringLiteral(
                   "[abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefg]")
            << QStringLiteral("[abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,\n"
                              " abcdefg]");
        QTest::newRow("046 [abcdefgh,abcdefgh,abcdefgh,abcdefgh,abc")
            << QStringLiteral(
                   "[abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh]")
            << QStringLiteral("[abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,\n"
                              " abcdefgh]");
        QTest::newRow("047 [abcdefgh,abcdefgh,abcdefgh,abcdefgh,abc")
            << QStringLiteral(
                   "[abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefghi]")
            << QStringLiteral("[abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,\n"
                              " abcdefghi]");
        QTest::newRow("048 {tag,[abcdefgh,abcdefgh,abcdefgh,abcdefg")
            << QStringLiteral(
                   "{tag,[abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh]}")
            << QStringLiteral("{tag,[abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,\n"
                              "      abcdefgh]}");
        QTest::newRow("049 {tag,[abcdefgh,abcdefgh,abcdefgh,abcdefg")
            << QStringLiteral(
                   "{tag,[abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefghi]}")
            << QStringLiteral("{tag,[abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,\n"
                              "      abcdefghi]}");
        QTest::newRow("050 {tag,[abcdefgh,abcdefgh,abcdefgh,abcdefg")
            << QStringLiteral(
                   "{tag,[abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefghij]}")
            << QStringLiteral("{tag,[abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,abcdefgh,\n"
                              "      abcdefghij]}");
        QTest::newRow("051 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            << QStringLiteral(
                   "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"")
            << QStringLiteral(
                   "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"");
        QTest::newRow("052 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            << QStringLiteral(
                   "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"")
            << QStringLiteral(
                   "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"");
        QTest::newRow("053 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            << QStringLiteral(
                   "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"")
            << QStringLiteral(
                   "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"");
        QTest::newRow("054 [xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            << QStringLiteral(
                   "[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",a]")
            << QStringLiteral(
                   "[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\n"
                   " a]");
        QTest::newRow("055 [xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            << QStringLiteral(
                   "[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",a]")
            << QStringLiteral(
                   "[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\n"
                   " a]");
        QTest::newRow("056 [xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            << QStringLiteral(
                   "[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",a]")
            << QStringLiteral(
                   "[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\n"
                   " a]");
        QTest::newRow("057 [xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            << QStringLiteral(
                   "[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                   "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                   "xxxxxxxxxxxxxxxxxxxxxxxxx\",\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]")
            << QStringLiteral("[\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                              "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                              "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\n"
                              " \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]");
        QTest::newRow("058 {x,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            << QStringLiteral("{x,"
                              "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                              "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}")
            << QStringLiteral(
                   "{x,"
                   "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                   "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}");
        QTest::newRow("059 [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,")
            << QStringLiteral(
                   "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,"
                   "33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60]")
            << QStringLiteral("[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n"
                              " 29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,\n"
                              " 54,55,56,57,58,59,60]");
        QTest::newRow("060 [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,")
            << QStringLiteral(
                   "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30|tail]")
            << QStringLiteral("[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n"
                              " 29,30|tail]");
        QTest::newRow("061 [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,")
            << QStringLiteral("[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,"
                              "29,30|{a,b,c,d,e,f,g,h,i,j,k,l,m,n}]")
            << QStringLiteral("[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,\n"
                              " 29,30|\n"
                              " {a,b,c,d,e,f,g,h,i,j,k,l,m,n}]");
        QTest::newRow("062 [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,")
            << QStringLiteral(
                   "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20|\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]")
            << QStringLiteral(
                   "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,120,120,120,120,120,120,\n"
                   " 120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,\n"
                   " 120,120,120,120,120]");
        QTest::newRow("063 {1000,2000,3000,4000,5000,6000,7000,8000")
            << QStringLiteral(
                   "{1000,2000,3000,4000,5000,6000,7000,8000,9000,10000,11000,12000,13000,14000,15000,16000,"
                   "17000,18000,19000,20000,21000,22000,23000,24000,25000,26000,27000,28000,29000,30000}")
            << QStringLiteral("{1000,2000,3000,4000,5000,6000,7000,8000,9000,10000,11000,12000,13000,14000,\n"
                              " 15000,16000,17000,18000,19000,20000,21000,22000,23000,24000,25000,26000,\n"
                              " 27000,28000,29000,30000}");
        QTest::newRow("064 {a_rather_long_tag_name_for_a_tuple,[ele")
            << QStringLiteral("{a_rather_long_tag_name_for_a_tuple,[element,element,element,element,element,"
                              "element,element,element,element,element,element,element]}")
            << QStringLiteral(
                   "{a_rather_long_tag_name_for_a_tuple,[element,element,element,element,element,\n"
                   "                                     element,element,element,element,element,\n"
                   "                                     element,element]}");
        QTest::newRow("065 {a_rather_long_tag_name_for_a_tuple,{ano")
            << QStringLiteral(
                   "{a_rather_long_tag_name_for_a_tuple,{another_long_tag_name_inside,[element,element,"
                   "element,element,element,element,element,element,element,element,element,element]}}")
            << QStringLiteral("{a_rather_long_tag_name_for_a_tuple,\n"
                              "    {another_long_tag_name_inside,\n"
                              "        [element,element,element,element,element,element,element,element,\n"
                              "         element,element,element,element]}}");
        QTest::newRow("066 #{a => 1}") << QStringLiteral("#{a => 1}") << QStringLiteral("#{a => 1}");
        QTest::newRow("067 #{a => 1,b => 2,c => [1,2]}") << QStringLiteral("#{a => 1,b => 2,\"c\" => [1,2]}")
                                                         << QStringLiteral("#{a => 1,b => 2,\"c\" => [1,2]}");
        QTest::newRow("068 #{key1 => value1,key2 => value2,key3 => ")
            << QStringLiteral("#{key1 => value1,key2 => value2,key3 => value3,key4 => value4,key5 => "
                              "value5,key6 => value6,key7 => value7,key8 => value8,key9 => value9,key10 => "
                              "value10,key11 => value11,key12 => value12}")
            << QStringLiteral(
                   "#{key1 => value1,key10 => value10,key11 => value11,key12 => value12,\n"
                   "  key2 => value2,key3 => value3,key4 => value4,key5 => value5,key6 => value6,\n"
                   "  key7 => value7,key8 => value8,key9 => value9}");
        QTest::newRow("069 #{key => [value,value,value,value,value,")
            << QStringLiteral("#{key => "
                              "[value,value,value,value,value,value,value,value,value,value,value,value,"
                              "value,value,value,value,value,value,value,value]}")
            << QStringLiteral("#{key =>\n"
                              "      [value,value,value,value,value,value,value,value,value,value,value,\n"
                              "       value,value,value,value,value,value,value,value,value]}");
        QTest::newRow("070 #{{a,tuple,key} => [value,value,value,va")
            << QStringLiteral("#{{a,tuple,key} => "
                              "[value,value,value,value,value,value,value,value,value,value,value,value,"
                              "value,value,value,value,value,value,value,value], b => c}")
            << QStringLiteral("#{b => c,\n"
                              "  {a,tuple,key} =>\n"
                              "      [value,value,value,value,value,value,value,value,value,value,value,\n"
                              "       value,value,value,value,value,value,value,value,value]}");
        QTest::newRow("071 #{[key,key,key,key,key,key,key,key,key,k")
            << QStringLiteral("#{[key,key,key,key,key,key,key,key,key,key,key,key,key,key,key,key,key,key,"
                              "key,key] => value}")
            << QStringLiteral("#{[key,key,key,key,key,key,key,key,key,key,key,key,key,key,key,key,key,key,\n"
                              "   key,key] =>\n"
                              "      value}");
        QTest::newRow("072 #{1 => a, 1.0 => b, 2 => c, 0.5 => d}")
            << QStringLiteral("#{1 => a, 1.0 => b, 2 => c, 0.5 => d}")
            << QStringLiteral("#{1 => a,2 => c,0.5 => d,1.0 => b}");
        QTest::newRow("073 #{outer => #{inner => #{k1 => v1,k2 => v")
            << QStringLiteral("#{outer => #{inner => #{k1 => v1,k2 => v2,k3 => v3,k4 => v4,k5 => v5,k6 => "
                              "v6,k7 => v7,k8 => v8,k9 => v9,k10 => v10}}}")
            << QStringLiteral("#{outer =>\n"
                              "      #{inner =>\n"
                              "            #{k1 => v1,k10 => v10,k2 => v2,k3 => v3,k4 => v4,k5 => v5,\n"
                              "              k6 => v6,k7 => v7,k8 => v8,k9 => v9}}}");
        QTest::newRow("074 {map_holder,#{k1 => x,k2 => xx,k3 => xxx")
            << QStringLiteral(
                   "{map_holder,#{k1 => \"x\",k2 => \"xx\",k3 => \"xxx\",k4 => \"xxxx\",k5 => \"xxxxx\",k6 "
                   "=> \"xxxxxx\",k7 => \"xxxxxxx\",k8 => \"xxxxxxxx\",k9 => \"xxxxxxxxx\",k10 => "
                   "\"xxxxxxxxxx\",k11 => \"xxxxxxxxxxx\",k12 => \"xxxxxxxxxxxx\"}}")
            << QStringLiteral(
                   "{map_holder,#{k1 => \"x\",k10 => \"xxxxxxxxxx\",k11 => \"xxxxxxxxxxx\",\n"
                   "              k12 => \"xxxxxxxxxxxx\",k2 => \"xx\",k3 => \"xxx\",k4 => \"xxxx\",\n"
                   "              k5 => \"xxxxx\",k6 => \"xxxxxx\",k7 => \"xxxxxxx\",k8 => \"xxxxxxxx\",\n"
                   "              k9 => \"xxxxxxxxx\"}}");
        QTest::newRow("075 [{env,[{log_level,info},{ports,[8080,808")
            << QStringLiteral("[{env,[{log_level,info},{ports,[8080,8081,8443]},{name,\"a fairly long server "
                              "name string\"},{opts,#{a => 1}}]}]")
            << QStringLiteral("[{env,[{log_level,info},\n"
                              "       {ports,[8080,8081,8443]},\n"
                              "       {name,\"a fairly long server name string\"},\n"
                              "       {opts,#{a => 1}}]}]");
        QTest::newRow("076 {application,stdlib,[{description,ERTS  ")
            << QStringLiteral(
                   "{application,stdlib,[{description,\"ERTS  CXC 138 "
                   "10\"},{vsn,\"4.2\"},{modules,[array,base64,beam_lib,binary,c,calendar,dets,dets_server,"
                   "dets_sup,dets_utils,dets_v9,dict,digraph,digraph_utils,edlin,edlin_expand,epp,eval_bits,"
                   "erl_abstract_code,erl_anno,erl_bits,erl_compile,erl_error]},{registered,[timer_server,"
                   "rsh_starter,take_over_monitor,pool_master,dets]},{applications,[kernel]},{env,[]},{mod,{"
                   "stdlib_app,[]}},{runtime_dependencies,[\"sasl-3.0\",\"kernel-8.5\",\"erts-13.1\","
                   "\"crypto-4.5\",\"compiler-5.0\"]}]}")
            << QStringLiteral(
                   "{application,stdlib,\n"
                   "             [{description,\"ERTS  CXC 138 10\"},\n"
                   "              {vsn,\"4.2\"},\n"
                   "              {modules,[array,base64,beam_lib,binary,c,calendar,dets,\n"
                   "                        dets_server,dets_sup,dets_utils,dets_v9,dict,digraph,\n"
                   "                        digraph_utils,edlin,edlin_expand,epp,eval_bits,\n"
                   "                        erl_abstract_code,erl_anno,erl_bits,erl_compile,\n"
                   "                        erl_error]},\n"
                   "              {registered,[timer_server,rsh_starter,take_over_monitor,\n"
                   "                           pool_master,dets]},\n"
                   "              {applications,[kernel]},\n"
                   "              {env,[]},\n"
                   "              {mod,{stdlib_app,[]}},\n"
                   "              {runtime_dependencies,[\"sasl-3.0\",\"kernel-8.5\",\"erts-13.1\",\n"
                   "                                     \"crypto-4.5\",\"compiler-5.0\"]}]}");
        QTest::newRow("077 {release,{Erlang/OTP,25},{erts,13.1.5},[")
            << QStringLiteral(
                   "{release,{\"Erlang/"
                   "OTP\",\"25\"},{erts,\"13.1.5\"},[{kernel,\"8.5.3\"},{stdlib,\"4.2\"},{sasl,\"4.2\"},{my_"
                   "application_with_a_long_name,\"1.0.0\",load},{other,\"2.0\",[kernel,stdlib]}]}")
            << QStringLiteral("{release,{\"Erlang/OTP\",\"25\"},\n"
                              "         {erts,\"13.1.5\"},\n"
                              "         [{kernel,\"8.5.3\"},\n"
                              "          {stdlib,\"4.2\"},\n"
                              "          {sasl,\"4.2\"},\n"
                              "          {my_application_with_a_long_name,\"1.0.0\",load},\n"
                              "          {other,\"2.0\",[kernel,stdlib]}]}");
        QTest::newRow("078 {script,{myrel,1},[{preLoaded,[atomics,c")
            << QStringLiteral(
                   "{script,{\"myrel\",\"1\"},[{preLoaded,[atomics,counters,erl_init,erl_prim_loader,erl_"
                   "tracer,erlang,erts_code_purger,erts_dirty_process_signal_handler,erts_internal,erts_"
                   "literal_area_collector,init,persistent_term,prim_buffer,prim_eval,prim_file,prim_inet,"
                   "prim_net,prim_socket,prim_zip,socket_registry,zlib]},{progress,preloaded},{path,[\"$ROOT/"
                   "lib/kernel-8.5.3/ebin\",\"$ROOT/lib/stdlib-4.2/"
                   "ebin\"]},{primLoad,[error_handler,application,application_controller]},{kernel_load_"
                   "completed},{apply,{application,load,[{application,sasl,[{description,\"SASL  CXC 138 "
                   "11\"},{vsn,\"4.2\"},{id,[]},{modules,[sasl,alarm_handler]},{registered,[sasl_sup,alarm_"
                   "handler]},{applications,[kernel,stdlib]},{included_applications,[]},{env,[]},{maxT,"
                   "infinity},{maxP,infinity},{mod,{sasl,[]}}]}]}},{progress,init_kernel_started},{apply,{c,"
                   "erlangrc,[]}},{progress,started}]}")
            << QStringLiteral("{script,\n"
                              "    {\"myrel\",\"1\"},\n"
                              "    [{preLoaded,\n"
                              "         [atomics,counters,erl_init,erl_prim_loader,erl_tracer,erlang,\n"
                              "          erts_code_purger,erts_dirty_process_signal_handler,erts_internal,\n"
                              "          erts_literal_area_collector,init,persistent_term,prim_buffer,\n"
                              "          prim_eval,prim_file,prim_inet,prim_net,prim_socket,prim_zip,\n"
                              "          socket_registry,zlib]},\n"
                              "     {progress,preloaded},\n"
                              "     {path,[\"$ROOT/lib/kernel-8.5.3/ebin\",\"$ROOT/lib/stdlib-4.2/ebin\"]},\n"
                              "     {primLoad,[error_handler,application,application_controller]},\n"
                              "     {kernel_load_completed},\n"
                              "     {apply,\n"
                              "         {application,load,\n"
                              "             [{application,sasl,\n"
                              "                  [{description,\"SASL  CXC 138 11\"},\n"
                              "                   {vsn,\"4.2\"},\n"
                              "                   {id,[]},\n"
                              "                   {modules,[sasl,alarm_handler]},\n"
                              "                   {registered,[sasl_sup,alarm_handler]},\n"
                              "                   {applications,[kernel,stdlib]},\n"
                              "                   {included_applications,[]},\n"
                              "                   {env,[]},\n"
                              "                   {maxT,infinity},\n"
                              "                   {maxP,infinity},\n"
                              "                   {mod,{sasl,[]}}]}]}},\n"
                              "     {progress,init_kernel_started},\n"
                              "     {apply,{c,erlangrc,[]}},\n"
                              "     {progress,started}]}");
        QTest::newRow("079 {deep,{deeper,{deepest,{even_deeper,{and")
            << QStringLiteral("{deep,{deeper,{deepest,{even_deeper,{and_more,{still_going,{nearly,{there,["
                              "leaf,leaf,leaf,leaf,leaf,leaf,leaf,leaf,leaf,leaf]}}}}}}}}")
            << QStringLiteral(
                   "{deep,\n"
                   "    {deeper,\n"
                   "        {deepest,\n"
                   "            {even_deeper,\n"
                   "                {and_more,\n"
                   "                    {still_going,\n"
                   "                        {nearly,\n"
                   "                            {there,\n"
                   "                                [leaf,leaf,leaf,leaf,leaf,leaf,leaf,leaf,leaf,\n"
                   "                                 leaf]}}}}}}}}");
        QTest::newRow("080 [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")
            << QStringLiteral(
                   "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")
            << QStringLiteral(
                   "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");
        QTest::newRow("081 [{a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,")
            << QStringLiteral("[{a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a}]")
            << QStringLiteral("[{a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a}]");
        QTest::newRow("082 [,'',<</utf8>>]")
            << QStringLiteral("[\"é€😀\",'日本語',<<\"日本\"/utf8>>]")
            << QStringLiteral("[[233,8364,128512],'日本語',<<230,151,165,230,156,172>>]");
        QTest::newRow("083 {'','',[1,2,3,4,5,6,7,8,9,10,11,12,13,14")
            << QStringLiteral("{'日本語の長いアトム名前','éééééééééééééééééééééééééééééééééééééééé',[1,2,3,4,"
                              "5,6,7,8,9,10,11,12,13,14,15]}")
            << QStringLiteral("{'日本語の長いアトム名前',éééééééééééééééééééééééééééééééééééééééé,\n"
                              "               [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15]}");
        QTest::newRow("084 [1.0,0.1,-0.0,1.0e100,5.0e-324,123456789")
            << QStringLiteral(
                   "[1.0,0.1,-0.0,1.0e100,5.0e-324,123456789.0,1.2345e-5,100.0,1.0e16,9007199254740992.0]")
            << QStringLiteral("[1.0,0.1,-0.0,1.0e100,5.0e-324,123456789.0,1.2345e-5,100.0,1.0e16,\n"
                              " 9.007199254740992e15]");
    }

    void defaults()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(rs::term::prettyTerm(parse(text)), expected);
    }

    // ~NtP, ~NP and ~NtlP with the column set by the text before them on the line.
    void options_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("lineLength");
        QTest::addColumn<int>("depth");
        QTest::addColumn<Encoding>("encoding");
        QTest::addColumn<bool>("strings");
        QTest::addColumn<QString>("expected");
        QTest::newRow("001 {application,stdlib,[{description,ERTS  ")
            << QStringLiteral(
                   "{application,stdlib,[{description,\"ERTS  CXC 138 "
                   "10\"},{vsn,\"4.2\"},{modules,[array,base64,beam_lib,binary,c,calendar,dets,dets_server,"
                   "dets_sup,dets_utils,dets_v9,dict,digraph,digraph_utils,edlin,edlin_expand,epp,eval_bits,"
                   "erl_abstract_code,erl_anno,erl_bits,erl_compile,erl_error]},{registered,[timer_server,"
                   "rsh_starter,take_over_monitor,pool_master,dets]},{applications,[kernel]},{env,[]},{mod,{"
                   "stdlib_app,[]}},{runtime_dependencies,[\"sasl-3.0\",\"kernel-8.5\",\"erts-13.1\","
                   "\"crypto-4.5\",\"compiler-5.0\"]}]}")
            << 1 << 40 << -1 << Encoding::Unicode << true
            << QStringLiteral("{application,stdlib,\n"
                              "    [{description,\"ERTS  CXC 138 10\"},\n"
                              "     {vsn,\"4.2\"},\n"
                              "     {modules,\n"
                              "         [array,base64,beam_lib,\n"
                              "          binary,c,calendar,dets,\n"
                              "          dets_server,dets_sup,\n"
                              "          dets_utils,dets_v9,dict,\n"
                              "          digraph,digraph_utils,edlin,\n"
                              "          edlin_expand,epp,eval_bits,\n"
                              "          erl_abstract_code,erl_anno,\n"
                              "          erl_bits,erl_compile,\n"
                              "          erl_error]},\n"
                              "     {registered,\n"
                              "         [timer_server,rsh_starter,\n"
                              "          take_over_monitor,\n"
                              "          pool_master,dets]},\n"
                              "     {applications,[kernel]},\n"
                              "     {env,[]},\n"
                              "     {mod,{stdlib_app,[]}},\n"
                              "     {runtime_dependencies,\n"
                              "         [\"sasl-3.0\",\"kernel-8.5\",\n"
                              "          \"erts-13.1\",\"crypto-4.5\",\n"
                              "          \"compiler-5.0\"]}]}");
        QTest::newRow("002 {application,stdlib,[{description,ERTS  ")
            << QStringLiteral(
                   "{application,stdlib,[{description,\"ERTS  CXC 138 "
                   "10\"},{vsn,\"4.2\"},{modules,[array,base64,beam_lib,binary,c,calendar,dets,dets_server,"
                   "dets_sup,dets_utils,dets_v9,dict,digraph,digraph_utils,edlin,edlin_expand,epp,eval_bits,"
                   "erl_abstract_code,erl_anno,erl_bits,erl_compile,erl_error]},{registered,[timer_server,"
                   "rsh_starter,take_over_monitor,pool_master,dets]},{applications,[kernel]},{env,[]},{mod,{"
                   "stdlib_app,[]}},{runtime_dependencies,[\"sasl-3.0\",\"kernel-8.5\",\"erts-13.1\","
                   "\"crypto-4.5\",\"compiler-5.0\"]}]}")
            << 10 << 80 << -1 << Encoding::Unicode << true
            << QStringLiteral("{application,stdlib,\n"
                              "             [{description,\"ERTS  CXC 138 10\"},\n"
                              "              {vsn,\"4.2\"},\n"
                              "              {modules,\n"
                              "                  [array,base64,beam_lib,binary,c,calendar,dets,dets_server,\n"
                              "                   dets_sup,dets_utils,dets_v9,dict,digraph,digraph_utils,\n"
                              "                   edlin,edlin_expand,epp,eval_bits,erl_abstract_code,\n"
                              "                   erl_anno,erl_bits,erl_compile,erl_error]},\n"
                              "              {registered,\n"
                              "                  [timer_server,rsh_starter,take_over_monitor,pool_master,\n"
                              "                   dets]},\n"
                              "              {applications,[kernel]},\n"
                              "              {env,[]},\n"
                              "              {mod,{stdlib_app,[]}},\n"
                              "              {runtime_dependencies,\n"
                              "                  [\"sasl-3.0\",\"kernel-8.5\",\"erts-13.1\",\"crypto-4.5\",\n"
                              "                   \"compiler-5.0\"]}]}");
        QTest::newRow("003 {application,stdlib,[{description,ERTS  ")
            << QStringLiteral(
                   "{application,stdlib,[{description,\"ERTS  CXC 138 "
                   "10\"},{vsn,\"4.2\"},{modules,[array,base64,beam_lib,binary,c,calendar,dets,dets_server,"
                   "dets_sup,dets_utils,dets_v9,dict,digraph,digraph_utils,edlin,edlin_expand,epp,eval_bits,"
                   "erl_abstract_code,erl_anno,erl_bits,erl_compile,erl_error]},{registered,[timer_server,"
                   "rsh_starter,take_over_monitor,pool_master,dets]},{applications,[kernel]},{env,[]},{mod,{"
                   "stdlib_app,[]}},{runtime_dependencies,[\"sasl-3.0\",\"kernel-8.5\",\"erts-13.1\","
                   "\"crypto-4.5\",\"compiler-5.0\"]}]}")
            << 1 << 132 << -1 << Encoding::Unicode << true
            << QStringLiteral("{application,stdlib,\n"
                              "             [{description,\"ERTS  CXC 138 10\"},\n"
                              "              {vsn,\"4.2\"},\n"
                              "              "
                              "{modules,[array,base64,beam_lib,binary,c,calendar,dets,dets_server,dets_sup,"
                              "dets_utils,dets_v9,dict,digraph,\n"
                              "                        "
                              "digraph_utils,edlin,edlin_expand,epp,eval_bits,erl_abstract_code,erl_anno,erl_"
                              "bits,erl_compile,erl_error]},\n"
                              "              "
                              "{registered,[timer_server,rsh_starter,take_over_monitor,pool_master,dets]},\n"
                              "              {applications,[kernel]},\n"
                              "              {env,[]},\n"
                              "              {mod,{stdlib_app,[]}},\n"
                              "              "
                              "{runtime_dependencies,[\"sasl-3.0\",\"kernel-8.5\",\"erts-13.1\",\"crypto-4."
                              "5\",\"compiler-5.0\"]}]}");
        QTest::newRow("004 {application,stdlib,[{description,ERTS  ")
            << QStringLiteral(
                   "{application,stdlib,[{description,\"ERTS  CXC 138 "
                   "10\"},{vsn,\"4.2\"},{modules,[array,base64,beam_lib,binary,c,calendar,dets,dets_server,"
                   "dets_sup,dets_utils,dets_v9,dict,digraph,digraph_utils,edlin,edlin_expand,epp,eval_bits,"
                   "erl_abstract_code,erl_anno,erl_bits,erl_compile,erl_error]},{registered,[timer_server,"
                   "rsh_starter,take_over_monitor,pool_master,dets]},{applications,[kernel]},{env,[]},{mod,{"
                   "stdlib_app,[]}},{runtime_dependencies,[\"sasl-3.0\",\"kernel-8.5\",\"erts-13.1\","
                   "\"crypto-4.5\",\"compiler-5.0\"]}]}")
            << 30 << 80 << -1 << Encoding::Unicode << true
            << QStringLiteral(
                   "{application,stdlib,\n"
                   "                                 [{description,\"ERTS  CXC 138 10\"},\n"
                   "                                  {vsn,\"4.2\"},\n"
                   "                                  {modules,\n"
                   "                                      [array,base64,beam_lib,binary,c,\n"
                   "                                       calendar,dets,dets_server,dets_sup,\n"
                   "                                       dets_utils,dets_v9,dict,digraph,\n"
                   "                                       digraph_utils,edlin,edlin_expand,epp,\n"
                   "                                       eval_bits,erl_abstract_code,erl_anno,\n"
                   "                                       erl_bits,erl_compile,erl_error]},\n"
                   "                                  {registered,\n"
                   "                                      [timer_server,rsh_starter,\n"
                   "                                       take_over_monitor,pool_master,dets]},\n"
                   "                                  {applications,[kernel]},\n"
                   "                                  {env,[]},\n"
                   "                                  {mod,{stdlib_app,[]}},\n"
                   "                                  {runtime_dependencies,\n"
                   "                                      [\"sasl-3.0\",\"kernel-8.5\",\"erts-13.1\",\n"
                   "                                       \"crypto-4.5\",\"compiler-5.0\"]}]}");
        QTest::newRow("005 {application,stdlib,[{description,ERTS  ")
            << QStringLiteral(
                   "{application,stdlib,[{description,\"ERTS  CXC 138 "
                   "10\"},{vsn,\"4.2\"},{modules,[array,base64,beam_lib,binary,c,calendar,dets,dets_server,"
                   "dets_sup,dets_utils,dets_v9,dict,digraph,digraph_utils,edlin,edlin_expand,epp,eval_bits,"
                   "erl_abstract_code,erl_anno,erl_bits,erl_compile,erl_error]},{registered,[timer_server,"
                   "rsh_starter,take_over_monitor,pool_master,dets]},{applications,[kernel]},{env,[]},{mod,{"
                   "stdlib_app,[]}},{runtime_dependencies,[\"sasl-3.0\",\"kernel-8.5\",\"erts-13.1\","
                   "\"crypto-4.5\",\"compiler-5.0\"]}]}")
            << 1 << 80 << 3 << Encoding::Unicode << true << QStringLiteral("{application,stdlib,...}");
        QTest::newRow("006 {application,stdlib,[{description,ERTS  ")
            << QStringLiteral(
                   "{application,stdlib,[{description,\"ERTS  CXC 138 "
                   "10\"},{vsn,\"4.2\"},{modules,[array,base64,beam_lib,binary,c,calendar,dets,dets_server,"
                   "dets_sup,dets_utils,dets_v9,dict,digraph,digraph_utils,edlin,edlin_expand,epp,eval_bits,"
                   "erl_abstract_code,erl_anno,erl_bits,erl_compile,erl_error]},{registered,[timer_server,"
                   "rsh_starter,take_over_monitor,pool_master,dets]},{applications,[kernel]},{env,[]},{mod,{"
                   "stdlib_app,[]}},{runtime_dependencies,[\"sasl-3.0\",\"kernel-8.5\",\"erts-13.1\","
                   "\"crypto-4.5\",\"compiler-5.0\"]}]}")
            << 1 << 80 << 5 << Encoding::Unicode << true
            << QStringLiteral("{application,stdlib,[{...}|...]}");
        QTest::newRow("007 {a,[b,{c,[d,{e,[f,g,h]}]}],#{k => [1,2,3")
            << QStringLiteral("{a,[b,{c,[d,{e,[f,g,h]}]}],#{k => [1,2,3], l => "
                              "{x,y}},<<1,2,3,4,5>>,\"string\",<<\"bin\">>}")
            << 1 << 80 << 1 << Encoding::Unicode << true << QStringLiteral("{...}");
        QTest::newRow("008 {a,[b,{c,[d,{e,[f,g,h]}]}],#{k => [1,2,3")
            << QStringLiteral("{a,[b,{c,[d,{e,[f,g,h]}]}],#{k => [1,2,3], l => "
                              "{x,y}},<<1,2,3,4,5>>,\"string\",<<\"bin\">>}")
            << 1 << 80 << 2 << Encoding::Unicode << true << QStringLiteral("{a,...}");
        QTest::newRow("009 {a,[b,{c,[d,{e,[f,g,h]}]}],#{k => [1,2,3")
            << QStringLiteral("{a,[b,{c,[d,{e,[f,g,h]}]}],#{k => [1,2,3], l => "
                              "{x,y}},<<1,2,3,4,5>>,\"string\",<<\"bin\">>}")
            << 1 << 80 << 3 << Encoding::Unicode << true << QStringLiteral("{a,[...],...}");
        QTest::newRow("010 {a,[b,{c,[d,{e,[f,g,h]}]}],#{k => [1,2,3")
            << QStringLiteral("{a,[b,{c,[d,{e,[f,g,h]}]}],#{k => [1,2,3], l => "
                              "{x,y}},<<1,2,3,4,5>>,\"string\",<<\"bin\">>}")
            << 1 << 80 << 4 << Encoding::Unicode << true << QStringLiteral("{a,[b|...],#{...},...}");
        QTest::newRow("011 {a,[b,{c,[d,{e,[f,g,h]}]}],#{k => [1,2,3")
            << QStringLiteral("{a,[b,{c,[d,{e,[f,g,h]}]}],#{k => [1,2,3], l => "
                              "{x,y}},<<1,2,3,4,5>>,\"string\",<<\"bin\">>}")
            << 1 << 20 << 4 << Encoding::Unicode << true
            << QStringLiteral("{a,[b|...],\n"
                              "   #{...},...}");
        QTest::newRow("012 {a,[b,{c,[d,{e,[f,g,h]}]}],#{k => [1,2,3")
            << QStringLiteral("{a,[b,{c,[d,{e,[f,g,h]}]}],#{k => [1,2,3], l => "
                              "{x,y}},<<1,2,3,4,5>>,\"string\",<<\"bin\">>}")
            << 1 << 80 << -1 << Encoding::Unicode << false
            << QStringLiteral("{a,[b,{c,[d,{e,[f,g,h]}]}],\n"
                              "   #{k => [1,2,3],l => {x,y}},\n"
                              "   <<1,2,3,4,5>>,\n"
                              "   [115,116,114,105,110,103],\n"
                              "   <<98,105,110>>}");
        QTest::newRow("013 {a,[b,{c,[d,{e,[f,g,h]}]}],#{k => [1,2,3")
            << QStringLiteral("{a,[b,{c,[d,{e,[f,g,h]}]}],#{k => [1,2,3], l => "
                              "{x,y}},<<1,2,3,4,5>>,\"string\",<<\"bin\">>}")
            << 1 << 30 << -1 << Encoding::Unicode << false
            << QStringLiteral("{a,[b,{c,[d,{e,[f,g,h]}]}],\n"
                              "   #{k => [1,2,3],\n"
                              "     l => {x,y}},\n"
                              "   <<1,2,3,4,5>>,\n"
                              "   [115,116,114,105,110,103],\n"
                              "   <<98,105,110>>}");
        QTest::newRow("014 {a,[b,{c,[d,{e,[f,g,h]}]}],#{k => [1,2,3")
            << QStringLiteral("{a,[b,{c,[d,{e,[f,g,h]}]}],#{k => [1,2,3], l => "
                              "{x,y}},<<1,2,3,4,5>>,\"string\",<<\"bin\">>}")
            << 1 << 0 << -1 << Encoding::Unicode << true
            << QStringLiteral("{a,[b,{c,[d,{e,[f,g,h]}]}],#{k => [1,2,3],l => "
                              "{x,y}},<<1,2,3,4,5>>,\"string\",<<\"bin\">>}");
        QTest::newRow("015 {a,[b,{c,[d,{e,[f,g,h]}]}],#{k => [1,2,3")
            << QStringLiteral("{a,[b,{c,[d,{e,[f,g,h]}]}],#{k => [1,2,3], l => "
                              "{x,y}},<<1,2,3,4,5>>,\"string\",<<\"bin\">>}")
            << 70 << 80 << -1 << Encoding::Unicode << true
            << QStringLiteral(
                   "{a,\n"
                   "                                                                      [b,\n"
                   "                                                                       {c,\n"
                   "                                                                        [d,\n"
                   "                                                                         {e,\n"
                   "                                                                          [f,\n"
                   "                                                                           g,\n"
                   "                                                                           h]}]}],\n"
                   "                                                                      #{k =>\n"
                   "                                                                         [1,2,\n"
                   "                                                                          3],\n"
                   "                                                                        l =>\n"
                   "                                                                         {x,\n"
                   "                                                                          y}},\n"
                   "                                                                      <<1,2,3,4,\n"
                   "                                                                        5>>,\n"
                   "                                                                      \"string\",\n"
                   "                                                                      <<\"bin\">>}");
        QTest::newRow("016 [1,2,3|tail]") << QStringLiteral("[1,2,3|tail]") << 1 << 80 << 3
                                          << Encoding::Unicode << true << QStringLiteral("[1,2|...]");
        QTest::newRow("017 [1,2,3|tail]") << QStringLiteral("[1,2,3|tail]") << 1 << 80 << 4
                                          << Encoding::Unicode << true << QStringLiteral("[1,2,3|...]");
        QTest::newRow("018 [1,2,3|tail]") << QStringLiteral("[1,2,3|tail]") << 1 << 80 << 5
                                          << Encoding::Unicode << true << QStringLiteral("[1,2,3|tail]");
        QTest::newRow("019 abc") << QStringLiteral("\"abc\"") << 1 << 80 << 1 << Encoding::Unicode << true
                                 << QStringLiteral("[...]");
        QTest::newRow("020 abc") << QStringLiteral("\"abc\"") << 1 << 80 << 2 << Encoding::Unicode << true
                                 << QStringLiteral("\"abc\"");
        QTest::newRow("021 #{a => 1,b => 2,c => 3}")
            << QStringLiteral("#{a => 1,b => 2,c => 3}") << 1 << 80 << 2 << Encoding::Unicode << true
            << QStringLiteral("#{a => 1,...}");
        QTest::newRow("022 #{a => 1,b => 2,c => 3}")
            << QStringLiteral("#{a => 1,b => 2,c => 3}") << 1 << 80 << 3 << Encoding::Unicode << true
            << QStringLiteral("#{a => 1,b => 2,...}");
        QTest::newRow("023 <<a long binary text that is cut by the ")
            << QStringLiteral("<<\"a long binary text that is cut by the depth limit\">>") << 1 << 80 << 3
            << Encoding::Unicode << true << QStringLiteral("<<\"a long b\"...>>");
        QTest::newRow("024 <<a long binary text that is cut by the ")
            << QStringLiteral("<<\"a long binary text that is cut by the depth limit\">>") << 1 << 80 << 3
            << Encoding::Latin1 << true << QStringLiteral("<<\"a long b\"...>>");
        QTest::newRow("025 << is utf8 and so is this long text/utf8")
            << QStringLiteral("<<\"é is utf8 and so is this long text\"/utf8>>") << 1 << 80 << 4
            << Encoding::Unicode << true << QStringLiteral("<<\"é is utf8 an\"/utf8...>>");
        QTest::newRow("026 << is utf8 and so is this long text/utf8")
            << QStringLiteral("<<\"é is utf8 and so is this long text\"/utf8>>") << 1 << 80 << -1
            << Encoding::Latin1 << true << QStringLiteral("<<\"Ã© is utf8 and so is this long text\">>");
        QTest::newRow("027 <<1,2,3,4,5,6,7,8,9,10>>")
            << QStringLiteral("<<1,2,3,4,5,6,7,8,9,10>>") << 1 << 80 << 4 << Encoding::Unicode << true
            << QStringLiteral("<<1,2,3,...>>");
        QTest::newRow("028 <<abc,1,2,3,4,5,6,7,8,9,10>>")
            << QStringLiteral("<<\"abc\",1,2,3,4,5,6,7,8,9,10>>") << 1 << 80 << 3 << Encoding::Unicode << true
            << QStringLiteral("<<\"abc\"...>>");
        QTest::newRow("029 <<abc,1,2,3,4,5,6,7,8,9,10>>")
            << QStringLiteral("<<\"abc\",1,2,3,4,5,6,7,8,9,10>>") << 1 << 80 << 3 << Encoding::Latin1 << true
            << QStringLiteral("<<\"abc\"...>>");
        QTest::newRow("030 ['',,[8364],<</utf8>>]")
            << QStringLiteral("['€',\"é\",[8364],<<\"€\"/utf8>>]") << 1 << 80 << -1 << Encoding::Latin1
            << true << QStringLiteral("['\\x{20AC}',\"é\",[8364],<<226,130,172>>]");
        QTest::newRow("031 ['',,[8364],<</utf8>>]")
            << QStringLiteral("['€',\"é\",[8364],<<\"€\"/utf8>>]") << 1 << 80 << -1 << Encoding::Unicode
            << false << QStringLiteral("['€',[233],[8364],<<226,130,172>>]");
        QTest::newRow("032 {abc,abc,abc,abc,abc,abc,abc,abc,abc,abc")
            << QStringLiteral(
                   "{abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,"
                   "abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc}")
            << 75 << 80 << -1 << Encoding::Unicode << true
            << QStringLiteral(
                   "{abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc,\n"
                   "                                                                           abc}");
        QTest::newRow("033 {abc,abc,abc,abc,abc,abc,abc,abc,abc,abc")
            << QStringLiteral(
                   "{abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,"
                   "abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc}")
            << 100 << 80 << -1 << Encoding::Unicode << true
            << QStringLiteral("{abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc,\n"
                              "                                                                              "
                              "                      abc}");
        QTest::newRow("034 {a_rather_long_tag_name,[abc,abc,abc,abc")
            << QStringLiteral("{a_rather_long_tag_name,[abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,"
                              "abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,abc,"
                              "abc,abc,abc,abc,abc,abc,abc,abc]}")
            << 45 << 80 << -1 << Encoding::Unicode << true
            << QStringLiteral(
                   "{a_rather_long_tag_name,\n"
                   "                                             [abc,abc,abc,abc,abc,abc,abc,abc,\n"
                   "                                              abc,abc,abc,abc,abc,abc,abc,abc,\n"
                   "                                              abc,abc,abc,abc,abc,abc,abc,abc,\n"
                   "                                              abc,abc,abc,abc,abc,abc,abc,abc,\n"
                   "                                              abc,abc,abc,abc,abc,abc,abc,\n"
                   "                                              abc]}");
        QTest::newRow("035 ok") << QStringLiteral("ok") << 1 << 80 << 0 << Encoding::Unicode << true
                                << QStringLiteral("...");
        QTest::newRow("036 [a,b]") << QStringLiteral("[a,b]") << 1 << 80 << 0 << Encoding::Unicode << true
                                   << QStringLiteral("...");
    }

    void options()
    {
        QFETCH(QString, text);
        QFETCH(int, column);
        QFETCH(int, lineLength);
        QFETCH(int, depth);
        QFETCH(Encoding, encoding);
        QFETCH(bool, strings);
        QFETCH(QString, expected);
        PrettyOptions options;
        options.column = column;
        options.lineLength = lineLength;
        options.depth = depth;
        options.encoding = encoding;
        options.strings = strings;
        QCOMPARE(rs::term::prettyTerm(parse(text), options), expected);
    }

    // io_lib:format("%% ~s\n~tp.\n", ["coding: utf-8", Term]) as UTF-8.
    void consultFileText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("1")
            << QStringLiteral("{release,{\"Relstudio "
                              "ünïcödé\",\"1.0\"},{erts,\"13.1.5\"},[{kernel,\"8.5.3\"},{stdlib,\"4.2\"},{'"
                              "app_€',\"1.0\"},{sasl,\"4.2\",load}]}")
            << QStringLiteral(
                   "%% coding: utf-8\n"
                   "{release,{\"Relstudio ünïcödé\",\"1.0\"},\n"
                   "         {erts,\"13.1.5\"},\n"
                   "         "
                   "[{kernel,\"8.5.3\"},{stdlib,\"4.2\"},{'app_€',\"1.0\"},{sasl,\"4.2\",load}]}.\n");
        QTest::newRow("2")
            << QStringLiteral("[{release,\"Erlang/OTP\",\"25\",\"13.1.5\",[{kernel,\"8.5.3\",\"/usr/lib/"
                              "erlang/lib/kernel-8.5.3\"},{stdlib,\"4.2\",\"/usr/lib/erlang/lib/"
                              "stdlib-4.2\"},{sasl,\"4.2\",\"/usr/lib/erlang/lib/sasl-4.2\"}],permanent}]")
            << QStringLiteral("%% coding: utf-8\n"
                              "[{release,\"Erlang/OTP\",\"25\",\"13.1.5\",\n"
                              "          [{kernel,\"8.5.3\",\"/usr/lib/erlang/lib/kernel-8.5.3\"},\n"
                              "           {stdlib,\"4.2\",\"/usr/lib/erlang/lib/stdlib-4.2\"},\n"
                              "           {sasl,\"4.2\",\"/usr/lib/erlang/lib/sasl-4.2\"}],\n"
                              "          permanent}].\n");
        QTest::newRow("3") << QStringLiteral("'€'")
                           << QStringLiteral("%% coding: utf-8\n"
                                             "'€'.\n");
        QTest::newRow("4") << QStringLiteral("<<\"日本\"/utf8>>")
                           << QStringLiteral("%% coding: utf-8\n"
                                             "<<230,151,165,230,156,172>>.\n");
    }

    void consultFileText()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(rs::term::consultFileText(parse(text)), expected.toUtf8());
    }

    // Nesting as deep as terms may be, compared with erl's output by its MD5 and line count.
    void deepNesting_data()
    {
        QTest::addColumn<Term>("term");
        QTest::addColumn<QByteArray>("md5");
        QTest::addColumn<int>("lines");
        Term tagged = atom(QStringLiteral("x"));
        Term pairs = atom(QStringLiteral("x"));
        Term maps = atom(QStringLiteral("x"));
        for (int i = 1; i <= 999; ++i) {
            tagged = tuple({atom(QStringLiteral("tag")), integer(i), tagged});
            pairs = list({integer(i), pairs});
            if (i <= 300)
                maps = Term::map({{integer(i), maps}, {atom(QStringLiteral("k")), integer(i)}});
        }
        // lists:foldl(fun(I, A) -> {tag, I, A} end, x, lists:seq(1, 999))
        QTest::newRow("tagged tuples") << tagged << QByteArray("061ca2bac954e8566b0f868e6067eb53") << 1930;
        // lists:foldl(fun(I, A) -> [I, A] end, x, lists:seq(1, 999))
        QTest::newRow("lists") << pairs << QByteArray("5ef413367a51f736588bb72a76ae5877") << 1000;
        // lists:foldl(fun(I, A) -> #{I => A, k => I} end, x, lists:seq(1, 300))
        QTest::newRow("maps") << maps << QByteArray("3c5a449cb55032f3a09424aeb482e5ad") << 889;
    }

    void deepNesting()
    {
        QFETCH(Term, term);
        QFETCH(QByteArray, md5);
        QFETCH(int, lines);
        const QString printed = rs::term::prettyTerm(term);
        QCOMPARE(printed.count(QLatin1Char('\n')) + 1, lines);
        QCOMPARE(::md5(printed.toUtf8()), md5);
    }

    // A boot script of 900 modules prints exactly as OTP prints it, in milliseconds.
    void largeScript()
    {
        const Term script = bigScript();
        QElapsedTimer timer;
        timer.start();
        const QByteArray file = rs::term::consultFileText(script);
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(md5(file), QByteArray("6f66331ac94efe29f9ea5e61da135702"));
        QCOMPARE(md5(rs::term::prettyTerm(script).toUtf8()), QByteArray("2df95f7e7c9d656d9d4da09bc1d2926c"));
        QCOMPARE(file.count('\n'), 948);
        QVERIFY2(elapsed < 500, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
    }
};

QTEST_GUILESS_MAIN(TestPretty)
#include "tst_pretty.moc"
