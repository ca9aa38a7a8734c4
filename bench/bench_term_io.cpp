// Reads every file given (as file:consult/1) and prints each term (as ~tp), REPEAT times;
// prints the time of one pass in microseconds, the best of the passes.
#include "term/pretty.h"
#include "term/reader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStringList>

#include <cstdio>
#include <limits>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_term_io REPEAT FILE...\n");
        return 2;
    }
    const int repeat = args.takeFirst().toInt();
    qint64 best = std::numeric_limits<qint64>::max();
    qsizetype printed = 0;
    for (int pass = 0; pass < repeat; ++pass) {
        QElapsedTimer timer;
        timer.start();
        for (const QString &path : std::as_const(args)) {
            const auto terms = rs::term::consultFile(path);
            if (!terms) {
                std::fprintf(stderr, "%s\n", qPrintable(terms.error().toString()));
                return 1;
            }
            for (const auto &t : *terms)
                printed += rs::term::prettyTerm(t).size();
        }
        best = std::min(best, timer.nsecsElapsed() / 1000);
    }
    std::printf("%lld\n", static_cast<long long>(best));
    return printed > 0 ? 0 : 1;
}
