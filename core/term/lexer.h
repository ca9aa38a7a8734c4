#pragma once

#include "common/expected.h"
#include "term/term.h"

#include <QByteArrayView>
#include <QString>

#include <string>
#include <vector>

namespace rs::term {

// The tokens of erl_scan that can appear in a file of terms.
enum class TokenKind {
    Atom,     // text: the name
    Keyword,  // text: a reserved word such as 'end' (not an atom unless quoted)
    Variable, // text: the name (not allowed in a term; kept for a precise error)
    Integer,  // value
    Float,    // value
    Char,     // value ($c)
    String,   // text: the code points
    Punct,    // text: the symbol, e.g. "{", "=>", "<<"
    Dot,      // the full stop that ends a term
    End,      // end of input
};

struct Token
{
    TokenKind kind = TokenKind::End;
    std::u32string text;
    Term value;
    int line = 1;
    int column = 1;
};

// Decodes the file's bytes (UTF-8, or Latin-1 when a coding comment says so, as epp does) and
// splits them into tokens. Errors name file, line and column.
Expected<std::vector<Token>> tokenize(QByteArrayView bytes, const QString &fileName);

// "atom 'foo'", "'}'", "end of file" — how a token is named in an error message.
QString describeToken(const Token &token);

} // namespace rs::term
