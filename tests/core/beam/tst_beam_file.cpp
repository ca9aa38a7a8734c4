// The BEAM reader: modules compiled by erlc at test time (variants that must or must not count as
// a code change), and truncated or hostile files, which must give findings and never crash.
#include "beam/beam_file.h"
#include "beam/beam_info.h"
#include "support/oracle.h"
#include "support/testdata.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <algorithm>

using rs::beam::BeamFile;
using rs::beam::BeamInfo;
using rs::beam::Chunk;
using rs::term::Term;

namespace {

// The module most variants change one thing of: a behaviour, a fun (FunT), literals (LitT),
// imports and local functions.
const char BaseSource[] = R"(-module(m).
-behaviour(supervisor).
-export([a/1, b/0, c/0, init/1]).
%% a comment
a(X) -> X + 1.
b() -> fun(Y) -> Y * 2 end.
c() -> {<<"literal">>, [1, 2, 3], "text", helper(3)}.
init(_) -> ignore.
helper(N) -> lists:seq(1, N).
)";

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Compiles `source` (module m unless `module` says otherwise) in a fresh directory under `root`
// with erlc and the options; the .beam's path, or an empty string with `error` set.
QString compile(const QString &root, const QByteArray &source, const QStringList &options, QString &error,
                const QString &module = QStringLiteral("m"))
{
    static int counter = 0;
    const QString dir = root + QStringLiteral("/v%1").arg(++counter);
    const QString erl = dir + QLatin1Char('/') + module + QStringLiteral(".erl");
    if (!QDir().mkpath(dir) || !writeFile(erl, source)) {
        error = QStringLiteral("cannot write ") + erl;
        return {};
    }
    QProcess erlc;
    erlc.setProcessChannelMode(QProcess::MergedChannels);
    erlc.setWorkingDirectory(dir);
    erlc.start(QStringLiteral(RELSTUDIO_ERLC),
               QStringList{QStringLiteral("-W0")} + options + QStringList{QStringLiteral("-o"), dir, erl});
    if (!erlc.waitForFinished(120000) || erlc.exitStatus() != QProcess::NormalExit || erlc.exitCode() != 0) {
        error = QStringLiteral("erlc failed: ") + QString::fromUtf8(erlc.readAll());
        return {};
    }
    return dir + QLatin1Char('/') + module + QStringLiteral(".beam");
}

