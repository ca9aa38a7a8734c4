#include "etf/etf.h"

#define ZLIB_CONST
#include <zlib.h>

#include <QScopeGuard>
#include <QtEndian>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace rs::etf {

using term::Term;
using term::Type;

namespace {

// The tags of erts/doc/src/erl_ext_dist.xml.
namespace tag {
constexpr quint8 Version = 131;
constexpr quint8 DistHeader = 68;
constexpr quint8 DistFragHeader = 69;
constexpr quint8 NewFloat = 70;
constexpr quint8 BitBinary = 77;
constexpr quint8 Compressed = 80;
constexpr quint8 AtomCacheRef = 82;
constexpr quint8 NewPid = 88;
constexpr quint8 NewPort = 89;
constexpr quint8 NewerReference = 90;
constexpr quint8 SmallInteger = 97;
constexpr quint8 Integer = 98;
constexpr quint8 Float = 99;
constexpr quint8 Atom = 100;
constexpr quint8 Reference = 101;
constexpr quint8 Port = 102;
constexpr quint8 Pid = 103;
constexpr quint8 SmallTuple = 104;
constexpr quint8 LargeTuple = 105;
constexpr quint8 Nil = 106;
constexpr quint8 String = 107;
constexpr quint8 List = 108;
constexpr quint8 Binary = 109;
constexpr quint8 SmallBig = 110;
constexpr quint8 LargeBig = 111;
constexpr quint8 NewFun = 112;
constexpr quint8 Export = 113;
constexpr quint8 NewReference = 114;
constexpr quint8 SmallAtom = 115;
constexpr quint8 Map = 116;
constexpr quint8 Fun = 117;
constexpr quint8 AtomUtf8 = 118;
constexpr quint8 SmallAtomUtf8 = 119;
constexpr quint8 V4Port = 120;
constexpr quint8 Local = 121;
} // namespace tag

constexpr int MaxAtomCharacters = 255;
constexpr qsizetype OldFloatSize = 31;

// ---------------------------------------------------------------------------------------------
// Encoding

bool isByteString(const Term &list)
{
    if (!list.isProperList() || list.size() >= 65536)
        return false;
    return std::all_of(list.elements().begin(), list.elements().end(),
                       [](const Term &e) { return e.fitsInt64() && e.toInt64() >= 0 && e.toInt64() <= 255; });
}

bool isLatin1(const QString &text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() <= 0xff; });
}

class Encoder
{
public:
    QByteArray take() { return std::move(m_out); }

    void term(const Term &t)
    {
        switch (t.type()) {
        case Type::Integer:
            integer(t);
            return;
        case Type::Float:
            floating(t.toDouble());
            return;
        case Type::Atom:
            atom(t.atomName());
            return;
        case Type::List:
            list(t);
            return;
        case Type::Tuple:
            tuple(t);
            return;
        case Type::Map:
            map(t);
            return;
        case Type::Binary:
            binary(t.bytes());
            return;
        }
    }

    void u8(quint8 value) { m_out.append(char(value)); }

private:
    template <typename T> void bigEndian(T value)
    {
        char bytes[sizeof(T)];
        qToBigEndian(value, bytes);
        m_out.append(bytes, qsizetype(sizeof(T)));
    }
    void u16(quint16 value) { bigEndian(value); }
    void u32(quint32 value) { bigEndian(value); }

    void integer(const Term &t)
    {
        if (t.fitsInt64() && t.toInt64() >= 0 && t.toInt64() <= 255) {
            u8(tag::SmallInteger);
            u8(quint8(t.toInt64()));
        } else if (t.fitsInt64() && t.toInt64() >= std::numeric_limits<qint32>::min() &&
                   t.toInt64() <= std::numeric_limits<qint32>::max()) {
            u8(tag::Integer);
            u32(quint32(qint32(t.toInt64())));
        } else {
            const QByteArray digits = t.magnitude();
            if (digits.size() <= 255) {
                u8(tag::SmallBig);
                u8(quint8(digits.size()));
            } else {
                u8(tag::LargeBig);
                u32(quint32(digits.size()));
            }
            u8(t.isNegative() ? 1 : 0);
            m_out.append(digits);
        }
    }

