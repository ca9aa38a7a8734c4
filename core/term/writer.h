#pragma once

#include "term/term.h"

#include <QString>

#include <string>
#include <string_view>

namespace rs::term {

enum class Encoding { Latin1, Unicode };

// What io_lib:format("~w") prints (Encoding::Latin1) or "~tw" (Encoding::Unicode): io_lib:write/2.
QString writeTerm(const Term &term, Encoding encoding = Encoding::Latin1);

// The pieces the pretty printer shares with the writer.
QString writeAtom(const QString &name, Encoding encoding);
// A string literal with quotes and escapes, as io_lib:write_string/2; Encoding::Latin1 also escapes
// characters past 255 as \x{...}, as io_lib:write_string_as_latin1/2.
QString writeString(std::u32string_view codePoints, char32_t quote, Encoding encoding);
// Erlang's float format: the shortest text that reads back to the same double (float_to_list/2 [short]).
QString writeFloat(double value);

namespace detail {

// The same printers appending UTF-32 text, so that callers building large outputs count code points
// (the unit of io_lib's line lengths) and append without intermediate strings.
void appendTerm(std::u32string &out, const Term &term, Encoding encoding);
void appendAtom(std::u32string &out, const QString &name, Encoding encoding);
void appendString(std::u32string &out, std::u32string_view codePoints, char32_t quote, Encoding encoding);
void appendFloat(std::u32string &out, double value);
void appendInteger(std::u32string &out, const Term &integer);
void appendAscii(std::u32string &out, std::string_view text);

} // namespace detail

} // namespace rs::term
