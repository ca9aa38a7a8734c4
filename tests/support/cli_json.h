#pragma once

// Reading what `relstudio-cli ... --json` printed, for tests.

#include "support/process.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace rs::test {

// The JSON object a command printed on stdout; {} and *error set when it is not one.
inline QJsonObject jsonOf(const ProcessRun &run, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("not a JSON object (%1): %2").arg(parseError.errorString(), run.describe());
        return {};
    }
    return doc.object();
}

// The messages of a report's "warnings" (inspect and diff report them alike).
inline QStringList warningMessages(const QJsonObject &report)
{
    QStringList out;
    for (const QJsonValue &w : report.value(QStringLiteral("warnings")).toArray())
        out << w.toObject().value(QStringLiteral("message")).toString();
    return out;
}

} // namespace rs::test