    void floating(double value)
    {
        u8(tag::NewFloat);
        bigEndian(std::bit_cast<quint64>(value));
    }

    // OTP 25's term_to_binary/1 (minor version 1) writes latin-1 atoms as ATOM_EXT and the
    // others as UTF-8 (it never writes SMALL_ATOM_EXT).
    void atom(const QString &name)
    {
        if (isLatin1(name)) {
            const QByteArray latin1 = name.toLatin1();
            u8(tag::Atom);
            u16(quint16(latin1.size()));
            m_out.append(latin1);
            return;
        }
        const QByteArray utf8 = name.toUtf8();
        if (utf8.size() <= 255) {
            u8(tag::SmallAtomUtf8);
            u8(quint8(utf8.size()));
        } else {
            u8(tag::AtomUtf8);
            u16(quint16(utf8.size()));
        }
        m_out.append(utf8);
    }

    void list(const Term &t)
    {
        if (t.isNil()) {
            u8(tag::Nil);
        } else if (isByteString(t)) {
            u8(tag::String);
            u16(quint16(t.size()));
            for (const Term &e : t.elements())
                u8(quint8(e.toInt64()));
        } else {
            u8(tag::List);
            u32(quint32(t.size()));
            for (const Term &e : t.elements())
                term(e);
            term(t.tail());
        }
    }

    void tuple(const Term &t)
    {
        if (t.size() <= 255) {
            u8(tag::SmallTuple);
            u8(quint8(t.size()));
        } else {
            u8(tag::LargeTuple);
            u32(quint32(t.size()));
        }
        for (const Term &e : t.elements())
            term(e);
    }

    // Pairs in OTP's map key order (Term::compareMapKeys); maps of more than 32 keys are hash
    // maps in OTP, written in hash order, which this does not reproduce.
    void map(const Term &t)
    {
        const auto &entries = t.mapEntries();
        u8(tag::Map);
        u32(quint32(entries.size()));
        for (const auto &[key, value] : entries) {
            term(key);
            term(value);
        }
    }

    void binary(const QByteArray &bytes)
    {
        u8(tag::Binary);
        u32(quint32(bytes.size()));
        m_out.append(bytes);
    }

    QByteArray m_out;
};

// ---------------------------------------------------------------------------------------------
// Decoding

QString bytesText(qint64 n)
{
    return n == 1 ? QStringLiteral("1 byte") : QStringLiteral("%1 bytes").arg(n);
}

QString moreBytesText(qint64 n)
{
    return n == 1 ? QStringLiteral("1 more byte") : QStringLiteral("%1 more bytes").arg(n);
}

QString onlyRemainText(qint64 n)
{
    return n == 1 ? QStringLiteral("only 1 remains") : QStringLiteral("only %1 remain").arg(n);
}

// What a release file cannot hold, by tag; empty for tags that are not such terms.
QString forbiddenTermName(quint8 t)
{
    switch (t) {
    case tag::Pid:
    case tag::NewPid:
        return QStringLiteral("a pid");
    case tag::Port:
    case tag::NewPort:
    case tag::V4Port:
        return QStringLiteral("a port");
    case tag::Reference:
    case tag::NewReference:
    case tag::NewerReference:
        return QStringLiteral("a reference");
    case tag::Fun:
    case tag::NewFun:
        return QStringLiteral("a fun");
    case tag::Export:
        return QStringLiteral("an external fun (fun M:F/A)");
    default:
        return {};
    }
}

// Reads one term from `data`; every check happens before the bytes it covers are used, and no
// allocation is sized from a length field that has not been checked against the input.
class Decoder
{
public:
    // `context` follows each byte offset in messages, e.g. " of the uncompressed term".
    Decoder(QByteArrayView data, qsizetype start, QString context)
        : m_data(data), m_pos(start), m_context(std::move(context))
    {
    }

    Expected<Term> whole()
    {
        Term t;
        if (!term(t, 0))
            return m_error;
        if (m_pos != m_data.size()) {
            return Finding::error(QStringLiteral("trailing garbage after the term: %1 from %2 on")
                                      .arg(bytesText(remaining()), at(m_pos)));
        }
        return t;
    }

private:
    qsizetype remaining() const { return m_data.size() - m_pos; }
    QString at(qsizetype offset) const { return QStringLiteral("byte %1").arg(offset) + m_context; }

