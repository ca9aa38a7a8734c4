#include "term/reader.h"

#include "term/lexer.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstring>

namespace rs::term {

namespace {

QString fromU32(std::u32string_view s)
{
    return QString::fromUcs4(s.data(), qsizetype(s.size()));
}

// Bits appended most significant first; a binary must end on a byte boundary.
class BitWriter
{
public:
    void appendBits(const QByteArray &bigEndianBytes, qint64 bitCount)
    {
        // bigEndianBytes holds at least bitCount bits, right-aligned.
        const qint64 totalBits = qint64(bigEndianBytes.size()) * 8;
        for (qint64 i = totalBits - bitCount; i < totalBits; ++i) {
            const bool bit = (quint8(bigEndianBytes[qsizetype(i / 8)]) >> (7 - i % 8)) & 1;
            appendBit(bit);
        }
    }
    void appendBytes(const QByteArray &bytes)
    {
        if (m_bits % 8 == 0) {
            m_bytes.append(bytes);
            m_bits += qint64(bytes.size()) * 8;
        } else {
            appendBits(bytes, qint64(bytes.size()) * 8);
        }
    }
    bool wholeBytes() const { return m_bits % 8 == 0; }
    qint64 bitCount() const { return m_bits; }
    const QByteArray &bytes() const { return m_bytes; }

private:
    void appendBit(bool bit)
    {
        if (m_bits % 8 == 0)
            m_bytes.append('\0');
        if (bit)
            m_bytes.back() = char(quint8(m_bytes.back()) | (0x80 >> (m_bits % 8)));
        ++m_bits;
    }
    QByteArray m_bytes;
    qint64 m_bits = 0;
};

// The low `bits` bits of an integer in two's complement, big-endian, right-aligned.
QByteArray twosComplement(const Term &value, qint64 bits)
{
    const qsizetype width = qsizetype((bits + 7) / 8) + 1;
    QByteArray le = value.magnitude();
    le.resize(std::max(width, le.size()), '\0');
    if (value.isNegative()) {
        bool carry = true;
        for (char &b : le) {
            quint8 v = quint8(~quint8(b));
            if (carry) {
                ++v;
                carry = v == 0;
            }
            b = char(v);
        }
    }
    QByteArray be(qsizetype((bits + 7) / 8), '\0');
    for (qsizetype i = 0; i < be.size(); ++i)
        be[be.size() - 1 - i] = le[i];
    // Clear the unused high bits of the first byte.
    if (bits % 8)
        be[0] = char(quint8(be[0]) & ((1 << (bits % 8)) - 1));
    return be;
}

QByteArray utf16(char32_t c, bool little)
{
    QByteArray out;
    auto unit = [&](char16_t u) {
        out.append(char(little ? u & 0xff : u >> 8));
        out.append(char(little ? u >> 8 : u & 0xff));
    };
    if (c >= 0x10000) {
        c -= 0x10000;
        unit(char16_t(0xD800 + (c >> 10)));
        unit(char16_t(0xDC00 + (c & 0x3FF)));
    } else {
        unit(char16_t(c));
    }
    return out;
}

QByteArray utf32(char32_t c, bool little)
{
    QByteArray out(4, '\0');
    for (int i = 0; i < 4; ++i)
        out[little ? i : 3 - i] = char((c >> (8 * i)) & 0xff);
    return out;
}

struct SegmentType
{
    enum Kind { Integer, Float, Binary, Utf8, Utf16, Utf32 } kind = Integer;
    bool little = false;
    bool kindGiven = false;
};

class Parser
{
public:
    Parser(std::vector<Token> tokens, QString fileName)
        : m_tokens(std::move(tokens)), m_file(std::move(fileName))
    {
    }

    Expected<std::vector<Term>> consult()
    {
        std::vector<Term> terms;
        while (current().kind != TokenKind::End) {
            Term t;
            if (!parseTerm(t, 0) || !expectDot())
                return m_error;
            terms.push_back(std::move(t));
        }
        return terms;
    }

    Expected<Term> single()
    {
        Term t;
        if (!parseTerm(t, 0))
            return m_error;
        if (current().kind == TokenKind::Dot)
            advance();
        if (current().kind != TokenKind::End) {
            expected(QStringLiteral("end of input after the term"));
            return m_error;
        }
        return t;
    }

private:
    const Token &current() const { return m_tokens[m_index]; }
    const Token &peekToken(size_t ahead) const
    {
        return m_tokens[std::min(m_index + ahead, m_tokens.size() - 1)];
    }
    void advance()
    {
        if (m_index + 1 < m_tokens.size())
            ++m_index;
    }
    bool isPunct(const Token &t, std::u32string_view p) const
    {
        return t.kind == TokenKind::Punct && t.text == p;
    }
    bool atPunct(std::u32string_view p) const { return isPunct(current(), p); }

