#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

namespace rs::ui {

// Colours Erlang term files (.rel, .app, .appup, .script, relup, sys.config) and vm.args. The
// colours follow the palette: a light or a dark scheme depending on the Base colour.
class ErlangHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Dialect { Terms, VmArgs };
    enum class Role {
        Comment,
        String,
        Escape,      // \n, \x{41}, ... inside strings and quoted atoms
        Atom,        // plain and quoted atoms
        Tag,         // the first element of a tuple: {application, ...}, {release, ...}
        Number,      // 42, 16#FF, 1.5e3, $c
        Binary,      // << and >>
        Variable,    // appup and script files hardly have any, but the lexer allows them
        Punctuation, // { } [ ] , . | and friends, kept subtle
        Flag,        // vm.args: -name, +K
    };

    // Follows the application palette until setPalette() is called.
    explicit ErlangHighlighter(QTextDocument *document, Dialect dialect = Dialect::Terms);

    // vm.args for files named vm.args or *.args, terms otherwise.
    static Dialect dialectForFile(const QString &fileName);

    Dialect dialect() const { return m_dialect; }
    void setDialect(Dialect dialect);

    void setPalette(const QPalette &palette);
    bool isDarkScheme() const { return m_dark; }
    QTextCharFormat format(Role role) const { return m_formats.at(size_t(role)); }

protected:
    void highlightBlock(const QString &text) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum BlockState { Normal = -1, InString = 1, InQuotedAtom = 2 };

    void applyPalette(const QPalette &palette);
    void highlightTerms(const QString &text);
    void highlightVmArgs(const QString &text);
    // Colours a string or quoted atom from `start` (just after its opening quote, or the start of
    // a continued line); returns the index after the closing quote, or -1 if it runs on.
    int highlightQuoted(const QString &text, int start, QChar quote, Role role);
    void setRole(int start, int count, Role role) { setFormat(start, count, format(role)); }

    Dialect m_dialect;
    bool m_followsApplication = true;
    bool m_dark = false;
    std::array<QTextCharFormat, size_t(Role::Flag) + 1> m_formats;
};

} // namespace rs::ui
