#pragma once

#include "common/expected.h"
#include "term/term.h"

#include <QByteArrayView>
#include <QString>

#include <vector>

namespace rs::term {

// Reads Erlang terms as file:consult/1 does: a sequence of terms, each ended by a full stop,
// with comments, quoted atoms, every escape form, $c characters, based integers (16#FF), floats,
// binaries <<...>>, maps and adjacent string concatenation. UTF-8 unless a
// "%% coding: latin-1" comment in the first two lines says otherwise (epp's rule).
// Every term carries the line and column where it starts. Errors name file, line and column.
Expected<std::vector<Term>> consultText(QByteArrayView text, const QString &fileName = QString());
Expected<std::vector<Term>> consultFile(const QString &path);

// Exactly one term, with or without its final full stop (erl_parse:parse_term on a string).
Expected<Term> parseTerm(QByteArrayView text, const QString &fileName = QString());

} // namespace rs::term
