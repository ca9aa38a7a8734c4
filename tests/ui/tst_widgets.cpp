// The reusable widgets on the offscreen platform: code editor, Erlang highlighter, Log and
// Problems docks.
#include "code_editor.h"
#include "erlang_highlighter.h"
#include "log_dock.h"
#include "problems_dock.h"

#include <QApplication>
#include <QComboBox>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolButton>
#include <QToolTip>
#include <QTreeView>

#include <spdlog/logger.h>

#include <thread>

using namespace rs::ui;
using Role = ErlangHighlighter::Role;

namespace {

QTextCharFormat formatAt(const QTextBlock &block, int position)
{
    const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : ranges) {
        if (position >= range.start && position < range.start + range.length)
            return range.format;
    }
    return {};
}

// Where the character at `position` is drawn, in viewport coordinates.
QPoint pointOfCharacter(const CodeEditor &editor, int position)
{
    QTextCursor cursor(editor.document());
    cursor.setPosition(position);
    const QRect caret = editor.cursorRect(cursor);
    return {caret.x() + 2, caret.center().y()};
}

const QString releaseText = QStringLiteral("%% The shop release\n"
                                           "{release, {\"shop\", \"1.0.0\"},\n"
                                           " {erts, \"13.1.5\"},\n"
                                           " [{kernel, \"8.5.3\"},\n"
                                           "  {stdlib, \"4.2\"},\n"
                                           "  {sasl, \"4.2\"},\n"
                                           "  {shop, \"1.0.0\", permanent},\n"
                                           "  {mnesia, \"4.21.3\", load}]}.\n");

QPalette darkPalette()
{
    QPalette palette(QColor(0x3a, 0x3a, 0x3a), QColor(0x2b, 0x2b, 0x2b));
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    palette.setColor(QPalette::Text, QColor(0xdd, 0xdd, 0xdd));
    palette.setColor(QPalette::WindowText, QColor(0xdd, 0xdd, 0xdd));
    palette.setColor(QPalette::ButtonText, QColor(0xdd, 0xdd, 0xdd));
    palette.setColor(QPalette::PlaceholderText, QColor(0x80, 0x80, 0x80));
    palette.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    return palette;
}