QByteArray u32(quint32 value)
{
    QByteArray bytes(4, '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}

// A .beam container of these chunks, as the compiler lays it out.
QByteArray buildBeam(const std::vector<Chunk> &chunks)
{
    QByteArray body("BEAM");
    for (const Chunk &c : chunks) {
        body += c.id + u32(quint32(c.data.size())) + c.data;
        body += QByteArray((4 - c.data.size() % 4) % 4, '\0');
    }
    return "FOR1" + u32(quint32(body.size())) + body;
}

// The container with one chunk's data replaced (or the chunk dropped when `data` is null, or
// added at the end when absent).
QByteArray withChunk(const QByteArray &beam, QByteArrayView id, const QByteArray &data)
{
    const auto parsed = BeamFile::parse(beam, QStringLiteral("base"));
    if (!parsed)
        return {};
    std::vector<Chunk> chunks;
    bool replaced = false;
    for (const Chunk &c : parsed->chunks()) {
        if (c.id != id) {
            chunks.push_back(c);
        } else if (!data.isNull()) {
            chunks.push_back({c.id, data});
            replaced = true;
        } else {
            replaced = true;
        }
    }
    if (!replaced)
        chunks.push_back({id.toByteArray(), data});
    return buildBeam(chunks);
}

// The offset of a chunk's header in a container.
qsizetype chunkOffset(const QByteArray &beam, QByteArrayView id)
{
    qsizetype at = 12;
    while (at + 8 <= beam.size()) {
        if (QByteArrayView(beam).sliced(at, 4) == id)
            return at;
        at += 8 + ((qFromBigEndian<quint32>(beam.constData() + at + 4) + 3) & ~3u);
    }
    return -1;
}

// beam_asm:encode(?tag_u, N): the compact encoding of OTP 28's atom lengths.
QByteArray compactUnsigned(quint32 n)
{
    if (n < 16)
        return QByteArray(1, char(n << 4));
    if (n < 0x800)
        return QByteArray{1, char(((n >> 3) & 0xe0) | 0x08)} + char(n & 0xff);
    QByteArray digits;
    for (quint32 v = n; v != 0; v >>= 8)
        digits.prepend(char(v & 0xff));
    if (quint8(digits[0]) & 0x80)
        digits.prepend('\0');
    return QByteArray(1, char(((digits.size() - 2) << 5) | 0x18)) + digits;
}

// The 16 bytes of the compiler's default -vsn: [Integer] with the MD5 as a big-endian integer.
QByteArray vsnAsMd5(const BeamInfo &info)
{
    const auto vsn = info.vsn();
    if (!vsn || !vsn->isProperList() || vsn->size() != 1 || !vsn->at(0).isInteger())
        return {};
    QByteArray digits = vsn->at(0).magnitude(); // little-endian
    std::reverse(digits.begin(), digits.end());
    return QByteArray(16 - std::min<qsizetype>(16, digits.size()), '\0') + digits.right(16);
}

QStringList exportNames(const BeamInfo &info)
{
    QStringList names;
    for (const auto &f : info.exports)
        names << f.name + QLatin1Char('/') + QString::number(f.arity);
    names.sort();
    return names;
}

} // namespace

class TestBeamFile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_basePath;
    QByteArray m_base;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_basePath = compile(m_dir.path(), BaseSource, {}, error);
        QVERIFY2(!m_basePath.isEmpty(), qPrintable(error));
        m_base = readFile(m_basePath);
        QVERIFY(m_base.size() > 100);
    }

    void readsWhatTheModuleIs()
    {
        const auto info = rs::beam::readBeamInfo(m_basePath);
        QVERIFY2(info.hasValue(), rs::test::errorOf(info).constData());
        QCOMPARE(info->fileName, m_basePath);
        QCOMPARE(info->module, QStringLiteral("m"));
        QCOMPARE(exportNames(*info),
                 QStringList({QStringLiteral("a/1"), QStringLiteral("b/0"), QStringLiteral("c/0"),
                              QStringLiteral("init/1"), QStringLiteral("module_info/0"),
                              QStringLiteral("module_info/1")}));
        auto imported = [&](const char *m, const char *f, int arity) {
            return std::any_of(info->imports.begin(), info->imports.end(), [&](const auto &i) {
                return i.module == QLatin1String(m) && i.name == QLatin1String(f) && i.arity == arity;
            });
        };
        QVERIFY(imported("lists", "seq", 2));
        QVERIFY(imported("erlang", "get_module_info", 1));
        // helper/1 and the fun in b/0 are local functions.
        QVERIFY(info->localFunctionCount.has_value());
        QVERIFY(*info->localFunctionCount >= 2);
        QCOMPARE(info->behaviours(), QStringList{QStringLiteral("supervisor")});
        QCOMPARE(info->md5.size(), 16);
        QCOMPARE(vsnAsMd5(*info), info->md5); // the compiler's default -vsn is beam_lib:md5
        QVERIFY(info->compileInfo.isProperList());
        QVERIFY(std::any_of(info->compileInfo.elements().begin(), info->compileInfo.elements().end(),
                            [](const Term &t) { return t.isTuple(2) && t.at(0).isAtom(u"version"); }));
        for (const char *id :
             {"AtU8", "Code", "StrT", "ImpT", "ExpT", "FunT", "LitT", "LocT", "Attr", "CInf"})
            QVERIFY2(info->hasChunk(id), id);
        QVERIFY(!info->hasDebugInfo);
        QVERIFY(!info->hasDocs);

        const auto beam = BeamFile::read(m_basePath);
        QVERIFY(beam.hasValue());
        QCOMPARE(*rs::beam::moduleMd5(*beam), info->md5);
        const auto literals = beam->literals();
        QVERIFY2(literals.hasValue(), rs::test::errorOf(literals).constData());
        QVERIFY(std::any_of(literals->begin(), literals->end(),
                            [](const Term &t) { return t == Term::binary("literal"); }));
    }

    void attributes()
    {
        QString error;
        const QString path = compile(m_dir.path(),
                                     "-module(attrs).\n-behaviour(gen_server).\n-behavior(application).\n"
                                     "-behaviour(supervisor).\n-behaviour(gen_server).\n-vsn(\"1.2\").\n"
                                     "-custom(x).\n-custom([y, z]).\n-other({1, 2}).\n",
                                     {}, error, QStringLiteral("attrs"));
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        const auto info = rs::beam::readBeamInfo(path);
        QVERIFY2(info.hasValue(), rs::test::errorOf(info).constData());
        QCOMPARE(info->behaviours(), QStringList({QStringLiteral("gen_server"), QStringLiteral("supervisor"),
                                                  QStringLiteral("application")}));
        QCOMPARE(info->vsn(), std::optional<Term>(Term::string(u"1.2")));
        const Term *custom = info->attribute(u"custom");
        QVERIFY(custom);
        QCOMPARE(*custom, Term::list({Term::atom(QStringLiteral("x")), Term::atom(QStringLiteral("y")),
                                      Term::atom(QStringLiteral("z"))}));
        QVERIFY(info->attribute(u"other"));
        QCOMPARE(*info->attribute(u"other"), Term::list({Term::tuple({Term::integer(1), Term::integer(2)})}));
        QVERIFY(!info->attribute(u"missing"));
        // Keys come in term order, as beam_lib gives them.
        QVERIFY(std::is_sorted(info->attributes.begin(), info->attributes.end(),
                               [](const auto &a, const auto &b) { return a.first < b.first; }));
        // An explicit -vsn is kept; the md5 is then only in beam_lib:md5.
        QCOMPARE(info->md5.size(), 16);
        QVERIFY(vsnAsMd5(*info).isEmpty());
    }

    void sameCode_data()
    {
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<bool>("same");
        const QByteArray base(BaseSource);
        auto edit = [&](const char *from, const char *to) {
            QByteArray s = base;
            s.replace(from, to);
            return s;
        };
        QTest::newRow("recompiled") << base << QStringList{} << true;
        QTest::newRow("+debug_info") << base << QStringList{QStringLiteral("+debug_info")} << true;
        QTest::newRow("+deterministic +debug_info")
            << base << QStringList{QStringLiteral("+deterministic"), QStringLiteral("+debug_info")} << true;
        QTest::newRow("other options in CInf")
            << base << QStringList{QStringLiteral("-DUNUSED=1"), QStringLiteral("+report_warnings")} << true;
        QTest::newRow("+slim: no LocT, CInf, Line") << base << QStringList{QStringLiteral("+slim")} << true;
        QTest::newRow("comment shifts every line")
            << edit("%% a comment\n", "%% a comment\n%% and another\n\n%% and a third\n") << QStringList{}
            << true;
        QTest::newRow("attributes only")
            << edit("-behaviour(supervisor).", "-behavior(supervisor).\n-custom(x).") << QStringList{}
            << true;
        QTest::newRow("explicit -vsn")
            << edit("-behaviour(supervisor).", "-behaviour(supervisor).\n-vsn(\"2\").") << QStringList{}
            << true;
        QTest::newRow("function body") << edit("X + 1", "X + 2") << QStringList{} << false;
        QTest::newRow("export removed") << edit("c/0, ", "") << QStringList{} << false;
        QTest::newRow("export added") << edit("init/1]", "init/1, helper/1]") << QStringList{} << false;
        QTest::newRow("literal") << edit("\"text\"", "\"texts\"") << QStringList{} << false;
        QTest::newRow("fun body") << edit("Y * 2", "Y * 3") << QStringList{} << false;
        QTest::newRow("import") << edit("lists:seq(1, N)", "lists:seq(0, N)") << QStringList{} << false;
        QTest::newRow("new import") << edit("lists:seq(1, N)", "lists:reverse(lists:seq(1, N))")
                                    << QStringList{} << false;
        QTest::newRow("feature enabled (Meta)")
            << edit("-module(m).", "-module(m).\n-feature(maybe_expr, enable).") << QStringList{} << false;
    }

    void sameCode()
    {
        QFETCH(QByteArray, source);
        QFETCH(QStringList, options);
        QFETCH(bool, same);
        QString error;
        const QString path = compile(m_dir.path(), source, options, error);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        const auto base = rs::beam::readBeamInfo(m_basePath);
        const auto variant = rs::beam::readBeamInfo(path);
        QVERIFY2(base.hasValue(), rs::test::errorOf(base).constData());
        QVERIFY2(variant.hasValue(), rs::test::errorOf(variant).constData());
        QCOMPARE(rs::beam::sameCode(*base, *variant), same);
        QCOMPARE(rs::beam::sameCode(*variant, *base), same);
        QVERIFY(rs::beam::sameCode(*variant, *variant));
        QCOMPARE(variant->hasDebugInfo, options.contains(QStringLiteral("+debug_info")));
        if (!source.contains("-vsn(")) // the compiler's default -vsn is the MD5
            QCOMPARE(vsnAsMd5(*variant), variant->md5);
        if (QTest::currentDataTag() == QByteArray("comment shifts every line")) {
            // Only the line table differs.
            const auto a = BeamFile::read(m_basePath);
            const auto b = BeamFile::read(path);
            QVERIFY(a && b && a->chunk("Line") && b->chunk("Line"));
            QVERIFY(a->chunk("Line")->data != b->chunk("Line")->data);
            QCOMPARE(a->chunk("Code")->data, b->chunk("Code")->data);
        }
    }

    void otherModuleIsNotTheSameCode()
    {
        QString error;
        QByteArray source(BaseSource);
        source.replace("-module(m).", "-module(n).");
        const QString path = compile(m_dir.path(), source, {}, error, QStringLiteral("n"));
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        const auto a = rs::beam::readBeamInfo(m_basePath);
        const auto b = rs::beam::readBeamInfo(path);
        QVERIFY(a && b);
        QVERIFY(!rs::beam::sameCode(*a, *b));
        QVERIFY(!rs::beam::sameCode(BeamInfo{}, BeamInfo{})); // no digest, nothing to compare
    }

    void docsChunkIsNoCodeChange()
    {
        const QByteArray withDocs = withChunk(m_base, "Docs", QByteArray("\x83j", 2)); // []
        const auto beam = BeamFile::parse(withDocs, QStringLiteral("docs.beam"));
        QVERIFY2(beam.hasValue(), rs::test::errorOf(beam).constData());
        const auto info = rs::beam::readBeamInfo(*beam);
        QVERIFY2(info.hasValue(), rs::test::errorOf(info).constData());
        QVERIFY(info->hasDocs);
        const auto base = rs::beam::readBeamInfo(m_basePath);
        QVERIFY(base && rs::beam::sameCode(*base, *info));
    }

    void debugInfoFromTheDbgiChunk_data()
    {
        QTest::addColumn<QByteArray>("dbgi");
        QTest::addColumn<bool>("code");
        // {debug_info_v1, erl_abstract_code, {none, []}}, as erlc without +debug_info writes it
        const QByteArray none = QByteArray::fromHex("83680364000d64656275675f696e666f5f7631640011"
                                                    "65726c5f61627374726163745f636f646568026400046e6f6e656a");
        QTest::newRow("none") << none << false;
        QTest::newRow("empty") << QByteArray("") << false;
        QTest::newRow("encrypted") << QByteArray::fromHex("0003646573abcdef") << true;
        QByteArray some = none;
        some.replace("none", "nonf");
        QTest::newRow("abstract code") << some << true;
        QTest::newRow("garbage") << QByteArray("\x83\xff garbage") << true;
    }

    void debugInfoFromTheDbgiChunk()
    {
        QFETCH(QByteArray, dbgi);
        QFETCH(bool, code);
        const auto beam = BeamFile::parse(withChunk(m_base, "Dbgi", dbgi), QStringLiteral("dbgi.beam"));
        QVERIFY(beam.hasValue());
        const auto info = rs::beam::readBeamInfo(*beam);
        QVERIFY2(info.hasValue(), rs::test::errorOf(info).constData());
        QCOMPARE(info->hasDebugInfo, code);
    }

    void compressedDebugInfo()
    {
        // +debug_info writes term_to_binary(..., [compressed]): a real term there, and with
        // +debug_info the compressed form of {none, ...} never happens, so compress a big `none`.
        QString error;
        const QString path = compile(m_dir.path(), BaseSource, {QStringLiteral("+debug_info")}, error);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        const auto beam = BeamFile::read(path);
        QVERIFY(beam && beam->chunk("Dbgi"));
        QCOMPARE(quint8(beam->chunk("Dbgi")->data[1]), quint8(80)); // compressed
        const auto info = rs::beam::readBeamInfo(*beam);
        QVERIFY(info && info->hasDebugInfo);
        const rs::test::ErlRun run = rs::test::evalErl(
            QStringLiteral("io:format(\"~s\", [binary:encode_hex(term_to_binary({debug_info_v1, "
                           "erl_abstract_code, {none, lists:duplicate(100, {cwd, \"/a/b/c\"})}}, "
                           "[compressed]))])"));
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        const QByteArray noneCompressed = QByteArray::fromHex(run.out.trimmed());
        QCOMPARE(quint8(noneCompressed[1]), quint8(80));
        const auto none = BeamFile::parse(withChunk(m_base, "Dbgi", noneCompressed), QStringLiteral("x"));
        QVERIFY(none);
        const auto noneInfo = rs::beam::readBeamInfo(*none);
        QVERIFY(noneInfo && !noneInfo->hasDebugInfo);
    }

    void strippedModulesAreGzipped()
    {
        // beam_lib:strip/1 keeps only the chunks that matter and gzips the file.
        const QString path = m_dir.filePath(QStringLiteral("stripped/m.beam"));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("stripped"))));
        QVERIFY(QFile::copy(m_basePath, path));
        const rs::test::ErlRun run =
            rs::test::evalErl(QStringLiteral("{ok, _} = beam_lib:strip(\"%1\")").arg(path));
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        const QByteArray bytes = readFile(path);
        QVERIFY(bytes.startsWith("\x1f\x8b"));
        const auto stripped = rs::beam::readBeamInfo(path);
        QVERIFY2(stripped.hasValue(), rs::test::errorOf(stripped).constData());
        const auto base = rs::beam::readBeamInfo(m_basePath);
        QVERIFY(base.hasValue());
        QVERIFY(rs::beam::sameCode(*base, *stripped));
        QCOMPARE(stripped->md5, base->md5);
        QCOMPARE(exportNames(*stripped), exportNames(*base));
        QVERIFY(!stripped->localFunctionCount.has_value());
        QVERIFY(!stripped->hasChunk("CInf"));

        // Every truncation of the gzip stream is an error too.
        for (qsizetype n = 0; n < bytes.size(); ++n) {
            const auto cut = BeamFile::parse(bytes.left(n), QStringLiteral("cut.beam"));
            QVERIFY2(!cut.hasValue(), qPrintable(QString::number(n)));
            QVERIFY(!cut.error().message.isEmpty());
        }
    }

    void otp28AtomTable()
    {
        // OTP 28 negates the count and encodes lengths compactly (1 byte below 16, 2 below 2048).
        const QString longName = QStringLiteral("a_module_with_a_rather_long_name");
        const QString unicode = QString(300, QChar(0x3b1)); // 600 bytes of UTF-8
        QByteArray table = u32(quint32(-4));
        for (const QString &atom : {longName, QStringLiteral("f"), unicode}) {
            const QByteArray utf8 = atom.toUtf8();
            table += compactUnsigned(quint32(utf8.size())) + utf8;
        }
        table += QByteArray::fromHex("180003") + "abc"; // a 3 in the 2-byte form: still valid
        const auto beam = BeamFile::parse(buildBeam({{"AtU8", table}}), QStringLiteral("otp28.beam"));
        QVERIFY(beam.hasValue());
        const auto atoms = beam->atoms();
        QVERIFY2(atoms.hasValue(), rs::test::errorOf(atoms).constData());
        QCOMPARE(*atoms, QStringList({longName, QStringLiteral("f"), unicode, QStringLiteral("abc")}));
        QCOMPARE(*beam->moduleName(), longName);

        // A whole module: the compiled one with its atom table rewritten.
        const auto base = BeamFile::parse(m_base, QStringLiteral("base"));
        QVERIFY(base.hasValue());
        const auto baseAtoms = base->atoms();
        QVERIFY(baseAtoms.hasValue());
        QByteArray rewritten = u32(quint32(-baseAtoms->size()));
        for (const QString &atom : *baseAtoms)
            rewritten += compactUnsigned(quint32(atom.toUtf8().size())) + atom.toUtf8();
        const auto info = rs::beam::readBeamInfo(
            *BeamFile::parse(withChunk(m_base, "AtU8", rewritten), QStringLiteral("otp28.beam")));
        QVERIFY2(info.hasValue(), rs::test::errorOf(info).constData());
        QCOMPARE(info->module, QStringLiteral("m"));
        QCOMPARE(exportNames(*info), exportNames(*rs::beam::readBeamInfo(m_basePath)));

        // Truncated or malformed lengths.
        for (const QByteArray &bad : {QByteArray::fromHex("fffffffe"
                                                          "08"), // 2-byte form cut
                                      QByteArray::fromHex("ffffffff"
                                                          "f8000000"), // 9+ byte form
                                      QByteArray::fromHex("ffffffff"
                                                          "01"), // not the u tag
                                      QByteArray::fromHex("ffffffff"
                                                          "50616263")}) { // 5 > 3 bytes
            const auto b = BeamFile::parse(buildBeam({{"AtU8", bad}}), QStringLiteral("bad.beam"));
            QVERIFY(b.hasValue());
            QVERIFY2(!b->atoms().hasValue(), bad.toHex().constData());
        }
    }

    void truncatedAtEveryLength()
    {
        for (qsizetype n = 0; n < m_base.size(); ++n) {
            const auto beam = BeamFile::parse(m_base.left(n), QStringLiteral("cut.beam"));
            QVERIFY2(!beam.hasValue(),
                     qPrintable(QStringLiteral("%1 of %2 bytes read").arg(n).arg(m_base.size())));
            QVERIFY(!beam.error().message.isEmpty());
            QCOMPARE(beam.error().location.file, QStringLiteral("cut.beam"));
            QVERIFY(beam.error().isError());
        }
        // The same through the file.
        const QString path = m_dir.filePath(QStringLiteral("cut.beam"));
        QVERIFY(writeFile(path, m_base.left(m_base.size() / 2)));
        const auto info = rs::beam::readBeamInfo(path);
        QVERIFY(!info.hasValue());
        QCOMPARE(info.error().location.file, path);
        QVERIFY2(info.error().message.contains(QStringLiteral("truncated")),
                 qPrintable(info.error().message));
    }

    void hostile_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message"); // a part of the error's message
        QTest::addColumn<bool>("literals");   // the error comes from literals(), not readBeamInfo()

        QByteArray b = m_base;
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not a BEAM file") << false;
        b = m_base;
        b.replace(0, 4, "FOR2");
        QTest::newRow("wrong magic") << b << QStringLiteral("not a BEAM file") << false;
        b = m_base;
        b.replace(8, 4, "BEAN");
        QTest::newRow("wrong form type") << b << QStringLiteral("not a BEAM file") << false;
        QTest::newRow("gzip garbage")
            << QByteArray("\x1f\x8b\x08\x00garbage") << QStringLiteral("gzip") << false;
        b = m_base;
        qToBigEndian(quint32(2), b.data() + 4);
        QTest::newRow("form size too small") << b << QStringLiteral("form of 2 bytes") << false;
        b = m_base;
        qToBigEndian(quint32(0xfffffff0), b.data() + 4);
        QTest::newRow("form size past the end") << b << QStringLiteral("truncated") << false;

        b = m_base;
        qToBigEndian(quint32(0xfffffff0), b.data() + chunkOffset(b, "Code") + 4);
        QTest::newRow("chunk size past the end") << b << QStringLiteral("chunk Code at byte") << false;
        b = m_base + QByteArray(4, 'x');
        qToBigEndian(quint32(b.size() - 8), b.data() + 4);
        QTest::newRow("stray bytes after the chunks") << b << QStringLiteral("stray bytes") << false;

        QTest::newRow("no Code chunk")
            << withChunk(m_base, "Code", QByteArray()) << QStringLiteral("no Code chunk") << false;
        QTest::newRow("no atom table")
            << withChunk(m_base, "AtU8", QByteArray()) << QStringLiteral("no atom table") << false;
        QTest::newRow("empty atom table")
            << withChunk(m_base, "AtU8", u32(0)) << QStringLiteral("empty atom table") << false;
        QTest::newRow("atom count huge") << withChunk(m_base, "AtU8", u32(0x7fffffff) + "\x01m")
                                         << QStringLiteral("declares 2147483647 atoms") << false;
        QTest::newRow("atom past the end")
            << withChunk(m_base, "AtU8", u32(1) + "\x09m") << QStringLiteral("truncated atom table") << false;

        const auto parsed = BeamFile::parse(m_base, {});
        QVERIFY(parsed && parsed->chunk("ExpT") && parsed->chunk("LitT"));
        const Chunk *expt = parsed->chunk("ExpT");
        QByteArray exports = expt->data;
        qToBigEndian(quint32(100000), exports.data() + 4);
        QTest::newRow("export names no atom")
            << withChunk(m_base, "ExpT", exports) << QStringLiteral("names atom 100000") << false;
        exports = expt->data;
        qToBigEndian(quint32(256), exports.data() + 8);
        QTest::newRow("export arity 256")
            << withChunk(m_base, "ExpT", exports) << QStringLiteral("arity 256") << false;
        exports = expt->data;
        qToBigEndian(quint32(99), exports.data());
        QTest::newRow("export count wrong")
            << withChunk(m_base, "ExpT", exports) << QStringLiteral("declares 99 entries") << false;
        QTest::newRow("export table ragged")
            << withChunk(m_base, "ExpT", expt->data + "xy") << QStringLiteral("no whole table") << false;
        QTest::newRow("import table empty")
            << withChunk(m_base, "ImpT", QByteArray("")) << QStringLiteral("corrupt ImpT") << false;
        QTest::newRow("Attr not a term") << withChunk(m_base, "Attr", QByteArray("\x83zzz"))
                                         << QStringLiteral("corrupt Attr chunk") << false;
        QTest::newRow("Attr not a list")
            << withChunk(m_base, "Attr", QByteArray("\x83\x61\x01")) << QStringLiteral("not a list") << false;
        QTest::newRow("Attr element no pair")
            << withChunk(m_base, "Attr", QByteArray("\x83l\0\0\0\x01\x61\x01j", 9))
            << QStringLiteral("not a {Key, Value} pair") << false;
        // [{k, a}, {k, [b]}]: lists:append([a, [b]]) fails in beam_lib too.
        QTest::newRow("Attr repeated key, no list")
            << withChunk(
                   m_base, "Attr",
                   QByteArray("\x83l\0\0\0\x02h\x02w\x01kw\x01\x61h\x02w\x01kl\0\0\0\x01w\x01\x62jj", 29))
            << QStringLiteral("repeats with a value that is no list") << false;
        QTest::newRow("CInf not a term")
            << withChunk(m_base, "CInf", QByteArray("\x83")) << QStringLiteral("corrupt CInf chunk") << false;

        const QByteArray litt = parsed->chunk("LitT")->data;
        QByteArray l = litt;
        qToBigEndian(quint32(0xffffffff), l.data());
        QTest::newRow("LitT declares 4 GiB")
            << withChunk(m_base, "LitT", l) << QStringLiteral("more than a module can have") << true;
        qToBigEndian(quint32(60 * 1024 * 1024), l.data());
        QTest::newRow("LitT declares 60 MiB")
            << withChunk(m_base, "LitT", l) << QStringLiteral("compressed bytes can hold") << true;
        l = litt;
        qToBigEndian(qFromBigEndian<quint32>(l.constData()) + 1, l.data());
        QTest::newRow("LitT declares a byte more")
            << withChunk(m_base, "LitT", l) << QStringLiteral("decompress") << true;
        QTest::newRow("LitT stream cut")
            << withChunk(m_base, "LitT", litt.left(litt.size() - 3)) << QStringLiteral("decompress") << true;
        QTest::newRow("LitT too short") << withChunk(m_base, "LitT", QByteArray("\0\0", 2))
                                        << QStringLiteral("truncated literal table") << true;
        QTest::newRow("LitT uncompressed, count huge")
            << withChunk(m_base, "LitT", u32(0) + u32(0xffffff))
            << QStringLiteral("declares 16777215 literals") << true;
        QTest::newRow("LitT uncompressed, literal past the end")
            << withChunk(m_base, "LitT", u32(0) + u32(1) + u32(100) + "\x83j")
            << QStringLiteral("truncated literal table") << true;
        QTest::newRow("LitT uncompressed, bad term")
            << withChunk(m_base, "LitT", u32(0) + u32(1) + u32(2) + "\x83z") << QStringLiteral("literal 0")
            << true;
    }

    void hostile()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QFETCH(bool, literals);
        const QString name = QStringLiteral("hostile.beam");
        const auto beam = BeamFile::parse(bytes, name);
        QString got;
        if (!beam) {
            got = beam.error().message;
            QCOMPARE(beam.error().location.file, name);
        } else if (literals) {
            QVERIFY2(rs::beam::readBeamInfo(*beam).hasValue(), "only the literal table is broken");
            const auto table = beam->literals();
            QVERIFY(!table.hasValue());
            got = table.error().message;
            QCOMPARE(table.error().location.file, name);
        } else {
            const auto info = rs::beam::readBeamInfo(*beam);
            QVERIFY(!info.hasValue());
            got = info.error().message;
            QCOMPARE(info.error().location.file, name);
        }
        QVERIFY2(got.contains(message), qPrintable(got));
    }

    void corruptedBytesNeverCrash()
    {
        // Every byte inverted, and every aligned word set to a huge value: findings or values,
        // never a crash (the sanitizer build checks the reads).
        int failures = 0;
        auto tryAll = [&](const QByteArray &bytes) {
            const auto beam = BeamFile::parse(bytes, QStringLiteral("corrupt.beam"));
            if (!beam) {
                ++failures;
                return;
            }
            const auto info = rs::beam::readBeamInfo(*beam);
            const auto literals = beam->literals();
            failures += info.hasValue() && literals.hasValue() ? 0 : 1;
        };
        for (qsizetype i = 0; i < m_base.size(); ++i) {
            QByteArray b = m_base;
            b[i] = char(~b[i]);
            tryAll(b);
            if (i % 4 == 0 && i + 4 <= b.size()) {
                b = m_base;
                qToBigEndian(quint32(0x7ffffff0), b.data() + i);
                tryAll(b);
            }
        }
        QVERIFY(failures > 0);
    }
};

QTEST_GUILESS_MAIN(TestBeamFile)
#include "tst_beam_file.moc"