    bool fail(QString message)
    {
        m_error = Finding::error(std::move(message));
        return false;
    }

    bool need(qint64 n, const char *what)
    {
        if (n <= remaining())
            return true;
        return fail(QStringLiteral("truncated at %1: expected %2 for %3, but %4")
                        .arg(at(m_pos), moreBytesText(n), QLatin1String(what), onlyRemainText(remaining())));
    }

    // Unchecked reads: need() has been called.
    quint8 u8() { return quint8(m_data[m_pos++]); }
    quint16 u16()
    {
        const auto v = qFromBigEndian<quint16>(m_data.data() + m_pos);
        m_pos += 2;
        return v;
    }
    quint32 u32()
    {
        const auto v = qFromBigEndian<quint32>(m_data.data() + m_pos);
        m_pos += 4;
        return v;
    }
    QByteArrayView take(qsizetype n)
    {
        const QByteArrayView v = m_data.sliced(m_pos, n);
        m_pos += n;
        return v;
    }

    // A length field of `width` bytes (1, 2 or 4).
    bool length(int width, const char *what, qint64 &out)
    {
        if (!need(width, what))
            return false;
        out = width == 1 ? u8() : (width == 2 ? u16() : u32());
        return true;
    }

    // Each term takes at least one byte, so `count` terms cannot fit in fewer than `leastBytes`.
    bool countFits(qint64 count, qint64 leastBytes, qsizetype start, const char *what, const char *unit)
    {
        if (leastBytes <= remaining())
            return true;
        return fail(QStringLiteral("%1 at %2 claims %3 %4, but only %5 %6")
                        .arg(QLatin1String(what), at(start), QString::number(count), QLatin1String(unit),
                             bytesText(remaining()),
                             remaining() == 1 ? QStringLiteral("remains") : QStringLiteral("remain")));
    }

    bool term(Term &out, int depth)
    {
        if (depth >= term::MaxNestingDepth) {
            return fail(QStringLiteral("terms nested deeper than %1 levels are not supported (at %2)")
                            .arg(QString::number(term::MaxNestingDepth), at(m_pos)));
        }
        const qsizetype start = m_pos;
        if (!need(1, "a term"))
            return false;
        const quint8 t = u8();
        switch (t) {
        case tag::SmallInteger:
            return fixedInteger(1, out);
        case tag::Integer:
            return fixedInteger(4, out);
        case tag::SmallBig:
            return bigInteger(1, out);
        case tag::LargeBig:
            return bigInteger(4, out);
        case tag::NewFloat:
            return newFloat(start, out);
        case tag::Float:
            return oldFloat(start, out);
        case tag::Atom:
            return atom(2, false, start, out);
        case tag::SmallAtom:
            return atom(1, false, start, out);
        case tag::AtomUtf8:
            return atom(2, true, start, out);
        case tag::SmallAtomUtf8:
            return atom(1, true, start, out);
        case tag::SmallTuple:
            return tuple(1, start, depth, out);
        case tag::LargeTuple:
            return tuple(4, start, depth, out);
        case tag::Nil:
            out = Term();
            return true;
        case tag::String:
            return string(out);
        case tag::List:
            return list(start, depth, out);
        case tag::Map:
            return map(start, depth, out);
        case tag::Binary:
            return binary(out);
        case tag::BitBinary:
            return bitBinary(start, out);
        default:
            return unsupported(t, start);
        }
    }

