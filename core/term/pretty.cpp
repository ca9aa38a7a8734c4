#include "term/pretty.h"

#include <algorithm>
#include <string>
#include <vector>

// A port of OTP 25's io_lib_pretty:print/2 for chars_limit -1 and no record definitions. The
// comments name the Erlang functions each piece mirrors; the layout conditions are kept exactly as
// OTP writes them, including their asymmetries, because the output must match byte for byte.

namespace rs::term {

namespace {

// The intermediate format of print_length/6: every node knows its one-line length in characters.
enum class NodeKind : quint8 { Leaf, Binary, List, Tuple, TaggedTuple, Map, MapPair };

// How a list, tuple or map's item list ends: properly, with an improper tail (the last child), or
// cut short by the depth limit ("...").
enum class TailKind : quint8 { None, Improper, Dots };

struct Node
{
    NodeKind kind = NodeKind::Leaf;
    TailKind tail = TailKind::None;
    qsizetype length = 0;       // characters when written on one line
    qsizetype textBegin = 0;    // Leaf and Binary: the text is arena[textBegin, textBegin + length)
    std::vector<Node> children; // items; for MapPair the key and the value

    bool isLeaf() const { return kind == NodeKind::Leaf; } // io_lib_pretty's ?ATM
    qsizetype properCount() const
    {
        return qsizetype(children.size()) - (tail == TailKind::Improper ? 1 : 0);
    }
    const Node &child(qsizetype i) const { return children[size_t(i)]; }
    const Node &improperTail() const { return children.back(); }
};

bool isPrintableLatin1(qint64 c)
{
    return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xFF) || (c >= 0x08 && c <= 0x0D) || c == 0x1B;
}

// io_lib:printable_latin1_list/1 (the default printable_range is latin1).
bool isPrintableList(const Term &list)
{
    if (!list.isProperList())
        return false;
    return std::all_of(list.elements().begin(), list.elements().end(),
                       [](const Term &c) { return c.fitsInt64() && isPrintableLatin1(c.toInt64()); });
}

std::u32string codePointsOfList(const Term &list)
{
    std::u32string chars;
    chars.reserve(list.elements().size());
    for (const Term &c : list.elements())
        chars.push_back(char32_t(c.toInt64()));
    return chars;
}

// The outcome of io_lib_pretty:printable_bin0/4.
struct PrintableBinary
{
    bool printable = false;
    bool plain = true;      // <<"...">> rather than <<"..."/utf8>>
    bool truncated = false; // only a prefix is shown, followed by "..."
    std::u32string chars;
};

// Decodes one UTF-8 character as Erlang's <<C/utf8>> matches it (no overlongs, no surrogates).
bool decodeUtf8(const QByteArray &bytes, qsizetype &pos, char32_t &c)
{
    const quint8 first = quint8(bytes[pos]);
    int continuationBytes = 0;
    char32_t smallest = 0; // anything below is an overlong encoding
    if (first < 0x80) {
        c = first;
        ++pos;
        return true;
    }
    if ((first & 0xE0) == 0xC0) {
        continuationBytes = 1;
        c = first & 0x1F;
        smallest = 0x80;
    } else if ((first & 0xF0) == 0xE0) {
        continuationBytes = 2;
        c = first & 0x0F;
        smallest = 0x800;
    } else if ((first & 0xF8) == 0xF0) {
        continuationBytes = 3;
        c = first & 0x07;
        smallest = 0x10000;
    } else {
        return false;
    }
    if (pos + continuationBytes >= bytes.size())
        return false;
    for (int i = 1; i <= continuationBytes; ++i) {
        const quint8 next = quint8(bytes[pos + i]);
        if ((next & 0xC0) != 0x80)
            return false;
        c = (c << 6) | (next & 0x3F);
    }
    if (c < smallest || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return false;
    pos += 1 + continuationBytes;
    return true;
}

// io_lib_pretty:valid_utf8/2: the first maxChars characters (or all, if fewer) are valid UTF-8.
bool isValidUtf8Prefix(const QByteArray &bytes, qsizetype maxChars)
{
    qsizetype pos = 0;
    char32_t c = 0;
    for (qsizetype n = 0; n < maxChars && pos < bytes.size(); ++n) {
        if (!decodeUtf8(bytes, pos, c))
            return false;
    }
    return true;
}

// io_lib_pretty:printable_bin/4, latin1 clause. `depth` is printable_bin's D.
PrintableBinary printableLatin1Binary(const QByteArray &bytes, qsizetype limit, int depth)
{
    qsizetype printable = 0;
    while (printable < limit && isPrintableLatin1(quint8(bytes[printable])))
        ++printable;
    PrintableBinary result;
    if (printable == limit) {
        result.printable = true;
        result.truncated = limit < bytes.size();
    } else if (depth > 0 && printable >= depth) {
        result.printable = true;
        result.truncated = true;
    } else {
        return result;
    }
    for (qsizetype i = 0; i < printable; ++i)
        result.chars.push_back(quint8(bytes[i]));
    return result;
}

// io_lib_pretty:printable_bin/4, unicode clause, with printable_range latin1.
PrintableBinary printableUnicodeBinary(const QByteArray &bytes, qsizetype limit, int depth)
{
    if (!isValidUtf8Prefix(bytes, limit))
        return printableLatin1Binary(bytes, limit, depth);
    PrintableBinary result;
    qsizetype pos = 0;
    qsizetype remaining = limit;
    while (remaining > 0 && pos < bytes.size()) {
        qsizetype next = pos;
        char32_t c = 0;
        if (!decodeUtf8(bytes, next, c) || !isPrintableLatin1(c))
            break;
        result.chars.push_back(c);
        pos = next;
        --remaining;
    }
    if (pos == bytes.size()) {
        result.printable = true;
    } else if (depth > 0 && limit - remaining >= depth) {
        result.printable = true;
        result.truncated = true;
    } else {
        return {};
    }
    result.plain = pos == qsizetype(result.chars.size());
    return result;
}

// io_lib_pretty:printable_bin0/4 for a binary printed at `depth` (not 1): whether, and how, it
// prints as text.
PrintableBinary printableBinary(const QByteArray &bytes, int depth, Encoding encoding)
{
    const int byteDepth = depth - 1;
    const qsizetype limit =
        byteDepth >= 0 ? std::min<qsizetype>(qsizetype(4) * byteDepth, bytes.size()) : bytes.size();
    if (limit == 0)
        return {};
    if (encoding == Encoding::Latin1)
        return printableLatin1Binary(bytes, limit, byteDepth);
    return printableUnicodeBinary(bytes, limit, byteDepth);
}

class PrettyPrinter
{
public:
    explicit PrettyPrinter(const PrettyOptions &options)
        : m_encoding(options.encoding), m_strings(options.strings), m_lineLength(options.lineLength)
    {
    }

    std::u32string print(const Term &term, int column, int depth);

private:
    // print_length/6
    Node build(const Term &term, int depth);
    Node buildList(const Term &list, int depth);
    Node buildTuple(const Term &tuple, int depth);
    Node buildMap(const Term &map, int depth);
    Node buildMapPair(const Term &key, const Term &value, int depth);
    Node buildBinary(const Term &binary, int depth);
    void appendBinaryBytes(const QByteArray &bytes, int depth);
    Node leafSince(qsizetype textBegin, NodeKind kind = NodeKind::Leaf) const;
    Node leaf(std::u32string_view text);
    static void finishContainer(Node &node, qsizetype bracketsLength);

    // write/1
    void write(const Node &node);
    void writeItems(const Node &node, char32_t tailSeparator);
    void writeText(const Node &node);

    // pp/8 and friends
    bool fits(const Node &node, qsizetype column, qsizetype lastDepth, qsizetype width) const;
    bool fitsAfter(const Node &item, qsizetype column, qsizetype lastDepth, qsizetype width) const;
    static qsizetype lastDepth(const Node &node, qsizetype index, qsizetype depth);
    void pp(const Node &node, qsizetype column, qsizetype indent, qsizetype lastDepth, qsizetype width);
    void ppList(const Node &node, qsizetype from, qsizetype column, qsizetype indent, qsizetype lastDepth,
                char32_t separator, qsizetype width);
    void ppTail(const Node &node, qsizetype index, qsizetype column0, qsizetype column, qsizetype indent,
                qsizetype lastDepth, char32_t separator, qsizetype width);
    qsizetype ppElement(const Node &node, qsizetype column, qsizetype indent, qsizetype lastDepth,
                        qsizetype width);
    void ppTagTuple(const Node &node, qsizetype column, qsizetype indent, qsizetype lastDepth,
                    qsizetype width);
    void ppMap(const Node &node, qsizetype column, qsizetype indent, qsizetype lastDepth, qsizetype width);
    qsizetype ppPair(const Node &pair, qsizetype column, qsizetype indent, qsizetype lastDepth,
                     qsizetype width);
    void ppBinary(const Node &node, qsizetype column, qsizetype indent, qsizetype lastDepth, qsizetype width);
    void newline(qsizetype indent);

    // cind/7: whether an indentation for tagged tuples and map values keeps lines within bounds.
    struct NoGood
    {
    };
    void cind(const Node &node, qsizetype column, qsizetype lastDepth, qsizetype width) const;
    void cindList(const Node &node, qsizetype from, qsizetype column, qsizetype lastDepth,
                  qsizetype width) const;
    void cindTail(const Node &node, qsizetype index, qsizetype column0, qsizetype column, qsizetype lastDepth,
                  qsizetype width) const;
    qsizetype cindElement(const Node &node, qsizetype column, qsizetype lastDepth, qsizetype width) const;
    void cindTagTuple(const Node &node, qsizetype column, qsizetype lastDepth, qsizetype width) const;
    void cindMap(const Node &node, qsizetype column, qsizetype lastDepth, qsizetype width) const;
    qsizetype cindPair(const Node &pair, qsizetype column, qsizetype lastDepth, qsizetype width) const;
    bool indentationWorks(const Node &root, qsizetype column, qsizetype tagIndent);

    qsizetype mapValueIndent() const { return m_tagIndent > 0 ? m_tagIndent : 4; }

    Encoding m_encoding;
    bool m_strings;
    qsizetype m_lineLength;
    qsizetype m_maxChars = 0;  // line_max_chars: the whole term's length
    qsizetype m_tagIndent = 1; // TInd
    std::u32string m_arena;    // the text of every leaf
    std::u32string m_out;
};

// ---- print_length ---------------------------------------------------------------------------

Node PrettyPrinter::leafSince(qsizetype textBegin, NodeKind kind) const
{
    Node node;
    node.kind = kind;
    node.textBegin = textBegin;
    node.length = qsizetype(m_arena.size()) - textBegin;
    return node;
}

Node PrettyPrinter::leaf(std::u32string_view text)
{
    const qsizetype begin = qsizetype(m_arena.size());
    m_arena.append(text);
    return leafSince(begin);
}

// list_length/3: brackets, items and one separator between consecutive items.
void PrettyPrinter::finishContainer(Node &node, qsizetype bracketsLength)
{
    const qsizetype items = qsizetype(node.children.size()) + (node.tail == TailKind::Dots ? 1 : 0);
    node.length = bracketsLength + (node.tail == TailKind::Dots ? 3 : 0) + std::max<qsizetype>(items - 1, 0);
    for (const Node &child : node.children)
        node.length += child.length;
}

Node PrettyPrinter::build(const Term &term, int depth)
{
    switch (term.type()) {
    case Type::List:
        if (term.isNil())
            return leaf(U"[]");
        if (m_strings && depth != 1 && isPrintableList(term)) {
            const qsizetype begin = qsizetype(m_arena.size());
            detail::appendString(m_arena, codePointsOfList(term), U'"', m_encoding);
            return leafSince(begin);
        }
        return buildList(term, depth);
    case Type::Tuple:
        if (term.size() == 0)
            return leaf(U"{}");
        if (depth == 1)
            return leaf(U"{...}");
        return buildTuple(term, depth);
    case Type::Map:
        if (term.mapEntries().empty())
            return leaf(U"#{}");
        if (depth == 1)
            return leaf(U"#{...}");
        return buildMap(term, depth);
    case Type::Binary:
        if (term.bytes().isEmpty())
            return leaf(U"<<>>");
        if (depth == 1)
            return leaf(U"<<...>>");
        return buildBinary(term, depth);
    case Type::Atom: {
        const qsizetype begin = qsizetype(m_arena.size());
        detail::appendAtom(m_arena, term.atomName(), m_encoding);
        return leafSince(begin);
    }
    case Type::Integer:
    case Type::Float:
        break;
    }
    const qsizetype begin = qsizetype(m_arena.size());
    detail::appendTerm(m_arena, term, Encoding::Latin1);
    return leafSince(begin);
}

// print_length_list/6: each element one level deeper than the previous.
Node PrettyPrinter::buildList(const Term &list, int depth)
{
    Node node;
    node.kind = NodeKind::List;
    node.children.reserve(list.elements().size());
    int d = depth;
    for (const Term &element : list.elements()) {
        if (d == 1) {
            node.tail = TailKind::Dots;
            break;
        }
        node.children.push_back(build(element, d - 1));
        --d;
    }
    if (node.tail != TailKind::Dots && !list.tail().isNil()) {
        if (d == 1) {
            node.tail = TailKind::Dots;
        } else {
            node.children.push_back(build(list.tail(), d - 1));
            node.tail = TailKind::Improper;
        }
    }
    finishContainer(node, 2);
    return node;
}

Node PrettyPrinter::buildTuple(const Term &tuple, int depth)
{
    Node node;
    node.kind = tuple.at(0).isAtom() && tuple.size() > 1 ? NodeKind::TaggedTuple : NodeKind::Tuple;
    node.children.reserve(tuple.elements().size());
    int d = depth;
    for (const Term &element : tuple.elements()) {
        if (d == 1) {
            node.tail = TailKind::Dots;
            break;
        }
        node.children.push_back(build(element, d - 1));
        --d;
    }
    finishContainer(node, 2);
    return node;
}

// print_length_map/6: every key and value is printed one level deeper than the map.
Node PrettyPrinter::buildMap(const Term &map, int depth)
{
    Node node;
    node.kind = NodeKind::Map;
    int d = depth;
    for (const auto &[key, value] : map.mapEntries()) {
        if (d == 1) {
            node.tail = TailKind::Dots;
            break;
        }
        node.children.push_back(buildMapPair(key, value, depth - 1));
        --d;
    }
    finishContainer(node, 3);
    return node;
}

Node PrettyPrinter::buildMapPair(const Term &key, const Term &value, int depth)
{
    Node node;
    node.kind = NodeKind::MapPair;
    node.children.push_back(build(key, depth));
    node.children.push_back(build(value, depth));
    node.length = node.children[0].length + 4 + node.children[1].length;
    return node;
}

// print_length/6 for binaries: as text when printable, else as bytes.
Node PrettyPrinter::buildBinary(const Term &binary, int depth)
{
    const QByteArray bytes = binary.bytes();
    const PrintableBinary text = m_strings ? printableBinary(bytes, depth, m_encoding) : PrintableBinary{};
    if (text.printable) {
        const qsizetype begin = qsizetype(m_arena.size());
        m_arena.append(U"<<");
        detail::appendString(m_arena, text.chars, U'"', Encoding::Unicode);
        if (!text.plain)
            m_arena.append(U"/utf8");
        if (text.truncated)
            m_arena.append(U"...");
        m_arena.append(U">>");
        return leafSince(begin);
    }
    const qsizetype begin = qsizetype(m_arena.size());
    appendBinaryBytes(bytes, depth);
    return leafSince(begin, NodeKind::Binary);
}

// io_lib:write_binary/3: one byte per depth level, "..." where the depth runs out.
void PrettyPrinter::appendBinaryBytes(const QByteArray &bytes, int depth)
{
    m_arena.append(U"<<");
    int d = depth;
    for (qsizetype i = 0; i < bytes.size(); ++i, --d) {
        if (d == 1) {
            m_arena.append(U"...");
            break;
        }
        detail::appendInteger(m_arena, Term::integer(quint8(bytes[i])));
        if (i + 1 < bytes.size())
            m_arena.push_back(U',');
    }
    m_arena.append(U">>");
}

// ---- write: a node on one line ---------------------------------------------------------------

void PrettyPrinter::writeText(const Node &node)
{
    m_out.append(m_arena, size_t(node.textBegin), size_t(node.length));
}

void PrettyPrinter::writeItems(const Node &node, char32_t tailSeparator)
{
    const qsizetype count = node.properCount();
    for (qsizetype i = 0; i < count; ++i) {
        if (i > 0)
            m_out.push_back(U',');
        write(node.child(i));
    }
    if (node.tail == TailKind::Improper) {
        m_out.push_back(tailSeparator);
        write(node.improperTail());
    } else if (node.tail == TailKind::Dots) {
        if (count > 0)
            m_out.push_back(tailSeparator);
        m_out.append(U"...");
    }
}

void PrettyPrinter::write(const Node &node)
{
    switch (node.kind) {
    case NodeKind::Leaf:
    case NodeKind::Binary:
        writeText(node);
        return;
    case NodeKind::List:
        m_out.push_back(U'[');
        writeItems(node, U'|');
        m_out.push_back(U']');
        return;
    case NodeKind::Tuple:
    case NodeKind::TaggedTuple:
        m_out.push_back(U'{');
        writeItems(node, U',');
        m_out.push_back(U'}');
        return;
    case NodeKind::Map:
        m_out.append(U"#{");
        writeItems(node, U',');
        m_out.push_back(U'}');
        return;
    case NodeKind::MapPair:
        write(node.child(0));
        m_out.append(U" => ");
        write(node.child(1));
        return;
    }
}

// ---- pp: the layout ---------------------------------------------------------------------------

bool PrettyPrinter::fits(const Node &node, qsizetype column, qsizetype lastDepth, qsizetype width) const
{
    return node.length < m_lineLength - column - lastDepth && node.length + width + lastDepth <= m_maxChars;
}

// The condition of pp_tail/10 for writing the next item after a comma on the same line.
bool PrettyPrinter::fitsAfter(const Node &item, qsizetype column, qsizetype lastDepth, qsizetype width) const
{
    const qsizetype length = 1 + item.length;
    if (lastDepth == 0)
        return length + 1 < m_lineLength - column && width + length + 1 <= m_maxChars;
    return length < m_lineLength - column - lastDepth && width + length + lastDepth <= m_maxChars;
}

// last_depth/2: only the last item must leave room for the closing brackets after it.
qsizetype PrettyPrinter::lastDepth(const Node &node, qsizetype index, qsizetype depth)
{
    return index + 1 < node.properCount() ? 0 : depth + 1;
}

void PrettyPrinter::newline(qsizetype indent)
{
    m_out.push_back(U'\n');
    m_out.append(size_t(indent), U' ');
}

void PrettyPrinter::pp(const Node &node, qsizetype column, qsizetype indent, qsizetype lastDepth,
                       qsizetype width)
{
    if (fits(node, column, lastDepth, width)) {
        write(node);
        return;
    }
    switch (node.kind) {
    case NodeKind::List:
        m_out.push_back(U'[');
        ppList(node, 0, column + 1, indent + 1, lastDepth, U'|', width + 1);
        m_out.push_back(U']');
        return;
    case NodeKind::TaggedTuple:
        m_out.push_back(U'{');
        ppTagTuple(node, column, indent, lastDepth, width + 1);
        m_out.push_back(U'}');
        return;
    case NodeKind::Tuple:
        m_out.push_back(U'{');
        ppList(node, 0, column + 1, indent + 1, lastDepth, U',', width + 1);
        m_out.push_back(U'}');
        return;
    case NodeKind::Map:
        m_out.append(U"#{");
        ppMap(node, column + 2, indent + 2, lastDepth, width + 1);
        m_out.push_back(U'}');
        return;
    case NodeKind::Binary:
        ppBinary(node, column + 2, indent + 2, lastDepth, width);
        return;
    case NodeKind::Leaf:
    case NodeKind::MapPair:
        write(node);
        return;
    }
}

void PrettyPrinter::ppList(const Node &node, qsizetype from, qsizetype column, qsizetype indent,
                           qsizetype lastDepth, char32_t separator, qsizetype width)
{
    if (from >= node.properCount()) {
        m_out.append(U"...");
        return;
    }
    const qsizetype elementWidth =
        ppElement(node.child(from), column, indent, PrettyPrinter::lastDepth(node, from, lastDepth), width);
    ppTail(node, from + 1, column, column + elementWidth, indent, lastDepth, separator, width + elementWidth);
}

void PrettyPrinter::ppTail(const Node &node, qsizetype index, qsizetype column0, qsizetype column,
                           qsizetype indent, qsizetype lastDepth, char32_t separator, qsizetype width)
{
    for (; index < node.properCount(); ++index) {
        const Node &element = node.child(index);
        const qsizetype elementLastDepth = PrettyPrinter::lastDepth(node, index, lastDepth);
        m_out.push_back(U',');
        if (element.isLeaf() && fitsAfter(element, column, elementLastDepth, width)) {
            write(element);
            column += 1 + element.length;
            width += 1 + element.length;
        } else {
            newline(indent);
            const qsizetype elementWidth = ppElement(element, column0, indent, elementLastDepth, 0);
            column = column0 + elementWidth;
            width = elementWidth;
        }
    }
    if (node.tail == TailKind::Dots) {
        m_out.push_back(separator);
        m_out.append(U"...");
    } else if (node.tail == TailKind::Improper) {
        const Node &tail = node.improperTail();
        m_out.push_back(separator);
        if (tail.length + 1 < m_lineLength - column - (lastDepth + 1) &&
            tail.length + 1 + width + (lastDepth + 1) <= m_maxChars && tail.isLeaf()) {
            write(tail);
        } else {
            newline(indent);
            pp(tail, column0, indent, lastDepth + 1, 0);
        }
    }
}

qsizetype PrettyPrinter::ppElement(const Node &node, qsizetype column, qsizetype indent, qsizetype lastDepth,
                                   qsizetype width)
{
    if (node.isLeaf() && fits(node, column, lastDepth, width)) {
        write(node);
        return node.length;
    }
    pp(node, column, indent, lastDepth, width);
    return m_lineLength; // forces the next item onto a new line
}

// pp_tag_tuple/8: {tag, ...} indents the other elements past the tag, or by TInd if the tag is long.
void PrettyPrinter::ppTagTuple(const Node &node, qsizetype column, qsizetype indent, qsizetype lastDepth,
                               qsizetype width)
{
    const Node &tag = node.child(0);
    const qsizetype tagIndent = tag.length + 2;
    const qsizetype tagColumn = column + tagIndent;
    write(tag);
    if (m_tagIndent > 0 && tagIndent > m_tagIndent) {
        ppTail(node, 1, column + m_tagIndent, tagColumn, indent + m_tagIndent, lastDepth, U',',
               width + tag.length);
    } else {
        m_out.push_back(U',');
        ppList(node, 1, tagColumn, indent + tagIndent, lastDepth, U',', width + tag.length + 1);
    }
}

void PrettyPrinter::ppMap(const Node &node, qsizetype column, qsizetype indent, qsizetype lastDepth,
                          qsizetype width)
{
    const qsizetype count = node.properCount();
    qsizetype pairWidth =
        ppPair(node.child(0), column, indent, PrettyPrinter::lastDepth(node, 0, lastDepth), width);
    qsizetype currentColumn = column + pairWidth;
    width = pairWidth; // sic: pp_map/8 restarts the width here
    for (qsizetype i = 1; i < count; ++i) {
        const Node &pair = node.child(i);
        const qsizetype pairLastDepth = PrettyPrinter::lastDepth(node, i, lastDepth);
        const bool atomic = pair.child(0).isLeaf() && pair.child(1).isLeaf();
        m_out.push_back(U',');
        if (atomic && fitsAfter(pair, currentColumn, pairLastDepth, width)) {
            write(pair);
            currentColumn += 1 + pair.length;
            width += 1 + pair.length;
        } else {
            newline(indent);
            pairWidth = ppPair(pair, column, indent, pairLastDepth, 0);
            currentColumn = column + pairWidth;
            width = pairWidth;
        }
    }
    if (node.tail == TailKind::Dots)
        m_out.append(U",...");
}

qsizetype PrettyPrinter::ppPair(const Node &pair, qsizetype column, qsizetype indent, qsizetype lastDepth,
                                qsizetype width)
{
    if (fits(pair, column, lastDepth, width)) {
        write(pair);
        return pair.child(0).isLeaf() && pair.child(1).isLeaf() ? pair.length : m_lineLength;
    }
    const qsizetype valueIndent = mapValueIndent();
    pp(pair.child(0), column, indent, lastDepth, width);
    m_out.append(U" =>");
    newline(indent + valueIndent);
    pp(pair.child(1), column + valueIndent, indent + valueIndent, lastDepth, 0);
    return m_lineLength;
}

// pp_binary/7: the bytes of <<1,2,3>> wrapped at N characters.
void PrettyPrinter::ppBinary(const Node &node, qsizetype column, qsizetype indent, qsizetype lastDepth,
                             qsizetype width)
{
    const qsizetype lineRoom =
        std::max<qsizetype>(8, std::min(m_lineLength - column, m_maxChars - 4 - width) - lastDepth);
    // The text is "<<" items ">>", the items separated by commas.
    const std::u32string_view items(m_arena.data() + node.textBegin + 2, size_t(node.length - 4));
    m_out.append(U"<<");
    qsizetype room = lineRoom;
    size_t pos = 0;
    for (;;) {
        const size_t comma = items.find(U',', pos);
        if (comma == std::u32string_view::npos) {
            const std::u32string_view item = items.substr(pos);
            if (qsizetype(item.size()) > room)
                newline(indent);
            m_out.append(item);
            break;
        }
        const std::u32string_view item = items.substr(pos, comma - pos);
        const qsizetype length = qsizetype(item.size()) + 1;
        if (room - length < 0) {
            newline(indent);
            room = lineRoom - length;
        } else {
            room -= length;
        }
        m_out.append(item);
        m_out.push_back(U',');
        pos = comma + 1;
    }
    m_out.append(U">>");
}

// ---- cind ------------------------------------------------------------------------------------

void PrettyPrinter::cind(const Node &node, qsizetype column, qsizetype lastDepth, qsizetype width) const
{
    if (fits(node, column, lastDepth, width))
        return;
    switch (node.kind) {
    case NodeKind::List:
    case NodeKind::Tuple:
        cindList(node, 0, column + 1, lastDepth, width + 1);
        return;
    case NodeKind::TaggedTuple:
        cindTagTuple(node, column, lastDepth, width + 1);
        return;
    case NodeKind::Map:
        cindMap(node, column + 2, lastDepth, width + 2);
        return;
    case NodeKind::Leaf:
    case NodeKind::Binary:
    case NodeKind::MapPair:
        return;
    }
}

void PrettyPrinter::cindList(const Node &node, qsizetype from, qsizetype column, qsizetype lastDepth,
                             qsizetype width) const
{
    if (from >= node.properCount())
        return;
    const qsizetype elementWidth =
        cindElement(node.child(from), column, PrettyPrinter::lastDepth(node, from, lastDepth), width);
    cindTail(node, from + 1, column, column + elementWidth, lastDepth, width + elementWidth);
}

void PrettyPrinter::cindTail(const Node &node, qsizetype index, qsizetype column0, qsizetype column,
                             qsizetype lastDepth, qsizetype width) const
{
    for (; index < node.properCount(); ++index) {
        const Node &element = node.child(index);
        const qsizetype elementLastDepth = PrettyPrinter::lastDepth(node, index, lastDepth);
        if (element.isLeaf() && fitsAfter(element, column, elementLastDepth, width)) {
            column += 1 + element.length;
            width += 1 + element.length;
        } else {
            const qsizetype elementWidth = cindElement(element, column0, elementLastDepth, 0);
            column = column0 + elementWidth;
            width = elementWidth;
        }
    }
    if (node.tail != TailKind::Improper)
        return;
    const Node &tail = node.improperTail();
    if (tail.length + 1 < m_lineLength - column - (lastDepth + 1) &&
        tail.length + 1 + width + (lastDepth + 1) <= m_maxChars && tail.isLeaf())
        return;
    cind(tail, column, lastDepth + 1, 0); // sic: cind_tail/8 uses Col where pp_tail/10 uses Col0
}

qsizetype PrettyPrinter::cindElement(const Node &node, qsizetype column, qsizetype lastDepth,
                                     qsizetype width) const
{
    if (node.isLeaf() && fits(node, column, lastDepth, width))
        return node.length;
    cind(node, column, lastDepth, width);
    return m_lineLength;
}

// cind_tag_tuple/7: refuses an indentation that starts the elements past half the line, unless
// the whole term still fits after it.
void PrettyPrinter::cindTagTuple(const Node &node, qsizetype column, qsizetype lastDepth,
                                 qsizetype width) const
{
    const Node &tag = node.child(0);
    const qsizetype tagIndent = tag.length + 2;
    const qsizetype tagColumn = column + tagIndent;
    if (m_tagIndent > 0 && tagIndent > m_tagIndent) {
        const qsizetype column1 = column + m_tagIndent;
        if (!(m_maxChars + column1 <= m_lineLength || column1 <= m_lineLength / 2))
            throw NoGood();
        cindTail(node, 1, column1, tagColumn, lastDepth, width + tag.length);
    } else {
        if (!(m_maxChars + tagColumn < m_lineLength || tagColumn < m_lineLength / 2))
            throw NoGood();
        cindList(node, 1, tagColumn, lastDepth, width + tag.length + 1);
    }
}

void PrettyPrinter::cindMap(const Node &node, qsizetype column, qsizetype lastDepth, qsizetype width) const
{
    const qsizetype count = node.properCount();
    if (count == 0)
        return;
    qsizetype pairWidth =
        cindPair(node.child(0), column, PrettyPrinter::lastDepth(node, 0, lastDepth), width);
    qsizetype currentColumn = column + pairWidth;
    width += pairWidth; // unlike pp_map/8
    for (qsizetype i = 1; i < count; ++i) {
        const Node &pair = node.child(i);
        const qsizetype pairLastDepth = PrettyPrinter::lastDepth(node, i, lastDepth);
        const bool atomic = pair.child(0).isLeaf() && pair.child(1).isLeaf();
        if (atomic && fitsAfter(pair, currentColumn, pairLastDepth, width)) {
            currentColumn += 1 + pair.length;
            width += 1 + pair.length;
        } else {
            pairWidth = cindPair(pair, column, pairLastDepth, 0);
            currentColumn = column + pairWidth;
            width = pairWidth;
        }
    }
}

qsizetype PrettyPrinter::cindPair(const Node &pair, qsizetype column, qsizetype lastDepth,
                                  qsizetype width) const
{
    if (fits(pair, column, lastDepth, width))
        return pair.child(0).isLeaf() && pair.child(1).isLeaf() ? pair.length : m_lineLength;
    cind(pair.child(0), column, lastDepth, width);
    cind(pair.child(1), column + mapValueIndent(), lastDepth, 0);
    return m_lineLength;
}

bool PrettyPrinter::indentationWorks(const Node &root, qsizetype column, qsizetype tagIndent)
{
    m_tagIndent = tagIndent;
    try {
        cind(root, column, 0, 0);
        return true;
    } catch (const NoGood &) {
        return false;
    }
}

// ---- print/9 ---------------------------------------------------------------------------------

std::u32string PrettyPrinter::print(const Term &term, int column, int depth)
{
    if (depth == 0)
        return U"...";
    column = std::max(column, 1);
    if (term.isAtom()) {
        detail::appendAtom(m_out, term.atomName(), m_encoding);
        return std::move(m_out);
    }
    if (term.isNumber()) {
        detail::appendTerm(m_out, term, Encoding::Latin1);
        return std::move(m_out);
    }
    const Node root = build(term, depth);
    m_maxChars = root.length;
    if (m_lineLength == 0 || root.length < m_lineLength - column) {
        write(root);
    } else {
        if (!indentationWorks(root, column, -1) && !indentationWorks(root, column, 4))
            m_tagIndent = 1;
        pp(root, column, column - 1, 0, 0);
    }
    return std::move(m_out);
}

} // namespace

QString prettyTerm(const Term &term, const PrettyOptions &options)
{
    PrettyPrinter printer(options);
    const std::u32string text = printer.print(term, options.column, options.depth);
    return QString::fromUcs4(text.data(), qsizetype(text.size()));
}

QByteArray consultFileText(const Term &term)
{
    return QStringLiteral("%% coding: utf-8\n").toUtf8() + prettyTerm(term).toUtf8() +
           QByteArrayLiteral(".\n");
}

QString prettyOneLine(const Term &term)
{
    PrettyOptions options;
    options.lineLength = 1 << 20;
    return prettyTerm(term, options);
}

} // namespace rs::term
