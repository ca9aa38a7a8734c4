#pragma once

// Builds small Erlang applications for the appup tests: ROOT/NAME-VSN/ebin/NAME.app listing the
// modules and their .beam files, compiled with the real erlc at test time.

#include "support/oracle.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace rs::test {

struct ModuleSource
{
    QString name;
    QString source; // the whole .erl file
};

inline bool writeTextFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Compiles FILES into OUTDIR with erlc and OPTIONS; the error output when it fails.
inline QString compileErlang(const QString &outDir, const QStringList &files, const QStringList &options = {})
{
    QDir().mkpath(outDir);
    QProcess erlc;
    erlc.setProcessChannelMode(QProcess::MergedChannels);
    erlc.start(QStringLiteral(RELSTUDIO_ERLC), options + QStringList{QStringLiteral("-o"), outDir} + files);
    if (!erlc.waitForFinished(120000))
        return QStringLiteral("erlc timed out");
    if (erlc.exitStatus() != QProcess::NormalExit || erlc.exitCode() != 0)
        return QStringLiteral("erlc failed: ") + QString::fromUtf8(erlc.readAll());
    return {};
}

// Writes ROOT/NAME-VSN (or ROOT/DIRNAME) with ebin/NAME.app and compiles the modules' sources
// (kept in src/) into ebin/. EXTRA is appended to the .app's key list (", {env, [...]}").
// Returns the application directory, or "" with *error set.
inline QString buildApp(const QString &root, const QString &name, const QString &vsn,
                        const std::vector<ModuleSource> &modules, QString *error,
                        const QStringList &erlcOptions = {}, const QString &extra = {},
                        const QString &dirName = {})
{
    const QString dir =
        root + QLatin1Char('/') + (dirName.isEmpty() ? name + QLatin1Char('-') + vsn : dirName);
    QStringList names;
    QStringList files;
    for (const ModuleSource &m : modules) {
        names << m.name;
        const QString file = dir + QStringLiteral("/src/") + m.name + QStringLiteral(".erl");
        if (!writeTextFile(file, m.source.toUtf8())) {
            *error = QStringLiteral("cannot write ") + file;
            return {};
        }
        files << file;
    }
    const QString app = QStringLiteral("{application, %1,\n [{description, \"test\"}, {vsn, \"%2\"},\n"
                                       "  {modules, [%3]},\n  {registered, []},\n"
                                       "  {applications, [kernel, stdlib]}%4]}.\n")
                            .arg(name, vsn, names.join(QStringLiteral(", ")), extra);
    if (!writeTextFile(dir + QStringLiteral("/ebin/") + name + QStringLiteral(".app"), app.toUtf8())) {
        *error = QStringLiteral("cannot write the .app");
        return {};
    }
    if (!files.isEmpty()) {
        *error = compileErlang(dir + QStringLiteral("/ebin"), files, erlcOptions);
        if (!error->isEmpty())
            return {};
    }
    return dir;
}

} // namespace rs::test