    bool failAt(const Token &t, const QString &message)
    {
        m_error = Finding::error(message, {m_file, t.line, t.column});
        return false;
    }
    bool expected(const QString &what)
    {
        return failAt(current(), QStringLiteral("expected %1, found %2").arg(what, describeToken(current())));
    }

    bool expectDot()
    {
        if (current().kind == TokenKind::Dot) {
            advance();
            return true;
        }
        if (current().kind == TokenKind::End)
            return failAt(current(),
                          QStringLiteral("expected '.' at the end of the term, found end of file"));
        return expected(QStringLiteral("'.' at the end of the term"));
    }

    bool expectPunct(std::u32string_view p, const QString &what)
    {
        if (atPunct(p)) {
            advance();
            return true;
        }
        return expected(what);
    }

    bool parseTerm(Term &out, int depth)
    {
        if (depth >= MaxNestingDepth) {
            return failAt(
                current(),
                QStringLiteral("terms nested deeper than %1 levels are not supported").arg(MaxNestingDepth));
        }
        const Token &t = current();
        switch (t.kind) {
        case TokenKind::Atom:
            out = Term::atom(fromU32(t.text)).withPosition(t.line, t.column);
            advance();
            return true;
        case TokenKind::Integer:
        case TokenKind::Float:
        case TokenKind::Char:
            out = t.value.withPosition(t.line, t.column);
            advance();
            return true;
        case TokenKind::String:
            return parseStrings(out);
        case TokenKind::Keyword:
            if (t.text == U"fun")
                return failAt(
                    t, QStringLiteral("funs cannot be read as data; a release file holds only plain terms"));
            return failAt(
                t, QStringLiteral("'%1' is a reserved word; write it in quotes ('%1') to use it as an atom")
                       .arg(fromU32(t.text)));
        case TokenKind::Variable:
            return failAt(
                t, QStringLiteral("variable %1 where a term was expected (atoms start with a lowercase "
                                  "letter or are quoted: '%1')")
                       .arg(fromU32(t.text)));
        case TokenKind::Dot:
        case TokenKind::End:
            return expected(QStringLiteral("a term"));
        case TokenKind::Punct:
            break;
        }
        if (atPunct(U"{"))
            return parseTuple(out, depth);
        if (atPunct(U"["))
            return parseList(out, depth);
        if (atPunct(U"<<"))
            return parseBinary(out);
        if (atPunct(U"#"))
            return parseMap(out, depth);
        if (atPunct(U"-") || atPunct(U"+"))
            return parseSignedNumber(out);
        if (atPunct(U"<"))
            return failAt(t, QStringLiteral("pids, ports and references cannot be read as data"));
        return expected(QStringLiteral("a term"));
    }

    // Adjacent string literals are one string, as in "abc" "def".
    bool parseStrings(Term &out)
    {
        const Token &first = current();
        std::u32string text;
        while (current().kind == TokenKind::String) {
            text += current().text;
            advance();
        }
        out = Term::codePoints(text).withPosition(first.line, first.column);
        return true;
    }

    bool parseSignedNumber(Term &out)
    {
        const Token &sign = current();
        const bool negative = sign.text == U"-";
        advance();
        const Token &n = current();
        if (n.kind != TokenKind::Integer && n.kind != TokenKind::Float && n.kind != TokenKind::Char)
            return failAt(sign, QStringLiteral("'%1' must be followed by a number").arg(fromU32(sign.text)));
        Term value = n.value;
        if (negative) {
            value = n.kind == TokenKind::Float ? Term::floating(-n.value.toDouble())
                                               : Term::bigInteger(!n.value.isNegative(), n.value.magnitude());
        }
        out = value.withPosition(sign.line, sign.column);
        advance();
        return true;
    }

    bool parseElements(std::vector<Term> &elements, int depth)
    {
        if (!parseTerm(elements.emplace_back(), depth + 1))
            return false;
        while (atPunct(U",")) {
            advance();
            if (!parseTerm(elements.emplace_back(), depth + 1))
                return false;
        }
        return true;
    }

    bool parseTuple(Term &out, int depth)
    {
        const Token &open = current();
        advance();
        std::vector<Term> elements;
        if (!atPunct(U"}") && !parseElements(elements, depth))
            return false;
        if (!expectPunct(U"}", QStringLiteral("',' or '}'")))
            return false;
        out = Term::tuple(std::move(elements)).withPosition(open.line, open.column);
        return true;
    }

