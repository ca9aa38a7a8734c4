#include "diff/diff_pane.h"

#include "palette_colors.h"

#include <QEvent>
#include <QTextBlock>

namespace rs::ui {

DiffColours DiffColours::of(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const bool dark = isDark(palette);
    const QColor red = dark ? QColor(0xf8, 0x51, 0x49) : QColor(0xcf, 0x22, 0x2e);
    const QColor green = dark ? QColor(0x2e, 0xa0, 0x43) : QColor(0x1a, 0x7f, 0x37);
    const QColor blue = dark ? QColor(0x38, 0x8b, 0xfd) : QColor(0x09, 0x69, 0xda);
    DiffColours c;
    c.removedLine = mix(base, red, dark ? 0.20 : 0.10);
    c.removedChars = mix(base, red, dark ? 0.45 : 0.30);
    c.addedLine = mix(base, green, dark ? 0.20 : 0.10);
    c.addedChars = mix(base, green, dark ? 0.45 : 0.30);
    c.filler = mix(base, palette.color(QPalette::Text), 0.06);
    c.gap = mix(base, blue, dark ? 0.14 : 0.07);
    c.gapText = palette.color(QPalette::PlaceholderText);
    c.current = blue;
    c.changedMark = dark ? QColor(0xd2, 0x99, 0x22) : QColor(0xbf, 0x87, 0x00);
    return c;
}

DiffPane::DiffPane(Side side, QWidget *parent) : CodeEditor(parent), m_side(side)
{
    setReadOnly(true);
    setHighlightCurrentLine(false);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
}

void DiffPane::setRows(const std::vector<AlignedRow> &rows,
                       std::optional<ErlangHighlighter::Dialect> highlighting)
{
    const bool old = m_side == Side::Old;
    QStringList lines;
    lines.reserve(qsizetype(rows.size()));
    m_numbers.clear();
    m_kinds.clear();
    m_ranges.clear();
    m_largest = 0;
    for (const AlignedRow &row : rows) {
        const bool present = old ? row.hasOld() : row.hasNew();
        if (row.kind == AlignedRow::Kind::Gap)
            lines << (row.gapLines == 1 ? tr("⋯ 1 unchanged line")
                                        : tr("⋯ %1 unchanged lines").arg(row.gapLines));
        else
            lines << (present ? (old ? row.oldText : row.newText) : QString());
        const int number = present ? (old ? row.oldNumber : row.newNumber) : 0;
        m_numbers.push_back(number);
        m_largest = std::max(m_largest, number);
        m_kinds.push_back(row.kind);
        m_ranges.push_back(old ? row.oldRanges : row.newRanges);
    }
    m_currentFirst = m_currentLast = -1;

    if (highlighting && !m_highlighter)
        m_highlighter = new ErlangHighlighter(document(), *highlighting);
    else if (highlighting)
        m_highlighter->setDialect(*highlighting);
    else if (m_highlighter) {
        delete m_highlighter;
        m_highlighter = nullptr;
    }
    setPlainText(lines.join(QLatin1Char('\n')));
    applyColours();
    updateGutter();
}

void DiffPane::setCurrentRows(int first, int last)
{
    m_currentFirst = first;
    m_currentLast = last;
    updateGutter();
}

QString DiffPane::lineNumberText(int blockNumber) const
{
    if (blockNumber < 0 || blockNumber >= int(m_numbers.size()))
        return QString::number(blockNumber + 1);
    const int n = m_numbers[std::size_t(blockNumber)];
    return n > 0 ? QString::number(n) : QString();
}

int DiffPane::largestLineNumber() const
{
    return std::max(m_largest, 1);
}

QColor DiffPane::gutterMark(int blockNumber) const
{
    if (blockNumber >= m_currentFirst && blockNumber <= m_currentLast && m_currentFirst >= 0)
        return DiffColours::of(palette()).current;
    return {};
}

void DiffPane::changeEvent(QEvent *event)
{
    CodeEditor::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColours();
}

// Line backgrounds by row kind, the differing characters darker, folded rows grey and italic.
void DiffPane::applyColours()
{
    const DiffColours colours = DiffColours::of(palette());
    const bool old = m_side == Side::Old;
    QList<QTextEdit::ExtraSelection> selections;
    QTextBlock block = document()->firstBlock();
    for (std::size_t i = 0; i < m_kinds.size() && block.isValid(); ++i, block = block.next()) {
        const AlignedRow::Kind kind = m_kinds[i];
        if (kind == AlignedRow::Kind::Context)
            continue;
        QTextEdit::ExtraSelection line;
        line.cursor = QTextCursor(block);
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        const bool filler =
            (old && kind == AlignedRow::Kind::Added) || (!old && kind == AlignedRow::Kind::Removed);
        if (kind == AlignedRow::Kind::Gap) {
            line.format.setBackground(colours.gap);
            line.format.setForeground(colours.gapText);
            line.format.setFontItalic(true);
            line.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        } else if (filler) {
            line.format.setBackground(QBrush(colours.filler, Qt::BDiagPattern));
        } else {
            line.format.setBackground(old ? colours.removedLine : colours.addedLine);
        }
        selections.append(line);
        if (filler || kind == AlignedRow::Kind::Gap)
            continue;
        const QString text = block.text();
        for (const diff::CharRange &range : m_ranges[i]) {
            QTextEdit::ExtraSelection chars;
            const int start = offsetForColumn(text, range.start + 1);
            const int end = offsetForColumn(text, range.start + range.length + 1);
            chars.cursor = QTextCursor(block);
            chars.cursor.setPosition(block.position() + start);
            chars.cursor.setPosition(block.position() + end, QTextCursor::KeepAnchor);
            chars.format.setBackground(old ? colours.removedChars : colours.addedChars);
            selections.append(chars);
        }
    }
    setBaseSelections(std::move(selections));
}

} // namespace rs::ui
