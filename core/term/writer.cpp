#include "term/writer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace rs::term {

namespace {

std::u32string codePointsOf(const QString &text)
{
    std::u32string out;
    out.reserve(size_t(text.size()));
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out.push_back(QChar::surrogateToUcs4(c, text.at(i + 1)));
            ++i;
        } else {
            out.push_back(c.unicode());
        }
    }
    return out;
}

QString toQString(const std::u32string &text)
{
    return QString::fromUcs4(text.data(), qsizetype(text.size()));
}

// erl_scan:reserved_word/1 of OTP 25 (no feature keywords are enabled by default).
bool isReservedWord(std::u32string_view name)
{
    static constexpr std::array<std::u32string_view, 27> words = {
        U"after", U"begin", U"case", U"try", U"cond",    U"catch", U"andalso", U"orelse", U"end",
        U"fun",   U"if",    U"let",  U"of",  U"receive", U"when",  U"bnot",    U"not",    U"div",
        U"rem",   U"band",  U"and",  U"bor", U"bxor",    U"bsl",   U"bsr",     U"or",     U"xor"};
    return std::find(words.begin(), words.end(), name) != words.end();
}

bool isLowerNameStart(char32_t c)
{
    return (c >= U'a' && c <= U'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
}

bool isNameChar(char32_t c)
{
    return isLowerNameStart(c) || (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
           (c >= U'0' && c <= U'9') || c == U'_' || c == U'@';
}

// io_lib:quote_atom/2.
bool atomNeedsQuotes(std::u32string_view name)
{
    if (name.empty() || isReservedWord(name) || !isLowerNameStart(name.front()))
        return true;
    return !std::all_of(name.begin() + 1, name.end(), isNameChar);
}

void appendHex(std::u32string &out, char32_t value)
{
    std::array<char, 16> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), quint32(value), 16);
    for (const char *p = buffer.data(); p != result.ptr; ++p)
        out.push_back(char32_t(*p >= 'a' ? *p - 'a' + 'A' : *p));
}

char32_t namedEscape(char32_t c)
{
    switch (c) {
    case U'\n':
        return U'n';
    case U'\r':
        return U'r';
    case U'\t':
        return U't';
    case U'\v':
        return U'v';
    case U'\b':
        return U'b';
    case U'\f':
        return U'f';
    case 0x1B:
        return U'e';
    case 0x7F:
        return U'd';
    default:
        return 0;
    }
}

// io_lib:string_char/4; Encoding::Latin1 is its unicode_as_latin1 mode.
void appendStringChar(std::u32string &out, char32_t c, char32_t quote, Encoding encoding)
{
    if (c == quote || c == U'\\') {
        out.push_back(U'\\');
        out.push_back(c);
    } else if (c >= 0x20 && c <= 0x7E) {
        out.push_back(c);
    } else if (c >= 0xA0) {
        if (encoding == Encoding::Unicode || c <= 0xFF) {
            out.push_back(c);
        } else {
            detail::appendAscii(out, "\\x{");
            appendHex(out, c);
            out.push_back(U'}');
        }
    } else if (const char32_t escape = namedEscape(c)) {
        out.push_back(U'\\');
        out.push_back(escape);
    } else {
        out.push_back(U'\\');
        out.push_back(U'0' + ((c >> 6) & 7));
        out.push_back(U'0' + ((c >> 3) & 7));
        out.push_back(U'0' + (c & 7));
    }
}

void appendBinary(std::u32string &out, const QByteArray &bytes)
{
    out.append(U"<<");
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (i > 0)
            out.push_back(U',');
        detail::appendInteger(out, Term::integer(quint8(bytes[i])));
    }
    out.append(U">>");
}

void appendList(std::u32string &out, const Term &list, Encoding encoding)
{
    out.push_back(U'[');
    bool first = true;
    for (const Term &element : list.elements()) {
        if (!first)
            out.push_back(U',');
        first = false;
        detail::appendTerm(out, element, encoding);
    }
    if (!list.tail().isNil()) {
        out.push_back(U'|');
        detail::appendTerm(out, list.tail(), encoding);
    }
    out.push_back(U']');
}

void appendTuple(std::u32string &out, const Term &tuple, Encoding encoding)
{
    out.push_back(U'{');
    bool first = true;
    for (const Term &element : tuple.elements()) {
        if (!first)
            out.push_back(U',');
        first = false;
        detail::appendTerm(out, element, encoding);
    }
    out.push_back(U'}');
}

void appendMap(std::u32string &out, const Term &map, Encoding encoding)
{
    out.append(U"#{");
    bool first = true;
    for (const auto &[key, value] : map.mapEntries()) { // already in OTP's map key order
        if (!first)
            out.push_back(U',');
        first = false;
        detail::appendTerm(out, key, encoding);
        out.append(U" => ");
        detail::appendTerm(out, value, encoding);
    }
    out.push_back(U'}');
}

// The decimal digits and exponent of the shortest text that reads back as `magnitude`.
struct ShortestDecimal
{
    std::string digits; // no leading or trailing zeros, except "0" for zero
    int exponent = 0;   // value = digits * 10^exponent
};

ShortestDecimal shortestDecimal(double magnitude)
{
    std::array<char, 64> buffer{};
    const auto result =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), magnitude, std::chars_format::scientific);
    const std::string_view text(buffer.data(), size_t(result.ptr - buffer.data()));
    const size_t e = text.find('e');
    ShortestDecimal decimal;
    decimal.digits.push_back(text[0]);
    if (e > 1)
        decimal.digits.append(text.substr(2, e - 2));
    std::string_view exponentText = text.substr(e + 1);
    if (!exponentText.empty() && exponentText.front() == '+')
        exponentText.remove_prefix(1);
    int scientificExponent = 0;
    std::from_chars(exponentText.data(), exponentText.data() + exponentText.size(), scientificExponent);
    decimal.exponent = scientificExponent - int(decimal.digits.size()) + 1;
    return decimal;
}