    bool parseList(Term &out, int depth)
    {
        const Token &open = current();
        advance();
        std::vector<Term> elements;
        Term tail;
        if (!atPunct(U"]")) {
            if (!parseElements(elements, depth))
                return false;
            if (atPunct(U"|")) {
                advance();
                if (!parseTerm(tail, depth + 1))
                    return false;
                if (!expectPunct(U"]", QStringLiteral("']' after the tail of the list")))
                    return false;
                out = Term::list(std::move(elements), tail).withPosition(open.line, open.column);
                return true;
            }
        }
        if (!expectPunct(U"]", QStringLiteral("',', '|' or ']'")))
            return false;
        out = Term::list(std::move(elements)).withPosition(open.line, open.column);
        return true;
    }

    bool parseMap(Term &out, int depth)
    {
        const Token &hash = current();
        advance();
        if (!atPunct(U"{"))
            return failAt(hash,
                          QStringLiteral("records cannot be read as data; a map is written #{Key => Value}"));
        advance();
        std::vector<std::pair<Term, Term>> entries;
        if (!atPunct(U"}")) {
            while (true) {
                Term key, value;
                if (!parseTerm(key, depth + 1))
                    return false;
                if (atPunct(U":="))
                    return failAt(current(),
                                  QStringLiteral("':=' updates an existing map key; write '=>' in a map "
                                                 "literal"));
                if (!expectPunct(U"=>", QStringLiteral("'=>' after the map key")))
                    return false;
                if (!parseTerm(value, depth + 1))
                    return false;
                entries.emplace_back(std::move(key), std::move(value));
                if (!atPunct(U","))
                    break;
                advance();
            }
        }
        if (!expectPunct(U"}", QStringLiteral("',' or '}'")))
            return false;
        out = Term::map(std::move(entries)).withPosition(hash.line, hash.column);
        return true;
    }

    bool parseBinary(Term &out)
    {
        const Token &open = current();
        advance();
        BitWriter bits;
        if (!atPunct(U">>")) {
            while (true) {
                if (!parseSegment(bits))
                    return false;
                if (!atPunct(U","))
                    break;
                advance();
            }
        }
        if (!expectPunct(U">>", QStringLiteral("',' or '>>'")))
            return false;
        if (!bits.wholeBytes()) {
            return failAt(open,
                          QStringLiteral("bitstrings are not supported: the binary has %1 bits, not a whole "
                                         "number of bytes")
                              .arg(bits.bitCount()));
        }
        out = Term::binary(bits.bytes()).withPosition(open.line, open.column);
        return true;
    }

    bool parseSegmentTypes(SegmentType &type, qint64 &unit)
    {
        while (true) {
            const Token &t = current();
            if (t.kind != TokenKind::Atom)
                return expected(QStringLiteral("a binary type such as integer, float, binary or utf8"));
            const QString name = fromU32(t.text);
            advance();
            if (name == QLatin1String("integer")) {
                type.kind = SegmentType::Integer, type.kindGiven = true;
            } else if (name == QLatin1String("float")) {
                type.kind = SegmentType::Float, type.kindGiven = true;
            } else if (name == QLatin1String("binary") || name == QLatin1String("bytes")) {
                type.kind = SegmentType::Binary, type.kindGiven = true;
            } else if (name == QLatin1String("utf8")) {
                type.kind = SegmentType::Utf8, type.kindGiven = true;
            } else if (name == QLatin1String("utf16")) {
                type.kind = SegmentType::Utf16, type.kindGiven = true;
            } else if (name == QLatin1String("utf32")) {
                type.kind = SegmentType::Utf32, type.kindGiven = true;
            } else if (name == QLatin1String("little")) {
                type.little = true;
            } else if (name == QLatin1String("big") || name == QLatin1String("signed") ||
                       name == QLatin1String("unsigned")) {
                type.little = type.little && name != QLatin1String("big");
            } else if (name == QLatin1String("unit") && atPunct(U":")) {
                advance();
                if (current().kind != TokenKind::Integer || !current().value.fitsInt64() ||
                    current().value.toInt64() < 1 || current().value.toInt64() > 256)
                    return expected(QStringLiteral("a unit from 1 to 256"));
                unit = current().value.toInt64();
                advance();
            } else {
                return failAt(t, QStringLiteral("unknown binary type '%1'").arg(name));
            }
            if (!atPunct(U"-"))
                return true;
            advance();
        }
    }