    bool unsupported(quint8 t, qsizetype start)
    {
        if (const QString name = forbiddenTermName(t); !name.isEmpty())
            return fail(QStringLiteral("the term contains %1 at %2, which a release file cannot hold")
                            .arg(name, at(start)));
        switch (t) {
        case tag::Compressed:
            return fail(
                QStringLiteral("a compressed term at %1 inside another term; only a whole term can be "
                               "compressed")
                    .arg(at(start)));
        case tag::AtomCacheRef:
        case tag::DistHeader:
        case tag::DistFragHeader:
            return fail(
                QStringLiteral("%1 at %2, which only occurs in messages between Erlang nodes, never in files")
                    .arg(t == tag::AtomCacheRef ? QStringLiteral("an atom cache reference")
                                                : QStringLiteral("a distribution header"),
                         at(start)));
        case tag::Local:
            return fail(
                QStringLiteral("a term in a node-local encoding at %1, which only the node that wrote it can "
                               "read")
                    .arg(at(start)));
        case tag::Version:
            return fail(QStringLiteral("a second version byte (131) at %1, where a term was expected")
                            .arg(at(start)));
        default:
            return fail(QStringLiteral("unknown tag %1 at %2; the data is corrupt or not a term")
                            .arg(QString::number(t), at(start)));
        }
    }

    bool fixedInteger(int width, Term &out)
    {
        if (!need(width, width == 1 ? "a small integer" : "an integer"))
            return false;
        out = Term::integer(width == 1 ? qint64(u8()) : qint64(qint32(u32())));
        return true;
    }

    bool bigInteger(int width, Term &out)
    {
        qint64 n = 0;
        if (!length(width, "the size of a big integer", n) || !need(1, "the sign of a big integer"))
            return false;
        const bool negative = u8() != 0; // binary_to_term takes any non-zero sign byte as minus
        if (!need(n, "the digits of a big integer"))
            return false;
        out = Term::bigInteger(negative, take(qsizetype(n)).toByteArray());
        return true;
    }

    bool finiteFloat(double value, qsizetype start, Term &out)
    {
        if (!std::isfinite(value))
            return fail(QStringLiteral("the float at %1 is not a finite number, which Erlang cannot hold")
                            .arg(at(start)));
        out = Term::floating(value);
        return true;
    }

    bool newFloat(qsizetype start, Term &out)
    {
        if (!need(8, "a float"))
            return false;
        const auto bits = qFromBigEndian<quint64>(take(8).data());
        return finiteFloat(std::bit_cast<double>(bits), start, out);
    }

    // FLOAT_EXT: the float printed with "%.20e" in 31 bytes, padded with NULs.
    bool oldFloat(qsizetype start, Term &out)
    {
        if (!need(OldFloatSize, "an old-style float"))
            return false;
        QByteArrayView text = take(OldFloatSize);
        if (const qsizetype nul = text.indexOf('\0'); nul >= 0)
            text.truncate(nul);
        bool ok = false;
        const double value = text.toByteArray().trimmed().toDouble(&ok); // C locale, as the VM's
        if (!ok) {
            return fail(QStringLiteral("the old-style float at %1 is not a number: \"%2\"")
                            .arg(at(start), QString::fromLatin1(text)));
        }
        return finiteFloat(value, start, out);
    }

    bool atom(int width, bool utf8, qsizetype start, Term &out)
    {
        qint64 n = 0;
        if (!length(width, "the length of an atom", n) || !need(n, "the name of an atom"))
            return false;
        const QByteArrayView raw = take(qsizetype(n));
        QString name;
        if (utf8) {
            name = QString::fromUtf8(raw);
            if (name.toUtf8() != raw.toByteArray())
                return fail(QStringLiteral("the atom at %1 is not valid UTF-8").arg(at(start)));
        } else {
            name = QString::fromLatin1(raw);
        }
        if (const qsizetype chars = name.toUcs4().size(); chars > MaxAtomCharacters) {
            return fail(QStringLiteral("the atom at %1 has %2 characters; an atom has at most %3")
                            .arg(at(start), QString::number(chars), QString::number(MaxAtomCharacters)));
        }
        out = Term::atom(std::move(name));
        return true;
    }

    // Elements are read one by one; the vector grows with what is really there.
    bool elements(qint64 count, int depth, std::vector<Term> &out)
    {
        out.reserve(size_t(std::min<qint64>(count, 4096)));
        for (qint64 i = 0; i < count; ++i) {
            Term e;
            if (!term(e, depth + 1))
                return false;
            out.push_back(std::move(e));
        }
        return true;
    }

