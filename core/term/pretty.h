#pragma once

#include "term/term.h"
#include "term/writer.h"

#include <QString>

namespace rs::term {

struct PrettyOptions
{
    int column = 1;      // io_lib_format passes indentation + 1; after a newline that is 1
    int lineLength = 80; // ~p's default field width
    int depth = -1;      // -1: no depth limit
    Encoding encoding = Encoding::Unicode;
    bool strings = true; // ~lp prints strings as lists
};

// What io_lib:format("~tp", [Term]) prints: io_lib_pretty:print/2 at line length 80.
// This is how OTP writes .script, relup and RELEASES files.
QString prettyTerm(const Term &term, const PrettyOptions &options = {});

// A term on one line, as ~tp prints it with no line limit: for messages that quote a term.
QString prettyOneLine(const Term &term);

// The text of a file as OTP writes it with io:format(Fd, "%% ~s\n~tp.\n", ["coding: utf-8", Term]),
// encoded as UTF-8.
QByteArray consultFileText(const Term &term);

} // namespace rs::term
