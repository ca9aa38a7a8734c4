#include "common/finding.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rs {

QString SourceLocation::toString() const
{
    QString out = file;
    if (line > 0) {
        out += (out.isEmpty() ? QString() : QStringLiteral(":")) + QString::number(line);
        if (column > 0)
            out += QLatin1Char(':') + QString::number(column);
    }
    return out;
}

Finding Finding::error(QString message, SourceLocation location)
{
    return Finding{Severity::Error, std::move(message), std::move(location)};
}

Finding Finding::warning(QString message, SourceLocation location)
{
    return Finding{Severity::Warning, std::move(message), std::move(location)};
}

QString Finding::toString() const
{
    const QString where = location.toString();
    return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
}

QString Finding::toDiagnostic() const
{
    const QString where = location.toString();
    const QString body = severityName(severity) + QStringLiteral(": ") + message;
    return where.isEmpty() ? body : where + QStringLiteral(": ") + body;
}

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return {};
}

QByteArray findingsToJson(const Findings &findings)
{
    QJsonArray array;
    for (const Finding &f : findings) {
        array.append(QJsonObject{{QStringLiteral("severity"), severityName(f.severity)},
                                 {QStringLiteral("message"), f.message},
                                 {QStringLiteral("file"), f.location.file},
                                 {QStringLiteral("line"), f.location.line},
                                 {QStringLiteral("column"), f.location.column}});
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

} // namespace rs
