// The dependency graph view on the offscreen platform: the example shop release resolved against
// the example applications and the installed OTP, laid out by Graphviz; and releases built by hand
// (many applications, nested included applications, every start type, the fallback layout).
#include "dependency_graph.h"
#include "release/app_index.h"
#include "release/dependency_graph.h"
#include "release/otp_installation.h"
#include "release/rel_spec.h"
#include "release/resolver.h"
#include "support/testdata.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QGraphicsItem>
#include <QMainWindow>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

using namespace rs;
using namespace rs::ui;
using EdgeKind = DependencyGraphView::EdgeKind;
using Edge = QPair<QString, QString>;

namespace {

constexpr QSize ViewSize(760, 560);

release::ResolvedApp app(const QString &name, const QStringList &uses, const QStringList &includes = {},
                         release::StartType type = release::StartType::Permanent)
{
    release::ResolvedApp a;
    a.spec.name = name;
    a.spec.vsn = QStringLiteral("1.0.0");
    a.spec.description = QStringLiteral("The %1 application").arg(name);
    a.spec.applications = uses;
    a.spec.includedApplications = includes;
    a.uses = uses;
    a.includes = includes;
    a.type = type;
    a.typeGiven = type != release::StartType::Permanent;
    return a;
}

// Every pair of node rectangles is apart.
void verifyNoOverlap(const DependencyGraphView &view)
{
    const QStringList names = view.nodeNames();
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QRectF a = view.nodeRect(names[i]);
        QVERIFY2(!a.isEmpty(), qPrintable(names[i]));
        for (qsizetype j = i + 1; j < names.size(); ++j) {
            const QRectF b = view.nodeRect(names[j]);
            QVERIFY2(!a.intersects(b), qPrintable(names[i] + QStringLiteral(" overlaps ") + names[j]));
        }
    }
}

// Every edge drawn runs from its source node to its target node.
void verifyEdgesConnect(const DependencyGraphView &view)
{
    for (EdgeKind kind : {EdgeKind::Uses, EdgeKind::Includes, EdgeKind::Optional}) {
        for (const Edge &e : view.edges(kind)) {
            const QPainterPath path = view.edgePath(e.first, e.second);
            QVERIFY2(!path.isEmpty(), qPrintable(e.first + QStringLiteral(" -> ") + e.second));
            const QRectF bounds = path.boundingRect().adjusted(-1, -1, 1, 1);
            QVERIFY(bounds.intersects(view.nodeRect(e.first).adjusted(-3, -3, 3, 3)));
            QVERIFY(bounds.intersects(view.nodeRect(e.second).adjusted(-3, -3, 3, 3)));
        }
    }
}

// The screenshot: RELSTUDIO_SCREENSHOT_DIR/dependency-graph.png when that is set (the README's
// picture: RELSTUDIO_SCREENSHOT_DIR=docs/screenshots), else graph.png in the temporary directory.
QString screenshotPath()
{
    const QByteArray dir = qgetenv("RELSTUDIO_SCREENSHOT_DIR");
    return dir.isEmpty() ? QDir::temp().filePath(QStringLiteral("graph.png"))
                         : QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("dependency-graph.png"));
}

} // namespace

class TestDependencyGraph : public QObject
{
    Q_OBJECT

private:
    release::ResolvedRelease m_shop;

private slots:
    void initTestCase()
    {
        const auto otp = release::OtpInstallation::locate();
        QVERIFY2(otp.hasValue(), test::errorOf(otp).constData());
        const release::RelParse rel =
            release::readRelFile(test::sourcePath(QStringLiteral("examples/releases/shop-1.0.0.rel")));
        QVERIFY(rel.ok());
        const release::AppIndex index = release::AppIndex::scan(
            release::AppIndex::searchPath({QStringLiteral(RELSTUDIO_EXAMPLES_LIB_DIR)}, &otp.value()));
        release::Resolution resolution = release::resolve(rel.spec, index, &otp.value());
        for (const Finding &f : resolution.findings)
            qInfo("%s", qPrintable(f.toDiagnostic()));
        QVERIFY(resolution.release.has_value());
        m_shop = *resolution.release;
    }

    void nodesAreTheReleaseApplications()
    {
        DependencyGraphView view;
        view.setRelease(m_shop);
        QStringList expected;
        for (const release::ResolvedApp &a : m_shop.apps)
            expected << a.spec.name;
        QCOMPARE(view.nodeNames(), expected); // start order
        QStringList sorted = view.nodeNames();
        sorted.sort();
        QCOMPARE(sorted,
                 QStringList({QStringLiteral("kernel"), QStringLiteral("sasl"), QStringLiteral("shop_core"),
                              QStringLiteral("shop_metrics"), QStringLiteral("shop_tools"),
                              QStringLiteral("shop_web"), QStringLiteral("stdlib")}));
        QVERIFY(view.laidOutByGraphviz());
        QVERIFY(view.layoutError().isEmpty());
    }

