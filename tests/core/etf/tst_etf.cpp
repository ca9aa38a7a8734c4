#include "etf/etf.h"
#include "term/term.h"
#include "term/writer.h"

#include <QtEndian>
#include <QtTest>

#include <cstring>

using rs::term::Term;

Q_DECLARE_METATYPE(Term)

namespace {

// The expected bytes below were printed by OTP 25's term_to_binary/1, as hex.
QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}

Term A(const char *name)
{
    return Term::atom(QString::fromUtf8(name));
}
Term I(qint64 value)
{
    return Term::integer(value);
}
Term F(double value)
{
    return Term::floating(value);
}
Term S(const char *text)
{
    return Term::string(QString::fromUtf8(text));
}
Term T(std::vector<Term> elements)
{
    return Term::tuple(std::move(elements));
}
Term L(std::vector<Term> elements, Term tail = Term())
{
    return Term::list(std::move(elements), std::move(tail));
}
Term M(std::vector<std::pair<Term, Term>> entries)
{
    return Term::map(std::move(entries));
}
Term B(const QByteArray &bytes)
{
    return Term::binary(bytes);
}
Term Big(const char *decimal)
{
    const bool negative = decimal[0] == '-';
    return Term::integerFromDigits(QByteArrayView(decimal + (negative ? 1 : 0)), 10, negative);
}

QString show(const Term &t)
{
    return rs::term::writeTerm(t, rs::term::Encoding::Unicode);
}

// For failure messages, which QVERIFY2 evaluates whether it fails or not.
QString describe(const rs::Expected<Term> &decoded)
{
    return decoded.hasValue() ? show(*decoded) : decoded.error().message;
}

QByteArray u32be(quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    return QByteArray(bytes, 4);
}

// 131, 80, the declared uncompressed size, then `stream`.
QByteArray compressedTerm(quint32 declaredSize, const QByteArray &stream)
{
    return QByteArray("\x83\x50", 2) + u32be(declaredSize) + stream;
}

// The zlib stream of `inner` (a term without its version byte).
QByteArray zlibStream(const QByteArray &inner)
{
    return qCompress(inner).mid(4);
}

QByteArray compressed(const QByteArray &inner, quint32 declaredSize)
{
    return compressedTerm(declaredSize, zlibStream(inner));
}

QByteArray nestedLists(int depth)
{
    QByteArray b(1, '\x83');
    for (int i = 0; i < depth; ++i)
        b += hex("6c00000001");
    b += QByteArray(depth + 1, '\x6a');
    return b;
}

QByteArray nestedTuples(int depth)
{
    QByteArray b(1, '\x83');
    for (int i = 0; i < depth; ++i)
        b += hex("6801");
    b += '\x6a';
    return b;
}

// [1 | [1 | [1 | ... []]]] written as LIST_EXTs of one element whose tails are LIST_EXTs.
QByteArray nestedTails(int depth)
{
    QByteArray b(1, '\x83');
    for (int i = 0; i < depth; ++i)
        b += hex("6c000000016101");
    b += '\x6a';
    return b;
}

} // namespace

class TestEtf : public QObject
{
    Q_OBJECT

private slots:
    void encode_data();
    void encode();
    void encodeLong_data();
    void encodeLong();
    void decode_data();
    void decode();
    void errors_data();
    void errors();
    void deepNesting_data();
    void deepNesting();
    void nestingLimit();
    void compressedBombs();
    void corruptInputNeverCrashes();
};