// erts' ryu to_chars(): Erlang's choice between "1234.5" and "1.2345e3".
bool useFixedNotation(const ShortestDecimal &decimal)
{
    const int length = int(decimal.digits.size());
    const int scientificExponent = decimal.exponent + length - 1;
    int lower = -(length + 2);
    int upper = scientificExponent >= 10 ? 2 : 1;
    if (length == 1) {
        lower = -4;
        upper = 2;
    }
    if (decimal.exponent < lower || decimal.exponent > upper)
        return false;
    // Past 2^53 not every integer is a double, so OTP shows such values in scientific notation.
    const std::uint64_t mantissa = std::stoull(decimal.digits);
    return !((mantissa >= (1ULL << 53) && decimal.exponent == 0) ||
             (mantissa > (1ULL << 52) / 5 && decimal.exponent == 1) ||
             (mantissa > (1ULL << 51) / 25 && decimal.exponent == 2));
}

void appendFixed(std::u32string &out, const ShortestDecimal &decimal)
{
    const int length = int(decimal.digits.size());
    const int wholeDigits = length + decimal.exponent;
    if (decimal.exponent >= 0) {
        detail::appendAscii(out, decimal.digits);
        out.append(size_t(decimal.exponent), U'0');
        out.append(U".0");
    } else if (wholeDigits > 0) {
        detail::appendAscii(out, std::string_view(decimal.digits).substr(0, size_t(wholeDigits)));
        out.push_back(U'.');
        detail::appendAscii(out, std::string_view(decimal.digits).substr(size_t(wholeDigits)));
    } else {
        out.append(U"0.");
        out.append(size_t(-wholeDigits), U'0');
        detail::appendAscii(out, decimal.digits);
    }
}

void appendScientific(std::u32string &out, const ShortestDecimal &decimal)
{
    const int length = int(decimal.digits.size());
    out.push_back(char32_t(decimal.digits[0]));
    out.push_back(U'.');
    if (length > 1)
        detail::appendAscii(out, std::string_view(decimal.digits).substr(1));
    else
        out.push_back(U'0');
    out.push_back(U'e');
    detail::appendInteger(out, Term::integer(decimal.exponent + length - 1));
}

} // namespace

namespace detail {

void appendAscii(std::u32string &out, std::string_view text)
{
    for (const char c : text)
        out.push_back(char32_t(quint8(c)));
}

void appendInteger(std::u32string &out, const Term &integer)
{
    if (integer.fitsInt64()) {
        std::array<char, 24> buffer{};
        const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), integer.toInt64());
        appendAscii(out, std::string_view(buffer.data(), size_t(result.ptr - buffer.data())));
        return;
    }
    const QString digits = integer.toDecimal();
    for (const QChar c : digits)
        out.push_back(c.unicode());
}

void appendFloat(std::u32string &out, double value)
{
    if (!std::isfinite(value)) { // Erlang has no such floats; print something readable anyway
        appendAscii(out, std::isnan(value) ? "nan" : (value < 0 ? "-inf" : "inf"));
        return;
    }
    if (std::signbit(value))
        out.push_back(U'-');
    const ShortestDecimal decimal = shortestDecimal(std::fabs(value));
    if (useFixedNotation(decimal))
        appendFixed(out, decimal);
    else
        appendScientific(out, decimal);
}

void appendString(std::u32string &out, std::u32string_view codePoints, char32_t quote, Encoding encoding)
{
    out.push_back(quote);
    for (const char32_t c : codePoints)
        appendStringChar(out, c, quote, encoding);
    out.push_back(quote);
}

void appendAtom(std::u32string &out, const QString &name, Encoding encoding)
{
    const std::u32string chars = codePointsOf(name);
    if (atomNeedsQuotes(chars))
        appendString(out, chars, U'\'', encoding);
    else
        out.append(chars);
}

void appendTerm(std::u32string &out, const Term &term, Encoding encoding)
{
    switch (term.type()) {
    case Type::Integer:
        appendInteger(out, term);
        return;
    case Type::Float:
        appendFloat(out, term.toDouble());
        return;
    case Type::Atom:
        appendAtom(out, term.atomName(), encoding);
        return;
    case Type::Binary:
        appendBinary(out, term.bytes());
        return;
    case Type::List:
        appendList(out, term, encoding);
        return;
    case Type::Tuple:
        appendTuple(out, term, encoding);
        return;
    case Type::Map:
        appendMap(out, term, encoding);
        return;
    }
}

} // namespace detail

QString writeTerm(const Term &term, Encoding encoding)
{
    std::u32string out;
    detail::appendTerm(out, term, encoding);
    return toQString(out);
}

QString writeAtom(const QString &name, Encoding encoding)
{
    std::u32string out;
    detail::appendAtom(out, name, encoding);
    return toQString(out);
}

QString writeString(std::u32string_view codePoints, char32_t quote, Encoding encoding)
{
    std::u32string out;
    detail::appendString(out, codePoints, quote, encoding);
    return toQString(out);
}

QString writeFloat(double value)
{
    std::u32string out;
    detail::appendFloat(out, value);
    return toQString(out);
}

} // namespace rs::term