    void edgesFollowTheAppFiles()
    {
        DependencyGraphView view;
        view.setRelease(m_shop);
        const auto uses = view.edges(EdgeKind::Uses);
        QVERIFY(uses.contains(Edge(QStringLiteral("shop_web"), QStringLiteral("shop_core"))));
        QVERIFY(uses.contains(Edge(QStringLiteral("shop_web"), QStringLiteral("kernel"))));
        QVERIFY(uses.contains(Edge(QStringLiteral("shop_core"), QStringLiteral("sasl"))));
        QVERIFY(uses.contains(Edge(QStringLiteral("stdlib"), QStringLiteral("kernel"))));
        QVERIFY(!uses.contains(Edge(QStringLiteral("shop_web"), QStringLiteral("shop_tools")))); // optional
        QCOMPARE(view.edges(EdgeKind::Includes),
                 QList<Edge>({{QStringLiteral("shop_web"), QStringLiteral("shop_metrics")}}));
        // shop_tools is optional and in the release; recon is optional and is not: no edge, no node.
        QCOMPARE(view.edges(EdgeKind::Optional),
                 QList<Edge>({{QStringLiteral("shop_web"), QStringLiteral("shop_tools")}}));
        QVERIFY(!view.nodeNames().contains(QStringLiteral("recon")));
        for (EdgeKind kind : {EdgeKind::Uses, EdgeKind::Includes, EdgeKind::Optional}) {
            for (const Edge &e : view.edges(kind))
                QVERIFY2(e.first != QStringLiteral("kernel"), qPrintable(e.second)); // kernel needs nothing
        }
        QCOMPARE(view.graph().node(u"shop_metrics")->includedBy, QStringLiteral("shop_web"));
        QCOMPARE(view.graph().node(u"shop_tools")->type, release::StartType::Load);
    }

    void layoutIsReadable()
    {
        DependencyGraphView view;
        view.setRelease(m_shop);
        verifyNoOverlap(view);
        verifyEdgesConnect(view);
        // Dependencies below what needs them.
        auto top = [&](const char *name) { return view.nodeRect(QString::fromLatin1(name)).top(); };
        QVERIFY(top("shop_web") < top("shop_core"));
        QVERIFY(top("shop_web") < top("shop_metrics"));
        QVERIFY(top("shop_core") < top("sasl"));
        QVERIFY(top("sasl") < top("stdlib"));
        QVERIFY(top("stdlib") < top("kernel"));
        // shop_web and the application it includes share a box.
        int clusters = 0;
        for (QGraphicsItem *item : view.scene()->items()) {
            if (item->zValue() == -2) {
                ++clusters;
                QVERIFY(item->sceneBoundingRect().contains(view.nodeRect(QStringLiteral("shop_web"))));
                QVERIFY(item->sceneBoundingRect().contains(view.nodeRect(QStringLiteral("shop_metrics"))));
                QVERIFY(!item->sceneBoundingRect().contains(view.nodeRect(QStringLiteral("kernel"))));
            }
        }
        QCOMPARE(clusters, 1);
    }

    void tooltipsDescribeTheApplication()
    {
        DependencyGraphView view;
        view.setRelease(m_shop);
        QGraphicsItem *node =
            view.scene()->itemAt(view.nodeRect(QStringLiteral("shop_web")).center(), QTransform());
        QVERIFY(node);
        QVERIFY2(node->toolTip().contains(QStringLiteral("Shop web front: routes requests to the cart")),
                 qPrintable(node->toolTip()));
        QVERIFY(node->toolTip().contains(QStringLiteral("Includes: shop_metrics")));
        node = view.scene()->itemAt(view.nodeRect(QStringLiteral("shop_tools")).center(), QTransform());
        QVERIFY(node->toolTip().contains(QStringLiteral("Start type: load")));
    }