void TestEtf::encode_data()
{
    QTest::addColumn<Term>("term");
    QTest::addColumn<QByteArray>("bytes");

    QTest::addRow("small int 0") << I(0) << hex("836100");
    QTest::addRow("small int 255") << I(255) << hex("8361ff");
    QTest::addRow("int 256") << I(256) << hex("836200000100");
    QTest::addRow("int -1") << I(-1) << hex("8362ffffffff");
    QTest::addRow("int32 max") << I(2147483647) << hex("83627fffffff");
    QTest::addRow("int32 min") << I(-2147483648LL) << hex("836280000000");
    QTest::addRow("small big 2^31") << I(2147483648LL) << hex("836e040000000080");
    QTest::addRow("small big -2^31-1") << I(-2147483649LL) << hex("836e040101000080");
    QTest::addRow("int64 max") << I(std::numeric_limits<qint64>::max()) << hex("836e0800ffffffffffffff7f");
    QTest::addRow("int64 min") << I(std::numeric_limits<qint64>::min()) << hex("836e08010000000000000080");
    QTest::addRow("small big 2^64") << Big("18446744073709551616") << hex("836e0900000000000000000001");
    QTest::addRow("small big -2^64") << Big("-18446744073709551616") << hex("836e0901000000000000000001");
    QTest::addRow("float 1.5") << F(1.5) << hex("83463ff8000000000000");
    QTest::addRow("float -0.0") << F(-0.0) << hex("83468000000000000000");
    QTest::addRow("float 0.1") << F(0.1) << hex("83463fb999999999999a");
    QTest::addRow("float 1e300") << F(1e300) << hex("83467e37e43c8800759c");
    QTest::addRow("float -2.5e-300") << F(-2.5e-300) << hex("834681bac9a7b3b7302f");
    QTest::addRow("atom") << A("hello") << hex("8364000568656c6c6f");
    QTest::addRow("empty atom") << A("") << hex("83640000");
    QTest::addRow("latin-1 atom as ATOM_EXT") << A("café") << hex("83640004636166e9");
    QTest::addRow("greek atom as SMALL_ATOM_UTF8_EXT") << A("αβ") << hex("837704ceb1ceb2");
    QTest::addRow("astral atom") << A("\xF0\x9F\x98\x80") << hex("837704f09f9880");
    QTest::addRow("nil") << Term() << hex("836a");
    QTest::addRow("string") << S("abc") << hex("836b0003616263");
    QTest::addRow("string with 0 and 255") << L({I(0), I(255)}) << hex("836b000200ff");
    QTest::addRow("list with 256") << L({I(1), I(256)}) << hex("836c00000002610162000001006a");
    QTest::addRow("list with -1") << L({I(-1)}) << hex("836c0000000162ffffffff6a");
    QTest::addRow("improper list") << L({A("a")}, A("b")) << hex("836c000000016400016164000162");
    QTest::addRow("improper byte list") << L({I(1), I(2)}, I(3)) << hex("836c00000002610161026103");
    QTest::addRow("list of strings") << L({S("ab"), S("c")}) << hex("836c000000026b000261626b0001636a");
    QTest::addRow("unicode string") << S("αβ") << hex("836c0000000262000003b162000003b26a");
    QTest::addRow("empty tuple") << T({}) << hex("836800");
    QTest::addRow("tuple") << T({A("a"), I(1), S("x")}) << hex("8368036400016161016b000178");
    QTest::addRow("empty map") << M({}) << hex("837400000000");
    QTest::addRow("map") << M({{A("b"), I(1)}, {A("a"), I(2)}})
                         << hex("837400000002640001616102640001626101");
    QTest::addRow("map: integer keys before float keys")
        << M({{F(1.0), A("a")}, {I(2), A("b")}}) << hex("837400000002610264000162463ff000000000000064000161");
    QTest::addRow("map: 1 and 1.0 are two keys")
        << M({{I(1), A("a")}, {F(1.0), A("b")}}) << hex("837400000002610164000161463ff000000000000064000162");
    QTest::addRow("map: mixed keys") << M({{F(-1.0), A("a")},
                                           {I(5), A("b")},
                                           {F(3.0), A("c")},
                                           {Big("1180591620717411303424"), A("d")},
                                           {A("x"), A("e")},
                                           {T({F(1.0)}), A("f")},
                                           {T({I(2)}), A("g")},
                                           {S("s"), A("h")},
                                           {B("b"), A("i")},
                                           {Term(), A("j")}})
                                     << hex("83740000000a6105640001626e09000000000000000000406400016446bff000"
                                            "00000000006400016146400800000000000"
                                            "064000163640001786400016568016102640001676801463ff00000000000006"
                                            "40001666a6400016a6b00017364000168"
                                            "6d000000016264000169");
    QTest::addRow("map: float keys nested in keys") << M({{M({{I(2), A("x")}}), A("b")},
                                                          {M({{F(1.0), A("x")}}), A("a")},
                                                          {L({F(1.0)}), A("c")},
                                                          {L({I(2)}), A("d")}})
                                                    << hex("8374000000047400000001610264000178640001627400000"
                                                           "001463ff000000000000064000178640001616b00010264"
                                                           "0001646c00000001463ff00000000000006a64000163");
    QTest::addRow("empty binary") << B({}) << hex("836d00000000");
    QTest::addRow("binary") << B(hex("0102ff")) << hex("836d000000030102ff");
    QTest::addRow("release")
        << T({A("release"), T({S("hello"), S("1.0")}), T({A("erts"), S("13.1.5")}),
              L({T({A("kernel"), S("8.5.3")}), T({A("stdlib"), S("4.2")})})})
        << hex("83680464000772656c6561736568026b000568656c6c6f6b0003312e306802640004657274736b000631332e312e3"
               "56c"
               "0000000268026400066b65726e656c6b0005382e352e3368026400067374646c69626b0003342e326a");
}

