#include "term/term.h"

#include <gmp.h>

#include <algorithm>
#include <memory>

namespace rs::term {

struct Term::Payload
{
    virtual ~Payload() = default;
};

namespace {

struct AtomPayload final : Term::Payload
{
    explicit AtomPayload(QString n) : name(std::move(n)) {}
    QString name;
};

struct BigPayload final : Term::Payload
{
    BigPayload(bool neg, QByteArray mag) : negative(neg), magnitude(std::move(mag)) {}
    bool negative;
    QByteArray magnitude; // little-endian, no trailing zero bytes, never fits in qint64
};

struct SequencePayload final : Term::Payload
{
    SequencePayload(std::vector<Term> e, Term t) : elements(std::move(e)), tail(std::move(t)) {}
    std::vector<Term> elements;
    Term tail;
};

struct MapPayload final : Term::Payload
{
    explicit MapPayload(std::vector<std::pair<Term, Term>> e) : entries(std::move(e)) {}
    std::vector<std::pair<Term, Term>> entries;
};

struct BinaryPayload final : Term::Payload
{
    explicit BinaryPayload(QByteArray b) : bytes(std::move(b)) {}
    QByteArray bytes;
};

const std::vector<Term> &emptyElements()
{
    static const std::vector<Term> empty;
    return empty;
}

const Term &nilTerm()
{
    static const Term nil;
    return nil;
}

// Two's-complement-free conversion between GMP integers and little-endian magnitudes.
struct Mpz
{
    mpz_t value;
    Mpz() { mpz_init(value); }
    ~Mpz() { mpz_clear(value); }
    Mpz(const Mpz &) = delete;
    Mpz &operator=(const Mpz &) = delete;
};

QByteArray magnitudeOf(const mpz_t value)
{
    const size_t bytes = (mpz_sizeinbase(value, 2) + 7) / 8;
    QByteArray out(qsizetype(bytes), '\0');
    size_t written = 0;
    mpz_export(out.data(), &written, -1, 1, -1, 0, value);
    out.truncate(qsizetype(written));
    return out;
}

void setMagnitude(mpz_t value, const QByteArray &magnitude, bool negative)
{
    mpz_import(value, size_t(magnitude.size()), -1, 1, -1, 0, magnitude.constData());
    if (negative)
        mpz_neg(value, value);
}

int typeRank(const Term &t)
{
    switch (t.type()) {
    case Type::Integer:
    case Type::Float:
        return 0;
    case Type::Atom:
        return 1;
    case Type::Tuple:
        return 2;
    case Type::Map:
        return 3;
    case Type::List:
        return t.isNil() ? 4 : 5;
    case Type::Binary:
        return 6;
    }
    return 7;
}

int sign(int v)
{
    return (v > 0) - (v < 0);
}

int compareIntegers(const Term &a, const Term &b)
{
    if (a.fitsInt64() && b.fitsInt64())
        return a.toInt64() < b.toInt64() ? -1 : (a.toInt64() > b.toInt64() ? 1 : 0);
    Mpz x, y;
    setMagnitude(x.value, a.magnitude(), a.isNegative());
    setMagnitude(y.value, b.magnitude(), b.isNegative());
    return sign(mpz_cmp(x.value, y.value));
}

// How numbers of different types order: by value (standard term order), or every integer before
// every float (OTP's map key order, used to lay out map pairs).
enum class Order { Standard, MapKey };

int compareTerms(const Term &a, const Term &b, Order order);

// Numbers compare by value; an integer and a float of equal value order integer first, so that
// the order is total and agrees with exact equality.
int compareNumbers(const Term &a, const Term &b, Order order)
{
    if (a.isInteger() && b.isInteger())
        return compareIntegers(a, b);
    if (a.isFloat() && b.isFloat())
        return a.toDouble() < b.toDouble() ? -1 : (a.toDouble() > b.toDouble() ? 1 : 0);
    if (order == Order::MapKey)
        return a.isInteger() ? -1 : 1;
    const Term &i = a.isInteger() ? a : b;
    const double f = a.isFloat() ? a.toDouble() : b.toDouble();
    Mpz x, y;
    setMagnitude(x.value, i.magnitude(), i.isNegative());
    mpz_set_d(y.value, f);
    int c = sign(mpz_cmp(x.value, y.value));
    if (c == 0) {
        // Same integral part: the float's fraction decides.
        const double frac = f - mpz_get_d(y.value);
        c = frac > 0 ? -1 : (frac < 0 ? 1 : -1);
    }
    return a.isInteger() ? c : -c;
}

int compareSequences(const std::vector<Term> &a, const std::vector<Term> &b, Order order)
{
    const size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        if (const int c = compareTerms(a[i], b[i], order))
            return c;
    }
    return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

// Lists compare element by element as cons cells: [a|T] against [b|U].
int compareLists(const Term &a, const Term &b, Order order)
{
    const auto &ea = a.elements();
    const auto &eb = b.elements();
    const size_t n = std::min(ea.size(), eb.size());
    for (size_t i = 0; i < n; ++i) {
        if (const int c = compareTerms(ea[i], eb[i], order))
            return c;
    }
    auto rest = [](const Term &t, size_t from) {
        const auto &e = t.elements();
        if (from == e.size())
            return t.tail();
        return Term::list(std::vector<Term>(e.begin() + qsizetype(from), e.end()), t.tail());
    };
    return compareTerms(rest(a, n), rest(b, n), order);
}

int compareMaps(const Term &a, const Term &b, Order order)
{
    const auto &ea = a.mapEntries();
    const auto &eb = b.mapEntries();
    if (ea.size() != eb.size())
        return ea.size() < eb.size() ? -1 : 1;
    for (size_t i = 0; i < ea.size(); ++i) {
        if (const int c = compareTerms(ea[i].first, eb[i].first, order))
            return c;
    }
    for (size_t i = 0; i < ea.size(); ++i) {
        if (const int c = compareTerms(ea[i].second, eb[i].second, order))
            return c;
    }
    return 0;
}

int compareTerms(const Term &a, const Term &b, Order order)
{
    const int ra = typeRank(a);
    const int rb = typeRank(b);
    if (ra != rb)
        return ra < rb ? -1 : 1;
    switch (a.type()) {
    case Type::Integer:
    case Type::Float:
        return compareNumbers(a, b, order);
    case Type::Atom: {
        // Atoms order by their UTF-8 bytes, as the VM compares them.
        const QByteArray x = a.atomName().toUtf8();
        const QByteArray y = b.atomName().toUtf8();
        return sign(x.compare(y));
    }
    case Type::Tuple:
        if (a.size() != b.size())
            return a.size() < b.size() ? -1 : 1;
        return compareSequences(a.elements(), b.elements(), order);
    case Type::Map:
        return compareMaps(a, b, order);
    case Type::List:
        return a.isNil() ? 0 : compareLists(a, b, order);
    case Type::Binary:
        return sign(a.bytes().compare(b.bytes()));
    }
    return 0;
}

} // namespace

Term Term::integer(qint64 value)
{
    Term t;
    t.m_type = Type::Integer;
    t.m_int = value;
    return t;
}

Term Term::bigInteger(bool negative, QByteArray magnitude)
{
    while (!magnitude.isEmpty() && magnitude.back() == '\0')
        magnitude.chop(1);
    if (magnitude.size() <= 8) {
        quint64 m = 0;
        for (qsizetype i = magnitude.size(); i-- > 0;)
            m = (m << 8) | quint8(magnitude[i]);
        if (!negative && m <= quint64(std::numeric_limits<qint64>::max()))
            return integer(qint64(m));
        if (negative && m <= quint64(std::numeric_limits<qint64>::max()) + 1)
            return integer(qint64(0 - m));
    }
    Term t;
    t.m_type = Type::Integer;
    t.m_payload = std::make_shared<BigPayload>(negative, std::move(magnitude));
    return t;
}

Term Term::integerFromDigits(QByteArrayView digits, int base, bool negative)
{
    Mpz v;
    mpz_set_str(v.value, digits.toByteArray().constData(), base);
    return bigInteger(negative && mpz_sgn(v.value) != 0, magnitudeOf(v.value));
}

Term Term::floating(double value)
{
    Term t;
    t.m_type = Type::Float;
    t.m_float = value;
    return t;
}

Term Term::atom(QString name)
{
    Term t;
    t.m_type = Type::Atom;
    t.m_payload = std::make_shared<AtomPayload>(std::move(name));
    return t;
}

Term Term::list(std::vector<Term> elements)
{
    return list(std::move(elements), Term());
}

Term Term::list(std::vector<Term> elements, Term tail)
{
    if (elements.empty())
        return tail;
    // [a | [b, c]] is [a, b, c]: keep lists flat so that equal lists have one shape.
    if (tail.isList() && !tail.isNil()) {
        const auto &more = tail.elements();
        elements.insert(elements.end(), more.begin(), more.end());
        Term rest = tail.tail();
        tail = std::move(rest);
    }
    Term t;
    t.m_type = Type::List;
    t.m_payload = std::make_shared<SequencePayload>(std::move(elements), std::move(tail));
    return t;
}

Term Term::string(QStringView text)
{
    std::vector<Term> chars;
    chars.reserve(size_t(text.size()));
    for (const char32_t c : text.toUcs4())
        chars.push_back(integer(c));
    return list(std::move(chars));
}

Term Term::codePoints(std::u32string_view text)
{
    std::vector<Term> chars;
    chars.reserve(text.size());
    for (const char32_t c : text)
        chars.push_back(integer(c));
    return list(std::move(chars));
}

Term Term::tuple(std::vector<Term> elements)
{
    Term t;
    t.m_type = Type::Tuple;
    if (!elements.empty())
        t.m_payload = std::make_shared<SequencePayload>(std::move(elements), Term());
    return t;
}

Term Term::map(std::vector<std::pair<Term, Term>> entries)
{
    // Stable sort, then keep the last of equal keys.
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto &a, const auto &b) { return compareMapKeys(a.first, b.first) < 0; });
    std::vector<std::pair<Term, Term>> unique;
    unique.reserve(entries.size());
    for (auto &e : entries) {
        if (!unique.empty() && unique.back().first == e.first)
            unique.back().second = std::move(e.second);
        else
            unique.push_back(std::move(e));
    }
    Term t;
    t.m_type = Type::Map;
    t.m_payload = std::make_shared<MapPayload>(std::move(unique));
    return t;
}

