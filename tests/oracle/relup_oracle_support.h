#pragma once

// What the relup and appup oracle tests share: Erlang string literals, and reading what
// relup_oracle.erl's make_relup answered.

#include "support/oracle.h"

#include <QByteArray>
#include <QFile>
#include <QString>

namespace rs::test {

// A relup made by one side: the relup file, or why there is none; systools' warning count.
struct RelupOutcome
{
    bool ok = false;
    QByteArray relup; // the relup file when ok
    QString message;  // the error when not ok
    int warnings = 0;
};

// TEXT as an Erlang string literal.
inline QString erlString(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// relup_oracle:main(["make_relup", ...]) prints "ok" and one "warning ..." line per warning after
// writing OUTDIR/relup, or the error systools returned.
inline RelupOutcome systoolsRelupOutcome(const ErlRun &run, const QString &outDir)
{
    RelupOutcome o;
    if (!run.ok()) {
        o.message = QStringLiteral("ORACLE FAILED: ") + run.describe();
        return o;
    }
    const QString out = QString::fromUtf8(run.out);
    if (out.startsWith(QStringLiteral("ok\n"))) {
        o.ok = true;
        o.relup = readFile(outDir + QStringLiteral("/relup"));
        o.warnings = int(out.count(QStringLiteral("\nwarning ")));
    } else {
        o.message = out;
    }
    return o;
}

} // namespace rs::test
