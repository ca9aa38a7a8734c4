#include "beam/beam_info.h"

#include "beam/inflate.h"
#include "etf/etf.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <algorithm>
#include <array>

namespace rs::beam {

namespace {

using term::Term;

quint32 readU32(QByteArrayView bytes, qsizetype at)
{
    return qFromBigEndian<quint32>(bytes.data() + at);
}

const QList<QByteArray> &mandatoryChunks()
{
    static const QList<QByteArray> ids{"Code", "ExpT", "ImpT", "StrT"};
    return ids;
}

// The atom table and the module's mandatory chunks, as beam_lib requires them before any answer.
Expected<QStringList> checkedAtoms(const BeamFile &beam)
{
    auto atoms = beam.atoms();
    if (!atoms)
        return atoms;
    if (atoms->isEmpty())
        return beam.error(QStringLiteral("empty atom table: no module name"));
    for (const QByteArray &id : mandatoryChunks()) {
        if (!beam.chunk(id))
            return beam.error(
                QStringLiteral("no %1 chunk, which every module has").arg(QString::fromLatin1(id)));
    }
    return atoms;
}

// A table of 32-bit triples after a 32-bit count (ExpT, ImpT, LocT).
Expected<std::vector<std::array<quint32, 3>>> tripleTable(const BeamFile &beam, const Chunk &chunk)
{
    const QByteArrayView d = chunk.data;
    const QString name = QString::fromLatin1(chunk.id);
    if (d.size() < 4 || (d.size() - 4) % 12 != 0)
        return beam.error(
            QStringLiteral("corrupt %1 chunk: %2 bytes is no whole table").arg(name).arg(d.size()));
    const qsizetype entries = (d.size() - 4) / 12;
    if (readU32(d, 0) != quint64(entries))
        return beam.error(QStringLiteral("corrupt %1 chunk: it declares %2 entries but holds %3")
                              .arg(name)
                              .arg(readU32(d, 0))
                              .arg(entries));
    std::vector<std::array<quint32, 3>> table;
    table.reserve(size_t(entries));
    for (qsizetype i = 0; i < entries; ++i) {
        const qsizetype at = 4 + 12 * i;
        table.push_back({readU32(d, at), readU32(d, at + 4), readU32(d, at + 8)});
    }
    return table;
}

// Looks up a 1-based atom index; false when there is no such atom.
bool atomAt(const QStringList &atoms, quint32 index, QString &out)
{
    if (index == 0 || index > quint64(atoms.size()))
        return false;
    out = atoms.at(qsizetype(index) - 1);
    return true;
}

// Erlang arities are 0..255.
constexpr quint32 MaxArity = 255;

Expected<std::vector<FunctionName>> functionTable(const BeamFile &beam, const Chunk &chunk,
                                                  const QStringList &atoms)
{
    const auto table = tripleTable(beam, chunk);
    if (!table)
        return table.error();
    std::vector<FunctionName> functions;
    functions.reserve(table->size());
    for (size_t i = 0; i < table->size(); ++i) {
        const quint32 name = (*table)[i][0]; // the third field is the code label
        const quint32 arity = (*table)[i][1];
        FunctionName f;
        if (!atomAt(atoms, name, f.name) || arity > MaxArity)
            return beam.error(QStringLiteral("corrupt %1 chunk: entry %2 names atom %3 with arity %4")
                                  .arg(QString::fromLatin1(chunk.id))
                                  .arg(i + 1)
                                  .arg(name)
                                  .arg(arity));
        f.arity = int(arity);
        functions.push_back(std::move(f));
    }
    return functions;
}

Expected<std::vector<ImportedFunction>> importTable(const BeamFile &beam, const Chunk &chunk,
                                                    const QStringList &atoms)
{
    const auto table = tripleTable(beam, chunk);
    if (!table)
        return table.error();
    std::vector<ImportedFunction> imports;
    imports.reserve(table->size());
    for (size_t i = 0; i < table->size(); ++i) {
        const auto &[module, name, arity] = (*table)[i];
        ImportedFunction f;
        if (!atomAt(atoms, module, f.module) || !atomAt(atoms, name, f.name) || arity > MaxArity)
            return beam.error(
                QStringLiteral("corrupt ImpT chunk: entry %1 names atoms %2 and %3 with arity %4")
                    .arg(i + 1)
                    .arg(module)
                    .arg(name)
                    .arg(arity));
        f.arity = int(arity);
        imports.push_back(std::move(f));
    }
    return imports;
}

// beam_lib's attributes/1 (beam_lib.erl line 799): a stable sort on the key, then the values of
// equal (=:=) keys appended with lists:append/1. Fails where beam_lib fails (badarg): an element
// that is not a {Key, Value} pair, or a value other than the last of its key that is no proper
// list.
bool groupAttributes(const Term &list, std::vector<std::pair<Term, Term>> &out, QString &why)
{
    if (!list.isProperList()) {
        why = QStringLiteral("not a list");
        return false;
    }
    std::vector<std::pair<Term, Term>> pairs;
    pairs.reserve(list.elements().size());
    for (const Term &element : list.elements()) {
        if (!element.isTuple(2)) {
            why = QStringLiteral("an element is not a {Key, Value} pair");
            return false;
        }
        pairs.emplace_back(element.at(0), element.at(1));
    }
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const auto &a, const auto &b) { return Term::compare(a.first, b.first) < 0; });
    for (size_t i = 0; i < pairs.size();) {
        size_t j = i + 1;
        while (j < pairs.size() && pairs[j].first == pairs[i].first)
            ++j;
        // lists:append([V1, ..., Vn]) is V1 ++ ... ++ Vn: every value but the last a proper list.
        std::vector<Term> elements;
        for (size_t k = i; k + 1 < j; ++k) {
            if (!pairs[k].second.isProperList()) {
                why = QStringLiteral("attribute %1 repeats with a value that is no list")
                          .arg(pairs[i].first.isAtom() ? pairs[i].first.atomName() : QStringLiteral("?"));
                return false;
            }
            const auto &more = pairs[k].second.elements();
            elements.insert(elements.end(), more.begin(), more.end());
        }
        out.emplace_back(pairs[i].first, Term::list(std::move(elements), pairs[j - 1].second));
        i = j;
    }
    return true;
}

