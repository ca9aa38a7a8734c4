// Oracle: rs::beam must read every module of the installed OTP as beam_lib does: module name,
// exports, imports, local function count, attributes, compile info, beam_lib:md5/1, chunk ids and
// whether debug info and docs are there.
#include "beam/beam_file.h"
#include "beam/beam_info.h"
#include "etf/etf.h"
#include "support/oracle.h"
#include "support/testdata.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using rs::beam::BeamInfo;
using rs::term::Term;

namespace {

QString text(const Term &t)
{
    if (t.isAtom())
        return t.atomName();
    if (t.isInteger())
        return t.toDecimal();
    if (t.isBinary())
        return QString::fromUtf8(t.bytes());
    return QStringLiteral("<term>");
}

// "name/arity" or "module:name/arity" lists, sorted, from erl's [{Name, Arity}] or [{M, F, A}].
QStringList erlFunctions(const Term &list)
{
    QStringList out;
    for (const Term &t : list.elements()) {
        if (t.isTuple(2))
            out << text(t.at(0)) + QLatin1Char('/') + text(t.at(1));
        else if (t.isTuple(3))
            out << text(t.at(0)) + QLatin1Char(':') + text(t.at(1)) + QLatin1Char('/') + text(t.at(2));
        else
            out << QStringLiteral("<bad entry>");
    }
    out.sort();
    return out;
}

QStringList ourExports(const BeamInfo &info)
{
    QStringList out;
    for (const auto &f : info.exports)
        out << f.name + QLatin1Char('/') + QString::number(f.arity);
    out.sort();
    return out;
}

QStringList ourImports(const BeamInfo &info)
{
    QStringList out;
    for (const auto &f : info.imports)
        out << f.module + QLatin1Char(':') + f.name + QLatin1Char('/') + QString::number(f.arity);
    out.sort();
    return out;
}

Term ourAttributes(const BeamInfo &info)
{
    std::vector<Term> pairs;
    for (const auto &[key, value] : info.attributes)
        pairs.push_back(Term::tuple({key, value}));
    return Term::list(std::move(pairs));
}

struct Tally
{
    int files = 0;
    int otp = 0;
    int gzip = 0;
    int withFunT = 0;
    int withLitT = 0;
    int withMeta = 0;
    int withDebugInfo = 0;
    int withDocs = 0;
    qsizetype exports = 0;
    qsizetype attributes = 0;
    qsizetype literals = 0;
    int unrepresentableLiterals = 0;
};

// Empty when our reading of the record's file agrees with erl's, otherwise what differs.
QString check(const Term &record, Tally &tally)
{
    if (!record.isTuple() || record.size() < 3 || !record.at(0).isBinary())
        return QStringLiteral("malformed record");
    const QString path = QString::fromUtf8(record.at(0).bytes());
    if (record.isTuple(3) && record.at(1).isAtom(u"error"))
        return path + QStringLiteral(": beam_lib failed: ") + text(record.at(2));
    if (!record.isTuple(12))
        return path + QStringLiteral(": malformed record");

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return path + QStringLiteral(": cannot open");
    const QByteArray bytes = file.readAll();
    const auto beam = rs::beam::BeamFile::parse(bytes, path);
    if (!beam)
        return beam.error().toString();
    const auto info = rs::beam::readBeamInfo(*beam);
    if (!info)
        return info.error().toString();

    QStringList problems;
    auto expect = [&](bool ok, const QString &what) {
        if (!ok)
            problems << what;
    };
    expect(info->module == record.at(1).atomName(),
           QStringLiteral("module %1, erl says %2").arg(info->module, text(record.at(1))));
    const QStringList exports = ourExports(*info);
    expect(exports == erlFunctions(record.at(2)),
           QStringLiteral("exports differ: ours %1").arg(exports.join(u' ').left(300)));
    expect(ourImports(*info) == erlFunctions(record.at(3)), QStringLiteral("imports differ"));
    const Term &locals = record.at(4);
    expect(locals.isAtom(u"none") ? !info->localFunctionCount.has_value()
                                  : info->localFunctionCount == locals.toInt64(),
           QStringLiteral("local function count %1, erl says %2")
               .arg(info->localFunctionCount ? QString::number(*info->localFunctionCount)
                                             : QStringLiteral("none"),
                    text(locals)));
    expect(ourAttributes(*info) == record.at(5), QStringLiteral("attributes differ"));
    expect(info->compileInfo == record.at(6), QStringLiteral("compile info differs"));
    expect(info->md5 == record.at(7).bytes(), QStringLiteral("md5 %1, erl says %2")
                                                  .arg(QString::fromLatin1(info->md5.toHex()),
                                                       QString::fromLatin1(record.at(7).bytes().toHex())));
    QStringList erlIds;
    for (const Term &id : record.at(8).elements())
        erlIds << QString::fromLatin1(id.bytes());
    QStringList ourIds;
    for (const rs::beam::ChunkSummary &c : info->chunks)
        ourIds << QString::fromLatin1(c.id);
    expect(ourIds == erlIds,
           QStringLiteral("chunks %1, erl says %2").arg(ourIds.join(u' '), erlIds.join(u' ')));
    expect(info->hasDebugInfo == record.at(9).isAtom(u"true"),
           QStringLiteral("debug info %1, erl says %2").arg(info->hasDebugInfo).arg(text(record.at(9))));
    expect(info->hasDocs == record.at(10).isAtom(u"true"), QStringLiteral("docs differ"));
    const auto table = beam->literalTable();
    expect(table.hasValue() && qint64(table->size()) == record.at(11).toInt64(),
           QStringLiteral("literal table: %1 entries, erl says %2 %3")
               .arg(table ? qsizetype(table->size()) : -1)
               .arg(text(record.at(11)), QString::fromUtf8(rs::test::errorOf(table))));
    // The term model has no funs and no bitstrings that are not whole bytes; the compiler does
    // put `fun M:F/A` and such bitstrings into literal tables. Those are the only literals
    // literals() may refuse.
    const auto literals = beam->literals();
    if (!literals) {
        const QString why = literals.error().message;
        expect(why.contains(QStringLiteral("external fun")) || why.contains(QStringLiteral("bitstring")),
               QStringLiteral("literals: ") + why);
        ++tally.unrepresentableLiterals;
    }
    tally.literals += table ? qsizetype(table->size()) : 0;

    ++tally.files;
    tally.otp += path.startsWith(rs::test::otpRoot()) ? 1 : 0;
    tally.gzip += bytes.startsWith("\x1f\x8b") ? 1 : 0;
    tally.withFunT += info->hasChunk("FunT") ? 1 : 0;
    tally.withLitT += info->hasChunk("LitT") ? 1 : 0;
    tally.withMeta += info->hasChunk("Meta") ? 1 : 0;
    tally.withDebugInfo += info->hasDebugInfo ? 1 : 0;
    tally.withDocs += info->hasDocs ? 1 : 0;
    tally.exports += qsizetype(info->exports.size());
    tally.attributes += qsizetype(info->attributes.size());
    return problems.isEmpty() ? QString() : path + QStringLiteral(": ") + problems.join(QStringLiteral("; "));
}

} // namespace