Term Term::binary(QByteArray bytes)
{
    Term t;
    t.m_type = Type::Binary;
    t.m_payload = std::make_shared<BinaryPayload>(std::move(bytes));
    return t;
}

bool Term::isAtom(QStringView name) const
{
    return isAtom() && static_cast<const AtomPayload &>(*m_payload).name == name;
}

bool Term::isProperList() const
{
    return isList() && tail().isNil();
}

bool Term::isNegative() const
{
    if (m_type == Type::Float)
        return m_float < 0;
    if (m_type != Type::Integer)
        return false;
    return m_payload ? static_cast<const BigPayload &>(*m_payload).negative : m_int < 0;
}

QByteArray Term::magnitude() const
{
    if (m_payload)
        return static_cast<const BigPayload &>(*m_payload).magnitude;
    quint64 m = m_int < 0 ? 0 - quint64(m_int) : quint64(m_int);
    QByteArray out;
    while (m) {
        out.append(char(m & 0xff));
        m >>= 8;
    }
    return out;
}

QString Term::toDecimal() const
{
    if (!m_payload)
        return QString::number(m_int);
    Mpz v;
    const auto &big = static_cast<const BigPayload &>(*m_payload);
    setMagnitude(v.value, big.magnitude, big.negative);
    std::string text(mpz_sizeinbase(v.value, 10) + 2, '\0');
    mpz_get_str(text.data(), 10, v.value);
    return QString::fromLatin1(text.c_str());
}

