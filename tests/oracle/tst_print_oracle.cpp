// Oracle: the printers must print what io_lib:format prints with ~w, ~tw, ~tp and ~p, byte for
// byte, for thousands of random terms, for every term of OTP's own .app, .rel and .script files, and
// with other line lengths, columns, depths, encodings and string detection.
#include "etf/etf.h"
#include "support/oracle.h"
#include "support/testdata.h"
#include "term/pretty.h"
#include "term/reader.h"
#include "term/writer.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <functional>

using rs::term::Encoding;
using rs::term::PrettyOptions;
using rs::term::Term;

namespace {

// The seed and size of print_oracle's random terms; fixed so that a failure reproduces.
const QString Seed = QStringLiteral("20250101");
const QString Count = QStringLiteral("3000");
constexpr int MaxReported = 20;

// Splits a file of records made of `fieldCount` fields, each a 32-bit big-endian size and the bytes.
bool parseRecords(const QByteArray &data, int fieldCount, std::vector<std::vector<QByteArray>> &records)
{
    qsizetype pos = 0;
    while (pos < data.size()) {
        std::vector<QByteArray> fields;
        for (int i = 0; i < fieldCount; ++i) {
            if (data.size() - pos < 4)
                return false;
            const auto size = qsizetype(qFromBigEndian<quint32>(data.constData() + pos));
            pos += 4;
            if (data.size() - pos < size)
                return false;
            fields.push_back(data.mid(pos, size));
            pos += size;
        }
        records.push_back(std::move(fields));
    }
    return true;
}

bool readRecords(const QString &path, int fieldCount, std::vector<std::vector<QByteArray>> &records)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && parseRecords(file.readAll(), fieldCount, records) &&
           !records.empty();
}

struct Printer
{
    const char *format;
    std::function<QString(const Term &)> print;
};

const std::vector<Printer> &standardPrinters()
{
    static const std::vector<Printer> printers = {
        {"~w", [](const Term &t) { return rs::term::writeTerm(t, Encoding::Latin1); }},
        {"~tw", [](const Term &t) { return rs::term::writeTerm(t, Encoding::Unicode); }},
        {"~tp", [](const Term &t) { return rs::term::prettyTerm(t); }},
        {"~p", [](const Term &t) {
             PrettyOptions options;
             options.encoding = Encoding::Latin1;
             return rs::term::prettyTerm(t, options);
         }}};
    return printers;
}

// Collects the failures of one comparison run and reports the first few in full.
class Mismatches
{
public:
    void add(const QString &what, const QByteArray &term, const QByteArray &erl, const QByteArray &ours)
    {
        if (m_reports.size() < MaxReported) {
            m_reports << QStringLiteral("%1\n  term: %2\n  erl:\n%3\n  ours:\n%4")
                             .arg(what, QString::fromUtf8(term.left(600)), QString::fromUtf8(erl.left(2000)),
                                  QString::fromUtf8(ours.left(2000)));
        }
        ++m_count;
    }
    int count() const { return m_count; }
    QString report(qsizetype comparisons) const
    {
        return QStringLiteral("%1 of %2 comparisons differ; the first %3:\n")
                   .arg(m_count)
                   .arg(comparisons)
                   .arg(m_reports.size()) +
               m_reports.join(QStringLiteral("\n\n"));
    }

private:
    QStringList m_reports;
    int m_count = 0;
};

// Compares the four standard printers on records <<Label, Etf, W, TW, TP, P>>.
void compareStandardRecords(const std::vector<std::vector<QByteArray>> &records, Mismatches &mismatches,
                            qsizetype &comparisons)
{
    for (const auto &record : records) {
        const auto term = rs::etf::decode(record[1]);
        if (!term) {
            mismatches.add(QString::fromUtf8(record[0]) + QStringLiteral(": decode failed: ") +
                               term.error().message,
                           record[2], {}, {});
            continue;
        }
        for (size_t i = 0; i < standardPrinters().size(); ++i) {
            const Printer &printer = standardPrinters()[i];
            const QByteArray ours = printer.print(*term).toUtf8();
            ++comparisons;
            if (ours != record[2 + i]) {
                mismatches.add(QString::fromUtf8(record[0]) + QLatin1Char(' ') +
                                   QLatin1String(printer.format),
                               record[2], record[2 + i], ours);
            }
        }
    }
}

