#pragma once

#include "term/term.h"

#include <QString>

namespace rs::term {

// Edits the text of a term file in place, keeping everything around the edited term — comments,
// layout — as the user wrote it. Terms are found by the line and column the reader recorded.
class TextEdit
{
public:
    explicit TextEdit(QString text) : m_text(std::move(text)) {}

    const QString &text() const { return m_text; }

    // The [start, end) UTF-16 range of the term that starts at the term's recorded position.
    // Empty when the position does not start a term.
    std::pair<qsizetype, qsizetype> rangeOf(const Term &t) const;

    // Replaces a term's text.
    bool replace(const Term &t, const QString &replacement);
    // Inserts `, Text` right after a term (a new tuple element or list element).
    bool insertAfter(const Term &t, const QString &separatorAndText);
    // Removes a list element with the comma that separates it from its neighbour.
    bool removeElement(const Term &list, qsizetype index);
    // Swaps the texts of two elements of the same list.
    bool swapElements(const Term &list, qsizetype a, qsizetype b);

private:
    qsizetype offsetOf(int line, int column) const;
    qsizetype endOfTerm(qsizetype start) const;

    QString m_text;
};

} // namespace rs::term