QString Term::atomName() const
{
    return isAtom() ? static_cast<const AtomPayload &>(*m_payload).name : QString();
}

const std::vector<Term> &Term::elements() const
{
    if ((m_type == Type::List || m_type == Type::Tuple) && m_payload)
        return static_cast<const SequencePayload &>(*m_payload).elements;
    return emptyElements();
}

const Term &Term::tail() const
{
    if (m_type == Type::List && m_payload)
        return static_cast<const SequencePayload &>(*m_payload).tail;
    return nilTerm();
}

const std::vector<std::pair<Term, Term>> &Term::mapEntries() const
{
    static const std::vector<std::pair<Term, Term>> empty;
    return isMap() ? static_cast<const MapPayload &>(*m_payload).entries : empty;
}

QByteArray Term::bytes() const
{
    return isBinary() ? static_cast<const BinaryPayload &>(*m_payload).bytes : QByteArray();
}

bool Term::isText() const
{
    if (isBinary()) {
        const QByteArray b = bytes();
        return QString::fromUtf8(b).toUtf8() == b;
    }
    if (!isProperList())
        return false;
    return std::all_of(elements().begin(), elements().end(), [](const Term &c) {
        return c.fitsInt64() && c.toInt64() >= 0 && c.toInt64() <= 0x10FFFF &&
               !(c.toInt64() >= 0xD800 && c.toInt64() <= 0xDFFF);
    });
}

