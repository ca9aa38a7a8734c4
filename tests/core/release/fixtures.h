#pragma once

// Temporary lib directories holding applications: an .app file per application and an empty .beam
// file per module, laid out as OTP does (lib/NAME-VSN/ebin) unless told otherwise.

#include "release/app_index.h"
#include "release/otp_installation.h"
#include "release/rel_spec.h"
#include "release/resolver.h"
#include "term/reader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

namespace rs::test {

// One application to write: the keys systools requires, the lists the engine reads, and any
// further keys as Erlang text.
struct FakeApp
{
    QString name;
    QString vsn = QStringLiteral("1.0");
    QStringList modules;
    QStringList applications = {QStringLiteral("kernel"), QStringLiteral("stdlib")};
    QStringList included;
    QStringList optional;
    QStringList registered;
    QString extraKeys; // e.g. "{mod, {a_app, []}}, {env, [{k, 1}]}"
    QString dir;       // relative to the lib dir; "" means NAME-VSN
    bool beams = true; // write NAME/ebin/MOD.beam for each module

    FakeApp &withModules(QStringList m)
    {
        modules = std::move(m);
        return *this;
    }
    FakeApp &uses(QStringList a)
    {
        applications = std::move(a);
        return *this;
    }
    FakeApp &includes(QStringList i)
    {
        included = std::move(i);
        return *this;
    }
    FakeApp &optionally(QStringList o)
    {
        optional = std::move(o);
        return *this;
    }
    FakeApp &registers(QStringList r)
    {
        registered = std::move(r);
        return *this;
    }
    FakeApp &extra(QString keys)
    {
        extraKeys = std::move(keys);
        return *this;
    }
    FakeApp &inDir(QString d)
    {
        dir = std::move(d);
        return *this;
    }
    FakeApp &withoutBeams()
    {
        beams = false;
        return *this;
    }

    static QString atoms(const QStringList &names)
    {
        QStringList quoted;
        for (const QString &n : names) {
            const bool plain =
                !n.isEmpty() && n.at(0).isLower() && std::all_of(n.begin(), n.end(), [](QChar c) {
                    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('@');
                });
            quoted << (plain ? n : QLatin1Char('\'') + n + QLatin1Char('\''));
        }
        return QLatin1Char('[') + quoted.join(QStringLiteral(", ")) + QLatin1Char(']');
    }