void TestEtf::encode()
{
    QFETCH(Term, term);
    QFETCH(QByteArray, bytes);
    QCOMPARE(rs::etf::encode(term).toHex(), bytes.toHex());
    const auto back = rs::etf::decode(bytes);
    QVERIFY2(back.hasValue(), qPrintable(describe(back)));
    QVERIFY2(*back == term, qPrintable(describe(back)));
}

// Long forms, checked by their length and first bytes (as OTP printed them).
void TestEtf::encodeLong_data()
{
    QTest::addColumn<Term>("term");
    QTest::addColumn<int>("size");
    QTest::addColumn<QByteArray>("start");

    QByteArray magnitude(257, '\0');
    magnitude[256] = 1;
    QTest::addRow("large big 2^2048") << Term::bigInteger(false, magnitude) << 264 << hex("836f000001010000");
    QTest::addRow("255 latin-1 characters")
        << Term::atom(QString(255, QLatin1Char('a'))) << 259 << hex("836400ff6161");
    QTest::addRow("255 greek characters, ATOM_UTF8_EXT")
        << Term::atom(QString(255, QChar(0x3b1))) << 514 << hex("837601feceb1");
    QTest::addRow("tuple of 256") << T(std::vector<Term>(256, A("a"))) << 1030 << hex("83690000010064000161");
    QTest::addRow("string of 65535") << L(std::vector<Term>(65535, I(7))) << 65539 << hex("836bffff0707");
    QTest::addRow("list of 65536") << L(std::vector<Term>(65536, I(7))) << 131079
                                   << hex("836c0001000061076107");
}

void TestEtf::encodeLong()
{
    QFETCH(Term, term);
    QFETCH(int, size);
    QFETCH(QByteArray, start);
    const QByteArray bytes = rs::etf::encode(term);
    QCOMPARE(bytes.size(), size);
    QCOMPARE(bytes.left(start.size()).toHex(), start.toHex());
    const auto back = rs::etf::decode(bytes);
    QVERIFY2(back.hasValue(), qPrintable(describe(back)));
    QVERIFY(*back == term);
}