QString Term::toText() const
{
    if (isBinary())
        return QString::fromUtf8(bytes());
    std::u32string cps;
    cps.reserve(elements().size());
    for (const Term &c : elements())
        cps.push_back(char32_t(c.toInt64()));
    return QString::fromUcs4(cps.data(), qsizetype(cps.size()));
}

Term Term::withPosition(int line, int column) const
{
    Term t = *this;
    t.m_line = line;
    t.m_column = column;
    return t;
}

bool operator==(const Term &a, const Term &b)
{
    if (a.m_type != b.m_type)
        return false;
    switch (a.m_type) {
    case Type::Integer:
        if (!a.m_payload && !b.m_payload)
            return a.m_int == b.m_int;
        return a.isNegative() == b.isNegative() && a.magnitude() == b.magnitude();
    case Type::Float:
        // OTP 25's =:= holds 0.0 and -0.0 equal (OTP 27 tells them apart).
        return a.m_float == b.m_float;
    case Type::Atom:
        return a.atomName() == b.atomName();
    case Type::Binary:
        return a.bytes() == b.bytes();
    case Type::Map:
        return a.mapEntries() == b.mapEntries();
    case Type::List:
    case Type::Tuple:
        if (a.m_payload == b.m_payload)
            return true;
        return a.elements() == b.elements() && a.tail() == b.tail();
    }
    return false;
}

int Term::compare(const Term &a, const Term &b)
{
    return compareTerms(a, b, Order::Standard);
}

int Term::compareMapKeys(const Term &a, const Term &b)
{
    return compareTerms(a, b, Order::MapKey);
}

QString typeName(Type type)
{
    switch (type) {
    case Type::Integer:
        return QStringLiteral("integer");
    case Type::Float:
        return QStringLiteral("float");
    case Type::Atom:
        return QStringLiteral("atom");
    case Type::List:
        return QStringLiteral("list");
    case Type::Tuple:
        return QStringLiteral("tuple");
    case Type::Map:
        return QStringLiteral("map");
    case Type::Binary:
        return QStringLiteral("binary");
    }
    return {};
}

} // namespace rs::term
