// relstudio_mimecheck: checks that resources/mime/relstudio-mime.xml makes the freedesktop MIME
// database recognise Erlang release files by name and by content.
//
// Usage: relstudio_mimecheck <relstudio-mime.xml> <update-mime-database>
//
// Builds a private MIME database the way the installed package ends up: the system's package
// XML files (share/mime/packages/*.xml of every XDG data dir) plus ours, compiled together by
// update-mime-database. One merged mime.cache matters: magic priorities are compared within a
// cache, and Qt 6.4 does not compare them across caches (a lower-priority system match such as
// text/x-matlab's "%" rule would win over ours if our types sat in a separate XDG_DATA_HOME
// cache). Then it writes sample files and asks QMimeDatabase, the lookup the GUI itself uses,
// what they are.
#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size()) {
        err() << "cannot write " << path << ": " << file.errorString() << Qt::endl;
        return false;
    }
    return true;
}

// term_to_binary({script, {"demo", "1"}, []}) with the atom 'script' in the given encoding.
QByteArray bootFile(const QByteArray &scriptAtom)
{
    QByteArray out("\x83\x68\x03", 3);
    out += scriptAtom;
    out += QByteArray("\x68\x02\x6b\x00\x04"
                      "demo"
                      "\x6b\x00\x01"
                      "1"
                      "\x6a",
                      14);
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        err() << "usage: relstudio_mimecheck <relstudio-mime.xml> <update-mime-database>" << Qt::endl;
        return 2;
    }

    QTemporaryDir tmp;
    if (!tmp.isValid()) {
        err() << "cannot create a temporary directory" << Qt::endl;
        return 1;
    }
    const QDir root(tmp.path());
    root.mkpath(QStringLiteral("data/mime/packages"));
    root.mkpath(QStringLiteral("samples"));
    const QString mimeDir = root.filePath(QStringLiteral("data/mime"));
    QString systemDataDirs = qEnvironmentVariable("XDG_DATA_DIRS");
    if (systemDataDirs.isEmpty())
        systemDataDirs = QStringLiteral("/usr/local/share:/usr/share");
    int systemFiles = 0;
    for (const QString &dataDir : systemDataDirs.split(u':', Qt::SkipEmptyParts)) {
        const QDir packages(dataDir + QStringLiteral("/mime/packages"));
        for (const QString &name : packages.entryList({QStringLiteral("*.xml")}, QDir::Files)) {
            if (name == QStringLiteral("relstudio-mime.xml") ||
                QFile::exists(mimeDir + QStringLiteral("/packages/") + name))
                continue; // an installed copy of ours, or shadowed by an earlier data dir
            if (!QFile::copy(packages.filePath(name), mimeDir + QStringLiteral("/packages/") + name)) {
                err() << "cannot copy " << packages.filePath(name) << Qt::endl;
                return 1;
            }
            ++systemFiles;
        }
    }
    if (systemFiles == 0) {
        err() << "no shared-mime-info package files found in " << systemDataDirs << Qt::endl;
        return 1;
    }
    if (!QFile::copy(args.at(1), mimeDir + QStringLiteral("/packages/relstudio-mime.xml"))) {
        err() << "cannot copy " << args.at(1) << Qt::endl;
        return 1;
    }

    // Set before the first QMimeDatabase is created (Qt reads the directories once) and
    // before update-mime-database runs (it warns about directories outside the search path).
    // The private database is the only one; XDG_DATA_HOME points at an empty directory so that
    // types in ~/.local/share/mime cannot influence the result.
    root.mkpath(QStringLiteral("home"));
    qputenv("XDG_DATA_DIRS", QFile::encodeName(root.filePath(QStringLiteral("data"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(root.filePath(QStringLiteral("home"))));

    QProcess update;
    update.setProcessChannelMode(QProcess::ForwardedChannels);
    update.start(args.at(2), {mimeDir});
    if (!update.waitForFinished(60000) || update.exitStatus() != QProcess::NormalExit ||
        update.exitCode() != 0) {
        err() << "update-mime-database failed on " << args.at(1) << Qt::endl;
        return 1;
    }

    const QString textScript =
        QStringLiteral("%% coding: utf-8\n"
                       "{script,{\"demo\",\"1\"},\n"
                       "        [{preLoaded,[erl_init,erlang]},{progress,preloaded}]}.\n");
    const QByteArray bootAtomExt("\x64\x00\x06script", 9);
    const QByteArray bootSmallUtf8("\x77\x06script", 8);
    const QByteArray bootUtf8("\x76\x00\x06script", 9);

    struct Sample
    {
        QString name;
        QByteArray contents;
        QString expected;
        QMimeDatabase::MatchMode mode;
    };
    const QList<Sample> samples{
        {QStringLiteral("demo.rel"),
         "{release,{\"demo\",\"1\"},{erts,\"13.0\"},[{kernel,\"8.4\"},{stdlib,\"4.0\"}]}.\n",
         QStringLiteral("text/x-erlang-rel"), QMimeDatabase::MatchDefault},
        {QStringLiteral("demo.appup"), "{\"2\",[{\"1\",[]}],[{\"1\",[]}]}.\n",
         QStringLiteral("text/x-erlang-appup"), QMimeDatabase::MatchDefault},
        {QStringLiteral("demo.script"), textScript.toUtf8(), QStringLiteral("text/x-erlang-boot-script"),
         QMimeDatabase::MatchDefault},
        {QStringLiteral("script-without-extension"), textScript.toUtf8(),
         QStringLiteral("text/x-erlang-boot-script"), QMimeDatabase::MatchContent},
        {QStringLiteral("demo.boot"), bootFile(bootAtomExt), QStringLiteral("application/x-erlang-boot"),
         QMimeDatabase::MatchDefault},
        {QStringLiteral("boot-otp25"), bootFile(bootAtomExt), QStringLiteral("application/x-erlang-boot"),
         QMimeDatabase::MatchContent},
        {QStringLiteral("boot-otp26"), bootFile(bootSmallUtf8), QStringLiteral("application/x-erlang-boot"),
         QMimeDatabase::MatchContent},
        {QStringLiteral("boot-utf8-atom"), bootFile(bootUtf8), QStringLiteral("application/x-erlang-boot"),
         QMimeDatabase::MatchContent},
    };

    const QMimeDatabase db;
    int failures = 0;
    QTextStream out(stdout);
    for (const Sample &sample : samples) {
        const QString path = root.filePath(QStringLiteral("samples/") + sample.name);
        if (!writeFile(path, sample.contents))
            return 1;
        const QString got = db.mimeTypeForFile(path, sample.mode).name();
        const bool ok = got == sample.expected;
        out << (ok ? "ok   " : "FAIL ") << sample.name << ": " << got;
        if (!ok) {
            out << " (expected " << sample.expected << ')';
            ++failures;
        }
        out << Qt::endl;
    }

    for (const QString &name : {QStringLiteral("text/x-erlang-rel"), QStringLiteral("text/x-erlang-appup"),
                                QStringLiteral("text/x-erlang-boot-script")}) {
        const QMimeType type = db.mimeTypeForName(name);
        const bool ok = type.isValid() && type.inherits(QStringLiteral("text/plain"));
        out << (ok ? "ok   " : "FAIL ") << name << " inherits text/plain" << Qt::endl;
        failures += ok ? 0 : 1;
    }
    const QMimeType boot = db.mimeTypeForName(QStringLiteral("application/x-erlang-boot"));
    const bool bootOk = boot.isValid() && !boot.inherits(QStringLiteral("text/plain"));
    out << (bootOk ? "ok   " : "FAIL ") << "application/x-erlang-boot is binary" << Qt::endl;
    failures += bootOk ? 0 : 1;

    return failures == 0 ? 0 : 1;
}