void TestEtf::decode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Term>("term");

    QTest::addRow("SMALL_ATOM_EXT") << hex("83730568656c6c6f") << A("hello");
    QTest::addRow("SMALL_ATOM_EXT latin-1") << hex("837304636166e9") << A("café");
    QTest::addRow("SMALL_ATOM_UTF8_EXT (minor version 2)") << hex("83770568656c6c6f") << A("hello");
    QTest::addRow("SMALL_ATOM_UTF8_EXT latin-1") << hex("837705636166c3a9") << A("café");
    QTest::addRow("ATOM_UTF8_EXT") << hex("83760004ceb1ceb2") << A("αβ");
    QTest::addRow("compressed (term_to_binary(lists:duplicate(100, hello), [compressed]))")
        << hex("835000000326789ccb61606048496160cd48cdc9c91fa547e9511a93ce02003410fa0f")
        << L(std::vector<Term>(100, A("hello")));
    QTest::addRow("compressed release")
        << hex("83500000018e789ccb604a61602f4acd494d2c4ecd61606010c9000ab065a716e5a5e66433b05ae899ea198f0ad1"
               "49280b00c6e963b5")
        << T({A("release"), L(std::vector<Term>(20, T({A("kernel"), S("8.5.3")})))});
    QTest::addRow("FLOAT_EXT 1.5")
        << hex("8363312e3530303030303030303030303030303030303030652b30300000000000") << F(1.5);
    QTest::addRow("FLOAT_EXT -0.1")
        << hex("83632d312e3030303030303030303030303030303035353531652d303100000000") << F(-0.1);
    QTest::addRow("BIT_BINARY_EXT of whole bytes") << hex("834d000000020801ff") << B(hex("01ff"));
    QTest::addRow("BIT_BINARY_EXT empty") << hex("834d0000000000") << B({});
    QTest::addRow("LIST_EXT of bytes") << hex("836c00000002610161026a") << L({I(1), I(2)});
    QTest::addRow("LIST_EXT whose tail is a list")
        << hex("836c0000000161016c00000002610262000001006a") << L({I(1), I(2), I(256)});
    QTest::addRow("LIST_EXT whose tail is a STRING_EXT")
        << hex("836c00000001640001616b00026263") << L({A("a"), I('b'), I('c')});
    QTest::addRow("empty LIST_EXT") << hex("836c000000006a") << Term();
    QTest::addRow("SMALL_BIG_EXT that fits a small integer") << hex("836e02000005") << I(1280);
    QTest::addRow("SMALL_BIG_EXT with leading zero digits") << hex("836e040007000000") << I(7);
    QTest::addRow("SMALL_BIG_EXT sign byte 2 is negative") << hex("836e010205") << I(-5);
    QTest::addRow("negative zero big") << hex("836e010100") << I(0);
    QTest::addRow("LARGE_BIG_EXT") << hex("836f0000000201ffff") << I(-65535);
    QTest::addRow("LARGE_TUPLE_EXT of 2") << hex("83690000000261016102") << T({I(1), I(2)});
    QTest::addRow("map with keys out of order")
        << hex("837400000002640001626101640001616102") << M({{A("a"), I(2)}, {A("b"), I(1)}});
}

void TestEtf::decode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Term, term);
    const auto decoded = rs::etf::decode(bytes);
    QVERIFY2(decoded.hasValue(), qPrintable(describe(decoded)));
    QVERIFY2(*decoded == term, qPrintable(describe(decoded) + QStringLiteral(" != ") + show(term)));
}