    bool tuple(int width, qsizetype start, int depth, Term &out)
    {
        qint64 n = 0;
        if (!length(width, "the arity of a tuple", n) || !countFits(n, n, start, "the tuple", "elements"))
            return false;
        std::vector<Term> es;
        if (!elements(n, depth, es))
            return false;
        out = Term::tuple(std::move(es));
        return true;
    }

    bool string(Term &out)
    {
        qint64 n = 0;
        if (!length(2, "the length of a string", n) || !need(n, "the characters of a string"))
            return false;
        std::vector<Term> chars;
        chars.reserve(size_t(n));
        for (const char c : take(qsizetype(n)))
            chars.push_back(Term::integer(quint8(c)));
        out = Term::list(std::move(chars));
        return true;
    }

    // The tail is a term of its own (normally []); a list tail nests, and counts as nesting.
    bool list(qsizetype start, int depth, Term &out)
    {
        qint64 n = 0;
        if (!length(4, "the length of a list", n) || !countFits(n, n + 1, start, "the list", "elements"))
            return false;
        std::vector<Term> es;
        Term tail;
        if (!elements(n, depth, es) || !term(tail, depth + 1))
            return false;
        out = Term::list(std::move(es), std::move(tail));
        return true;
    }

    bool map(qsizetype start, int depth, Term &out)
    {
        qint64 n = 0;
        if (!length(4, "the size of a map", n) || !countFits(n, 2 * n, start, "the map", "pairs"))
            return false;
        std::vector<Term> keysAndValues;
        if (!elements(2 * n, depth, keysAndValues))
            return false;
        std::vector<std::pair<Term, Term>> entries;
        entries.reserve(size_t(n));
        for (size_t i = 0; i + 1 < keysAndValues.size(); i += 2)
            entries.emplace_back(std::move(keysAndValues[i]), std::move(keysAndValues[i + 1]));
        out = Term::map(std::move(entries));
        if (qint64(out.mapEntries().size()) != n)
            return fail(
                QStringLiteral("the map at %1 has a key twice, which binary_to_term refuses").arg(at(start)));
        return true;
    }

    bool binary(Term &out)
    {
        qint64 n = 0;
        return length(4, "the size of a binary", n) && bytes(n, "the bytes of a binary", out);
    }

    // BIT_BINARY_EXT: a size, the number of bits used in the last byte, the bytes.
    bool bitBinary(qsizetype start, Term &out)
    {
        qint64 n = 0;
        if (!length(4, "the size of a bitstring", n) || !need(1, "the bit count of a bitstring"))
            return false;
        const quint8 bits = u8();
        if (bits > 8 || (bits == 0) != (n == 0)) {
            return fail(
                QStringLiteral("the bitstring at %1 is malformed: a size of %2 with %3 bits in its last byte")
                    .arg(at(start), bytesText(n), QString::number(bits)));
        }
        if (bits != 8 && n != 0) {
            return fail(
                QStringLiteral("the term contains a bitstring at %1 whose last byte holds only %2 bits, "
                               "which a release file cannot hold")
                    .arg(at(start), QString::number(bits)));
        }
        return bytes(n, "the bytes of a bitstring", out);
    }

    bool bytes(qint64 n, const char *what, Term &out)
    {
        if (!need(n, what))
            return false;
        out = Term::binary(take(qsizetype(n)).toByteArray());
        return true;
    }

    QByteArrayView m_data;
    qsizetype m_pos;
    QString m_context;
    Finding m_error;
};