// "ll=L col=C depth=D enc=unicode|latin1 strings=true|false", as print_oracle labels its variants.
bool optionsFromLabel(const QByteArray &label, PrettyOptions &options)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^ll=(-?\\d+) col=(-?\\d+) depth=(-?\\d+) enc=(unicode|latin1) strings=(true|false)$"));
    const QRegularExpressionMatch match = pattern.match(QString::fromUtf8(label));
    if (!match.hasMatch())
        return false;
    options.lineLength = match.captured(1).toInt();
    options.column = match.captured(2).toInt();
    options.depth = match.captured(3).toInt();
    options.encoding = match.captured(4) == QLatin1String("unicode") ? Encoding::Unicode : Encoding::Latin1;
    options.strings = match.captured(5) == QLatin1String("true");
    return true;
}

QStringList otpScriptFiles()
{
    QStringList files;
    const QDir releases(rs::test::otpRoot() + QStringLiteral("/releases"));
    for (const QString &release : releases.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QDir dir(releases.filePath(release));
        for (const QString &file : dir.entryList({QStringLiteral("*.script")}, QDir::Files))
            files << dir.filePath(file);
    }
    return files;
}

} // namespace

class TestPrintOracle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_out.isValid());
        const rs::test::ErlRun run =
            rs::test::runErlModule(QStringLiteral("print_oracle"), {m_out.path(), Seed, Count});
        QVERIFY2(run.ok(), qPrintable(run.describe()));
    }

    void printsRandomTermsAsOtp() { compareStandardFile(QStringLiteral("random.bin"), 3 * Count.toInt()); }

    void printsOtpFilesAsOtp() { compareStandardFile(QStringLiteral("files.bin"), 30); }

    void printsWithOtherOptionsAsOtp()
    {
        std::vector<std::vector<QByteArray>> records;
        QVERIFY2(readRecords(m_out.filePath(QStringLiteral("variants.bin")), 3, records),
                 "variants.bin is missing or malformed");
        QCOMPARE(qsizetype(records.size()), Count.toLongLong());
        Mismatches mismatches;
        for (const auto &record : records) {
            PrettyOptions options;
            QVERIFY2(optionsFromLabel(record[0], options), record[0].constData());
            const auto term = rs::etf::decode(record[1]);
            QVERIFY2(term.hasValue(), qPrintable(QString::fromUtf8(rs::test::errorOf(term))));
            const QByteArray ours = rs::term::prettyTerm(*term, options).toUtf8();
            if (ours != record[2]) {
                mismatches.add(QString::fromUtf8(record[0]),
                               rs::term::writeTerm(*term, Encoding::Unicode).toUtf8(), record[2], ours);
            }
        }
        QVERIFY2(mismatches.count() == 0, qPrintable(mismatches.report(qsizetype(records.size()))));
        qInfo("%zu terms printed with other options exactly as erl prints them", records.size());
    }

    // OTP writes its boot scripts with io:format("%% coding: utf-8~n~tp.~n"); so do we.
    void rewritesOtpScriptsByteForByte()
    {
        const QStringList files = otpScriptFiles();
        QVERIFY2(!files.isEmpty(), "no .script files under the OTP root");
        for (const QString &path : files) {
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray bytes = file.readAll();
            const auto terms = rs::term::consultText(bytes, path);
            QVERIFY2(terms.hasValue(), qPrintable(QString::fromUtf8(rs::test::errorOf(terms))));
            QCOMPARE(terms->size(), size_t(1));
            const QByteArray ours = rs::term::consultFileText(terms->front());
            QVERIFY2(ours == bytes,
                     qPrintable(path + QStringLiteral(" differs; ours:\n") + QString::fromUtf8(ours)));
        }
        qInfo("%lld OTP .script files rewritten byte for byte", static_cast<long long>(files.size()));
    }

private:
    void compareStandardFile(const QString &name, qsizetype minimumRecords)
    {
        std::vector<std::vector<QByteArray>> records;
        QVERIFY2(readRecords(m_out.filePath(name), 6, records),
                 qPrintable(name + QStringLiteral(" is malformed")));
        QVERIFY(qsizetype(records.size()) >= minimumRecords);
        Mismatches mismatches;
        qsizetype comparisons = 0;
        compareStandardRecords(records, mismatches, comparisons);
        QVERIFY2(mismatches.count() == 0, qPrintable(mismatches.report(comparisons)));
        qInfo("%s: %zu terms, %lld comparisons (~w, ~tw, ~tp, ~p), all byte-identical", qPrintable(name),
              records.size(), static_cast<long long>(comparisons));
    }

    QTemporaryDir m_out;
};

QTEST_GUILESS_MAIN(TestPrintOracle)
#include "tst_print_oracle.moc"