void TestEtf::errors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");

    const QByteArray zlibHello = zlibStream(hex("64000568656c6c6f")); // the atom hello

    QTest::addRow("empty") << QByteArray()
                           << QStringLiteral(
                                  "empty data where a term in Erlang's external term format was expected");
    QTest::addRow("not ETF") << QByteArray("{release")
                             << QStringLiteral("not in Erlang's external term format: byte 0 is 123, not the "
                                               "version byte 131");
    QTest::addRow("only the version byte")
        << hex("83")
        << QStringLiteral("truncated at byte 1: expected 1 more byte for a term, but only 0 remain");
    QTest::addRow("truncated integer")
        << hex("83620000")
        << QStringLiteral("truncated at byte 2: expected 4 more bytes for an integer, but only 2 remain");
    QTest::addRow("truncated atom")
        << hex("8364000568656c")
        << QStringLiteral(
               "truncated at byte 4: expected 5 more bytes for the name of an atom, but only 3 remain");
    QTest::addRow("truncated list element")
        << hex("836c00000002610161")
        << QStringLiteral("truncated at byte 9: expected 1 more byte for a small integer, but only 0 remain");
    QTest::addRow("truncated float")
        << hex("83463ff8")
        << QStringLiteral("truncated at byte 2: expected 8 more bytes for a float, but only 2 remain");
    QTest::addRow("binary length beyond the input")
        << hex("836dffffffff0102")
        << QStringLiteral(
               "truncated at byte 6: expected 4294967295 more bytes for the bytes of a binary, but only 2 "
               "remain");
    QTest::addRow("big integer length beyond the input")
        << hex("836fffffffff0001")
        << QStringLiteral(
               "truncated at byte 7: expected 4294967295 more bytes for the digits of a big integer, but "
               "only 1 remains");
    QTest::addRow("list count beyond the input")
        << hex("836cffffffff6a")
        << QStringLiteral("the list at byte 1 claims 4294967295 elements, but only 1 byte remains");
    QTest::addRow("tuple count beyond the input")
        << hex("8369ffffffff6a")
        << QStringLiteral("the tuple at byte 1 claims 4294967295 elements, but only 1 byte "
                          "remains");
    QTest::addRow("map count beyond the input")
        << hex("837400000002610161")
        << QStringLiteral("the map at byte 1 claims 2 pairs, but only 3 bytes remain");
    QTest::addRow("trailing garbage")
        << hex("8361010203") << QStringLiteral("trailing garbage after the term: 2 bytes from byte 3 on");
    QTest::addRow("pid") << hex("835864000d6e6f6e6f6465406e6f686f7374000000090000000000000000")
                         << QStringLiteral(
                                "the term contains a pid at byte 1, which a release file cannot hold");
    QTest::addRow("old pid") << hex("8367640000000000010000000200")
                             << QStringLiteral(
                                    "the term contains a pid at byte 1, which a release file cannot hold");
    QTest::addRow("pid inside a tuple")
        << hex("83680261015864000d6e6f6e6f6465406e6f686f7374000000090000000000000000")
        << QStringLiteral("the term contains a pid at byte 5, which a release file cannot hold");
    QTest::addRow("port") << hex("835964000d6e6f6e6f6465406e6f686f73740000000000000000")
                          << QStringLiteral(
                                 "the term contains a port at byte 1, which a release file cannot hold");
    QTest::addRow("reference")
        << hex("835a000364000d6e6f6e6f6465406e6f686f737400000000000276ee47180002a9276308")
        << QStringLiteral("the term contains a reference at byte 1, which a release file cannot hold");
    QTest::addRow("fun") << hex("83700000004a00bca0e44573a39e1af86c8f43284f4af10000000000000000640006657466")
                         << QStringLiteral(
                                "the term contains a fun at byte 1, which a release file cannot hold");
    QTest::addRow("export") << hex("83716400056c697374736400036d61706102")
                            << QStringLiteral(
                                   "the term contains an external fun (fun M:F/A) at byte 1, which a "
                                   "release file cannot hold");
    QTest::addRow("atom cache reference")
        << hex("835200")
        << QStringLiteral("an atom cache reference at byte 1, which only occurs in messages between "
                          "Erlang nodes, never in files");
    QTest::addRow("unknown tag") << hex("8368026101c8")
                                 << QStringLiteral(
                                        "unknown tag 200 at byte 5; the data is corrupt or not a term");
    QTest::addRow("second version byte")
        << hex("838361")
        << QStringLiteral("a second version byte (131) at byte 1, where a term was expected");
    QTest::addRow("bitstring of 3 bits")
        << hex("834d000000010320")
        << QStringLiteral(
               "the term contains a bitstring at byte 1 whose last byte holds only 3 bits, which a "
               "release file cannot hold");
    QTest::addRow("bitstring of 11 bits")
        << hex("834d00000002030120")
        << QStringLiteral(
               "the term contains a bitstring at byte 1 whose last byte holds only 3 bits, which a "
               "release file cannot hold");
    QTest::addRow("malformed bitstring")
        << hex("834d000000010920")
        << QStringLiteral(
               "the bitstring at byte 1 is malformed: a size of 1 byte with 9 bits in its last byte");
    QTest::addRow("repeated map key")
        << hex("8374000000026101610161016102")
        << QStringLiteral("the map at byte 1 has a key twice, which binary_to_term refuses");
    QTest::addRow("NaN") << hex("83467ff8000000000000")
                         << QStringLiteral(
                                "the float at byte 1 is not a finite number, which Erlang cannot hold");
    QTest::addRow("infinity") << hex("8346fff0000000000000")
                              << QStringLiteral(
                                     "the float at byte 1 is not a finite number, which Erlang cannot hold");
    QTest::addRow("bad old float") << hex("8363") + QByteArray("1.5x") + QByteArray(27, '\0')
                                   << QStringLiteral(
                                          "the old-style float at byte 1 is not a number: \"1.5x\"");
    QTest::addRow("atom of 256 characters")
        << hex("83640100") + QByteArray(256, 'a')
        << QStringLiteral("the atom at byte 1 has 256 characters; an atom has at most 255");
    QTest::addRow("atom not UTF-8") << hex("837702c328")
                                    << QStringLiteral("the atom at byte 1 is not valid UTF-8");
    QTest::addRow("nesting past the limit inside a list")
        << nestedLists(rs::term::MaxNestingDepth + 1)
        << QStringLiteral("terms nested deeper than 1000 levels are not supported (at byte 5001)");
    QTest::addRow("compressed inside a term")
        << hex("83680150000000010000")
        << QStringLiteral(
               "a compressed term at byte 3 inside another term; only a whole term can be compressed");
    QTest::addRow("compressed: size truncated")
        << hex("83500000")
        << QStringLiteral("truncated at byte 2: expected 4 more bytes for the uncompressed size "
                          "of a compressed term, but only 2 remain");
    QTest::addRow("compressed: declares 4 GiB")
        << compressed(hex("6a"), 0xffffffffu)
        << QStringLiteral(
               "the compressed term declares 4294967295 bytes uncompressed, more than the 268435456 bytes "
               "(256 MiB) that are accepted");
    QTest::addRow("compressed: declares fewer bytes than it holds")
        << compressed(hex("64000568656c6c6f"), 3)
        << QStringLiteral(
               "the compressed term declares 3 bytes uncompressed, but its zlib stream holds more");
    QTest::addRow("compressed: declares more bytes than it holds")
        << compressed(hex("64000568656c6c6f"), 100)
        << QStringLiteral(
               "the compressed term declares 100 bytes uncompressed, but its zlib stream holds 8 bytes");
    QTest::addRow("compressed: stream cut short")
        << compressedTerm(8, zlibHello.left(zlibHello.size() - 3))
        << QStringLiteral("truncated at byte %1: the compressed term's zlib stream is incomplete")
               .arg(6 + zlibHello.size() - 3);
    QTest::addRow("compressed: not zlib")
        << compressedTerm(8, QByteArray("garbage!"))
        << QStringLiteral("the compressed term's zlib stream at byte 6 is corrupt: incorrect header check");
    QTest::addRow("compressed: garbage after the stream")
        << compressedTerm(8, zlibHello + "xy")
        << QStringLiteral("trailing garbage after the compressed term's zlib stream: 2 bytes from byte %1 on")
               .arg(6 + zlibHello.size());
    QTest::addRow("compressed: error inside")
        << compressed(hex("680261016201"), 6)
        << QStringLiteral(
               "truncated at byte 5 of the uncompressed term: expected 4 more bytes for an integer, but "
               "only 1 remains");
    QTest::addRow("compressed: pid inside")
        << compressed(hex("8367640000000000010000000200").mid(1), 13)
        << QStringLiteral(
               "the term contains a pid at byte 0 of the uncompressed term, which a release file cannot "
               "hold");
}