class TestBeamOracle : public QObject
{
    Q_OBJECT

private slots:
    void readsEveryOtpModuleAsBeamLibDoes()
    {
        QTemporaryDir out;
        QVERIFY(out.isValid());
        QElapsedTimer erlTime;
        erlTime.start();
        const rs::test::ErlRun run = rs::test::runErlModule(QStringLiteral("beam_oracle"), {out.path()});
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        const qint64 erlMs = erlTime.elapsed();

        QFile file(out.filePath(QStringLiteral("beams.bin")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto records = rs::etf::decode(file.readAll());
        QVERIFY2(records.hasValue(), rs::test::errorOf(records).constData());
        QVERIFY(records->isProperList());
        QCOMPARE(records->size(), run.out.trimmed().toLongLong());

        QElapsedTimer ourTime;
        ourTime.start();
        Tally tally;
        QStringList mismatches;
        for (const Term &record : records->elements()) {
            if (const QString problem = check(record, tally); !problem.isEmpty())
                mismatches << problem;
        }
        const qint64 ourMs = ourTime.elapsed();
        for (const QString &problem : mismatches)
            qWarning("%s", qPrintable(problem));
        QVERIFY2(mismatches.isEmpty(), qPrintable(QStringLiteral("%1 of %2 files disagree with beam_lib:\n")
                                                      .arg(mismatches.size())
                                                      .arg(records->size()) +
                                                  mismatches.mid(0, 3).join(QLatin1Char('\n'))));
        // The installed OTP has hundreds of modules; all of them must have been compared.
        QVERIFY2(tally.otp >= 500, qPrintable(QString::number(tally.otp)));
        QVERIFY(tally.gzip >= 10);
        QVERIFY(tally.withDocs >= 1);
        qInfo("%d .beam files agree with beam_lib (%d of the installed OTP, %d gzip-compressed by "
              "beam_lib:strip_files): module, %lld exports, imports, locals, %lld attributes, compile "
              "info, md5, chunk ids, debug info (%d), docs (%d), %lld literals; %d with FunT, %d with "
              "LitT (%d holding funs or bitstrings the term model has not), %d with Meta. erl took "
              "%lld ms, reading them here %lld ms",
              tally.files, tally.otp, tally.gzip, static_cast<long long>(tally.exports),
              static_cast<long long>(tally.attributes), tally.withDebugInfo, tally.withDocs,
              static_cast<long long>(tally.literals), tally.withFunT, tally.withLitT,
              tally.unrepresentableLiterals, tally.withMeta, static_cast<long long>(erlMs),
              static_cast<long long>(ourMs));
    }
};

QTEST_GUILESS_MAIN(TestBeamOracle)
#include "tst_beam_oracle.moc"
