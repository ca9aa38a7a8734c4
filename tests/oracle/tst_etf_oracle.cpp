// Oracle: our codec must read what term_to_binary writes and write it back byte for byte.
#include "etf/etf.h"
#include "support/oracle.h"
#include "support/testdata.h"
#include "term/writer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using rs::term::Term;

namespace {

struct OracleRecord
{
    QByteArray plain;      // term_to_binary(T)
    QByteArray compressed; // term_to_binary(T, [compressed])
    QString text;          // io_lib:format("~tw", [T])
};

// Splits etf_oracle's terms.bin: per term, three fields of a 32-bit big-endian size and the bytes.
bool parseRecords(const QByteArray &data, std::vector<OracleRecord> &records)
{
    qsizetype pos = 0;
    auto field = [&](QByteArray &out) {
        if (data.size() - pos < 4)
            return false;
        const auto size = qsizetype(qFromBigEndian<quint32>(data.constData() + pos));
        pos += 4;
        if (data.size() - pos < size)
            return false;
        out = data.mid(pos, size);
        pos += size;
        return true;
    };
    while (pos < data.size()) {
        OracleRecord r;
        QByteArray text;
        if (!field(r.plain) || !field(r.compressed) || !field(text))
            return false;
        r.text = QString::fromUtf8(text);
        records.push_back(std::move(r));
    }
    return true;
}

// Empty when the record round-trips, otherwise what went wrong.
QString checkRecord(const OracleRecord &r)
{
    const auto decoded = rs::etf::decode(r.plain);
    if (!decoded)
        return QStringLiteral("decode failed: ") + decoded.error().message;
    const QByteArray encoded = rs::etf::encode(*decoded);
    if (encoded != r.plain) {
        return QStringLiteral("encode differs:\n  erl:  %1\n  ours: %2")
            .arg(QString::fromLatin1(r.plain.toHex().left(400)),
                 QString::fromLatin1(encoded.toHex().left(400)));
    }
    const auto again = rs::etf::decode(encoded);
    if (!again || !(*again == *decoded))
        return QStringLiteral("decode(encode(T)) differs from T");
    const auto uncompressed = rs::etf::decode(r.compressed);
    if (!uncompressed)
        return QStringLiteral("decode of the compressed form failed: ") + uncompressed.error().message;
    if (!(*uncompressed == *decoded))
        return QStringLiteral("the compressed form decodes to another term");
    return {};
}

QStringList otpBootFiles()
{
    const QString root = rs::test::otpRoot();
    QStringList files;
    const QStringList bootFilter{QStringLiteral("*.boot")};
    const QDir releases(root + QStringLiteral("/releases"));
    for (const QString &release : releases.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QDir dir(releases.filePath(release));
        for (const QString &file : dir.entryList(bootFilter, QDir::Files))
            files << dir.filePath(file);
    }
    const QDir bin(root + QStringLiteral("/bin"));
    for (const QString &file : bin.entryList(bootFilter, QDir::Files))
        files << bin.filePath(file);
    return files;
}

} // namespace

class TestEtfOracle : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsWhatTermToBinaryWrites()
    {
        QTemporaryDir out;
        const rs::test::ErlRun run = rs::test::runErlModule(QStringLiteral("etf_oracle"), {out.path()});
        QVERIFY2(run.ok(), qPrintable(run.describe()));

        QFile file(out.filePath(QStringLiteral("terms.bin")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        std::vector<OracleRecord> records;
        QVERIFY2(parseRecords(file.readAll(), records), "terms.bin is malformed");
        QCOMPARE(qsizetype(records.size()), run.out.trimmed().toLongLong());
        QVERIFY(records.size() > 3000);

        QStringList mismatches;
        int reallyCompressed = 0;
        for (size_t i = 0; i < records.size(); ++i) {
            if (records[i].compressed.size() > 1 && records[i].compressed[1] == 'P')
                ++reallyCompressed;
            if (const QString problem = checkRecord(records[i]); !problem.isEmpty())
                mismatches
                    << QStringLiteral("term %1 (%2): %3").arg(i).arg(records[i].text.left(300), problem);
        }
        QVERIFY2(
            mismatches.isEmpty(),
            qPrintable(QStringLiteral("%1 of %2 terms failed:\n").arg(mismatches.size()).arg(records.size()) +
                       mismatches.mid(0, 10).join(QLatin1Char('\n'))));
        qInfo("%zu terms round-trip byte for byte; %d of them compressed by term_to_binary", records.size(),
              reallyCompressed);
    }

    void roundTripsEveryOtpBootFile()
    {
        const QStringList files = otpBootFiles();
        QVERIFY2(files.size() >= 4, qPrintable(files.join(QLatin1Char(' '))));
        for (const QString &path : files) {
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray bytes = file.readAll();
            const auto decoded = rs::etf::decode(bytes);
            QVERIFY2(decoded.hasValue(),
                     qPrintable(path + QStringLiteral(": ") + QString::fromUtf8(rs::test::errorOf(decoded))));
            QVERIFY2(decoded->isTuple(3) && decoded->at(0).isAtom(u"script"), qPrintable(path));
            QVERIFY2(rs::etf::encode(*decoded) == bytes, qPrintable(path + QStringLiteral(": bytes differ")));
        }
        qInfo("%lld OTP .boot files round-trip byte for byte", static_cast<long long>(files.size()));
    }
};

QTEST_GUILESS_MAIN(TestEtfOracle)
#include "tst_etf_oracle.moc"
