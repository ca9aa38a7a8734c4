#pragma once

#include "release/dependency_graph.h"

#include <QGraphicsView>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>

class QAction;

namespace rs::release {
struct ResolvedRelease;
}

namespace rs::ui {

namespace graph_detail {
class NodeItem;
class EdgeItem;
class Legend;
struct Style;
} // namespace graph_detail

// The applications of a release as a graph laid out by Graphviz (dot) and drawn in a
// QGraphicsView: an arrow from an application to each application it needs, solid for
// `applications`, dashed for `included_applications`, dotted for `optional_applications` that the
// release has. An application and the ones it includes share a box. Nodes show the name, version
// and start type (permanent: solid accent border, transient/temporary: warm border, load: dashed,
// none: greyed); the tooltip has the description. Dependencies are drawn below what needs them.
//
// Click a node to get applicationClicked; Ctrl+wheel, Ctrl++ / Ctrl+- zoom, Ctrl+0 fits, drag
// pans. Layout runs on the calling (GUI) thread: Graphviz is not thread-safe, and 40 nodes take
// a few milliseconds. Should Graphviz fail, a simple layered layout is used and logged.
class DependencyGraphView : public QGraphicsView
{
    Q_OBJECT

public:
    using EdgeKind = release::DependencyKind;

    explicit DependencyGraphView(QWidget *parent = nullptr);
    ~DependencyGraphView() override;

    // Shows RELEASE's applications, fitted to the view. A release whose graph is the one shown (an
    // edit elsewhere in the .rel) changes nothing, so zoom and scroll position stay.
    void setRelease(const release::ResolvedRelease &release);
    void clear();

    // Leaves out the `uses` edges that a chain of other edges implies (every application needs
    // kernel and stdlib). Off by default; also in the context menu.
    void setImpliedEdgesHidden(bool hidden);
    bool impliedEdgesHidden() const { return m_hideImplied; }

    // The Graphviz layout program: "dot" (the default), or another Graphviz knows ("neato",
    // "fdp", ...). One Graphviz does not know gives the fallback layout.
    void setLayoutEngine(const QString &engine);
    QString layoutEngine() const { return m_engine; }

    void setLegendVisible(bool visible);
    bool isLegendVisible() const;

    // Marks NAME as the current application (no signal): the editor's selection, say. "" for none.
    void setCurrentApplication(const QString &name);
    QString currentApplication() const { return m_current; }

    // What is drawn. nodeNames() is in start order; edges(kind) in each application's list order.
    QStringList nodeNames() const;
    QList<QPair<QString, QString>> edges(EdgeKind kind) const;
    const release::DependencyGraph &graph() const { return m_shown; }

    // A node's rectangle in scene coordinates (null when there is no such node), and an edge's
    // path including its arrowhead (empty when there is no such edge).
    QRectF nodeRect(const QString &name) const;
    QPainterPath edgePath(const QString &from, const QString &to) const;
    // Whether Graphviz laid the graph out (false: the fallback layout), and why not.
    bool laidOutByGraphviz() const { return m_byGraphviz; }
    QString layoutError() const { return m_layoutError; }

    qreal zoom() const;

public slots:
    void zoomIn();
    void zoomOut();
    void fitToView(); // the whole graph, never enlarged past 100 %

signals:
    void applicationClicked(const QString &name);
    void zoomChanged(qreal zoom);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void rebuild();
    void updateStyle();
    void setZoom(qreal zoom);
    void setHovered(const QString &name);
    void placeLegend();
    graph_detail::NodeItem *nodeAt(const QPoint &viewportPos) const;

    release::DependencyGraph m_graph; // every edge
    release::DependencyGraph m_shown; // what is drawn
    std::unique_ptr<graph_detail::Style> m_style;
    QHash<QString, graph_detail::NodeItem *> m_nodes;
    QList<graph_detail::EdgeItem *> m_edges;
    graph_detail::Legend *m_legend = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_impliedAction = nullptr;
    QAction *m_legendAction = nullptr;
    QString m_current;
    QString m_pressedNode;
    QPoint m_pressPos;
    QString m_layoutError;
    QRectF m_bounds; // of the items, with a margin
    QString m_engine = QStringLiteral("dot");
    bool m_byGraphviz = false;
    bool m_hideImplied = false;
    bool m_autoFit = true;
};

} // namespace rs::ui
