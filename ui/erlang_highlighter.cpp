#include "erlang_highlighter.h"

#include <QFileInfo>
#include <QGuiApplication>

namespace rs::ui {

namespace {

using Role = ErlangHighlighter::Role;

QColor mix(const QColor &a, const QColor &b, float amountOfB)
{
    const float keep = 1.0f - amountOfB;
    return QColor::fromRgbF(a.redF() * keep + b.redF() * amountOfB,
                            a.greenF() * keep + b.greenF() * amountOfB,
                            a.blueF() * keep + b.blueF() * amountOfB);
}

QTextCharFormat coloured(const QColor &colour, bool bold = false, bool italic = false)
{
    QTextCharFormat format;
    format.setForeground(colour);
    if (bold)
        format.setFontWeight(QFont::Bold);
    if (italic)
        format.setFontItalic(true);
    return format;
}

bool isAtomChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('@');
}

bool isHexDigit(QChar c)
{
    return c.isDigit() || (c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f'));
}

// The length of the escape sequence at `i` (a backslash), as the Erlang lexer reads it.
int escapeLength(const QString &text, int i)
{
    const int n = int(text.size());
    if (i + 1 >= n)
        return 1;
    const QChar c = text.at(i + 1);
    int end = i + 2;
    if (c >= QLatin1Char('0') && c <= QLatin1Char('7')) {
        while (end < n && end < i + 4 && text.at(end) >= QLatin1Char('0') && text.at(end) <= QLatin1Char('7'))
            ++end;
    } else if (c == QLatin1Char('x')) {
        if (end < n && text.at(end) == QLatin1Char('{')) {
            const int close = int(text.indexOf(QLatin1Char('}'), end));
            end = close < 0 ? n : close + 1;
        } else {
            while (end < n && end < i + 4 && isHexDigit(text.at(end)))
                ++end;
        }
    } else if (c == QLatin1Char('^')) {
        end = std::min(n, i + 3);
    } else if (c.isHighSurrogate()) {
        end = std::min(n, i + 3);
    }
    return end - i;
}

// 42, 1_000, 16#FF, 1.5, 2.0e-3: the index after the number starting at `i`.
int numberEnd(const QString &text, int i)
{
    const int n = int(text.size());
    auto digitsFrom = [&](int j) {
        while (j < n && (text.at(j).isDigit() || text.at(j) == QLatin1Char('_')))
            ++j;
        return j;
    };
    int end = digitsFrom(i);
    if (end + 1 < n && text.at(end) == QLatin1Char('#') && isAtomChar(text.at(end + 1))) {
        end += 1;
        while (end < n && (text.at(end).isLetterOrNumber() || text.at(end) == QLatin1Char('_')))
            ++end;
    } else if (end + 1 < n && text.at(end) == QLatin1Char('.') && text.at(end + 1).isDigit()) {
        end = digitsFrom(end + 1);
        if (end < n && text.at(end).toLower() == QLatin1Char('e')) {
            int exponent = end + 1;
            if (exponent < n &&
                (text.at(exponent) == QLatin1Char('+') || text.at(exponent) == QLatin1Char('-')))
                ++exponent;
            if (exponent < n && text.at(exponent).isDigit())
                end = digitsFrom(exponent);
        }
    }
    return end;
}

// $a, $\n, $\x{1F600}, $😀
int charLiteralLength(const QString &text, int i)
{
    if (i + 1 >= text.size())
        return 1;
    if (text.at(i + 1) == QLatin1Char('\\'))
        return 1 + escapeLength(text, i + 1);
    return text.at(i + 1).isHighSurrogate() && i + 2 < text.size() ? 3 : 2;
}

} // namespace

ErlangHighlighter::ErlangHighlighter(QTextDocument *document, Dialect dialect)
    : QSyntaxHighlighter(document), m_dialect(dialect)
{
    applyPalette(QGuiApplication::palette());
    // Follow the desktop switching between light and dark while no palette was set explicitly.
    if (qApp)
        qApp->installEventFilter(this);
}

ErlangHighlighter::Dialect ErlangHighlighter::dialectForFile(const QString &fileName)
{
    const QString name = QFileInfo(fileName).fileName();
    return name == QLatin1String("vm.args") || name.endsWith(QLatin1String(".args")) ? Dialect::VmArgs
                                                                                     : Dialect::Terms;
}

void ErlangHighlighter::setDialect(Dialect dialect)
{
    if (dialect == m_dialect)
        return;
    m_dialect = dialect;
    rehighlight();
}

void ErlangHighlighter::setPalette(const QPalette &palette)
{
    m_followsApplication = false;
    applyPalette(palette);
    rehighlight();
}

bool ErlangHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange && m_followsApplication) {
        applyPalette(QGuiApplication::palette());
        rehighlight();
    }
    return QSyntaxHighlighter::eventFilter(watched, event);
}