// A minimal look at the start of an external term, enough to tell
// {debug_info_v1, Backend, {none, Options}} (no debug info) from anything else.
class TermPeek
{
public:
    explicit TermPeek(QByteArrayView bytes) : m_bytes(bytes) {}

    bool byte(quint8 expected)
    {
        if (m_at >= m_bytes.size() || quint8(m_bytes[m_at]) != expected)
            return false;
        ++m_at;
        return true;
    }
    bool tuple(quint32 arity)
    {
        if (m_at >= m_bytes.size())
            return false;
        const quint8 tag = quint8(m_bytes[m_at]);
        if (tag == 104 && m_at + 2 <= m_bytes.size()) { // SMALL_TUPLE_EXT
            m_at += 2;
            return quint8(m_bytes[m_at - 1]) == arity;
        }
        if (tag == 105 && m_at + 5 <= m_bytes.size()) { // LARGE_TUPLE_EXT
            m_at += 5;
            return readU32(m_bytes, m_at - 4) == arity;
        }
        return false;
    }
    // Any atom encoding; its name as bytes (latin-1 or UTF-8: only compared with ASCII here).
    bool atom(QByteArrayView &name)
    {
        if (m_at >= m_bytes.size())
            return false;
        const quint8 tag = quint8(m_bytes[m_at]);
        qsizetype length = 0;
        qsizetype header = 0;
        if ((tag == 100 || tag == 118) && m_at + 3 <= m_bytes.size()) { // ATOM_EXT, ATOM_UTF8_EXT
            length = qFromBigEndian<quint16>(m_bytes.data() + m_at + 1);
            header = 3;
        } else if ((tag == 115 || tag == 119) && m_at + 2 <= m_bytes.size()) { // SMALL_ATOM(_UTF8)_EXT
            length = quint8(m_bytes[m_at + 1]);
            header = 2;
        } else {
            return false;
        }
        if (length > m_bytes.size() - m_at - header)
            return false;
        name = m_bytes.sliced(m_at + header, length);
        m_at += header + length;
        return true;
    }

private:
    QByteArrayView m_bytes;
    qsizetype m_at = 0;
};

bool dbgiHoldsCode(QByteArrayView d)
{
    if (d.isEmpty())
        return false;
    if (d[0] == 0)
        return true; // <<0, ModeLength, Mode, Encrypted>>: encrypted debug info
    // The compiler writes term_to_binary(T, [compressed]), which compresses whenever that is
    // smaller: look at the start of the inflated term only.
    QByteArray head;
    if (d.size() > 6 && quint8(d[0]) == 131 && quint8(d[1]) == 80) {
        head = QByteArray(1, char(131)) + detail::inflatePrefix(d.sliced(6), 256);
        d = head;
    }
    TermPeek peek(d);
    QByteArrayView tag;
    QByteArrayView backend;
    QByteArrayView metadata;
    const bool none = peek.byte(131) && peek.tuple(3) && peek.atom(tag) && tag == "debug_info_v1" &&
                      peek.atom(backend) && peek.tuple(2) && peek.atom(metadata) && metadata == "none";
    return !none;
}

} // namespace

bool BeamInfo::hasChunk(QByteArrayView id) const
{
    return std::any_of(chunks.begin(), chunks.end(), [id](const ChunkSummary &c) { return c.id == id; });
}

