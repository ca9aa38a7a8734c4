#include "term/text_edit.h"

namespace rs::term {

namespace {

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('@');
}

} // namespace

qsizetype TextEdit::offsetOf(int line, int column) const
{
    if (line < 1 || column < 1)
        return -1;
    qsizetype pos = 0;
    for (int l = 1; l < line; ++l) {
        pos = m_text.indexOf(QLatin1Char('\n'), pos);
        if (pos < 0)
            return -1;
        ++pos;
    }
    // Columns count code points; a character outside the BMP takes two UTF-16 units.
    for (int c = 1; c < column && pos < m_text.size(); ++c)
        pos += m_text.at(pos).isHighSurrogate() ? 2 : 1;
    return pos <= m_text.size() ? pos : -1;
}

// Where the term starting at `start` ends: brackets are matched, skipping strings, quoted atoms,
// character literals and comments.
qsizetype TextEdit::endOfTerm(qsizetype start) const
{
    const qsizetype n = m_text.size();
    auto skipQuoted = [&](qsizetype i, QChar quote) {
        for (++i; i < n; ++i) {
            if (m_text[i] == QLatin1Char('\\'))
                ++i;
            else if (m_text[i] == quote)
                return i + 1;
        }
        return n;
    };
    qsizetype i = start;
    if (i >= n)
        return -1;
    const QChar first = m_text[i];
    if (first == QLatin1Char('"') || first == QLatin1Char('\'')) {
        i = skipQuoted(i, first);
        // Adjacent strings are one string: "a" "b".
        while (first == QLatin1Char('"')) {
            qsizetype j = i;
            while (j < n && m_text[j].isSpace())
                ++j;
            if (j < n && m_text[j] == QLatin1Char('"'))
                i = skipQuoted(j, first);
            else
                break;
        }
        return i;
    }
    if (first == QLatin1Char('$'))
        return std::min(n, i + (i + 1 < n && m_text[i + 1] == QLatin1Char('\\') ? 3 : 2));
    if (first == QLatin1Char('{') || first == QLatin1Char('[') || first == QLatin1Char('<') ||
        first == QLatin1Char('#')) {
        int depth = 0;
        for (; i < n; ++i) {
            const QChar c = m_text[i];
            if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
                i = skipQuoted(i, c) - 1;
            } else if (c == QLatin1Char('$')) {
                i += (i + 1 < n && m_text[i + 1] == QLatin1Char('\\')) ? 2 : 1;
            } else if (c == QLatin1Char('%')) {
                while (i < n && m_text[i] != QLatin1Char('\n'))
                    ++i;
            } else if (c == QLatin1Char('{') || c == QLatin1Char('[') ||
                       (c == QLatin1Char('<') && i + 1 < n && m_text[i + 1] == QLatin1Char('<'))) {
                ++depth;
                if (c == QLatin1Char('<'))
                    ++i;
            } else if (c == QLatin1Char('}') || c == QLatin1Char(']') ||
                       (c == QLatin1Char('>') && i + 1 < n && m_text[i + 1] == QLatin1Char('>'))) {
                if (c == QLatin1Char('>'))
                    ++i;
                if (--depth == 0)
                    return i + 1;
            }
        }
        return -1;
    }
    // An atom or a number (possibly signed, based or with a fraction and exponent).
    if (first == QLatin1Char('-') || first == QLatin1Char('+'))
        ++i;
    while (i < n && (isNameChar(m_text[i]) || m_text[i] == QLatin1Char('#') ||
                     (m_text[i] == QLatin1Char('.') && i + 1 < n && m_text[i + 1].isDigit()) ||
                     ((m_text[i] == QLatin1Char('-') || m_text[i] == QLatin1Char('+')) && i > start &&
                      (m_text[i - 1] == QLatin1Char('e') || m_text[i - 1] == QLatin1Char('E')))))
        ++i;
    return i > start ? i : -1;
}

std::pair<qsizetype, qsizetype> TextEdit::rangeOf(const Term &t) const
{
    const qsizetype start = offsetOf(t.line(), t.column());
    if (start < 0)
        return {-1, -1};
    const qsizetype end = endOfTerm(start);
    return end < 0 ? std::pair<qsizetype, qsizetype>{-1, -1} : std::pair{start, end};
}

bool TextEdit::replace(const Term &t, const QString &replacement)
{
    const auto [start, end] = rangeOf(t);
    if (start < 0)
        return false;
    m_text.replace(start, end - start, replacement);
    return true;
}

bool TextEdit::insertAfter(const Term &t, const QString &separatorAndText)
{
    const auto [start, end] = rangeOf(t);
    if (start < 0)
        return false;
    m_text.insert(end, separatorAndText);
    return true;
}

bool TextEdit::removeElement(const Term &list, qsizetype index)
{
    if (index < 0 || index >= list.size())
        return false;
    const auto [start, end] = rangeOf(list.at(index));
    if (start < 0)
        return false;
    if (list.size() == 1) {
        m_text.remove(start, end - start);
        return true;
    }
    if (index > 0) {
        // From the end of the previous element: removes ",\n  {x, ...}".
        const auto [prevStart, prevEnd] = rangeOf(list.at(index - 1));
        if (prevStart < 0)
            return false;
        m_text.remove(prevEnd, end - prevEnd);
        return true;
    }
    // The first element: up to the start of the next one.
    const auto [nextStart, nextEnd] = rangeOf(list.at(1));
    if (nextStart < 0)
        return false;
    m_text.remove(start, nextStart - start);
    return true;
}

bool TextEdit::swapElements(const Term &list, qsizetype a, qsizetype b)
{
    if (a == b || a < 0 || b < 0 || a >= list.size() || b >= list.size())
        return false;
    if (a > b)
        std::swap(a, b);
    const auto [aStart, aEnd] = rangeOf(list.at(a));
    const auto [bStart, bEnd] = rangeOf(list.at(b));
    if (aStart < 0 || bStart < 0)
        return false;
    const QString aText = m_text.mid(aStart, aEnd - aStart);
    const QString bText = m_text.mid(bStart, bEnd - bStart);
    m_text.replace(bStart, bEnd - bStart, aText); // the later one first keeps offsets valid
    m_text.replace(aStart, aEnd - aStart, bText);
    return true;
}

} // namespace rs::term
