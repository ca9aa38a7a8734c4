#include "code_editor.h"

#include "palette_colors.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

#include <algorithm>

namespace rs::ui {

namespace {

constexpr int TabWidthInSpaces = 4;
constexpr int GutterPaddingLeft = 8;
constexpr int GutterPaddingRight = 6;
constexpr int GutterMarkWidth = 3;

QColor markerColor(rs::Severity severity, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (severity) {
    case rs::Severity::Error:
        return dark ? QColor(0xf1, 0x4c, 0x4c) : QColor(0xe5, 0x14, 0x00);
    case rs::Severity::Warning:
        return dark ? QColor(0xcc, 0xa7, 0x00) : QColor(0xe0, 0x8a, 0x00);
    case rs::Severity::Info:
        return dark ? QColor(0x3b, 0x9c, 0xff) : QColor(0x1a, 0x6f, 0xd8);
    }
    return palette.color(QPalette::Text);
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('@');
}

// The end of a quoted string or atom starting at `start`, after its closing quote; -1 if it does
// not close on this line.
int endOfQuoted(const QString &text, int start)
{
    const QChar quote = text.at(start);
    for (int i = start + 1; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\\'))
            ++i;
        else if (text.at(i) == quote)
            return i + 1;
    }
    return -1;
}

// The end of a bracketed term starting at `start`, after its closing bracket; -1 if it does not
// close on this line.
int endOfBracketed(const QString &text, int start)
{
    int depth = 0;
    for (int i = start; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            const int end = endOfQuoted(text, i);
            if (end < 0)
                return -1;
            i = end - 1;
        } else if (c == QLatin1Char('$')) {
            i += (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\\')) ? 2 : 1;
        } else if (c == QLatin1Char('%')) {
            return -1;
        } else if (c == QLatin1Char('{') || c == QLatin1Char('[') || c == QLatin1Char('(')) {
            ++depth;
        } else if (c == QLatin1Char('}') || c == QLatin1Char(']') || c == QLatin1Char(')')) {
            if (--depth == 0)
                return i + 1;
        }
    }
    return -1;
}

int trimmedEnd(const QString &text)
{
    int end = int(text.size());
    while (end > 0 && text.at(end - 1).isSpace())
        --end;
    return end;
}

// The characters [start, end) of a line that a finding at `start` is about: its token, a
// bracketed term that closes on the line, or else the rest of the line.
std::pair<int, int> tokenRange(const QString &text, int start)
{
    const int lineEnd = trimmedEnd(text);
    if (start >= lineEnd) // past the end, e.g. "unexpected end of input": the last character
        return {std::max(0, lineEnd - 1), lineEnd};
    const QChar c = text.at(start);
    int end = -1;
    if (c.isSpace()) {
        end = lineEnd;
    } else if (isWordChar(c)) {
        end = start;
        while (end < lineEnd && (isWordChar(text.at(end)) || text.at(end) == QLatin1Char('#') ||
                                 (text.at(end) == QLatin1Char('.') && end + 1 < lineEnd && c.isDigit() &&
                                  text.at(end + 1).isDigit())))
            ++end;
    } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
        end = endOfQuoted(text, start);
    } else if (c == QLatin1Char('{') || c == QLatin1Char('[') || c == QLatin1Char('(')) {
        end = endOfBracketed(text, start);
    } else if (text.mid(start, 2) == QLatin1String("<<")) {
        const int close = int(text.indexOf(QLatin1String(">>"), start + 2));
        end = close < 0 ? -1 : close + 2;
    } else if (c == QLatin1Char('$')) {
        end = std::min(lineEnd,
                       start + (start + 1 < lineEnd && text.at(start + 1) == QLatin1Char('\\') ? 3 : 2));
    } else {
        end = start + 1;
    }
    return {start, end < 0 ? lineEnd : end};
}

} // namespace

int offsetForColumn(const QString &text, int column)
{
    int offset = 0;
    for (int c = 1; c < column && offset < text.size(); ++c)
        offset += (text.at(offset).isHighSurrogate() && offset + 1 < text.size()) ? 2 : 1;
    return offset;
}

class LineNumberArea : public QWidget
{
public:
    explicit LineNumberArea(CodeEditor *editor) : QWidget(editor), m_editor(editor) {}

    QSize sizeHint() const override { return {m_editor->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }

private:
    CodeEditor *m_editor;
};

CodeEditor::CodeEditor(QWidget *parent) : QPlainTextEdit(parent), m_lineNumberArea(new LineNumberArea(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    updateTabStops();

    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEditor::updateViewportMargins);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEditor::updateLineNumberArea);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeEditor::updateExtraSelections);
    // The current line's number is drawn brighter.
    connect(this, &QPlainTextEdit::cursorPositionChanged, m_lineNumberArea, qOverload<>(&QWidget::update));

    updateViewportMargins();
    updateExtraSelections();
}

int CodeEditor::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = std::max(1, largestLineNumber()); max >= 10; max /= 10)
        ++digits;
    // Two digits at least, so the text does not jump sideways while typing the tenth line.
    digits = std::max(digits, 2);
    return GutterPaddingLeft + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits +
           GutterPaddingRight;
}

void CodeEditor::goToLine(int line, int column)
{
    const int blockNumber = std::clamp(line, 1, blockCount()) - 1;
    const QTextBlock block = document()->findBlockByNumber(blockNumber);
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + offsetForColumn(block.text(), column));
    setTextCursor(cursor);
    centerCursor();
    setFocus(Qt::OtherFocusReason);
}