    // The .app text: one key per line, in this order, starting on line 2.
    // Line 2: description, 3: vsn, 4: modules, 5: registered, 6: applications, 7: optional, 8:
    // included, 9: the extra keys (when there are any).
    QByteArray appText() const
    {
        QStringList keys;
        keys << QStringLiteral("{description, \"%1 application\"}").arg(name)
             << QStringLiteral("{vsn, \"%1\"}").arg(vsn)
             << QStringLiteral("{modules, %1}").arg(atoms(modules))
             << QStringLiteral("{registered, %1}").arg(atoms(registered))
             << QStringLiteral("{applications, %1}").arg(atoms(applications))
             << QStringLiteral("{optional_applications, %1}").arg(atoms(optional))
             << QStringLiteral("{included_applications, %1}").arg(atoms(included));
        if (!extraKeys.isEmpty())
            keys << extraKeys;
        return QStringLiteral("{application, %1,\n  [%2]}.\n")
            .arg(atoms({name}).mid(1).chopped(1), keys.join(QStringLiteral(",\n   ")))
            .toUtf8();
    }
};

inline FakeApp app(const QString &name, const QString &vsn = QStringLiteral("1.0"))
{
    FakeApp a;
    a.name = name;
    a.vsn = vsn;
    return a;
}

// kernel, stdlib and sasl as small fakes (their real module lists are not needed).
inline FakeApp fakeKernel(const QString &vsn = QStringLiteral("9.0"))
{
    return app(QStringLiteral("kernel"), vsn)
        .uses({})
        .withModules({QStringLiteral("kernel"), QStringLiteral("application"),
                      QStringLiteral("error_handler"), QStringLiteral("code"),
                      QStringLiteral("kernel_extra")});
}
inline FakeApp fakeStdlib(const QString &vsn = QStringLiteral("4.0"))
{
    return app(QStringLiteral("stdlib"), vsn)
        .uses({QStringLiteral("kernel")})
        .withModules({QStringLiteral("lists"), QStringLiteral("gen_server"), QStringLiteral("stdlib_extra")});
}
inline FakeApp fakeSasl(const QString &vsn = QStringLiteral("3.0"))
{
    return app(QStringLiteral("sasl"), vsn).withModules({QStringLiteral("sasl"), QStringLiteral("systools")});
}

class LibFixture
{
public:
    LibFixture() { QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString())); }

    QString root() const { return m_dir.path(); }
    QString path(const QString &relative) const { return m_dir.filePath(relative); }

    // Writes bytes to ROOT/RELATIVE, creating directories; returns the absolute path.
    QString writeFile(const QString &relative, const QByteArray &bytes)
    {
        const QString p = path(relative);
        QDir().mkpath(QFileInfo(p).absolutePath());
        QFile f(p);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(p));
        return p;
    }

    // Writes ROOT/LIB/DIR/ebin/NAME.app (DIR defaults to NAME-VSN) and the .beam files; returns
    // the ebin directory.
    QString add(const FakeApp &a, const QString &lib = QStringLiteral("lib"))
    {
        const QString dir = a.dir.isEmpty() ? a.name + QLatin1Char('-') + a.vsn : a.dir;
        const QString ebin = lib + QLatin1Char('/') + dir + QStringLiteral("/ebin");
        writeFile(ebin + QLatin1Char('/') + a.name + QStringLiteral(".app"), a.appText());
        if (a.beams) {
            for (const QString &m : a.modules)
                writeFile(ebin + QLatin1Char('/') + m + QStringLiteral(".beam"), QByteArray());
        }
        return QDir::cleanPath(path(ebin));
    }

    // Adds the fake kernel, stdlib and sasl.
    void addBase(const QString &lib = QStringLiteral("lib"))
    {
        add(fakeKernel(), lib);
        add(fakeStdlib(), lib);
        add(fakeSasl(), lib);
    }

    release::AppIndex index(const QStringList &libs = {QStringLiteral("lib")},
                            const release::OtpInstallation *otp = nullptr) const
    {
        QStringList dirs;
        for (const QString &l : libs)
            dirs << path(l);
        return release::AppIndex::scan(release::AppIndex::searchPath(dirs, otp));
    }

private:
    QTemporaryDir m_dir;
};

// A .rel text whose applications are ENTRIES: the release term starts on line 1, column 1, and
// entry I (from 0) is on line 2 + I, column 3.
inline QByteArray relText(const QStringList &entries, const QString &erts = QStringLiteral("13.1.5"))
{
    QString text = QStringLiteral("{release, {\"r\", \"1\"}, {erts, \"%1\"}, [\n").arg(erts);
    for (qsizetype i = 0; i < entries.size(); ++i)
        text +=
            QStringLiteral("  ") + entries[i] + (i + 1 < entries.size() ? QStringLiteral(",\n") : QString());
    text += QStringLiteral("\n]}.\n");
    return text.toUtf8();
}

// The entries of kernel, stdlib (and sasl) as the fakes have them.
inline QStringList baseEntries(bool withSasl = true)
{
    QStringList e{QStringLiteral("{kernel, \"9.0\"}"), QStringLiteral("{stdlib, \"4.0\"}")};
    if (withSasl)
        e << QStringLiteral("{sasl, \"3.0\"}");
    return e;
}

inline release::RelParse parseRel(const QByteArray &text, const QString &file = QStringLiteral("r.rel"))
{
    const auto terms = term::consultText(text, file);
    if (!terms || terms->empty()) {
        release::RelParse p;
        p.findings << (terms ? Finding::error(QStringLiteral("no term")) : terms.error());
        return p;
    }
    return release::parseRelTerm(terms->front(), file);
}

inline QString describe(const Findings &findings)
{
    QStringList lines;
    for (const Finding &f : findings)
        lines << f.toDiagnostic();
    return lines.join(QLatin1Char('\n'));
}

} // namespace rs::test