void TestEtf::errors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const auto decoded = rs::etf::decode(bytes);
    QVERIFY2(!decoded.hasValue(), qPrintable(describe(decoded)));
    QVERIFY(decoded.error().isError());
    QCOMPARE(decoded.error().message, message);
}

void TestEtf::deepNesting_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addRow("100000 nested lists") << nestedLists(100000);
    QTest::addRow("100000 nested tuples") << nestedTuples(100000);
    QTest::addRow("100000 nested list tails") << nestedTails(100000);
    QByteArray maps(1, '\x83');
    for (int i = 0; i < 100000; ++i)
        maps += hex("7400000001") + hex("6a");
    maps += QByteArray(100001, '\x6a');
    QTest::addRow("100000 nested maps") << maps;
}

void TestEtf::deepNesting()
{
    QFETCH(QByteArray, bytes);
    const auto decoded = rs::etf::decode(bytes);
    QVERIFY(!decoded.hasValue());
    QVERIFY2(decoded.error().message.startsWith(QStringLiteral("terms nested deeper than 1000 levels")),
             qPrintable(describe(decoded)));
}

// 1000 levels are allowed (the reader's limit too), 1001 are not.
void TestEtf::nestingLimit()
{
    const int limit = rs::term::MaxNestingDepth;
    QVERIFY(rs::etf::decode(nestedLists(limit - 1)).hasValue());
    QVERIFY(rs::etf::decode(nestedTuples(limit - 1)).hasValue());
    QVERIFY(rs::etf::decode(nestedTails(limit - 1)).hasValue());
    QVERIFY(!rs::etf::decode(nestedLists(limit)).hasValue());
    QVERIFY(!rs::etf::decode(nestedTuples(limit)).hasValue());
    QVERIFY(!rs::etf::decode(nestedTails(limit)).hasValue());

    const auto flat = rs::etf::decode(nestedTails(limit - 1));
    QCOMPARE(flat->size(), limit - 1);
    QVERIFY(flat->isProperList());
}

