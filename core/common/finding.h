#pragma once

#include <QList>
#include <QString>

namespace rs {

enum class Severity { Error, Warning, Info };

// Where something is in a file; line and column count from 1, 0 means "unknown".
struct SourceLocation
{
    QString file;
    int line = 0;
    int column = 0;

    // "file:line:column", leaving out the parts that are unknown.
    QString toString() const;
    friend bool operator==(const SourceLocation &, const SourceLocation &) = default;
};

// The one type for errors and warnings: the reader, the validator, the CLI and the GUI's
// Problems dock all speak in findings.
struct Finding
{
    Severity severity = Severity::Error;
    QString message;
    SourceLocation location;

    static Finding error(QString message, SourceLocation location = {});
    static Finding warning(QString message, SourceLocation location = {});

    bool isError() const { return severity == Severity::Error; }
    // "file:line:column: message", as compilers print it.
    QString toString() const;
    // "file:line:column: warning: message"; errors and infos are labelled too.
    QString toDiagnostic() const;
};

using Findings = QList<Finding>;

QString severityName(Severity severity);

// [{"severity": "error", "message": ..., "file": ..., "line": 3, "column": 5}, ...]: the stable
// shape of `--json` output.
QByteArray findingsToJson(const Findings &findings);

} // namespace rs