void CodeEditor::setMarkers(const QList<rs::Finding> &findings)
{
    m_markers.clear();
    for (const rs::Finding &finding : findings) {
        if (finding.location.line > 0)
            m_markers.append({markerRange(finding.location), finding});
    }
    updateExtraSelections();
}

QTextCursor CodeEditor::markerRange(const rs::SourceLocation &location) const
{
    const QTextBlock block = document()->findBlockByNumber(std::min(location.line, blockCount()) - 1);
    const QString text = block.text();
    std::pair<int, int> range;
    if (location.column > 0) {
        range = tokenRange(text, offsetForColumn(text, location.column));
    } else {
        int first = 0;
        while (first < text.size() && text.at(first).isSpace())
            ++first;
        range = {first, trimmedEnd(text)};
    }
    QTextCursor cursor(document());
    cursor.setPosition(block.position() + range.first);
    cursor.setPosition(block.position() + range.second, QTextCursor::KeepAnchor);
    return cursor;
}

QString CodeEditor::markerToolTipAt(const QPoint &viewportPos) const
{
    const QTextCursor cursor = cursorForPosition(viewportPos);
    const QRect caret = cursorRect(cursor);
    if (viewportPos.y() < caret.top() || viewportPos.y() > caret.bottom())
        return {};
    // cursorForPosition() gives the nearest character boundary; the character under the pointer
    // is the one before it when the pointer is left of that boundary.
    int position = cursor.position();
    if (viewportPos.x() < caret.x())
        --position;
    QStringList messages;
    for (const Marker &marker : m_markers) {
        if (position >= marker.range.selectionStart() && position < marker.range.selectionEnd())
            messages.append(marker.finding.message);
    }
    return messages.join(QLatin1Char('\n'));
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect contents = contentsRect();
    m_lineNumberArea->setGeometry(contents.left(), contents.top(), lineNumberAreaWidth(), contents.height());
}

void CodeEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateTabStops();
        updateViewportMargins();
    } else if (event->type() == QEvent::PaletteChange) {
        updateExtraSelections();
        m_lineNumberArea->update();
    }
}

bool CodeEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = markerToolTipAt(help->pos());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, viewport());
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void CodeEditor::paintLineNumbers(QPaintEvent *event)
{
    const QPalette pal = palette();
    QPainter painter(m_lineNumberArea);
    painter.fillRect(event->rect(), mix(pal.color(QPalette::Base), pal.color(QPalette::Window), 0.6f));

    const int current = textCursor().blockNumber();
    const int width = m_lineNumberArea->width() - GutterPaddingRight;
    const int lineHeight = fontMetrics().height();
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int bottom = top + qRound(blockBoundingRect(block).height());
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int number = block.blockNumber();
            const QColor mark = gutterMark(number);
            if (mark.isValid())
                painter.fillRect(0, top, GutterMarkWidth, bottom - top, mark);
            painter.setPen(pal.color(
                number == current && m_highlightCurrentLine ? QPalette::Text : QPalette::PlaceholderText));
            painter.drawText(0, top, width, lineHeight, Qt::AlignRight | Qt::AlignVCenter,
                             lineNumberText(number));
        }
        block = block.next();
        top = bottom;
    }
}

void CodeEditor::updateViewportMargins()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
    const QRect contents = contentsRect();
    m_lineNumberArea->setGeometry(contents.left(), contents.top(), lineNumberAreaWidth(), contents.height());
}

void CodeEditor::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy != 0)
        m_lineNumberArea->scroll(0, dy);
    else
        m_lineNumberArea->update(0, rect.y(), m_lineNumberArea->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateViewportMargins();
}

void CodeEditor::updateTabStops()
{
    setTabStopDistance(QFontMetricsF(font()).horizontalAdvance(QLatin1Char(' ')) * TabWidthInSpaces);
}

void CodeEditor::updateExtraSelections()
{
    const QPalette pal = palette();
    QList<QTextEdit::ExtraSelection> selections = m_baseSelections;

    if (m_highlightCurrentLine) {
        QTextEdit::ExtraSelection currentLine;
        currentLine.format.setBackground(
            mix(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.12f));
        currentLine.format.setProperty(QTextFormat::FullWidthSelection, true);
        currentLine.cursor = textCursor();
        currentLine.cursor.clearSelection();
        selections.append(currentLine);
    }

    for (const Marker &marker : m_markers) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = marker.range;
        const QColor colour = markerColor(marker.finding.severity, pal);
        selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        selection.format.setUnderlineColor(colour);
        // Qt draws a hairline wave that is easy to miss; a faint tint makes the range stand out.
        selection.format.setBackground(mix(pal.color(QPalette::Base), colour, 0.12f));
        selection.format.setToolTip(marker.finding.message);
        selections.append(selection);
    }
    setExtraSelections(selections);
}

void CodeEditor::setBaseSelections(QList<QTextEdit::ExtraSelection> selections)
{
    m_baseSelections = std::move(selections);
    updateExtraSelections();
}

void CodeEditor::setHighlightCurrentLine(bool highlight)
{
    m_highlightCurrentLine = highlight;
    updateExtraSelections();
    m_lineNumberArea->update();
}

void CodeEditor::updateGutter()
{
    updateViewportMargins();
    m_lineNumberArea->update();
}

QString CodeEditor::lineNumberText(int blockNumber) const
{
    return QString::number(blockNumber + 1);
}

int CodeEditor::largestLineNumber() const
{
    return blockCount();
}

} // namespace rs::ui
