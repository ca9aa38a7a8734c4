#pragma once

// Differences between two Erlang terms by key path, as a release engineer reads sys.config, a
// .app's env or a .rel: lists of {Key, Value} pairs (and of bare atoms) and maps are compared key
// by key, recursively; anything else is compared as a whole.

#include "diff/diff_report.h"
#include "term/term.h"

#include <vector>

namespace rs::diff {

// The changes that turn `oldTerm` into `newTerm`, each with its key path below `path`.
//  - A keyed list is a proper, non-empty list that is not a string, whose elements are all tuples
//    of two or more elements with an atom first (key: that atom; value: the second element, or the
//    tuple of the rest for longer tuples) or bare atoms (key and value: the atom), with no key
//    twice. Maps are keyed by their keys. Keys are written as values are (~tp on one line).
//  - Two keyed terms give a change for each key only one of them has (Added, Removed) and the
//    changes of the values under the keys both have. When that finds nothing although the terms
//    differ (the order of the keys changed), the whole term is one change.
//  - Anything else that differs is one Changed entry at `path`.
// Equal terms (=:=, positions ignored) give nothing.
std::vector<TermChange> diffTerms(const term::Term &oldTerm, const term::Term &newTerm,
                                  const QStringList &path = {});

// A term on one line as ~tp writes it (strings as "...", binaries as <<"...">>), cut after 65536
// characters with "...".
QString termText(const term::Term &term);
// The same, whole.
QString oneLineTerm(const term::Term &term);

} // namespace rs::diff
