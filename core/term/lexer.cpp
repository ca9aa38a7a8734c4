#include "term/lexer.h"

#include <QRegularExpression>

#include <array>
#include <charconv>
#include <string_view>

namespace rs::term {

namespace {

// Integer literals longer than this are refused: no release file needs them, and a huge one
// would only cost time and memory.
constexpr qsizetype MaxIntegerDigits = 10000;
constexpr qsizetype MaxAtomLength = 255;

constexpr std::array<std::u32string_view, 28> ReservedWords = {
    U"after", U"and",    U"andalso", U"band", U"begin", U"bnot", U"bor", U"bsl",  U"bsr", U"bxor",
    U"case",  U"catch",  U"cond",    U"div",  U"end",   U"fun",  U"if",  U"let",  U"not", U"of",
    U"or",    U"orelse", U"receive", U"rem",  U"try",   U"when", U"xor", U"maybe"};

bool isReservedWord(std::u32string_view word)
{
    for (const auto &w : ReservedWords) {
        if (w == word)
            return true;
    }
    return false;
}

bool isWhiteSpace(char32_t c)
{
    return c <= U' ' || (c >= 0x80 && c <= 0xA0);
}
bool isDigit(char32_t c)
{
    return c >= U'0' && c <= U'9';
}
bool isLowerStart(char32_t c)
{
    return (c >= U'a' && c <= U'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
}
bool isUpperStart(char32_t c)
{
    return (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}
bool isNameChar(char32_t c)
{
    return isLowerStart(c) || isUpperStart(c) || isDigit(c) || c == U'_' || c == U'@';
}

int digitValue(char32_t c)
{
    if (c >= U'0' && c <= U'9')
        return int(c - U'0');
    if (c >= U'a' && c <= U'z')
        return int(c - U'a') + 10;
    if (c >= U'A' && c <= U'Z')
        return int(c - U'A') + 10;
    return 99;
}

QString fromU32(std::u32string_view s)
{
    return QString::fromUcs4(s.data(), qsizetype(s.size()));
}

// epp's rule: a "coding: NAME" comment on one of the first two lines chooses the encoding.
bool declaresLatin1(QByteArrayView bytes)
{
    qsizetype end = 0;
    for (int line = 0; line < 2 && end < bytes.size(); ++line) {
        qsizetype next = bytes.indexOf('\n', end);
        if (next < 0)
            next = bytes.size();
        const QString text = QString::fromLatin1(bytes.sliced(end, next - end));
        static const QRegularExpression coding(QStringLiteral("^\\s*%.*coding\\s*[:=]\\s*([-a-zA-Z0-9_]+)"));
        const auto m = coding.match(text);
        if (m.hasMatch()) {
            const QString name = m.captured(1).toLower();
            return name == QLatin1String("latin-1") || name == QLatin1String("latin1") ||
                   name == QLatin1String("iso-8859-1");
        }
        end = next + 1;
    }
    return false;
}

struct Position
{
    int line = 1;
    int column = 1;
};

// UTF-8 to code points, refusing overlong forms, surrogates and bytes that start nothing.
Expected<std::u32string> decodeText(QByteArrayView bytes, const QString &fileName)
{
    std::u32string out;
    out.reserve(size_t(bytes.size()));
    if (declaresLatin1(bytes)) {
        for (const char b : bytes)
            out.push_back(char32_t(quint8(b)));
        return out;
    }
    qsizetype i = 0;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        i = 3;
    Position pos;
    while (i < bytes.size()) {
        const quint8 b0 = quint8(bytes[i]);
        int extra = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if (b0 < 0x80) {
            cp = b0;
        } else if ((b0 & 0xE0) == 0xC0) {
            extra = 1, cp = b0 & 0x1F, min = 0x80;
        } else if ((b0 & 0xF0) == 0xE0) {
            extra = 2, cp = b0 & 0x0F, min = 0x800;
        } else if ((b0 & 0xF8) == 0xF0) {
            extra = 3, cp = b0 & 0x07, min = 0x10000;
        } else {
            extra = -1;
        }
        bool valid = extra >= 0 && i + extra < bytes.size();
        for (int k = 1; valid && k <= extra; ++k) {
            const quint8 b = quint8(bytes[i + k]);
            valid = (b & 0xC0) == 0x80;
            cp = (cp << 6) | (b & 0x3F);
        }
        valid = valid && cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
        if (!valid) {
            return Finding::error(
                QStringLiteral(
                    "invalid UTF-8 (byte 0x%1); the file is read as UTF-8 unless its first line says "
                    "%% coding: latin-1")
                    .arg(b0, 2, 16, QLatin1Char('0')),
                {fileName, pos.line, pos.column});
        }
        out.push_back(cp);
        if (cp == U'\n')
            pos = {pos.line + 1, 1};
        else
            ++pos.column;
        i += extra + 1;
    }
    return out;
}

class Lexer
{
public:
    Lexer(std::u32string text, QString fileName) : m_text(std::move(text)), m_file(std::move(fileName)) {}

    Expected<std::vector<Token>> run()
    {
        std::vector<Token> tokens;
        while (true) {
            skipSpaceAndComments();
            Token token;
            token.line = m_line;
            token.column = m_column;
            if (atEnd()) {
                tokens.push_back(std::move(token));
                return tokens;
            }
            if (!scanToken(token))
                return m_error;
            tokens.push_back(std::move(token));
        }
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char32_t peek(size_t ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : char32_t(0xFFFFFFFF);
    }
    char32_t next()
    {
        const char32_t c = m_text[m_pos++];
        if (c == U'\n') {
            ++m_line;
            m_column = 1;
        } else {
            ++m_column;
        }
        return c;
    }

    bool fail(const QString &message, int line, int column)
    {
        m_error = Finding::error(message, {m_file, line, column});
        return false;
    }
    bool fail(const QString &message) { return fail(message, m_line, m_column); }

    void skipSpaceAndComments()
    {
        while (!atEnd()) {
            const char32_t c = peek();
            if (isWhiteSpace(c)) {
                next();
            } else if (c == U'%') {
                while (!atEnd() && peek() != U'\n')
                    next();
            } else {
                return;
            }
        }
    }

    bool scanToken(Token &token)
    {
        const char32_t c = peek();
        if (isDigit(c))
            return scanNumber(token);
        if (isLowerStart(c)) {
            const std::u32string name = scanName();
            token.kind = isReservedWord(name) ? TokenKind::Keyword : TokenKind::Atom;
            token.text = name;
            return true;
        }
        if (isUpperStart(c) || c == U'_') {
            token.kind = TokenKind::Variable;
            token.text = scanName();
            return true;
        }
        switch (c) {
        case U'\'':
            return scanQuoted(token, U'\'');
        case U'"':
            return scanQuoted(token, U'"');
        case U'$':
            return scanChar(token);
        case U'.':
            next();
            if (atEnd() || isWhiteSpace(peek()) || peek() == U'%') {
                token.kind = TokenKind::Dot;
            } else {
                token.kind = TokenKind::Punct;
                token.text = U".";
            }
            return true;
        default:
            return scanPunct(token);
        }
    }

    std::u32string scanName()
    {
        std::u32string name;
        while (!atEnd() && isNameChar(peek()))
            name.push_back(next());
        return name;
    }

    bool scanPunct(Token &token)
    {
        static constexpr std::array<std::u32string_view, 10> twoChar = {U"<<", U">>", U"=>", U":=", U"||",
                                                                        U"->", U"::", U"==", U"=<", U">="};
        for (const auto &p : twoChar) {
            if (peek() == p[0] && peek(1) == p[1]) {
                next();
                next();
                token.kind = TokenKind::Punct;
                token.text = p;
                return true;
            }
        }
        static constexpr std::u32string_view single = U"{}[]()<>,|#-+/:=;*!?";
        if (single.find(peek()) != std::u32string_view::npos) {
            token.kind = TokenKind::Punct;
            token.text = std::u32string(1, next());
            return true;
        }
        const char32_t c = peek();
        return fail(QStringLiteral("illegal character '%1' (U+%2)")
                        .arg(fromU32(std::u32string(1, c)))
                        .arg(uint(c), 4, 16, QLatin1Char('0')));
    }

    // Digits with single underscores between them (1_000), in the given base.
    bool scanDigits(int base, std::string &digits, const Token &token)
    {
        while (!atEnd()) {
            const char32_t c = peek();
            if (digitValue(c) < base) {
                digits.push_back(char(c));
                next();
            } else if (c == U'_' && !digits.empty() && digitValue(peek(1)) < base) {
                next();
            } else {
                break;
            }
            if (qsizetype(digits.size()) > MaxIntegerDigits) {
                return fail(QStringLiteral("integer too large: more than %1 digits").arg(MaxIntegerDigits),
                            token.line, token.column);
            }
        }
        return true;
    }

    bool scanNumber(Token &token)
    {
        std::string digits;
        if (!scanDigits(10, digits, token))
            return false;
        if (peek() == U'#') {
            const int base = digits.size() <= 2 ? std::stoi(digits) : 0;
            if (base < 2 || base > 36) {
                return fail(QStringLiteral("illegal base %1 in a based integer (2..36)")
                                .arg(QString::fromStdString(digits)),
                            token.line, token.column);
            }
            next();
            std::string based;
            if (!scanDigits(base, based, token))
                return false;
            if (based.empty())
                return fail(QStringLiteral("expected digits of base %1 after '#'").arg(base));
            token.kind = TokenKind::Integer;
            token.value =
                Term::integerFromDigits(QByteArrayView(based.data(), qsizetype(based.size())), base, false);
            return true;
        }
        if (peek() == U'.' && isDigit(peek(1))) {
            next();
            std::string text = digits + '.';
            if (!scanDigits(10, text, token))
                return false;
            if ((peek() == U'e' || peek() == U'E') &&
                (isDigit(peek(1)) || ((peek(1) == U'-' || peek(1) == U'+') && isDigit(peek(2))))) {
                text.push_back('e');
                next();
                if (peek() == U'-' || peek() == U'+')
                    text.push_back(char(next()));
                if (!scanDigits(10, text, token))
                    return false;
            }
            double value = 0;
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
            if (ec != std::errc() || end != text.data() + text.size())
                return fail(QStringLiteral("float out of range: %1").arg(QString::fromStdString(text)),
                            token.line, token.column);
            token.kind = TokenKind::Float;
            token.value = Term::floating(value);
            return true;
        }
        token.kind = TokenKind::Integer;
        token.value =
            Term::integerFromDigits(QByteArrayView(digits.data(), qsizetype(digits.size())), 10, false);
        return true;
    }

    // One character after a backslash, as erl_scan reads escapes.
    bool scanEscape(char32_t &out)
    {
        const int line = m_line;
        const int column = m_column - 1;
        if (atEnd())
            return fail(QStringLiteral("unterminated escape sequence"), line, column);
        const char32_t c = next();
        if (c >= U'0' && c <= U'7') {
            char32_t value = c - U'0';
            for (int i = 0; i < 2 && peek() >= U'0' && peek() <= U'7'; ++i)
                value = value * 8 + (next() - U'0');
            out = value;
            return true;
        }
        if (c == U'x') {
            if (peek() == U'{') {
                next();
                char32_t value = 0;
                int count = 0;
                while (digitValue(peek()) < 16) {
                    value = value * 16 + char32_t(digitValue(next()));
                    if (++count > 8)
                        break;
                }
                if (count == 0 || count > 8 || peek() != U'}' || value > 0x10FFFF)
                    return fail(QStringLiteral("illegal \\x{...} escape"), line, column);
                next();
                out = value;
                return true;
            }
            if (digitValue(peek()) < 16 && digitValue(peek(1)) < 16) {
                out = char32_t(digitValue(next()) * 16);
                out += char32_t(digitValue(next()));
                return true;
            }
            return fail(QStringLiteral("illegal \\x escape: expected two hex digits or \\x{...}"), line,
                        column);
        }
        if (c == U'^') {
            if (atEnd())
                return fail(QStringLiteral("unterminated escape sequence"), line, column);
            out = next() & 31;
            return true;
        }
        switch (c) {
        case U'n':
            out = U'\n';
            break;
        case U'r':
            out = U'\r';
            break;
        case U't':
            out = U'\t';
            break;
        case U'v':
            out = U'\v';
            break;
        case U'b':
            out = U'\b';
            break;
        case U'f':
            out = U'\f';
            break;
        case U'e':
            out = 27;
            break;
        case U's':
            out = U' ';
            break;
        case U'd':
            out = 127;
            break;
        default:
            out = c;
            break;
        }
        return true;
    }

    bool scanQuoted(Token &token, char32_t quote)
    {
        next();
        std::u32string text;
        while (true) {
            if (atEnd()) {
                return fail(quote == U'"' ? QStringLiteral("unterminated string: no closing '\"'")
                                          : QStringLiteral("unterminated quoted atom: no closing \"'\""),
                            token.line, token.column);
            }
            char32_t c = next();
            if (c == quote)
                break;
            if (c == U'\\' && !scanEscape(c))
                return false;
            text.push_back(c);
        }
        if (quote == U'\'') {
            if (qsizetype(text.size()) > MaxAtomLength) {
                return fail(QStringLiteral("atom too long: %1 characters (at most %2)")
                                .arg(text.size())
                                .arg(MaxAtomLength),
                            token.line, token.column);
            }
            token.kind = TokenKind::Atom;
        } else {
            token.kind = TokenKind::String;
        }
        token.text = std::move(text);
        return true;
    }

    bool scanChar(Token &token)
    {
        next();
        if (atEnd())
            return fail(QStringLiteral("expected a character after '$'"), token.line, token.column);
        char32_t c = next();
        if (c == U'\\' && !scanEscape(c))
            return false;
        token.kind = TokenKind::Char;
        token.value = Term::integer(c);
        return true;
    }

    std::u32string m_text;
    QString m_file;
    size_t m_pos = 0;
    int m_line = 1;
    int m_column = 1;
    Finding m_error;
};

} // namespace

Expected<std::vector<Token>> tokenize(QByteArrayView bytes, const QString &fileName)
{
    auto text = decodeText(bytes, fileName);
    if (!text)
        return text.error();
    return Lexer(std::move(text).value(), fileName).run();
}

QString describeToken(const Token &token)
{
    const QString text = fromU32(token.text);
    switch (token.kind) {
    case TokenKind::Atom:
        return QStringLiteral("atom '%1'").arg(text);
    case TokenKind::Keyword:
        return QStringLiteral("reserved word '%1'").arg(text);
    case TokenKind::Variable:
        return QStringLiteral("variable %1").arg(text);
    case TokenKind::Integer:
        return QStringLiteral("integer %1").arg(token.value.toDecimal().left(20));
    case TokenKind::Float:
        return QStringLiteral("a float");
    case TokenKind::Char:
        return QStringLiteral("a character");
    case TokenKind::String:
        return QStringLiteral("string \"%1\"")
            .arg(text.size() > 20 ? text.left(20) + QStringLiteral("…") : text);
    case TokenKind::Punct:
        return QStringLiteral("'%1'").arg(text);
    case TokenKind::Dot:
        return QStringLiteral("'.'");
    case TokenKind::End:
        return QStringLiteral("end of file");
    }
    return {};
}

} // namespace rs::term