const Term *BeamInfo::attribute(QStringView key) const
{
    for (const auto &[k, v] : attributes) {
        if (k.isAtom(key))
            return &v;
    }
    return nullptr;
}

QStringList BeamInfo::behaviours() const
{
    QStringList names;
    for (const QStringView key : {u"behaviour", u"behavior"}) {
        const Term *value = attribute(key);
        if (!value || !value->isList())
            continue;
        for (const Term &b : value->elements()) {
            if (b.isAtom() && !names.contains(b.atomName()))
                names << b.atomName();
        }
    }
    return names;
}

std::optional<Term> BeamInfo::vsn() const
{
    if (const Term *value = attribute(u"vsn"))
        return *value;
    return std::nullopt;
}

const QList<QByteArray> &md5Chunks()
{
    static const QList<QByteArray> ids{"Atom", "AtU8", "Code", "StrT", "ImpT",
                                       "ExpT", "FunT", "LitT", "Meta"};
    return ids;
}

namespace {

// beam_lib:md5/1 of a module whose atom table and mandatory chunks are there.
QByteArray md5Of(const BeamFile &beam)
{
    QCryptographicHash md5(QCryptographicHash::Md5);
    for (const QByteArray &id : md5Chunks()) {
        const Chunk *c = beam.chunk(id);
        if (!c)
            continue;
        const QByteArrayView d = c->data;
        if (id != "FunT" || d.size() < 4) {
            md5.addData(d);
            continue;
        }
        // filter_funtab: each 24-byte entry with its OldUniq (the last 4 bytes) zeroed.
        constexpr qsizetype Entry = 24;
        constexpr qsizetype Kept = 20;
        static const QByteArray zero(4, '\0');
        md5.addData(d.first(4));
        qsizetype at = 4;
        for (; d.size() - at >= Entry; at += Entry) {
            md5.addData(d.sliced(at, Kept));
            md5.addData(zero);
        }
        md5.addData(d.sliced(at));
    }
    return md5.result();
}

} // namespace

Expected<QByteArray> moduleMd5(const BeamFile &beam)
{
    const auto atoms = checkedAtoms(beam);
    if (!atoms)
        return atoms.error();
    return md5Of(beam);
}

Expected<BeamInfo> readBeamInfo(const QString &path)
{
    const auto beam = BeamFile::read(path);
    if (!beam)
        return beam.error();
    return readBeamInfo(*beam);
}

Expected<BeamInfo> readBeamInfo(const BeamFile &beam)
{
    const auto atoms = checkedAtoms(beam);
    if (!atoms)
        return atoms.error();
    BeamInfo info;
    info.fileName = beam.fileName();
    info.module = atoms->constFirst();
    for (const Chunk &c : beam.chunks())
        info.chunks.push_back(
            {c.id, c.data.size(), QCryptographicHash::hash(c.data, QCryptographicHash::Md5)});

    auto exports = functionTable(beam, *beam.chunk("ExpT"), *atoms);
    if (!exports)
        return exports.error();
    info.exports = std::move(exports).value();
    auto imports = importTable(beam, *beam.chunk("ImpT"), *atoms);
    if (!imports)
        return imports.error();
    info.imports = std::move(imports).value();
    if (const Chunk *locals = beam.chunk("LocT")) {
        const auto table = functionTable(beam, *locals, *atoms);
        if (!table)
            return table.error();
        info.localFunctionCount = int(table->size());
    }

    if (const Chunk *attr = beam.chunk("Attr")) {
        const auto list = etf::decode(attr->data);
        if (!list)
            return beam.error(QStringLiteral("corrupt Attr chunk: %1").arg(list.error().message));
        QString why;
        if (!groupAttributes(*list, info.attributes, why))
            return beam.error(QStringLiteral("corrupt Attr chunk: %1").arg(why));
    }
    if (const Chunk *cinf = beam.chunk("CInf")) {
        auto compileInfo = etf::decode(cinf->data);
        if (!compileInfo)
            return beam.error(QStringLiteral("corrupt CInf chunk: %1").arg(compileInfo.error().message));
        info.compileInfo = std::move(compileInfo).value();
    }

    info.md5 = md5Of(beam);

    const Chunk *dbgi = beam.chunk("Dbgi");
    const Chunk *abst = beam.chunk("Abst");
    info.hasDebugInfo = (dbgi && dbgiHoldsCode(dbgi->data)) || (abst && !abst->data.isEmpty());
    info.hasDocs = beam.chunk("Docs") != nullptr;
    return info;
}

bool sameCode(const BeamInfo &a, const BeamInfo &b)
{
    return a.module == b.module && a.md5.size() == 16 && a.md5 == b.md5;
}

} // namespace rs::beam