QStringList lines(const QPlainTextEdit *view)
{
    return view->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestWidgets : public QObject
{
    Q_OBJECT

private slots:
    void gutterGrowsWithLineCount()
    {
        CodeEditor editor;
        editor.setPlainText(QStringLiteral("one line"));
        const int small = editor.lineNumberAreaWidth();
        QVERIFY(small > 0);
        QCOMPARE(editor.viewport()->x() - editor.contentsRect().left(), small);

        QStringList many;
        for (int i = 0; i < 12000; ++i)
            many.append(QStringLiteral("{line, %1}.").arg(i));
        editor.setPlainText(many.join(QLatin1Char('\n')));
        const int large = editor.lineNumberAreaWidth();
        QVERIFY2(large > small, qPrintable(QStringLiteral("%1 <= %2").arg(large).arg(small)));
        QCOMPARE(editor.viewport()->x() - editor.contentsRect().left(), large);
    }

    void editorDefaults()
    {
        CodeEditor editor;
        // Monospaced as the user sees it: every character as wide as the next. (Not
        // QFontInfo::fixedPitch(): Qt 6.4 says false for Noto Sans Mono, Debian's monospace
        // font once fonts-noto-mono is installed.)
        const QFontMetricsF metrics(editor.font());
        QCOMPARE(metrics.horizontalAdvance(QLatin1Char('i')), metrics.horizontalAdvance(QLatin1Char('M')));
        QCOMPARE(metrics.horizontalAdvance(QLatin1Char('.')), metrics.horizontalAdvance(QLatin1Char('W')));
        const qreal space = metrics.horizontalAdvance(QLatin1Char(' '));
        QCOMPARE(editor.tabStopDistance(), space * 4);
        editor.setReadOnly(true);
        QVERIFY(editor.isReadOnly());
    }

    void goToLineMovesTheCursor()
    {
        CodeEditor editor;
        editor.setPlainText(releaseText);
        editor.goToLine(3, 3);
        QCOMPARE(editor.textCursor().blockNumber(), 2);
        QCOMPARE(editor.textCursor().positionInBlock(), 2);
        QCOMPARE(editor.textCursor().block().text().mid(2, 4), QStringLiteral("erts"));

        editor.goToLine(500, 500); // clamped to the last line and its end
        QCOMPARE(editor.textCursor().blockNumber(), editor.blockCount() - 1);
        editor.goToLine(2, 500);
        QCOMPARE(editor.textCursor().positionInBlock(), editor.textCursor().block().length() - 1);

        // Columns count code points, as the lexer does.
        editor.setPlainText(QStringLiteral("\"\U0001F600\", x"));
        editor.goToLine(1, 3);
        QCOMPARE(editor.textCursor().positionInBlock(), 3);
    }

    void markersUnderlineTokensWithToolTips()
    {
        CodeEditor editor;
        editor.resize(600, 300);
        editor.setPlainText(releaseText);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));

        const QString stringMessage = QStringLiteral("version \"1.0.0\" is not a valid release version");
        const QString atomMessage = QStringLiteral("unknown application erts");
        const QString bracketMessage = QStringLiteral("not an application tuple");
        editor.setMarkers({
            rs::Finding::error(stringMessage, {QStringLiteral("shop.rel"), 2, 20}),
            rs::Finding::warning(atomMessage, {QStringLiteral("shop.rel"), 3, 3}),
            rs::Finding::error(bracketMessage, {QStringLiteral("shop.rel"), 7, 3}),
        });

        const QList<QTextEdit::ExtraSelection> selections = editor.extraSelections();
        QCOMPARE(selections.size(), 4); // the current line and three markers
        QVERIFY(selections.at(0).format.property(QTextFormat::FullWidthSelection).toBool());

        const QTextEdit::ExtraSelection &string = selections.at(1);
        QCOMPARE(string.cursor.selectedText(), QStringLiteral("\"1.0.0\""));
        QCOMPARE(string.format.underlineStyle(), QTextCharFormat::WaveUnderline);
        QCOMPARE(string.format.toolTip(), stringMessage);

        const QTextEdit::ExtraSelection &atom = selections.at(2);
        QCOMPARE(atom.cursor.selectedText(), QStringLiteral("erts"));
        QCOMPARE(atom.format.toolTip(), atomMessage);
        QVERIFY(atom.format.underlineColor() != string.format.underlineColor()); // orange, not red

        QCOMPARE(selections.at(3).cursor.selectedText(), QStringLiteral("{shop, \"1.0.0\", permanent}"));

        // Hovering the underlined characters shows the message; elsewhere nothing.
        const int stringStart = string.cursor.selectionStart();
        QCOMPARE(editor.markerToolTipAt(pointOfCharacter(editor, stringStart)), stringMessage);
        QCOMPARE(editor.markerToolTipAt(pointOfCharacter(editor, stringStart + 6)), stringMessage);
        QCOMPARE(editor.markerToolTipAt(pointOfCharacter(editor, stringStart + 7)), QString());
        QCOMPARE(editor.markerToolTipAt(pointOfCharacter(editor, atom.cursor.selectionStart() + 1)),
                 atomMessage);
        QCOMPARE(editor.markerToolTipAt(pointOfCharacter(editor, 3)), QString());
        const QPoint hover = pointOfCharacter(editor, stringStart + 2);
        QHelpEvent help(QEvent::ToolTip, hover, editor.viewport()->mapToGlobal(hover));
        QApplication::sendEvent(editor.viewport(), &help);
        QCOMPARE(QToolTip::text(), stringMessage);

        // Markers follow edits.
        QTextCursor top(editor.document());
        top.insertText(QStringLiteral("\n"));
        QCOMPARE(editor.extraSelections().at(2).cursor.selectedText(), QStringLiteral("erts"));
        QCOMPARE(editor.extraSelections().at(2).cursor.blockNumber(), 3);

        editor.clearMarkers();
        QCOMPARE(editor.extraSelections().size(), 1);
    }

    void markersAtOddPlaces()
    {
        CodeEditor editor;
        editor.setPlainText(QStringLiteral("{a, b}\n  x y  \n"));
        editor.setMarkers({
            rs::Finding::error(QStringLiteral("no column"), {{}, 2, 0}),
            rs::Finding::error(QStringLiteral("past the end"), {{}, 1, 40}),
            rs::Finding::error(QStringLiteral("no line"), {}),
        });
        const QList<QTextEdit::ExtraSelection> selections = editor.extraSelections();
        QCOMPARE(selections.size(), 3);
        QCOMPARE(selections.at(1).cursor.selectedText(), QStringLiteral("x y"));
        QCOMPARE(selections.at(2).cursor.selectedText(), QStringLiteral("}"));
    }

    void highlighterFormatsTerms()
    {
        QTextDocument document;
        ErlangHighlighter highlighter(&document);
        document.setPlainText(QStringLiteral("%% a comment\n"
                                             "{application, shop, [{vsn, \"1.0\\\"x\"}, {n, 16#FF}, "
                                             "{f, -1.5e3}, {c, $a}, {b, <<\"x\">>}, {'q a', Var}]}.\n"
                                             "\"multi\n"
                                             "line\" after.\n"));
        highlighter.rehighlight();
        const QTextBlock comment = document.findBlockByNumber(0);
        const QTextBlock terms = document.findBlockByNumber(1);
        const QString text = terms.text();
        auto at = [&](const QString &needle, int offset = 0) {
            const int index = int(text.indexOf(needle));
            Q_ASSERT(index >= 0);
            return formatAt(terms, index + offset);
        };

        QCOMPARE(formatAt(comment, 0), highlighter.format(Role::Comment));
        QCOMPARE(formatAt(comment, 11), highlighter.format(Role::Comment));
        QVERIFY(highlighter.format(Role::Comment).fontItalic());

        QCOMPARE(at(QStringLiteral("application")), highlighter.format(Role::Tag));
        QCOMPARE(highlighter.format(Role::Tag).fontWeight(), int(QFont::Bold));
        QCOMPARE(at(QStringLiteral("shop")), highlighter.format(Role::Atom));
        QCOMPARE(at(QStringLiteral("vsn")), highlighter.format(Role::Tag));
        QCOMPARE(at(QStringLiteral("\"1.0")), highlighter.format(Role::String));
        QCOMPARE(at(QStringLiteral("\\\"")), highlighter.format(Role::Escape));
        QCOMPARE(at(QStringLiteral("\\\"x"), 2), highlighter.format(Role::String));
        QCOMPARE(at(QStringLiteral("16#FF")), highlighter.format(Role::Number));
        QCOMPARE(at(QStringLiteral("16#FF"), 4), highlighter.format(Role::Number));
        QCOMPARE(at(QStringLiteral("1.5e3")), highlighter.format(Role::Number));
        QCOMPARE(at(QStringLiteral("1.5e3"), 4), highlighter.format(Role::Number));
        QCOMPARE(at(QStringLiteral("$a")), highlighter.format(Role::Number));
        QCOMPARE(at(QStringLiteral("$a"), 1), highlighter.format(Role::Number));
        QCOMPARE(at(QStringLiteral("<<")), highlighter.format(Role::Binary));
        QCOMPARE(at(QStringLiteral(">>")), highlighter.format(Role::Binary));
        QCOMPARE(at(QStringLiteral("'q a'"), 2), highlighter.format(Role::Tag));
        QCOMPARE(at(QStringLiteral("Var")), highlighter.format(Role::Variable));
        QCOMPARE(at(QStringLiteral("{")), highlighter.format(Role::Punctuation));

        // A string that spans lines carries on in the next block.
        const QTextBlock second = document.findBlockByNumber(3);
        QCOMPARE(formatAt(second, 0), highlighter.format(Role::String));
        QCOMPARE(formatAt(second, 4), highlighter.format(Role::String));
        QCOMPARE(formatAt(second, 6), highlighter.format(Role::Atom));
    }

    void highlighterFollowsThePalette()
    {
        QTextDocument document;
        ErlangHighlighter highlighter(&document);
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        highlighter.setPalette(light);
        QVERIFY(!highlighter.isDarkScheme());
        const QColor lightString = highlighter.format(Role::String).foreground().color();

        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xdd, 0xdd, 0xdd));
        highlighter.setPalette(dark);
        QVERIFY(highlighter.isDarkScheme());
        const QColor darkString = highlighter.format(Role::String).foreground().color();
        QVERIFY(darkString.lightness() > lightString.lightness());
        // Punctuation is subtle: between the text and the background.
        const QColor punctuation = highlighter.format(Role::Punctuation).foreground().color();
        QVERIFY(punctuation.lightness() < 0xdd && punctuation.lightness() > 0x1e);
    }

    void highlighterReadsVmArgs()
    {
        QCOMPARE(ErlangHighlighter::dialectForFile(QStringLiteral("/rel/shop/vm.args")),
                 ErlangHighlighter::Dialect::VmArgs);
        QCOMPARE(ErlangHighlighter::dialectForFile(QStringLiteral("sys.config")),
                 ErlangHighlighter::Dialect::Terms);

        QTextDocument document;
        ErlangHighlighter highlighter(&document, ErlangHighlighter::Dialect::VmArgs);
        document.setPlainText(
            QStringLiteral("## Name of the node\n-name ${NODE}@127.0.0.1 # why\n+K true\n"));
        highlighter.rehighlight();
        const QTextBlock name = document.findBlockByNumber(1);
        QCOMPARE(formatAt(document.firstBlock(), 0), highlighter.format(Role::Comment));
        QCOMPARE(formatAt(name, 0), highlighter.format(Role::Flag));
        QCOMPARE(formatAt(name, 6), highlighter.format(Role::Variable));
        QCOMPARE(formatAt(name, int(name.text().indexOf(QLatin1Char('#')))),
                 highlighter.format(Role::Comment));
        QCOMPARE(formatAt(document.findBlockByNumber(2), 0), highlighter.format(Role::Flag));
    }

    void logDockReceivesMessagesFromOtherThreads()
    {
        LogDock dock;
        auto *view = dock.findChild<QPlainTextEdit *>(QStringLiteral("logView"));
        auto *level = dock.findChild<QComboBox *>(QStringLiteral("logLevel"));
        QVERIFY(view && level);
        QVERIFY(view->isReadOnly());
        QCOMPARE(view->maximumBlockCount(), 5000);

        auto logger = std::make_shared<spdlog::logger>("widgets-test", dock.sink());
        logger->set_level(spdlog::level::trace);
        std::thread worker([logger] {
            logger->debug("resolving applications");
            logger->info("release shop 1.0.0 assembled");
            logger->warn("sasl is not in the release");
            logger->error("cannot write shop.boot");
        });
        worker.join();
        QTRY_COMPARE(dock.messageCount(), 4);
        QCOMPARE(lines(view).size(), 4);
        QVERIFY(lines(view).at(2).contains(QStringLiteral("warning")));
        QVERIFY(lines(view).at(2).endsWith(QStringLiteral("sasl is not in the release")));

        level->setCurrentIndex(level->findText(QStringLiteral("Warning")));
        QCOMPARE(dock.minimumLevel(), LogDock::Level::Warning);
        QCOMPARE(lines(view).size(), 2);
        QVERIFY(lines(view).at(0).endsWith(QStringLiteral("sasl is not in the release")));
        QVERIFY(lines(view).at(1).endsWith(QStringLiteral("cannot write shop.boot")));

        std::thread([logger] {
            logger->info("hidden while filtering");
            logger->critical("disk full");
        }).join();
        QTRY_COMPARE(dock.messageCount(), 6);
        QCOMPARE(lines(view).size(), 3);
        QVERIFY(lines(view).at(2).endsWith(QStringLiteral("disk full")));

        dock.setMinimumLevel(LogDock::Level::Debug);
        QCOMPARE(level->currentText(), QStringLiteral("Debug"));
        QCOMPARE(lines(view).size(), 6);

        dock.findChild<QToolButton *>(QStringLiteral("logClear"))->click();
        QCOMPARE(dock.messageCount(), 0);
        QVERIFY(view->toPlainText().isEmpty());
    }

    void logSinkOutlivesTheDock()
    {
        std::shared_ptr<spdlog::logger> logger;
        {
            LogDock dock;
            logger = std::make_shared<spdlog::logger>("outliving", dock.sink());
            // Queued for a dock that is gone before the event loop runs.
            std::thread([logger] { logger->info("queued"); }).join();
        }
        QCoreApplication::processEvents();
        logger->info("after the dock"); // dropped, no crash
    }

    void problemsDockGroupsBySource()
    {
        ProblemsDock dock;
        auto *view = dock.findChild<QTreeView *>(QStringLiteral("problemsView"));
        QVERIFY(view);
        QCOMPARE(dock.windowTitle(), QStringLiteral("Problems"));

        dock.setFindings(
            QStringLiteral("shop.rel"),
            {rs::Finding::error(QStringLiteral("bad version"), {QStringLiteral("/w/shop.rel"), 3, 5}),
             rs::Finding::warning(QStringLiteral("duplicate"), {QStringLiteral("/w/shop.rel"), 1, 2})});
        dock.setFindings(
            QStringLiteral("shop.app"),
            {rs::Finding::error(QStringLiteral("no modules"), {QStringLiteral("/w/ebin/shop.app"), 7, 0})});
        const QAbstractItemModel *model = view->model();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->columnCount(), int(ProblemsDock::ColumnCount));
        QCOMPARE(dock.windowTitle(), QStringLiteral("Problems (2 errors, 1 warning)"));
        QCOMPARE(dock.toggleViewAction()->text(), QStringLiteral("Problems"));

        // Errors sort first; file name shown, full path in the tooltip.
        QCOMPARE(model->index(2, ProblemsDock::MessageColumn).data().toString(), QStringLiteral("duplicate"));
        int badVersion = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, ProblemsDock::MessageColumn).data() == QStringLiteral("bad version"))
                badVersion = row;
        }
        QVERIFY(badVersion >= 0);
        QCOMPARE(model->index(badVersion, ProblemsDock::FileColumn).data().toString(),
                 QStringLiteral("shop.rel"));
        QCOMPARE(model->index(badVersion, ProblemsDock::FileColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("/w/shop.rel"));
        QCOMPARE(model->index(badVersion, ProblemsDock::LocationColumn).data().toString(),
                 QStringLiteral("3:5"));
        QVERIFY(!model->index(badVersion, ProblemsDock::SeverityColumn).data(Qt::DecorationRole).isNull());

        // A source replaces only its own findings.
        dock.setFindings(
            QStringLiteral("shop.rel"),
            {rs::Finding::warning(QStringLiteral("only this"), {QStringLiteral("/w/shop.rel"), 2, 1})});
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(dock.windowTitle(), QStringLiteral("Problems (1 error, 1 warning)"));
        QCOMPARE(model->index(0, ProblemsDock::MessageColumn).data().toString(),
                 QStringLiteral("no modules"));
        QCOMPARE(model->index(0, ProblemsDock::LocationColumn).data().toString(), QStringLiteral("7"));

        dock.clearSource(QStringLiteral("shop.app"));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(dock.windowTitle(), QStringLiteral("Problems (1 warning)"));
        dock.clearSource(QStringLiteral("shop.rel"));
        QCOMPARE(model->rowCount(), 0);
        QCOMPARE(dock.windowTitle(), QStringLiteral("Problems"));
    }

    void problemsDockSortsByColumn()
    {
        ProblemsDock dock;
        auto *view = dock.findChild<QTreeView *>(QStringLiteral("problemsView"));
        dock.setFindings(QStringLiteral("a"),
                         {rs::Finding::error(QStringLiteral("x"), {QStringLiteral("a"), 10, 1}),
                          rs::Finding::warning(QStringLiteral("y"), {QStringLiteral("a"), 9, 1}),
                          rs::Finding::error(QStringLiteral("z"), {QStringLiteral("a"), 2, 1})});
        QVERIFY(view->isSortingEnabled());
        view->sortByColumn(ProblemsDock::LocationColumn, Qt::AscendingOrder);
        const QAbstractItemModel *model = view->model();
        QCOMPARE(model->index(0, ProblemsDock::LocationColumn).data().toString(), QStringLiteral("2:1"));
        QCOMPARE(model->index(1, ProblemsDock::LocationColumn).data().toString(), QStringLiteral("9:1"));
        QCOMPARE(model->index(2, ProblemsDock::LocationColumn).data().toString(), QStringLiteral("10:1"));
    }

    void problemsDockActivatesFindings()
    {
        ProblemsDock dock;
        dock.resize(700, 250);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        auto *view = dock.findChild<QTreeView *>(QStringLiteral("problemsView"));
        const rs::Finding first =
            rs::Finding::error(QStringLiteral("first"), {QStringLiteral("/w/a.rel"), 4, 2});
        const rs::Finding second =
            rs::Finding::warning(QStringLiteral("second"), {QStringLiteral("/w/b.rel"), 8, 1});
        dock.setFindings(QStringLiteral("a"), {first});
        dock.setFindings(QStringLiteral("b"), {second});

        QList<rs::Finding> received;
        connect(&dock, &ProblemsDock::activated, &dock, [&](const rs::Finding &f) { received.append(f); });

        const QModelIndex secondIndex = view->model()->index(1, ProblemsDock::MessageColumn);
        QCOMPARE(secondIndex.data().toString(), QStringLiteral("second"));
        // A real double-click starts with a click; QTest::mouseDClick() sends only the second half.
        const QPoint centre = view->visualRect(secondIndex).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
        QVERIFY(!received.isEmpty());
        QCOMPARE(received.last().message, QStringLiteral("second"));
        QCOMPARE(received.last().location, second.location);
        QCOMPARE(received.last().severity, rs::Severity::Warning);

        received.clear();
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, ProblemsDock::FileColumn));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.last().message, QStringLiteral("first"));
        QCOMPARE(received.last().location, first.location);
    }

    void demo_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    // Everything together as the main window will use it. Set RELSTUDIO_WIDGETS_DEMO to a .png
    // path to look at it (the dark variant gets "-dark" before the suffix).
    void demo()
    {
        QFETCH(bool, dark);
        const QPalette original = QApplication::palette();
        const auto restorePalette = qScopeGuard([&] { QApplication::setPalette(original); });

        QMainWindow window;
        auto *editor = new CodeEditor;
        auto *highlighter = new ErlangHighlighter(editor->document());
        editor->setPlainText(releaseText);
        editor->setMarkers({rs::Finding::error(QStringLiteral("application shop: no such version \"1.0.0\""),
                                               {QStringLiteral("shop.rel"), 7, 10}),
                            rs::Finding::warning(QStringLiteral("mnesia is loaded but not started"),
                                                 {QStringLiteral("shop.rel"), 8, 23})});
        editor->goToLine(7, 10);
        window.setCentralWidget(editor);

        auto *problems = new ProblemsDock;
        problems->setFindings(
            QStringLiteral("shop.rel"),
            {rs::Finding::error(QStringLiteral("application shop: no such version \"1.0.0\""),
                                {QStringLiteral("/home/me/shop/shop.rel"), 7, 10}),
             rs::Finding::warning(QStringLiteral("mnesia is loaded but not started"),
                                  {QStringLiteral("/home/me/shop/shop.rel"), 8, 23})});
        window.addDockWidget(Qt::BottomDockWidgetArea, problems);

        auto *log = new LogDock;
        window.addDockWidget(Qt::BottomDockWidgetArea, log);
        window.tabifyDockWidget(problems, log);
        problems->raise();
        auto logger = std::make_shared<spdlog::logger>("demo", log->sink());
        logger->info("opened /home/me/shop/shop.rel");
        logger->warn("mnesia is loaded but not started");

        auto *log2 = new LogDock; // a second, untabbed log dock so that both docks show in one picture
        window.addDockWidget(Qt::RightDockWidgetArea, log2);
        auto logger2 = std::make_shared<spdlog::logger>("demo", log2->sink());
        logger2->set_level(spdlog::level::trace);
        logger2->debug("resolving 8 applications");
        logger2->info("opened /home/me/shop/shop.rel");
        logger2->warn("mnesia is loaded but not started");
        logger2->error("cannot write shop.boot: permission denied");

        window.resize(1100, 640);
        // Switched after everything is built: the highlighter must follow.
        if (dark)
            QApplication::setPalette(darkPalette());
        QCOMPARE(highlighter->isDarkScheme(), dark);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(log2->messageCount(), 4);
        const QPixmap picture = window.grab();
        QVERIFY(!picture.isNull());
        QString path = qEnvironmentVariable("RELSTUDIO_WIDGETS_DEMO");
        if (dark)
            path.replace(QStringLiteral(".png"), QStringLiteral("-dark.png"));
        if (!path.isEmpty())
            QVERIFY(picture.save(path));
    }
};

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"
