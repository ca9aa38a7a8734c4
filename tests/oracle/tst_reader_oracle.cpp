// Oracle: our reader must read every term file of the installed OTP exactly as file:consult/1 does.
#include "etf/etf.h"
#include "support/oracle.h"
#include "support/testdata.h"
#include "term/reader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using rs::term::Term;

class TestReaderOracle : public QObject
{
    Q_OBJECT

private slots:
    void readsEveryOtpTermFileLikeFileConsult()
    {
        QTemporaryDir out;
        const rs::test::ErlRun run = rs::test::runErlModule(QStringLiteral("consult_oracle"), {out.path()});
        QVERIFY2(run.ok(), qPrintable(run.describe()));

        QFile index(out.filePath(QStringLiteral("index.txt")));
        QVERIFY(index.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(index.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 60,
                 "the installed OTP should have dozens of .app, .appup, .rel and .script files");

        int compared = 0;
        QStringList mismatches;
        for (const QString &line : lines) {
            const QString number = line.section(QLatin1Char('\t'), 0, 0);
            const QString path = line.section(QLatin1Char('\t'), 1);
            QFile bin(out.filePath(number + QStringLiteral(".bin")));
            QVERIFY(bin.open(QIODevice::ReadOnly));
            const auto expected = rs::etf::decode(bin.readAll());
            QVERIFY2(expected.hasValue(), rs::test::errorOf(expected).constData());
            QVERIFY(expected->isTuple(2));
            const auto ours = rs::term::consultFile(path);
            if (!expected->at(0).isAtom(u"ok")) {
                // file:consult refused the file: so must we.
                if (ours.hasValue())
                    mismatches << path + QStringLiteral(": erl refused it but we read it");
                continue;
            }
            if (!ours.hasValue()) {
                mismatches << ours.error().toString();
                continue;
            }
            const Term oursAsList = Term::list(std::vector<Term>(ours->begin(), ours->end()));
            if (!(oursAsList == expected->at(1)))
                mismatches << path + QStringLiteral(": terms differ");
            ++compared;
        }
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.mid(0, 20).join(QLatin1Char('\n'))));
        qInfo("compared %d OTP term files with file:consult/1", compared);
    }
};

QTEST_GUILESS_MAIN(TestReaderOracle)
#include "tst_reader_oracle.moc"
