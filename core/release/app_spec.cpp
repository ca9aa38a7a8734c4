#include "release/app_spec.h"

#include "term/reader.h"

#include <QFileInfo>

#include <functional>

namespace rs::release {

using term::Term;

namespace {

// The first element of a list whose first element is the atom KEY (lists:keysearch/3).
const Term *findKey(const Term &list, QStringView key)
{
    for (const Term &e : list.elements()) {
        if (e.isTuple() && e.size() >= 1 && e.at(0).isAtom(key))
            return &e;
    }
    return nullptr;
}

SourceLocation locationIn(const QString &file, const Term &t)
{
    return {file, t.line(), t.column()};
}

bool isPositiveOrInfinity(const Term &t)
{
    return t.isAtom(u"infinity") ||
           (t.isInteger() && !t.isNegative() && !(t.fitsInt64() && t.toInt64() == 0));
}

bool isTaggedList(const Term &t) // [{Atom, _}]
{
    if (!t.isProperList())
        return false;
    for (const Term &e : t.elements()) {
        if (!e.isTuple(2) || !e.at(0).isAtom())
            return false;
    }
    return true;
}

struct KeyRule
{
    const char16_t *key;
    bool required;
    std::function<bool(const Term &)> valid;
    const char *expected;
};

} // namespace

bool isErlangString(const Term &t)
{
    if (!t.isProperList())
        return false;
    for (const Term &c : t.elements()) {
        if (!c.fitsInt64() || c.toInt64() < 0 || c.toInt64() > 0x10FFFF ||
            (c.toInt64() >= 0xD800 && c.toInt64() <= 0xDFFF))
            return false;
    }
    return true;
}

bool isAtomList(const Term &t)
{
    if (!t.isProperList())
        return false;
    for (const Term &e : t.elements()) {
        if (!e.isAtom())
            return false;
    }
    return true;
}

QStringList atomNames(const Term &atoms)
{
    QStringList names;
    names.reserve(atoms.size());
    for (const Term &a : atoms.elements())
        names << a.atomName();
    return names;
}

Term atomList(const QStringList &names)
{
    std::vector<Term> atoms;
    atoms.reserve(size_t(names.size()));
    for (const QString &n : names)
        atoms.push_back(Term::atom(n));
    return Term::list(std::move(atoms));
}

SourceLocation AppSpec::locationOf(QStringView key) const
{
    if (source.isTuple(3)) {
        if (const Term *t = findKey(source.at(2), key))
            return locationIn(appFile, *t);
    }
    return locationIn(appFile, source);
}

Expected<AppSpec> parseAppTerm(const Term &term, const QString &appFile)
{
    if (!term.isTuple(3) || !term.at(0).isAtom(u"application") || !term.at(1).isAtom() ||
        !term.at(2).isProperList()) {
        return Finding::error(
            QStringLiteral("an .app file must hold {application, Name, [{Key, Value}, ...]}"),
            locationIn(appFile, term));
    }
    const Term &dict = term.at(2);
    static const std::vector<KeyRule> rules = {
        {u"vsn", true, isErlangString, "a string"},
        {u"id", false, isErlangString, "a string"},
        {u"description", true, isErlangString, "a string"},
        {u"modules", true, isAtomList, "a list of module names"},
        {u"registered", true, isAtomList, "a list of registered names"},
        {u"applications", true, isAtomList, "a list of application names"},
        {u"optional_applications", false, isAtomList, "a list of application names"},
        {u"included_applications", false, isAtomList, "a list of application names"},
        {u"mod", false, [](const Term &t) { return t.isNil() || (t.isTuple(2) && t.at(0).isAtom()); },
         "{Module, StartArgs}"},
        {u"start_phases", false, [](const Term &t) { return t.isAtom(u"undefined") || isTaggedList(t); },
         "a list of {Phase, Args}"},
        {u"env", false, isTaggedList, "a list of {Par, Value}"},
        {u"maxT", false, isPositiveOrInfinity, "a positive integer or infinity"},
        {u"maxP", false, isPositiveOrInfinity, "a positive integer or infinity"},
    };

    AppSpec spec;
    spec.name = term.at(1).atomName();
    spec.appFile = appFile;
    spec.ebinDir = QFileInfo(appFile).absolutePath();
    spec.source = term;
    for (const KeyRule &rule : rules) {
        const QString key = QString::fromUtf16(rule.key);
        const Term *entry = findKey(dict, rule.key);
        if (entry && !entry->isTuple(2)) {
            return Finding::error(
                QStringLiteral("'%1' in the .app file of %2 must be {%1, Value}").arg(key, spec.name),
                locationIn(appFile, *entry));
        }
        if (!entry) {
            if (rule.required) {
                return Finding::error(QStringLiteral("the .app file of %1 has no '%2' (systools requires it)")
                                          .arg(spec.name, key),
                                      locationIn(appFile, term));
            }
            continue;
        }
        const Term &value = entry->at(1);
        if (!rule.valid(value)) {
            return Finding::error(QStringLiteral("'%1' in the .app file of %2 must be %3")
                                      .arg(key, spec.name, QString::fromLatin1(rule.expected)),
                                  locationIn(appFile, value));
        }
    }
    auto value = [&](QStringView key, Term fallback) {
        const Term *entry = findKey(dict, key);
        return entry ? entry->at(1) : fallback;
    };
    spec.vsn = value(u"vsn", Term()).toText();
    spec.id = value(u"id", Term()).toText();
    spec.description = value(u"description", Term()).toText();
    spec.modules = atomNames(value(u"modules", Term()));
    spec.registered = atomNames(value(u"registered", Term()));
    spec.applications = atomNames(value(u"applications", Term()));
    spec.optionalApplications = atomNames(value(u"optional_applications", Term()));
    spec.includedApplications = atomNames(value(u"included_applications", Term()));
    spec.mod = value(u"mod", Term());
    spec.startPhases = value(u"start_phases", Term::atom(QStringLiteral("undefined")));
    spec.env = value(u"env", Term());
    spec.maxT = value(u"maxT", Term::atom(QStringLiteral("infinity")));
    spec.maxP = value(u"maxP", Term::atom(QStringLiteral("infinity")));
    return spec;
}

Expected<AppSpec> readAppFile(const QString &appFile)
{
    const auto terms = term::consultFile(appFile);
    if (!terms)
        return terms.error();
    if (terms->empty())
        return Finding::error(QStringLiteral("the .app file is empty"), {appFile, 0, 0});
    return parseAppTerm(terms->front(), appFile);
}

} // namespace rs::release
