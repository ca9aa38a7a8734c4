#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <memory>
#include <utility>
#include <vector>

namespace rs::term {

enum class Type : quint8 { Integer, Float, Atom, List, Tuple, Map, Binary };

// Terms nested deeper than this are refused by every reader and decoder, so that no
// recursive walk over a term (printing, encoding, comparing, destroying) can exhaust the stack.
inline constexpr int MaxNestingDepth = 1000;

// An immutable Erlang term: cheap to copy (its payload is shared), compared structurally.
// Strings are lists of integers, as in Erlang; the empty list is `[]` (nil).
// Every term may carry the line and column it was read from (0 when it was built in code);
// positions never take part in comparisons.
class Term
{
public:
    Term() = default; // []

    static Term integer(qint64 value);
    // Sign and magnitude as little-endian base-256 digits (ETF's bignum layout).
    static Term bigInteger(bool negative, QByteArray magnitudeLittleEndian);
    // Digits (without sign) in base 2..36; the caller has checked that they are valid in that base.
    static Term integerFromDigits(QByteArrayView digits, int base, bool negative);
    static Term floating(double value);
    static Term atom(QString name);
    static Term nil() { return Term(); }
    static Term list(std::vector<Term> elements);
    static Term list(std::vector<Term> elements, Term tail); // [E1, ..., En | Tail]
    static Term string(QStringView text);                    // a list of code points
    static Term codePoints(std::u32string_view text);        // the same from UTF-32
    static Term tuple(std::vector<Term> elements);
    // Keys are sorted in OTP's map key order (see compareMapKeys); a repeated key keeps its last
    // value (as #{k => 1, k => 2}).
    static Term map(std::vector<std::pair<Term, Term>> entries);
    static Term binary(QByteArray bytes);

    Type type() const { return m_type; }
    bool isInteger() const { return m_type == Type::Integer; }
    bool isFloat() const { return m_type == Type::Float; }
    bool isNumber() const { return isInteger() || isFloat(); }
    bool isAtom() const { return m_type == Type::Atom; }
    bool isAtom(QStringView name) const;
    bool isList() const { return m_type == Type::List; } // includes []
    bool isNil() const { return m_type == Type::List && !m_payload; }
    bool isProperList() const;
    bool isTuple() const { return m_type == Type::Tuple; }
    bool isTuple(qsizetype arity) const { return isTuple() && size() == arity; }
    bool isMap() const { return m_type == Type::Map; }
    bool isBinary() const { return m_type == Type::Binary; }

    // Integers
    bool fitsInt64() const { return m_type == Type::Integer && !m_payload; }
    qint64 toInt64() const { return m_int; } // valid when fitsInt64()
    bool isNegative() const;                 // integers and floats
    QByteArray magnitude() const;            // |value| as little-endian base-256 digits
    QString toDecimal() const;               // integers only
    // Floats
    double toDouble() const { return m_float; }
    // Atoms
    QString atomName() const;
    // Lists and tuples
    const std::vector<Term> &elements() const;
    qsizetype size() const { return qsizetype(elements().size()); }
    const Term &at(qsizetype index) const { return elements()[size_t(index)]; }
    const Term &tail() const; // [] for proper lists
    // Maps: pairs in OTP's map key order
    const std::vector<std::pair<Term, Term>> &mapEntries() const;
    // Binaries
    QByteArray bytes() const;

    // A proper list of integers that are Unicode code points (or a binary valid as UTF-8), as text.
    bool isText() const;
    QString toText() const;

    int line() const { return m_line; }
    int column() const { return m_column; }
    Term withPosition(int line, int column) const;

    // Exact equality (=:=): 1 and 1.0 differ; positions are ignored.
    friend bool operator==(const Term &a, const Term &b);
    // Erlang's standard term order: number < atom < tuple < map < [] < list < binary.
    static int compare(const Term &a, const Term &b);
    friend bool operator<(const Term &a, const Term &b) { return compare(a, b) < 0; }
    // The order OTP lays out map pairs in (term_to_binary, io_lib): term order, except that every
    // integer comes before every float, at any depth. Maps of more than 32 keys are hash-ordered
    // inside OTP, so their pairs may come in another order there.
    static int compareMapKeys(const Term &a, const Term &b);

    struct Payload;

private:
    Type m_type = Type::List;
    int m_line = 0;
    int m_column = 0;
    union {
        qint64 m_int = 0;
        double m_float;
    };
    std::shared_ptr<const Payload> m_payload;
};

QString typeName(Type type);

// An atom from an ASCII name written in code: atom("progress").
inline Term atom(const char *name)
{
    return Term::atom(QString::fromLatin1(name));
}

} // namespace rs::term
