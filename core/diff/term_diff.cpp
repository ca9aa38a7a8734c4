#include "diff/term_diff.h"

#include "term/pretty.h"
#include "term/writer.h"

#include <QHash>
#include <QSet>

#include <optional>

namespace rs::diff {

namespace {

constexpr qsizetype MaxValueText = 65536;

struct Keyed
{
    std::vector<QString> keys; // in term order
    QHash<QString, term::Term> values;
};

bool isString(const term::Term &t)
{
    if (!t.isProperList() || t.isNil())
        return false;
    for (const term::Term &e : t.elements())
        if (!e.isInteger())
            return false;
    return true;
}

std::optional<Keyed> keyed(const term::Term &t)
{
    Keyed k;
    const auto add = [&k](QString key, const term::Term &value) {
        if (k.values.contains(key))
            return false;
        k.keys.push_back(key);
        k.values.insert(std::move(key), value);
        return true;
    };
    if (t.isMap()) {
        for (const auto &[key, value] : t.mapEntries())
            if (!add(oneLineTerm(key), value))
                return std::nullopt;
        return k;
    }
    if (!t.isProperList() || t.isNil() || isString(t))
        return std::nullopt;
    for (const term::Term &e : t.elements()) {
        if (e.isAtom()) {
            if (!add(oneLineTerm(e), e))
                return std::nullopt;
        } else if (e.isTuple() && e.size() >= 2 && e.at(0).isAtom()) {
            const term::Term value = e.size() == 2 ? e.at(1)
                                                   : term::Term::tuple(std::vector<term::Term>(
                                                         e.elements().begin() + 1, e.elements().end()));
            if (!add(oneLineTerm(e.at(0)), value))
                return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    return k;
}

void diffInto(const term::Term &a, const term::Term &b, const QStringList &path, std::vector<TermChange> &out)
{
    if (a == b)
        return;
    const auto ka = keyed(a);
    const auto kb = ka ? keyed(b) : std::nullopt;
    if (ka && kb) {
        const size_t before = out.size();
        for (const QString &key : ka->keys) {
            QStringList sub = path;
            sub << key;
            const auto other = kb->values.constFind(key);
            if (other == kb->values.constEnd())
                out.push_back({sub, State::Removed, termText(ka->values.value(key)), QString()});
            else
                diffInto(ka->values.value(key), other.value(), sub, out);
        }
        for (const QString &key : kb->keys) {
            if (!ka->values.contains(key)) {
                QStringList sub = path;
                sub << key;
                out.push_back({sub, State::Added, QString(), termText(kb->values.value(key))});
            }
        }
        if (out.size() > before)
            return;
    }
    out.push_back({path, State::Changed, termText(a), termText(b)});
}

} // namespace

QString oneLineTerm(const term::Term &term)
{
    // ~tp on one line: strings and binaries read as text (<<"EUR">>, not <<69,85,82>>).
    term::PrettyOptions oneLine;
    oneLine.lineLength = 1 << 30;
    return term::prettyTerm(term, oneLine);
}

QString termText(const term::Term &term)
{
    QString text = oneLineTerm(term);
    if (text.size() > MaxValueText) {
        text.truncate(MaxValueText);
        text += QStringLiteral("...");
    }
    return text;
}

std::vector<TermChange> diffTerms(const term::Term &oldTerm, const term::Term &newTerm,
                                  const QStringList &path)
{
    std::vector<TermChange> out;
    diffInto(oldTerm, newTerm, path, out);
    return out;
}

} // namespace rs::diff