    bool parseSegment(BitWriter &bits)
    {
        const Token &start = current();
        Term value;
        std::u32string text;
        bool isString = false;
        if (start.kind == TokenKind::String) {
            isString = true;
            while (current().kind == TokenKind::String) {
                text += current().text;
                advance();
            }
        } else if (start.kind == TokenKind::Integer || start.kind == TokenKind::Float ||
                   start.kind == TokenKind::Char) {
            value = start.value;
            advance();
        } else if (atPunct(U"-") || atPunct(U"+")) {
            if (!parseSignedNumber(value))
                return false;
        } else {
            return expected(QStringLiteral("an integer, float or string in the binary"));
        }

        qint64 size = -1;
        if (atPunct(U":")) {
            advance();
            if (current().kind != TokenKind::Integer || !current().value.fitsInt64() ||
                current().value.isNegative() || current().value.toInt64() > 1 << 20)
                return expected(QStringLiteral("a segment size"));
            size = current().value.toInt64();
            advance();
        }
        SegmentType type;
        qint64 unit = 1;
        if (atPunct(U"/")) {
            advance();
            if (!parseSegmentTypes(type, unit))
                return false;
        }
        if (isString) {
            for (const char32_t c : text) {
                if (!appendValue(bits, Term::integer(c), size, unit, type, start))
                    return false;
            }
            return true;
        }
        return appendValue(bits, value, size, unit, type, start);
    }

    bool appendValue(BitWriter &bits, const Term &value, qint64 size, qint64 unit, SegmentType type,
                     const Token &at)
    {
        if (value.isFloat() && !type.kindGiven)
            type.kind = SegmentType::Float;
        switch (type.kind) {
        case SegmentType::Integer: {
            if (!value.isInteger())
                return failAt(at, QStringLiteral("an integer segment needs an integer value"));
            const qint64 bitCount = (size < 0 ? 8 : size) * unit;
            QByteArray be = twosComplement(value, bitCount);
            if (type.little) {
                if (bitCount % 8)
                    return failAt(at, QStringLiteral("little-endian segments must be whole bytes"));
                std::reverse(be.begin(), be.end());
            }
            bits.appendBits(be, bitCount);
            return true;
        }
        case SegmentType::Float: {
            const qint64 bitCount = (size < 0 ? 64 : size) * unit;
            if (!value.isNumber() || (bitCount != 64 && bitCount != 32))
                return failAt(at,
                              QStringLiteral("a float segment needs a number and a size of 32 or 64 bits"));
            const double d = value.isFloat() ? value.toDouble() : value.toDecimal().toDouble();
            QByteArray be;
            if (bitCount == 64) {
                quint64 raw;
                std::memcpy(&raw, &d, 8);
                for (int i = 7; i >= 0; --i)
                    be.append(char((raw >> (8 * i)) & 0xff));
            } else {
                const float f = float(d);
                quint32 raw;
                std::memcpy(&raw, &f, 4);
                for (int i = 3; i >= 0; --i)
                    be.append(char((raw >> (8 * i)) & 0xff));
            }
            if (type.little)
                std::reverse(be.begin(), be.end());
            bits.appendBytes(be);
            return true;
        }
        case SegmentType::Utf8:
        case SegmentType::Utf16:
        case SegmentType::Utf32: {
            if (!value.fitsInt64() || value.toInt64() < 0 || value.toInt64() > 0x10FFFF ||
                (value.toInt64() >= 0xD800 && value.toInt64() <= 0xDFFF))
                return failAt(at, QStringLiteral("not a Unicode code point"));
            const auto c = char32_t(value.toInt64());
            if (type.kind == SegmentType::Utf8)
                bits.appendBytes(QString::fromUcs4(&c, 1).toUtf8());
            else if (type.kind == SegmentType::Utf16)
                bits.appendBytes(utf16(c, type.little));
            else
                bits.appendBytes(utf32(c, type.little));
            return true;
        }
        case SegmentType::Binary:
            return failAt(at, QStringLiteral("a binary segment needs a binary value"));
        }
        return false;
    }

    std::vector<Token> m_tokens;
    QString m_file;
    size_t m_index = 0;
    Finding m_error;
};

} // namespace

Expected<std::vector<Term>> consultText(QByteArrayView text, const QString &fileName)
{
    auto tokens = tokenize(text, fileName);
    if (!tokens)
        return tokens.error();
    return Parser(std::move(tokens).value(), fileName).consult();
}

Expected<std::vector<Term>> consultFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const QString reason = QFileInfo::exists(path) ? file.errorString() : QStringLiteral("no such file");
        return Finding::error(QStringLiteral("cannot read the file: %1").arg(reason), {path, 0, 0});
    }
    return consultText(file.readAll(), path);
}

Expected<Term> parseTerm(QByteArrayView text, const QString &fileName)
{
    auto tokens = tokenize(text, fileName);
    if (!tokens)
        return tokens.error();
    return Parser(std::move(tokens).value(), fileName).single();
}

} // namespace rs::term
