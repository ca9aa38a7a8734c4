#include "diff/text_diff.h"

#include <QHash>
#include <QStringDecoder>

#include <dtl/dtl.hpp>

#include <algorithm>
#include <map>
#include <string>

namespace rs::diff {

namespace {

struct Op
{
    DiffLine::Kind kind;
    int oldIndex; // 0-based; -1 for an added line
    int newIndex; // 0-based; -1 for a removed line
};

// A lower bound of the edit distance: every occurrence of a line that the other side has fewer
// times must be deleted or added.
qint64 editLowerBound(const std::vector<int> &a, const std::vector<int> &b, int distinct)
{
    std::vector<int> balance(size_t(distinct), 0);
    for (int id : a)
        ++balance[size_t(id)];
    for (int id : b)
        --balance[size_t(id)];
    qint64 bound = 0;
    for (int v : balance)
        bound += v < 0 ? -v : v;
    return bound;
}

// A line as words (runs of letters, digits and '_') and single other characters, each with its
// offset in code points.
struct Tokens
{
    std::vector<std::u32string> text;
    std::vector<int> start;
};

Tokens tokenize(const std::u32string &line)
{
    Tokens t;
    const auto isWord = [](char32_t c) { return c == U'_' || QChar::isLetterOrNumber(c); };
    size_t i = 0;
    while (i < line.size()) {
        size_t j = i + 1;
        if (isWord(line[i]))
            while (j < line.size() && isWord(line[j]))
                ++j;
        t.text.push_back(line.substr(i, j - i));
        t.start.push_back(int(i));
        i = j;
    }
    return t;
}

// The ranges of the tokens at the given indices (merged when adjacent).
std::vector<CharRange> tokenRanges(const Tokens &t, const std::vector<int> &indices)
{
    std::vector<CharRange> ranges;
    for (int k : indices) {
        const int start = t.start[size_t(k)];
        const int length = int(t.text[size_t(k)].size());
        if (!ranges.empty() && ranges.back().start + ranges.back().length == start)
            ranges.back().length += length;
        else
            ranges.push_back({start, length});
    }
    return ranges;
}

// What only each of two paired lines has, word by word (dtl on the lines' tokens).
void intraLine(DiffLine &removed, DiffLine &added, int maxLength)
{
    const std::u32string a = removed.text.toStdU32String();
    const std::u32string b = added.text.toStdU32String();
    const Tokens ta = tokenize(a);
    const Tokens tb = tokenize(b);
    size_t head = 0;
    while (head < ta.text.size() && head < tb.text.size() && ta.text[head] == tb.text[head])
        ++head;
    size_t tail = 0;
    while (tail < ta.text.size() - head && tail < tb.text.size() - head &&
           ta.text[ta.text.size() - 1 - tail] == tb.text[tb.text.size() - 1 - tail])
        ++tail;
    const size_t aMid = ta.text.size() - head - tail;
    const size_t bMid = tb.text.size() - head - tail;
    std::vector<int> del;
    std::vector<int> add;
    const auto whole = [&] {
        del.clear();
        add.clear();
        for (size_t k = head; k < head + aMid; ++k)
            del.push_back(int(k));
        for (size_t k = head; k < head + bMid; ++k)
            add.push_back(int(k));
    };
    if (aMid == 0 || bMid == 0 || a.size() > size_t(maxLength) || b.size() > size_t(maxLength)) {
        whole();
    } else {
        // Tokens interned to integers, diffed by dtl.
        std::map<std::u32string, int> ids;
        const auto intern = [&](const Tokens &t, size_t n) {
            std::vector<int> out;
            for (size_t k = head; k < head + n; ++k)
                out.push_back(ids.emplace(t.text[k], int(ids.size())).first->second);
            return out;
        };
        const std::vector<int> ma = intern(ta, aMid);
        const std::vector<int> mb = intern(tb, bMid);
        dtl::Diff<int, std::vector<int>> d(ma, mb);
        d.compose();
        size_t common = 0;
        for (const auto &[element, info] : d.getSes().getSequence()) {
            (void)element;
            if (info.type == dtl::SES_DELETE)
                del.push_back(int(head) + int(info.beforeIdx) - 1);
            else if (info.type == dtl::SES_ADD)
                add.push_back(int(head) + int(info.afterIdx) - 1);
            else
                ++common;
        }
        // Lines that have little in common are shown as replaced in the middle, not as confetti.
        if (common * 10 < std::max(aMid, bMid) * 3)
            whole();
    }
    removed.changed = tokenRanges(ta, del);
    added.changed = tokenRanges(tb, add);
}

} // namespace

QStringList splitLines(QStringView text)
{
    QStringList lines;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        const bool last = end < 0;
        if (last)
            end = text.size();
        QStringView line = text.mid(start, end - start);
        if (!last && line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        lines.append(line.toString());
        start = end + 1;
    }
    return lines;
}

TextDiff diffLines(const QStringList &oldLines, const QStringList &newLines, const TextDiffOptions &options)
{
    TextDiff result;
    QHash<QString, int> ids;
    const auto intern = [&](const QStringList &lines) {
        std::vector<int> out;
        out.reserve(size_t(lines.size()));
        for (const QString &line : lines) {
            auto it = ids.constFind(line);
            if (it == ids.constEnd())
                it = ids.insert(line, int(ids.size()));
            out.push_back(it.value());
        }
        return out;
    };
    const std::vector<int> a = intern(oldLines);
    const std::vector<int> b = intern(newLines);

    size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head &&
           a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    if (head == a.size() && head == b.size())
        return result; // equal

    std::vector<Op> ops;
    ops.reserve(std::max(a.size(), b.size()) + 16);
    for (size_t i = 0; i < head; ++i)
        ops.push_back({DiffLine::Kind::Context, int(i), int(i)});
    const std::vector<int> ma(a.begin() + qsizetype(head), a.end() - qsizetype(tail));
    const std::vector<int> mb(b.begin() + qsizetype(head), b.end() - qsizetype(tail));
    const auto replaceAll = [&] {
        for (size_t i = 0; i < ma.size(); ++i)
            ops.push_back({DiffLine::Kind::Removed, int(head + i), -1});
        for (size_t i = 0; i < mb.size(); ++i)
            ops.push_back({DiffLine::Kind::Added, -1, int(head + i)});
    };
    const qint64 work =
        qint64(ma.size() + mb.size()) * std::max<qint64>(1, editLowerBound(ma, mb, int(ids.size())));
    if (ma.empty() || mb.empty() || work > options.maxWork) {
        replaceAll();
    } else {
        dtl::Diff<int, std::vector<int>> d(ma, mb, true);
        if (ma.size() + mb.size() > 100'000)
            d.onHuge();
        d.compose();
        for (const auto &[element, info] : d.getSes().getSequence()) {
            (void)element;
            const int oldIndex = int(head) + int(info.beforeIdx) - 1;
            const int newIndex = int(head) + int(info.afterIdx) - 1;
            if (info.type == dtl::SES_COMMON)
                ops.push_back({DiffLine::Kind::Context, oldIndex, newIndex});
            else if (info.type == dtl::SES_DELETE)
                ops.push_back({DiffLine::Kind::Removed, oldIndex, -1});
            else
                ops.push_back({DiffLine::Kind::Added, -1, newIndex});
        }
    }
    for (size_t i = 0; i < tail; ++i)
        ops.push_back({DiffLine::Kind::Context, int(a.size() - tail + i), int(b.size() - tail + i)});

    // Group the changes into hunks with `context` lines around them.
    const int context = std::max(0, options.context);
    std::vector<int> oldBefore(ops.size() + 1, 0); // old lines before op i
    std::vector<int> newBefore(ops.size() + 1, 0);
    for (size_t i = 0; i < ops.size(); ++i) {
        oldBefore[i + 1] = oldBefore[i] + (ops[i].kind != DiffLine::Kind::Added ? 1 : 0);
        newBefore[i + 1] = newBefore[i] + (ops[i].kind != DiffLine::Kind::Removed ? 1 : 0);
    }
    size_t i = 0;
    while (i < ops.size()) {
        while (i < ops.size() && ops[i].kind == DiffLine::Kind::Context)
            ++i;
        if (i == ops.size())
            break;
        const size_t first = i;
        size_t last = i; // last change of the hunk
        size_t j = i + 1;
        while (j < ops.size()) {
            if (ops[j].kind != DiffLine::Kind::Context) {
                last = j;
                ++j;
                continue;
            }
            size_t k = j;
            while (k < ops.size() && ops[k].kind == DiffLine::Kind::Context)
                ++k;
            if (k == ops.size() || k - j > size_t(2 * context))
                break;
            j = k;
        }
        const size_t begin = first > size_t(context) ? first - size_t(context) : 0;
        const size_t end = std::min(ops.size(), last + 1 + size_t(context));
        Hunk hunk;
        hunk.oldCount = oldBefore[end] - oldBefore[begin];
        hunk.newCount = newBefore[end] - newBefore[begin];
        hunk.oldStart = oldBefore[begin] + (hunk.oldCount > 0 ? 1 : 0);
        hunk.newStart = newBefore[begin] + (hunk.newCount > 0 ? 1 : 0);
        for (size_t k = begin; k < end; ++k) {
            const Op &op = ops[k];
            DiffLine line;
            line.kind = op.kind;
            line.oldNumber = op.oldIndex >= 0 ? op.oldIndex + 1 : 0;
            line.newNumber = op.newIndex >= 0 ? op.newIndex + 1 : 0;
            line.text =
                op.kind == DiffLine::Kind::Added ? newLines.at(op.newIndex) : oldLines.at(op.oldIndex);
            if (op.kind == DiffLine::Kind::Added)
                ++result.added;
            else if (op.kind == DiffLine::Kind::Removed)
                ++result.removed;
            hunk.lines.push_back(std::move(line));
        }
        // Pair the i-th removed and the i-th added line of each change for intra-line ranges.
        auto &lines = hunk.lines;
        size_t k = 0;
        while (k < lines.size()) {
            if (lines[k].kind != DiffLine::Kind::Removed) {
                ++k;
                continue;
            }
            size_t removedEnd = k;
            while (removedEnd < lines.size() && lines[removedEnd].kind == DiffLine::Kind::Removed)
                ++removedEnd;
            size_t addedEnd = removedEnd;
            while (addedEnd < lines.size() && lines[addedEnd].kind == DiffLine::Kind::Added)
                ++addedEnd;
            const size_t pairs = std::min(removedEnd - k, addedEnd - removedEnd);
            for (size_t p = 0; p < pairs; ++p)
                intraLine(lines[k + p], lines[removedEnd + p], options.maxIntraLine);
            k = addedEnd;
        }
        result.hunks.push_back(std::move(hunk));
        i = end;
    }
    return result;
}

TextDiff diffText(QStringView oldText, QStringView newText, const TextDiffOptions &options)
{
    TextDiff result = diffLines(splitLines(oldText), splitLines(newText), options);
    if (result.hunks.empty() && oldText != newText) {
        const bool endings = oldText.endsWith(QLatin1Char('\n')) != newText.endsWith(QLatin1Char('\n'));
        result.omitted = endings ? QStringLiteral("only the final newline differs")
                                 : QStringLiteral("only line endings differ");
    }
    return result;
}

bool looksLikeText(QByteArrayView bytes)
{
    if (bytes.contains('\0'))
        return false;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(bytes);
    return !decoder.hasError();
}

QString unifiedText(const TextDiff &diff, const QString &oldName, const QString &newName)
{
    QString out;
    if (!oldName.isEmpty() || !newName.isEmpty())
        out += QStringLiteral("--- ") + oldName + QStringLiteral("\n+++ ") + newName + QLatin1Char('\n');
    for (const Hunk &h : diff.hunks) {
        out += QStringLiteral("@@ -%1,%2 +%3,%4 @@\n")
                   .arg(h.oldStart)
                   .arg(h.oldCount)
                   .arg(h.newStart)
                   .arg(h.newCount);
        for (const DiffLine &line : h.lines) {
            const QChar mark = line.kind == DiffLine::Kind::Added     ? QLatin1Char('+')
                               : line.kind == DiffLine::Kind::Removed ? QLatin1Char('-')
                                                                      : QLatin1Char(' ');
            out += mark + line.text + QLatin1Char('\n');
        }
    }
    if (!diff.omitted.isEmpty())
        out += QStringLiteral("(%1)\n").arg(diff.omitted);
    return out;
}

} // namespace rs::diff