// Inflates a zlib stream that must hold exactly `declared` bytes and end with the input.
// The buffer grows with what the stream really yields, never beyond declared + 1 bytes.
Expected<QByteArray> inflateExactly(QByteArrayView compressed, qsizetype streamStart, qsizetype declared)
{
    auto corrupt = [&](const char *why) {
        return Finding::error(
            QStringLiteral("the compressed term's zlib stream at byte %1 is corrupt: %2")
                .arg(QString::number(streamStart), QString::fromLatin1(why ? why : "error")));
    };
    if (compressed.size() > qsizetype(std::numeric_limits<uInt>::max()))
        return Finding::error(QStringLiteral("the compressed term is too large to read"));
    z_stream zs{};
    if (inflateInit(&zs) != Z_OK)
        return Finding::error(
            QStringLiteral("zlib could not start: %1").arg(QString::fromLatin1(zs.msg ? zs.msg : "")));
    const auto end = qScopeGuard([&] { inflateEnd(&zs); });

    QByteArray out(std::min(declared + 1, std::max<qsizetype>(64 * 1024, compressed.size() * 8)),
                   Qt::Uninitialized);
    zs.next_in = reinterpret_cast<const Bytef *>(compressed.data());
    zs.avail_in = uInt(compressed.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    for (;;) {
        const int rc = inflate(&zs, Z_NO_FLUSH);
        if (rc == Z_STREAM_END)
            break;
        if (rc != Z_OK && rc != Z_BUF_ERROR)
            return corrupt(zs.msg);
        if (zs.avail_out == 0) {
            if (out.size() > declared)
                break; // holds more than declared; reported below
            const qsizetype grown = std::min(declared + 1, out.size() * 2);
            out.resize(grown);
            zs.next_out = reinterpret_cast<Bytef *>(out.data()) + zs.total_out;
            zs.avail_out = uInt(grown - qsizetype(zs.total_out));
            continue;
        }
        if (zs.avail_in == 0) {
            return Finding::error(
                QStringLiteral("truncated at byte %1: the compressed term's zlib stream is incomplete")
                    .arg(streamStart + compressed.size()));
        }
        if (rc == Z_BUF_ERROR)
            return corrupt(zs.msg);
    }
    if (qsizetype(zs.total_out) != declared) {
        return Finding::error(
            QStringLiteral("the compressed term declares %1 uncompressed, but its zlib stream holds %2")
                .arg(bytesText(declared), qsizetype(zs.total_out) > declared
                                              ? QStringLiteral("more")
                                              : bytesText(qint64(zs.total_out))));
    }
    if (zs.avail_in != 0) {
        return Finding::error(
            QStringLiteral("trailing garbage after the compressed term's zlib stream: %1 from "
                           "byte %2 on")
                .arg(bytesText(zs.avail_in),
                     QString::number(streamStart + compressed.size() - qsizetype(zs.avail_in))));
    }
    out.truncate(declared);
    return out;
}

// 131, 80, the uncompressed size (4 bytes), a zlib stream of the term without its version byte.
Expected<Term> decodeCompressed(QByteArrayView bytes)
{
    constexpr qsizetype sizeAt = 2;
    constexpr qsizetype streamAt = sizeAt + 4;
    if (bytes.size() < streamAt) {
        return Finding::error(
            QStringLiteral("truncated at byte %1: expected 4 more bytes for the uncompressed size "
                           "of a compressed term, but %2")
                .arg(QString::number(sizeAt), onlyRemainText(bytes.size() - sizeAt)));
    }
    const qsizetype declared = qFromBigEndian<quint32>(bytes.data() + sizeAt);
    if (declared > MaxUncompressedSize) {
        return Finding::error(QStringLiteral("the compressed term declares %1 uncompressed, more than the %2 "
                                             "(256 MiB) that are accepted")
                                  .arg(bytesText(declared), bytesText(MaxUncompressedSize)));
    }
    const Expected<QByteArray> inner = inflateExactly(bytes.sliced(streamAt), streamAt, declared);
    if (!inner)
        return inner.error();
    return Decoder(*inner, 0, QStringLiteral(" of the uncompressed term")).whole();
}

} // namespace

QByteArray encode(const Term &term)
{
    Encoder encoder;
    encoder.u8(tag::Version);
    encoder.term(term);
    return encoder.take();
}

Expected<Term> decode(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return Finding::error(
            QStringLiteral("empty data where a term in Erlang's external term format was expected"));
    if (quint8(bytes[0]) != tag::Version) {
        return Finding::error(
            QStringLiteral("not in Erlang's external term format: byte 0 is %1, not the version "
                           "byte 131")
                .arg(QString::number(quint8(bytes[0]))));
    }
    if (bytes.size() > 1 && quint8(bytes[1]) == tag::Compressed)
        return decodeCompressed(bytes);
    return Decoder(bytes, 1, QString()).whole();
}

} // namespace rs::etf
