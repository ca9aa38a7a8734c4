#include "release/rel_spec.h"

#include "release/app_spec.h"
#include "term/pretty.h"
#include "term/reader.h"

namespace rs::release {

using term::Term;

namespace {

SourceLocation at(const QString &file, const Term &t)
{
    return {file, t.line(), t.column()};
}

// The four application forms of a .rel, as systools_make:check_appl accepts them.
std::optional<RelApp> parseRelApp(const Term &e, const QString &file, Findings &findings)
{
    auto illegal = [&](const QString &why) {
        findings << Finding::error(QStringLiteral("illegal application entry: %1").arg(why), at(file, e));
        return std::nullopt;
    };
    if (!e.isTuple() || e.size() < 2 || e.size() > 4)
        return illegal(QStringLiteral("expected {App, Vsn}, {App, Vsn, Type}, {App, Vsn, [Incl]} or "
                                      "{App, Vsn, Type, [Incl]}"));
    if (!e.at(0).isAtom())
        return illegal(QStringLiteral("the application name must be an atom"));
    RelApp app;
    app.name = e.at(0).atomName();
    app.location = at(file, e);
    if (!isErlangString(e.at(1)))
        return illegal(QStringLiteral("the version of %1 must be a string").arg(app.name));
    app.vsn = e.at(1).toText();
    for (qsizetype i = 2; i < e.size(); ++i) {
        const Term &extra = e.at(i);
        if (extra.isAtom() && i == 2) {
            const auto type = startTypeFromName(extra.atomName());
            if (!type) {
                return illegal(
                    QStringLiteral("'%1' is not a start type of %2 (permanent, transient, temporary, "
                                   "load or none)")
                        .arg(extra.atomName(), app.name));
            }
            app.type = *type;
            app.typeGiven = true;
        } else if (extra.isList() && (i == 3 || (i == 2 && e.size() == 3))) {
            if (!isAtomList(extra))
                return illegal(
                    QStringLiteral("the included applications of %1 must be a list of atoms").arg(app.name));
            app.includedOverride = atomNames(extra);
        } else {
            return illegal(QStringLiteral("expected a start type or a list of included applications for %1")
                               .arg(app.name));
        }
    }
    return app;
}

void checkMandatory(RelParse &parse)
{
    for (const char16_t *name : {u"kernel", u"stdlib"}) {
        const RelApp *app = parse.spec.app(name);
        const QString n = QString::fromUtf16(name);
        if (!app) {
            parse.findings << Finding::error(QStringLiteral("the release must include %1").arg(n),
                                             parse.spec.location);
        } else if (app->type != StartType::Permanent) {
            parse.findings << Finding::error(
                QStringLiteral("%1 must be started as permanent, not %2").arg(n, startTypeName(app->type)),
                app->location);
        }
    }
    if (!parse.spec.app(u"sasl")) {
        parse.findings << Finding::warning(
            QStringLiteral("the release has no sasl: it cannot be upgraded (release_handler lives in sasl)"),
            parse.spec.location);
    }
}

} // namespace

QString startTypeName(StartType type)
{
    switch (type) {
    case StartType::Permanent:
        return QStringLiteral("permanent");
    case StartType::Transient:
        return QStringLiteral("transient");
    case StartType::Temporary:
        return QStringLiteral("temporary");
    case StartType::Load:
        return QStringLiteral("load");
    case StartType::None:
        return QStringLiteral("none");
    }
    return {};
}

std::optional<StartType> startTypeFromName(QStringView name)
{
    for (const StartType t : {StartType::Permanent, StartType::Transient, StartType::Temporary,
                              StartType::Load, StartType::None}) {
        if (startTypeName(t) == name)
            return t;
    }
    return std::nullopt;
}

const RelApp *ReleaseSpec::app(QStringView appName) const
{
    for (const RelApp &a : apps) {
        if (a.name == appName)
            return &a;
    }
    return nullptr;
}

Term ReleaseSpec::toTerm() const
{
    std::vector<Term> entries;
    for (const RelApp &a : apps) {
        std::vector<Term> e = {Term::atom(a.name), Term::string(a.vsn)};
        if (a.typeGiven)
            e.push_back(Term::atom(startTypeName(a.type)));
        if (a.includedOverride)
            e.push_back(atomList(*a.includedOverride));
        entries.push_back(Term::tuple(std::move(e)));
    }
    return Term::tuple({Term::atom(QStringLiteral("release")),
                        Term::tuple({Term::string(name), Term::string(vsn)}),
                        Term::tuple({Term::atom(QStringLiteral("erts")), Term::string(ertsVsn)}),
                        Term::list(std::move(entries))});
}

bool RelParse::ok() const
{
    return std::none_of(findings.begin(), findings.end(), [](const Finding &f) { return f.isError(); });
}

RelParse parseRelTerm(const Term &t, const QString &file)
{
    RelParse parse;
    parse.spec.file = file;
    parse.spec.location = at(file, t);
    if (!t.isTuple(4) || !t.at(0).isAtom(u"release") || !t.at(1).isTuple(2) || !t.at(2).isTuple(2) ||
        !t.at(2).at(0).isAtom(u"erts") || !t.at(3).isProperList()) {
        parse.findings << Finding::error(
            QStringLiteral(
                "a .rel file must hold {release, {Name, Vsn}, {erts, ErtsVsn}, [{App, Vsn}, ...]}"),
            at(file, t));
        return parse;
    }
    const Term &nameVsn = t.at(1);
    if (!isErlangString(nameVsn.at(0)))
        parse.findings << Finding::error(QStringLiteral("the release name must be a string"),
                                         at(file, nameVsn.at(0)));
    if (!isErlangString(nameVsn.at(1)))
        parse.findings << Finding::error(QStringLiteral("the release version must be a string"),
                                         at(file, nameVsn.at(1)));
    if (!isErlangString(t.at(2).at(1)))
        parse.findings << Finding::error(QStringLiteral("the ERTS version must be a string"),
                                         at(file, t.at(2).at(1)));
    parse.spec.name = nameVsn.at(0).toText();
    parse.spec.vsn = nameVsn.at(1).toText();
    parse.spec.ertsVsn = t.at(2).at(1).toText();
    parse.spec.ertsLocation = at(file, t.at(2));
    for (const Term &e : t.at(3).elements()) {
        if (auto app = parseRelApp(e, file, parse.findings))
            parse.spec.apps.push_back(std::move(*app));
    }
    checkMandatory(parse);
    return parse;
}

RelParse readRelFile(const QString &path)
{
    const auto terms = term::consultFile(path);
    if (!terms) {
        RelParse parse;
        parse.spec.file = path;
        parse.findings << terms.error();
        return parse;
    }
    if (terms->empty()) {
        RelParse parse;
        parse.spec.file = path;
        parse.findings << Finding::error(QStringLiteral("the .rel file holds no term"), {path, 1, 1});
        return parse;
    }
    return parseRelTerm(terms->front(), path);
}

QByteArray relFileText(const ReleaseSpec &spec)
{
    return term::consultFileText(spec.toTerm());
}

} // namespace rs::release