    void clickEmitsTheApplication()
    {
        DependencyGraphView view;
        view.resize(ViewSize);
        view.setRelease(m_shop);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy clicked(&view, &DependencyGraphView::applicationClicked);
        for (const QString &name :
             {QStringLiteral("shop_core"), QStringLiteral("shop_metrics"), QStringLiteral("kernel")}) {
            const QPoint at = view.mapFromScene(view.nodeRect(name).center());
            QVERIFY(view.viewport()->rect().contains(at));
            QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
            QCOMPARE(clicked.size(), 1);
            QCOMPARE(clicked.takeFirst().at(0).toString(), name);
            QCOMPARE(view.currentApplication(), name);
        }
        // Hovering a node brings its edges forward and dims the others.
        auto highlighted = [&] {
            int n = 0;
            for (QGraphicsItem *item : view.scene()->items())
                n += item->zValue() == -0.5 ? 1 : 0;
            return n;
        };
        const QPoint background = view.mapFromScene(view.sceneRect().topLeft() + QPointF(4, 4));
        QTest::mouseMove(view.viewport(), background);
        QTRY_COMPARE(highlighted(), 0);
        QTest::mouseMove(view.viewport(),
                         view.mapFromScene(view.nodeRect(QStringLiteral("shop_core")).center()));
        QTRY_COMPARE(highlighted(), 4); // shop_web needs it; it needs kernel, stdlib, sasl
        QVERIFY(view.grab().save(QDir::temp().filePath(QStringLiteral("graph-hover.png"))));
        QTest::mouseMove(view.viewport(), background);
        QTRY_COMPARE(highlighted(), 0);
        // A click on the background emits nothing.
        const QRectF kernel = view.nodeRect(QStringLiteral("kernel"));
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                          view.mapFromScene(QPointF(kernel.left() - 15, kernel.bottom() + 12)));
        QCOMPARE(clicked.size(), 0);
        // Following the editor's selection emits nothing either.
        view.setCurrentApplication(QStringLiteral("sasl"));
        QCOMPARE(view.currentApplication(), QStringLiteral("sasl"));
        QCOMPARE(clicked.size(), 0);
        view.setCurrentApplication(QStringLiteral("no_such_app"));
        QCOMPARE(view.currentApplication(), QString());
    }

    void zoomsWithKeysAndWheel()
    {
        // In a window whose Ctrl++ / Ctrl+- change the font: with the focus in the graph, the graph zooms.
        QMainWindow window;
        auto *view = new DependencyGraphView;
        window.setCentralWidget(view);
        auto *fontBigger = new QAction(&window);
        fontBigger->setShortcuts(
            {QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Equal)});
        window.addAction(fontBigger);
        QSignalSpy fontTriggered(fontBigger, &QAction::triggered);
        window.resize(ViewSize);
        view->setRelease(m_shop);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        view->setFocus();
        QVERIFY(view->hasFocus());

        const qreal fitted = view->zoom();
        QVERIFY(fitted > 0.1 && fitted <= 1.0);
        QTest::keyClick(view, Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(view->zoom() > fitted * 1.2);
        QCOMPARE(fontTriggered.size(), 0);
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(view->zoom() < fitted);
        QTest::keyClick(view, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(view->zoom(), fitted);

        const QPointF centre = view->viewport()->rect().center();
        QWheelEvent up(centre, view->viewport()->mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt::NoButton,
                       Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &up);
        QVERIFY(view->zoom() > fitted * 1.3);
        // Without Ctrl the wheel scrolls.
        const qreal zoomed = view->zoom();
        QWheelEvent scroll(centre, view->viewport()->mapToGlobal(centre), QPoint(), QPoint(0, -120),
                           Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &scroll);
        QCOMPARE(view->zoom(), zoomed);
        // The same graph again (the .rel edited elsewhere) keeps the zoom; another one fits again.
        view->setRelease(m_shop);
        QCOMPARE(view->zoom(), zoomed);
        release::ResolvedRelease smaller = m_shop;
        std::erase_if(smaller.apps,
                      [](const release::ResolvedApp &a) { return a.spec.name == u"shop_tools"; });
        view->setRelease(smaller);
        QCOMPARE(view->nodeNames().size(), 6);
        QCOMPARE(view->zoom(), fitted);
    }

    void hidesImpliedDependencies()
    {
        DependencyGraphView view;
        view.setRelease(m_shop);
        const auto all = view.edges(EdgeKind::Uses);
        view.setImpliedEdgesHidden(true);
        const auto reduced = view.edges(EdgeKind::Uses);
        QVERIFY(reduced.size() < all.size());
        QVERIFY(reduced.contains(Edge(QStringLiteral("shop_web"), QStringLiteral("shop_core"))));
        QVERIFY(reduced.contains(Edge(QStringLiteral("stdlib"), QStringLiteral("kernel"))));
        QVERIFY(!reduced.contains(Edge(QStringLiteral("shop_web"), QStringLiteral("kernel"))));
        QVERIFY(!reduced.contains(Edge(QStringLiteral("sasl"), QStringLiteral("kernel"))));
        QCOMPARE(view.edges(EdgeKind::Includes).size(), 1);
        QCOMPARE(view.edges(EdgeKind::Optional).size(), 1);
        verifyEdgesConnect(view);
        // The model still has every edge.
        QCOMPARE(release::DependencyGraph::fromRelease(m_shop).edges(EdgeKind::Uses), all);
    }

    void largeReleaseWithNestedIncludes()
    {
        // 40 applications in layers, a chain of included applications, every start type, odd names.
        release::ResolvedRelease rel;
        const QStringList base = {QStringLiteral("kernel"), QStringLiteral("stdlib")};
        rel.apps.push_back(app(QStringLiteral("kernel"), {}));
        rel.apps.push_back(app(QStringLiteral("stdlib"), {QStringLiteral("kernel")}));
        QStringList previous;
        for (int layer = 0; layer < 6; ++layer) {
            QStringList current;
            for (int i = 0; i < 6; ++i) {
                const QString name = QStringLiteral("app_%1_%2").arg(layer).arg(i);
                QStringList uses = base;
                if (!previous.isEmpty()) {
                    uses << previous[i] << previous[(i + 2) % previous.size()];
                }
                const auto type = release::StartType(i % 5);
                rel.apps.push_back(app(name, uses, {}, type));
                current << name;
            }
            previous = current;
        }
        rel.apps.push_back(app(QStringLiteral("inner"), base));
        rel.apps.push_back(app(QStringLiteral("middle"), base, {QStringLiteral("inner")}));
        rel.apps.push_back(app(QStringLiteral("Weird \"name\" {x}"), base, {QStringLiteral("middle")}));
        QCOMPARE(rel.apps.size(), size_t(41));

        DependencyGraphView view;
        view.resize(ViewSize);
        view.setRelease(rel);
        QVERIFY2(view.laidOutByGraphviz(), qPrintable(view.layoutError()));
        QCOMPARE(view.nodeNames().size(), 41);
        QCOMPARE(view.edges(EdgeKind::Includes).size(), 2);
        verifyNoOverlap(view);
        verifyEdgesConnect(view);
        // Two nested boxes: the outer holds all three, the inner the last two.
        QList<QRectF> boxes;
        for (QGraphicsItem *item : view.scene()->items()) {
            if (item->zValue() == -2)
                boxes << item->sceneBoundingRect();
        }
        QCOMPARE(boxes.size(), 2);
        std::sort(boxes.begin(), boxes.end(), [](const QRectF &a, const QRectF &b) {
            return a.width() * a.height() > b.width() * b.height();
        });
        QVERIFY(boxes[0].contains(boxes[1]));
        QVERIFY(boxes[0].contains(view.nodeRect(QStringLiteral("Weird \"name\" {x}"))));
        QVERIFY(boxes[1].contains(view.nodeRect(QStringLiteral("inner"))));
        QVERIFY(!boxes[1].contains(view.nodeRect(QStringLiteral("Weird \"name\" {x}"))));
        // Fitted: the whole graph is visible, shrunk.
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.zoom() < 1.0);
        const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect();
        for (const QString &name : view.nodeNames())
            QVERIFY2(visible.contains(view.nodeRect(name)), qPrintable(name));
        QVERIFY(view.grab().save(QDir::temp().filePath(QStringLiteral("graph-large.png"))));
        view.setImpliedEdgesHidden(true);
        verifyNoOverlap(view);
        QVERIFY(view.grab().save(QDir::temp().filePath(QStringLiteral("graph-large-reduced.png"))));
    }

    void fallsBackWhenGraphvizFails()
    {
        DependencyGraphView view;
        view.setLayoutEngine(QStringLiteral("no_such_layout"));
        view.setRelease(m_shop);
        QVERIFY(!view.laidOutByGraphviz());
        QVERIFY2(view.layoutError().contains(QStringLiteral("no_such_layout")),
                 qPrintable(view.layoutError()));
        QCOMPARE(view.nodeNames().size(), 7);
        verifyNoOverlap(view);
        verifyEdgesConnect(view);
        view.setLayoutEngine(QStringLiteral("dot"));
        QVERIFY(view.laidOutByGraphviz());
    }

    void emptyRelease()
    {
        DependencyGraphView view;
        view.setRelease(m_shop);
        view.clear();
        QVERIFY(view.nodeNames().isEmpty());
        QVERIFY(view.edges(EdgeKind::Uses).isEmpty());
        view.setRelease(release::ResolvedRelease());
        QVERIFY(view.nodeNames().isEmpty());
    }

    void screenshot()
    {
        DependencyGraphView view;
        view.resize(ViewSize);
        view.setRelease(m_shop);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QString light = screenshotPath();
        QVERIFY2(view.grab().save(light), qPrintable(light));

        QPalette dark(QColor(0x3a, 0x3a, 0x3a), QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
        view.setPalette(dark);
        view.setCurrentApplication(QStringLiteral("shop_web"));
        QVERIFY(view.grab().save(QDir::temp().filePath(QStringLiteral("graph-dark.png"))));
    }
};

QTEST_MAIN(TestDependencyGraph)
#include "tst_dependency_graph.moc"