void ErlangHighlighter::applyPalette(const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    m_dark = base.lightness() < 128;
    auto set = [this](Role role, const QTextCharFormat &format) { m_formats[size_t(role)] = format; };
    // The "One Light" and "One Dark" colours, with comments darkened for contrast on white.
    if (m_dark) {
        set(Role::Comment, coloured(QColor(0x7f, 0x84, 0x8e), false, true));
        set(Role::String, coloured(QColor(0x98, 0xc3, 0x79)));
        set(Role::Escape, coloured(QColor(0x56, 0xb6, 0xc2)));
        set(Role::Atom, coloured(QColor(0xc6, 0x78, 0xdd)));
        set(Role::Tag, coloured(QColor(0x61, 0xaf, 0xef), true));
        set(Role::Number, coloured(QColor(0xd1, 0x9a, 0x66)));
        set(Role::Binary, coloured(QColor(0x56, 0xb6, 0xc2), true));
        set(Role::Variable, coloured(QColor(0xe0, 0x6c, 0x75)));
        set(Role::Flag, coloured(QColor(0x61, 0xaf, 0xef), true));
    } else {
        set(Role::Comment, coloured(QColor(0x80, 0x82, 0x8a), false, true));
        set(Role::String, coloured(QColor(0x3e, 0x8e, 0x3d)));
        set(Role::Escape, coloured(QColor(0x01, 0x84, 0xbc)));
        set(Role::Atom, coloured(QColor(0xa6, 0x26, 0xa4)));
        set(Role::Tag, coloured(QColor(0x40, 0x78, 0xf2), true));
        set(Role::Number, coloured(QColor(0x98, 0x68, 0x01)));
        set(Role::Binary, coloured(QColor(0x01, 0x84, 0xbc), true));
        set(Role::Variable, coloured(QColor(0xe4, 0x56, 0x49)));
        set(Role::Flag, coloured(QColor(0x40, 0x78, 0xf2), true));
    }
    set(Role::Punctuation, coloured(mix(text, base, 0.4f)));
}

void ErlangHighlighter::highlightBlock(const QString &text)
{
    setCurrentBlockState(Normal);
    if (m_dialect == Dialect::VmArgs)
        highlightVmArgs(text);
    else
        highlightTerms(text);
}

int ErlangHighlighter::highlightQuoted(const QString &text, int start, QChar quote, Role role)
{
    const int n = int(text.size());
    int run = start;
    for (int i = start; i < n;) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\')) {
            const int length = escapeLength(text, i);
            setRole(run, i - run, role);
            setRole(i, length, Role::Escape);
            i += length;
            run = i;
        } else if (c == quote) {
            setRole(run, i + 1 - run, role);
            return i + 1;
        } else {
            ++i;
        }
    }
    setRole(run, n - run, role);
    setCurrentBlockState(quote == QLatin1Char('"') ? InString : InQuotedAtom);
    return -1;
}

void ErlangHighlighter::highlightTerms(const QString &text)
{
    const int n = int(text.size());
    int i = 0;
    if (previousBlockState() == InString)
        i = highlightQuoted(text, 0, QLatin1Char('"'), Role::String);
    else if (previousBlockState() == InQuotedAtom)
        i = highlightQuoted(text, 0, QLatin1Char('\''), Role::Atom);

    bool afterBrace = false; // the next atom is a tuple's tag
    while (i >= 0 && i < n) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        const bool isTag = afterBrace;
        afterBrace = false;
        if (c == QLatin1Char('%')) {
            setRole(i, n - i, Role::Comment);
            return;
        }
        if (c == QLatin1Char('"')) {
            setRole(i, 1, Role::String);
            i = highlightQuoted(text, i + 1, c, Role::String);
        } else if (c == QLatin1Char('\'')) {
            const Role role = isTag ? Role::Tag : Role::Atom;
            setRole(i, 1, role);
            i = highlightQuoted(text, i + 1, c, role);
        } else if (c == QLatin1Char('$')) {
            const int length = charLiteralLength(text, i);
            setRole(i, length, Role::Number);
            i += length;
        } else if (c.isDigit()) {
            const int end = numberEnd(text, i);
            setRole(i, end - i, Role::Number);
            i = end;
        } else if (c.isLetter() || c == QLatin1Char('_')) {
            int end = i + 1;
            while (end < n && isAtomChar(text.at(end)))
                ++end;
            const bool variable = c.isUpper() || c == QLatin1Char('_');
            setRole(i, end - i, variable ? Role::Variable : isTag ? Role::Tag : Role::Atom);
            i = end;
        } else if (QStringView(text).mid(i, 2) == QLatin1String("<<") ||
                   QStringView(text).mid(i, 2) == QLatin1String(">>")) {
            setRole(i, 2, Role::Binary);
            i += 2;
        } else {
            setRole(i, 1, Role::Punctuation);
            afterBrace = c == QLatin1Char('{');
            ++i;
        }
    }
}

// erl's argument files: "#" starts a comment anywhere, the first word is a flag (-name, +K),
// the rest are its values; relx substitutes ${VAR}.
void ErlangHighlighter::highlightVmArgs(const QString &text)
{
    const int comment = int(text.indexOf(QLatin1Char('#')));
    const int end = comment < 0 ? int(text.size()) : comment;
    if (comment >= 0)
        setRole(comment, int(text.size()) - comment, Role::Comment);

    bool first = true;
    for (int i = 0; i < end;) {
        if (text.at(i).isSpace()) {
            ++i;
            continue;
        }
        int wordEnd = i;
        while (wordEnd < end && !text.at(wordEnd).isSpace())
            ++wordEnd;
        const QStringView word = QStringView(text).mid(i, wordEnd - i);
        if (first && (word.startsWith(QLatin1Char('-')) || word.startsWith(QLatin1Char('+')))) {
            setRole(i, int(word.size()), Role::Flag);
        } else if (word.startsWith(QLatin1Char('"'))) {
            setRole(i, int(word.size()), Role::String);
        } else if (std::all_of(word.begin(), word.end(), [](QChar c) { return c.isDigit(); })) {
            setRole(i, int(word.size()), Role::Number);
        } else {
            for (qsizetype v = word.indexOf(QLatin1String("${")); v >= 0;
                 v = word.indexOf(QLatin1String("${"), v + 2)) {
                const qsizetype close = word.indexOf(QLatin1Char('}'), v);
                const qsizetype length = (close < 0 ? word.size() : close + 1) - v;
                setRole(i + int(v), int(length), Role::Variable);
            }
        }
        first = false;
        i = wordEnd;
    }
}

} // namespace rs::ui