// Streams that inflate to far more than declared stop at the declared size.
void TestEtf::compressedBombs()
{
    const QByteArray zeros(16 * 1024 * 1024, '\0');
    const QByteArray stream = qCompress(hex("6d01000000") + zeros, 9).mid(4); // a 16 MiB binary
    QVERIFY(stream.size() < 64 * 1024);

    const auto small = rs::etf::decode(compressedTerm(1000, stream));
    QVERIFY(!small.hasValue());
    QCOMPARE(small.error().message,
             QStringLiteral(
                 "the compressed term declares 1000 bytes uncompressed, but its zlib stream holds more"));

    const auto exact = rs::etf::decode(compressedTerm(5 + 16 * 1024 * 1024, stream));
    QVERIFY2(exact.hasValue(), qPrintable(describe(exact)));
    QCOMPARE(exact->bytes().size(), zeros.size());

    const auto huge = rs::etf::decode(compressedTerm(0xffffffffu, stream));
    QVERIFY(!huge.hasValue());
    QVERIFY(huge.error().message.contains(QStringLiteral("256 MiB")));
}

// Every strict prefix of a term is refused; every one-byte corruption decodes or is refused,
// without a crash (run under -DRELSTUDIO_SANITIZE=ON to catch out-of-bounds reads).
void TestEtf::corruptInputNeverCrashes()
{
    const Term release = T({A("release"), T({S("hello"), S("1.0")}), T({A("erts"), S("13.1.5")}),
                            L({T({A("kernel"), S("8.5.3")}), T({A("café"), B("\x01\x02"), F(0.5)})}, A("x")),
                            M({{I(1), Big("-123456789012345678901234567890")}, {F(1.0), A("αβ")}})});
    const QByteArray plain = rs::etf::encode(release);
    const QByteArray packed = compressed(plain.mid(1), quint32(plain.size() - 1));
    QVERIFY(rs::etf::decode(packed).hasValue());
    for (const QByteArray &bytes : {plain, packed}) {
        for (qsizetype n = 0; n < bytes.size(); ++n)
            QVERIFY2(!rs::etf::decode(bytes.left(n)).hasValue(), qPrintable(QString::number(n)));
        for (qsizetype i = 1; i < bytes.size(); ++i) {
            for (const int value : {0x00, 0x01, 0x7f, 0x80, 0xff, quint8(bytes[i]) ^ 0x10}) {
                QByteArray corrupt = bytes;
                corrupt[i] = char(value);
                const auto decoded = rs::etf::decode(corrupt);
                QVERIFY(decoded.hasValue() || !decoded.error().message.isEmpty());
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestEtf)

#include "tst_etf.moc"
