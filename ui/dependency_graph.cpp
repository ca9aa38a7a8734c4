#include "dependency_graph.h"

#include "palette_colors.h"

#include "release/resolver.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QGraphicsItem>
#include <QGraphicsObject>
#include <QGraphicsScene>
#include <QGraphicsSceneHoverEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <gvc.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <locale.h>
#include <optional>
#include <utility>

namespace rs::ui {

using release::DependencyEdge;
using release::DependencyGraph;
using release::DependencyKind;
using release::DependencyNode;
using release::StartType;

namespace graph_detail {

namespace {

constexpr qreal PointsPerInch = 72.0;
constexpr qreal NodeRadius = 7.0;
constexpr qreal SceneMargin = 24.0;
constexpr qreal MinZoom = 0.1;
constexpr qreal MaxZoom = 4.0;

QColor withAlpha(QColor c, qreal alpha)
{
    c.setAlphaF(float(alpha));
    return c;
}

} // namespace

// Colours and fonts, from the view's palette and font: follows light and dark themes.
struct Style
{
    bool dark = false;
    QColor base, text, muted, accent, warm;
    QColor nodeFill, includedFill, noneFill;
    QColor usesEdge, optionalEdge, includesEdge;
    QColor clusterFill, clusterBorder, halo;
    QFont nameFont, detailFont;

    static Style from(const QPalette &palette, const QFont &font)
    {
        Style s;
        s.base = palette.color(QPalette::Base);
        s.text = palette.color(QPalette::Text);
        s.dark = s.base.lightness() < 128;
        s.muted = mix(s.text, s.base, 0.45);
        s.accent = palette.color(QPalette::Highlight);
        if (s.dark)
            s.accent = mix(s.accent, QColor(Qt::white), 0.15);
        // The accent's complement: warm next to the usual blue highlight.
        float h = 0, sat = 0, val = 0;
        s.accent.getHsvF(&h, &sat, &val);
        s.warm = h < 0
                     ? QColor(0xc8, 0x7a, 0x2a)
                     : QColor::fromHsvF(std::fmod(h + 0.5f, 1.0f), std::max(sat, 0.6f), std::max(val, 0.75f));
        s.nodeFill = mix(s.base, s.accent, s.dark ? 0.16 : 0.07);
        s.includedFill = mix(s.base, s.accent, s.dark ? 0.26 : 0.14);
        s.noneFill = mix(s.base, s.text, 0.05);
        s.usesEdge = mix(s.text, s.base, s.dark ? 0.35 : 0.4);
        s.optionalEdge = mix(s.text, s.base, 0.45);
        s.includesEdge = s.accent;
        s.clusterFill = withAlpha(s.accent, s.dark ? 0.09 : 0.05);
        s.clusterBorder = withAlpha(s.accent, 0.45);
        s.halo = withAlpha(s.accent, 0.35);
        s.nameFont = font;
        s.nameFont.setBold(true);
        s.detailFont = font;
        s.detailFont.setPointSizeF(font.pointSizeF() > 0 ? font.pointSizeF() * 0.88 : 8.0);
        return s;
    }

    struct Border
    {
        QColor colour;
        qreal width;
        Qt::PenStyle style;
    };

    Border border(StartType type) const
    {
        switch (type) {
        case StartType::Permanent:
            return {accent, 2.0, Qt::SolidLine};
        case StartType::Transient:
            return {warm, 2.0, Qt::SolidLine};
        case StartType::Temporary:
            return {warm, 1.3, Qt::SolidLine};
        case StartType::Load:
            return {mix(text, base, 0.3), 1.4, Qt::DashLine};
        case StartType::None:
            return {muted, 1.3, Qt::DotLine};
        }
        return {accent, 2.0, Qt::SolidLine};
    }

    QPen edgePen(DependencyKind kind) const
    {
        switch (kind) {
        case DependencyKind::Uses:
            return QPen(usesEdge, 1.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        case DependencyKind::Includes:
            return QPen(includesEdge, 1.6, Qt::DashLine, Qt::FlatCap, Qt::RoundJoin);
        case DependencyKind::Optional:
            return QPen(optionalEdge, 1.5, Qt::DotLine, Qt::FlatCap, Qt::RoundJoin);
        }
        return QPen(usesEdge, 1.4);
    }
};

namespace {

QString detailText(const DependencyNode &node)
{
    QString detail = node.vsn;
    if (node.type != StartType::Permanent)
        detail += QStringLiteral(" · ") + release::startTypeName(node.type);
    if (!node.includedBy.isEmpty())
        detail += QStringLiteral(" · ") + DependencyGraphView::tr("included");
    return detail;
}

QSizeF nodeSize(const DependencyNode &node, const Style &style)
{
    const QFontMetricsF name(style.nameFont);
    const QFontMetricsF detail(style.detailFont);
    const qreal width =
        std::max(name.horizontalAdvance(node.name), detail.horizontalAdvance(detailText(node)));
    return {std::ceil(std::max(width + 32.0, 96.0)), std::ceil(name.height() + detail.height() + 20.0)};
}

QString toolTipFor(const DependencyNode &node, const DependencyGraph &graph)
{
    QString tip = QStringLiteral("<b>%1</b> %2").arg(node.name.toHtmlEscaped(), node.vsn.toHtmlEscaped());
    if (!node.description.isEmpty())
        tip += QStringLiteral("<br>") + node.description.toHtmlEscaped();
    const QString type = release::startTypeName(node.type);
    tip += QStringLiteral("<br>") + (node.typeGiven
                                         ? DependencyGraphView::tr("Start type: %1").arg(type)
                                         : DependencyGraphView::tr("Start type: %1 (default)").arg(type));
    if (!node.includedBy.isEmpty())
        tip += QStringLiteral("<br>") +
               DependencyGraphView::tr("Included by %1").arg(node.includedBy.toHtmlEscaped());
    QStringList uses, optional, includes;
    for (const DependencyEdge &e : graph.edges()) {
        if (e.from != node.name)
            continue;
        (e.kind == DependencyKind::Uses       ? uses
         : e.kind == DependencyKind::Optional ? optional
                                              : includes)
            << e.to.toHtmlEscaped();
    }
    if (!uses.isEmpty())
        tip += QStringLiteral("<br>") +
               DependencyGraphView::tr("Needs: %1").arg(uses.join(QStringLiteral(", ")));
    if (!optional.isEmpty())
        tip += QStringLiteral("<br>") +
               DependencyGraphView::tr("Optionally needs: %1").arg(optional.join(QStringLiteral(", ")));
    if (!includes.isEmpty())
        tip += QStringLiteral("<br>") +
               DependencyGraphView::tr("Includes: %1").arg(includes.join(QStringLiteral(", ")));
    return tip;
}

// A filled arrowhead whose tip is TIP, pointing away from FROM.
QPolygonF arrowHead(QPointF from, QPointF tip)
{
    const QPointF d = tip - from;
    const qreal length = std::hypot(d.x(), d.y());
    if (length < 1e-6)
        return {};
    const QPointF unit = d / length;
    const QPointF normal(-unit.y(), unit.x());
    const qreal halfWidth = std::max(length * 0.42, 3.0);
    return QPolygonF(
        {tip, from + normal * halfWidth, from + unit * (length * 0.18), from - normal * halfWidth});
}

} // namespace

class NodeItem : public QGraphicsObject
{
public:
    NodeItem(const DependencyNode &node, const Style *style, QSizeF size)
        : m_node(node), m_style(style),
          m_rect(-size.width() / 2, -size.height() / 2, size.width(), size.height())
    {
        setObjectName(QStringLiteral("node:") + node.name);
        setAcceptHoverEvents(true);
        setCursor(Qt::PointingHandCursor);
    }

    const DependencyNode &node() const { return m_node; }
    QRectF rect() const { return m_rect; }
    QRectF sceneRect() const { return mapRectToScene(m_rect); }

    void setCurrent(bool current)
    {
        if (m_current != current) {
            m_current = current;
            update();
        }
    }

    std::function<void(const QString &, bool)> onHover;

    QRectF boundingRect() const override { return m_rect.adjusted(-6, -6, 6, 6); }

    QPainterPath shape() const override
    {
        QPainterPath path;
        path.addRoundedRect(m_rect, NodeRadius, NodeRadius);
        return path;
    }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        const Style &s = *m_style;
        painter->setRenderHint(QPainter::Antialiasing);
        if (m_current) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(s.halo);
            painter->drawRoundedRect(m_rect.adjusted(-5, -5, 5, 5), NodeRadius + 4, NodeRadius + 4);
        }
        const Style::Border border = s.border(m_node.type);
        const bool none = m_node.type == StartType::None;
        QColor fill = none                             ? s.noneFill
                      : !m_node.includedBy.isEmpty()   ? s.includedFill
                      : m_node.type == StartType::Load ? s.base
                                                       : s.nodeFill;
        if (m_hovered)
            fill = mix(fill, s.accent, 0.12);
        QPen pen(border.colour, border.width, border.style, Qt::FlatCap, Qt::RoundJoin);
        const QRectF r =
            m_rect.adjusted(border.width / 2, border.width / 2, -border.width / 2, -border.width / 2);
        painter->setPen(pen);
        painter->setBrush(fill);
        painter->drawRoundedRect(r, NodeRadius, NodeRadius);
        if (!m_node.includedBy.isEmpty()) {
            // A second, inner border: this application runs inside another's supervision tree.
            painter->setPen(QPen(withAlpha(border.colour, 0.55), 1.0, border.style));
            painter->setBrush(Qt::NoBrush);
            painter->drawRoundedRect(r.adjusted(3.5, 3.5, -3.5, -3.5), NodeRadius - 3, NodeRadius - 3);
        }

        const QFontMetricsF nameMetrics(s.nameFont);
        const QFontMetricsF detailMetrics(s.detailFont);
        const qreal total = nameMetrics.height() + detailMetrics.height();
        qreal y = m_rect.center().y() - total / 2;
        painter->setFont(s.nameFont);
        painter->setPen(none ? s.muted : s.text);
        painter->drawText(QRectF(m_rect.left(), y, m_rect.width(), nameMetrics.height()), Qt::AlignCenter,
                          m_node.name);
        y += nameMetrics.height();
        painter->setFont(s.detailFont);
        painter->setPen(s.muted);
        painter->drawText(QRectF(m_rect.left(), y, m_rect.width(), detailMetrics.height()), Qt::AlignCenter,
                          detailText(m_node));
    }

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override
    {
        m_hovered = true;
        update();
        if (onHover)
            onHover(m_node.name, true);
        QGraphicsObject::hoverEnterEvent(event);
    }

    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override
    {
        m_hovered = false;
        update();
        if (onHover)
            onHover(m_node.name, false);
        QGraphicsObject::hoverLeaveEvent(event);
    }

private:
    DependencyNode m_node;
    const Style *m_style;
    QRectF m_rect;
    bool m_current = false;
    bool m_hovered = false;
};

class EdgeItem : public QGraphicsItem
{
public:
    enum class Emphasis { Normal, Highlighted, Dimmed };

    EdgeItem(const DependencyEdge &edge, const Style *style, QPainterPath curve, QPolygonF arrow)
        : m_edge(edge), m_style(style), m_curve(std::move(curve)), m_arrow(std::move(arrow))
    {
        setZValue(-1);
    }

    const DependencyEdge &edge() const { return m_edge; }

    QPainterPath fullPath() const
    {
        QPainterPath path = m_curve;
        if (!m_arrow.isEmpty())
            path.addPolygon(m_arrow);
        return path;
    }

    void setEmphasis(Emphasis emphasis)
    {
        if (m_emphasis == emphasis)
            return;
        m_emphasis = emphasis;
        setZValue(emphasis == Emphasis::Highlighted ? -0.5 : -1);
        update();
    }

    QRectF boundingRect() const override
    {
        return m_curve.boundingRect().united(m_arrow.boundingRect()).adjusted(-4, -4, 4, 4);
    }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        painter->setRenderHint(QPainter::Antialiasing);
        QPen pen = m_style->edgePen(m_edge.kind);
        if (m_emphasis == Emphasis::Highlighted) {
            pen.setWidthF(pen.widthF() + 0.9);
            if (m_edge.kind != DependencyKind::Includes)
                pen.setColor(mix(m_style->accent, m_style->text, 0.2));
        } else if (m_emphasis == Emphasis::Dimmed) {
            pen.setColor(withAlpha(pen.color(), 0.28));
        }
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(m_curve);
        if (!m_arrow.isEmpty()) {
            painter->setPen(QPen(pen.color(), 1.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter->setBrush(m_edge.kind == DependencyKind::Optional ? QBrush(m_style->base)
                                                                      : QBrush(pen.color()));
            painter->drawPolygon(m_arrow);
        }
    }

private:
    DependencyEdge m_edge;
    const Style *m_style;
    QPainterPath m_curve;
    QPolygonF m_arrow;
    Emphasis m_emphasis = Emphasis::Normal;
};

// The box around an application and the applications it includes.
class ClusterItem : public QGraphicsItem
{
public:
    ClusterItem(const Style *style, QRectF rect) : m_style(style), m_rect(rect) { setZValue(-2); }

    QRectF boundingRect() const override { return m_rect.adjusted(-1, -1, 1, 1); }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(m_style->clusterBorder, 1.0, Qt::DashLine));
        painter->setBrush(m_style->clusterFill);
        painter->drawRoundedRect(m_rect, NodeRadius + 4, NodeRadius + 4);
    }

private:
    const Style *m_style;
    QRectF m_rect;
};

// What the line and border styles mean, in the view's bottom-left corner.
class Legend : public QWidget
{
public:
    Legend(const Style *style, QWidget *parent) : QWidget(parent), m_style(style)
    {
        setObjectName(QStringLiteral("dependencyGraphLegend"));
        setAttribute(Qt::WA_TransparentForMouseEvents);
    }

    QSize sizeHint() const override
    {
        const QFontMetrics fm(m_style->detailFont);
        int left = 0;
        for (const QString &t : edgeLabels())
            left = std::max(left, fm.horizontalAdvance(t));
        int right = 0;
        for (const QString &t : typeLabels())
            right = std::max(right, fm.horizontalAdvance(t));
        const int row = rowHeight();
        return {Pad + SampleWidth + Gap + left + ColumnGap + SampleWidth + Gap + right + Pad,
                Pad * 2 + row * int(typeLabels().size())};
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        const Style &s = *m_style;
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(mix(s.base, s.text, 0.18), 1.0));
        p.setBrush(withAlpha(s.base, 0.92));
        p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
        p.setFont(s.detailFont);
        const QFontMetrics fm(s.detailFont);
        const int row = rowHeight();

        const QList<DependencyKind> kinds = {DependencyKind::Uses, DependencyKind::Includes,
                                             DependencyKind::Optional};
        const QStringList edgeText = edgeLabels();
        int left = 0;
        for (const QString &t : edgeText)
            left = std::max(left, fm.horizontalAdvance(t));
        for (int i = 0; i < kinds.size(); ++i) {
            const qreal y = Pad + row * i + row / 2.0;
            QPen pen = s.edgePen(kinds[i]);
            p.setPen(pen);
            p.drawLine(QPointF(Pad, y), QPointF(Pad + SampleWidth - 7, y));
            p.setPen(QPen(pen.color(), 1.0));
            p.setBrush(kinds[i] == DependencyKind::Optional ? QBrush(s.base) : QBrush(pen.color()));
            p.drawPolygon(arrowHead(QPointF(Pad + SampleWidth - 8, y), QPointF(Pad + SampleWidth, y)));
            p.setPen(s.text);
            p.drawText(QRectF(Pad + SampleWidth + Gap, y - row / 2.0, left + 1, row),
                       Qt::AlignVCenter | Qt::AlignLeft, edgeText[i]);
        }

        const int x = Pad + SampleWidth + Gap + left + ColumnGap;
        const QList<StartType> types = {StartType::Permanent, StartType::Transient, StartType::Load,
                                        StartType::None};
        const QStringList typeText = typeLabels();
        for (int i = 0; i < types.size(); ++i) {
            const qreal y = Pad + row * i + row / 2.0;
            const Style::Border b = s.border(types[i]);
            p.setPen(QPen(b.colour, b.width, b.style));
            p.setBrush(types[i] == StartType::None   ? s.noneFill
                       : types[i] == StartType::Load ? s.base
                                                     : s.nodeFill);
            p.drawRoundedRect(QRectF(x + 1, y - row / 2.0 + 3, SampleWidth - 2, row - 6), 3, 3);
            p.setPen(s.text);
            p.drawText(QRectF(x + SampleWidth + Gap, y - row / 2.0, width() - x - SampleWidth - Gap, row),
                       Qt::AlignVCenter | Qt::AlignLeft, typeText[i]);
        }
    }

private:
    static constexpr int Pad = 8;
    static constexpr int SampleWidth = 26;
    static constexpr int Gap = 6;
    static constexpr int ColumnGap = 16;

    int rowHeight() const { return QFontMetrics(m_style->detailFont).height() + 5; }

    static QStringList edgeLabels()
    {
        return {DependencyGraphView::tr("needs"), DependencyGraphView::tr("includes"),
                DependencyGraphView::tr("optionally needs")};
    }

    static QStringList typeLabels()
    {
        return {DependencyGraphView::tr("permanent"), DependencyGraphView::tr("transient, temporary"),
                DependencyGraphView::tr("load"), DependencyGraphView::tr("none")};
    }

    const Style *m_style;
};

namespace {

// Node rectangles, edge curves and arrowheads, and cluster boxes, in scene coordinates.
struct Layout
{
    QHash<QString, QRectF> nodes;
    std::vector<std::pair<QPainterPath, QPolygonF>> edges; // aligned with DependencyGraph::edges()
    std::vector<QRectF> clusters;
};

// ---- Graphviz -------------------------------------------------------------------------------

struct ContextDeleter
{
    void operator()(GVC_t *gvc) const { gvFreeContext(gvc); }
};
struct GraphDeleter
{
    void operator()(Agraph_t *graph) const { agclose(graph); }
};
using ContextPtr = std::unique_ptr<GVC_t, ContextDeleter>;
using GraphPtr = std::unique_ptr<Agraph_t, GraphDeleter>;

// Frees a layout's data on the graph before the graph goes.
class LayoutGuard
{
public:
    LayoutGuard(GVC_t *gvc, Agraph_t *graph) : m_gvc(gvc), m_graph(graph) {}
    ~LayoutGuard() { gvFreeLayout(m_gvc, m_graph); }
    LayoutGuard(const LayoutGuard &) = delete;
    LayoutGuard &operator=(const LayoutGuard &) = delete;

private:
    GVC_t *m_gvc;
    Agraph_t *m_graph;
};

// Graphviz reads numbers with strtod: the C locale for this thread while it works, whatever
// LC_NUMERIC the application runs with (QCoreApplication sets the user's).
class CNumericLocale
{
public:
    CNumericLocale() : m_c(newlocale(LC_NUMERIC_MASK, "C", nullptr))
    {
        if (m_c)
            m_previous = uselocale(m_c);
    }
    ~CNumericLocale()
    {
        if (m_c) {
            uselocale(m_previous);
            freelocale(m_c);
        }
    }
    CNumericLocale(const CNumericLocale &) = delete;
    CNumericLocale &operator=(const CNumericLocale &) = delete;

private:
    locale_t m_c;
    locale_t m_previous = nullptr;
};

// Graphviz reports through a process-wide callback: collect into a string while laying out.
QString *g_graphvizMessages = nullptr;

int collectGraphvizMessage(char *message)
{
    if (g_graphvizMessages && message)
        g_graphvizMessages->append(QString::fromUtf8(message));
    return 0;
}

class MessageCapture
{
public:
    explicit MessageCapture(QString *into) : m_previous(agseterrf(&collectGraphvizMessage))
    {
        g_graphvizMessages = into;
    }
    ~MessageCapture()
    {
        agseterrf(m_previous);
        g_graphvizMessages = nullptr;
    }
    MessageCapture(const MessageCapture &) = delete;
    MessageCapture &operator=(const MessageCapture &) = delete;

private:
    agusererrf m_previous;
};

QByteArray inches(qreal points)
{
    return QByteArray::number(points / PointsPerInch, 'f', 4);
}

// The DOT text. Nodes are n0, n1, ... (their index), so no application name needs quoting; an
// application and those it includes (recursively) form a cluster.
QByteArray dotText(const DependencyGraph &graph, const QHash<QString, QSizeF> &sizes)
{
    const auto &nodes = graph.nodes();
    QHash<QString, int> index;
    for (size_t i = 0; i < nodes.size(); ++i)
        index.insert(nodes[i].name, int(i));
    QHash<QString, QStringList> included; // includer -> included, in node order
    for (const DependencyNode &n : nodes) {
        if (!n.includedBy.isEmpty() && index.contains(n.includedBy))
            included[n.includedBy] << n.name;
    }

    QByteArray dot = "digraph release {\n"
                     "  graph [rankdir=TB, nodesep=0.32, ranksep=0.55, splines=spline, newrank=true, "
                     "pad=0, margin=0];\n"
                     "  node [shape=box, fixedsize=true, label=\"\"];\n"
                     "  edge [arrowsize=0.9, arrowhead=normal];\n";
    std::function<void(const QString &, int)> cluster = [&](const QString &includer, int depth) {
        const QByteArray indent(2 * depth, ' ');
        const QByteArray id = QByteArray::number(index.value(includer));
        dot += indent + "subgraph cluster_" + id + " {\n" + indent + "  graph [margin=10];\n" + indent +
               "  n" + id + ";\n";
        for (const QString &inc : included.value(includer)) {
            if (included.contains(inc) && depth < 32)
                cluster(inc, depth + 1);
            else
                dot += indent + "  n" + QByteArray::number(index.value(inc)) + ";\n";
        }
        dot += indent + "}\n";
    };
    for (const DependencyNode &n : nodes) {
        if (included.contains(n.name) && (n.includedBy.isEmpty() || !index.contains(n.includedBy)))
            cluster(n.name, 1);
    }
    for (size_t i = 0; i < nodes.size(); ++i) {
        const QSizeF size = sizes.value(nodes[i].name);
        dot += "  n" + QByteArray::number(qulonglong(i)) + " [width=" + inches(size.width()) +
               ", height=" + inches(size.height()) + "];\n";
    }
    const auto &edges = graph.edges();
    for (size_t i = 0; i < edges.size(); ++i) {
        const DependencyEdge &e = edges[i];
        dot += "  n" + QByteArray::number(index.value(e.from)) + " -> n" +
               QByteArray::number(index.value(e.to)) + " [id=e" + QByteArray::number(qulonglong(i)) +
               (e.kind == DependencyKind::Includes ? ", weight=4" : ", weight=1") + "];\n";
    }
    dot += "}\n";
    return dot;
}

int indexOf(const char *name, char prefix)
{
    if (!name || name[0] != prefix)
        return -1;
    bool ok = false;
    const int i = QByteArray(name + 1).toInt(&ok);
    return ok ? i : -1;
}

std::optional<Layout> graphvizLayout(const DependencyGraph &graph, const QHash<QString, QSizeF> &sizes,
                                     const QByteArray &engine, QString *error)
{
    const CNumericLocale cLocale;
    QString messages;
    const MessageCapture capture(&messages);
    auto fail = [&](const QString &what) {
        *error = messages.trimmed().isEmpty() ? what : what + QStringLiteral(": ") + messages.trimmed();
        return std::nullopt;
    };

    // One context for the process (Graphviz 2.43 leaks a little with each), used on the GUI thread
    // only, and freed at exit.
    static const ContextPtr gvc(gvContext());
    if (!gvc)
        return fail(QStringLiteral("cannot create a Graphviz context"));
    const QByteArray dot = dotText(graph, sizes);
    GraphPtr g(agmemread(dot.constData()));
    if (!g)
        return fail(QStringLiteral("Graphviz did not accept the graph"));
    if (gvLayout(gvc.get(), g.get(), engine.constData()) != 0)
        return fail(QStringLiteral("Graphviz layout \"%1\" failed").arg(QString::fromLatin1(engine)));
    const LayoutGuard freeLayout(gvc.get(), g.get());

    const boxf bb = GD_bb(g.get());
    auto toScene = [&](pointf p) { return QPointF(p.x - bb.LL.x, bb.UR.y - p.y); };

    Layout layout;
    layout.edges.resize(graph.edges().size());
    static char idAttribute[] = "id";
    for (Agnode_t *n = agfstnode(g.get()); n; n = agnxtnode(g.get(), n)) {
        const int i = indexOf(agnameof(n), 'n');
        if (i < 0 || size_t(i) >= graph.nodes().size())
            continue;
        const QPointF centre = toScene(ND_coord(n));
        const QSizeF size(ND_width(n) * PointsPerInch, ND_height(n) * PointsPerInch);
        layout.nodes.insert(graph.nodes()[size_t(i)].name,
                            QRectF(centre.x() - size.width() / 2, centre.y() - size.height() / 2,
                                   size.width(), size.height()));
        for (Agedge_t *e = agfstout(g.get(), n); e; e = agnxtout(g.get(), e)) {
            const int ei = indexOf(agget(e, idAttribute), 'e');
            const splines *spl = ED_spl(e);
            if (ei < 0 || size_t(ei) >= layout.edges.size() || !spl)
                continue;
            QPainterPath path;
            QPolygonF arrow;
            for (int b = 0; b < spl->size; ++b) {
                const bezier &bz = spl->list[b];
                if (bz.size < 1)
                    continue;
                path.moveTo(toScene(bz.list[0]));
                for (int k = 1; k + 2 < bz.size; k += 3)
                    path.cubicTo(toScene(bz.list[k]), toScene(bz.list[k + 1]), toScene(bz.list[k + 2]));
                if (bz.eflag)
                    arrow = arrowHead(toScene(bz.list[bz.size - 1]), toScene(bz.ep));
                if (bz.sflag)
                    path.addPolygon(arrowHead(toScene(bz.list[0]), toScene(bz.sp)));
            }
            layout.edges[size_t(ei)] = {path, arrow};
        }
    }
    std::function<void(Agraph_t *)> clusters = [&](Agraph_t *sg) {
        for (int c = 1; c <= GD_n_cluster(sg); ++c) {
            Agraph_t *sub = GD_clust(sg)[c];
            const boxf cb = GD_bb(sub);
            layout.clusters.push_back(QRectF(toScene(cb.LL), toScene(cb.UR)).normalized());
            clusters(sub);
        }
    };
    clusters(g.get());
    if (!messages.trimmed().isEmpty())
        spdlog::debug("graphviz: {}", messages.trimmed().toStdString());
    return layout;
}

// ---- Fallback --------------------------------------------------------------------------------

// Layers by longest path to an application that needs nothing, dependencies at the bottom,
// straight edges. Used only when Graphviz fails.
Layout fallbackLayout(const DependencyGraph &graph, const QHash<QString, QSizeF> &sizes)
{
    QHash<QString, QStringList> next;
    for (const DependencyEdge &e : graph.edges())
        next[e.from] << e.to;
    QHash<QString, int> rank;
    std::function<int(const QString &, int)> rankOf = [&](const QString &name, int depth) {
        if (auto it = rank.constFind(name); it != rank.cend())
            return *it;
        int r = 0;
        if (depth < 64) {
            for (const QString &to : next.value(name))
                r = std::max(r, rankOf(to, depth + 1) + 1);
        }
        rank.insert(name, r);
        return r;
    };
    int maxRank = 0;
    for (const DependencyNode &n : graph.nodes())
        maxRank = std::max(maxRank, rankOf(n.name, 0));

    std::vector<QStringList> rows(size_t(maxRank) + 1);
    for (const DependencyNode &n : graph.nodes())
        rows[size_t(maxRank - rank.value(n.name))] << n.name;
    Layout layout;
    qreal widest = 0;
    std::vector<qreal> widths;
    for (const QStringList &row : rows) {
        qreal w = 0;
        for (const QString &name : row)
            w += sizes.value(name).width() + 24;
        widths.push_back(w);
        widest = std::max(widest, w);
    }
    qreal y = 0;
    for (size_t r = 0; r < rows.size(); ++r) {
        qreal x = (widest - widths[r]) / 2;
        qreal height = 0;
        for (const QString &name : rows[r]) {
            const QSizeF size = sizes.value(name);
            layout.nodes.insert(name, QRectF(QPointF(x, y), size));
            x += size.width() + 24;
            height = std::max(height, size.height());
        }
        y += height + 48;
    }
    for (const DependencyEdge &e : graph.edges()) {
        const QRectF from = layout.nodes.value(e.from);
        const QRectF to = layout.nodes.value(e.to);
        const QPointF start(from.center().x(), from.bottom());
        const QPointF tip(to.center().x(), to.top());
        const QPointF d = tip - start;
        const qreal length = std::hypot(d.x(), d.y());
        const QPointF end = length > 10 ? tip - d / length * 9.0 : tip;
        QPainterPath path(start);
        path.lineTo(end);
        layout.edges.emplace_back(path, arrowHead(end, tip));
    }
    return layout;
}

} // namespace

} // namespace graph_detail

using namespace graph_detail;

DependencyGraphView::DependencyGraphView(QWidget *parent)
    : QGraphicsView(parent), m_style(std::make_unique<Style>(Style::from(palette(), font())))
{
    setObjectName(QStringLiteral("dependencyGraph"));
    setScene(new QGraphicsScene(this));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundBrush(m_style->base);

    m_legend = new Legend(m_style.get(), this);

    m_zoomInAction = new QAction(tr("Zoom In"), this);
    m_zoomInAction->setObjectName(QStringLiteral("graphZoomIn"));
    connect(m_zoomInAction, &QAction::triggered, this, &DependencyGraphView::zoomIn);
    m_zoomOutAction = new QAction(tr("Zoom Out"), this);
    m_zoomOutAction->setObjectName(QStringLiteral("graphZoomOut"));
    connect(m_zoomOutAction, &QAction::triggered, this, &DependencyGraphView::zoomOut);
    m_fitAction = new QAction(tr("Fit to View"), this);
    m_fitAction->setObjectName(QStringLiteral("graphFit"));
    connect(m_fitAction, &QAction::triggered, this, &DependencyGraphView::fitToView);
    m_impliedAction = new QAction(tr("Hide Implied Dependencies"), this);
    m_impliedAction->setObjectName(QStringLiteral("graphHideImplied"));
    m_impliedAction->setCheckable(true);
    connect(m_impliedAction, &QAction::toggled, this, &DependencyGraphView::setImpliedEdgesHidden);
    m_legendAction = new QAction(tr("Show Legend"), this);
    m_legendAction->setObjectName(QStringLiteral("graphShowLegend"));
    m_legendAction->setCheckable(true);
    m_legendAction->setChecked(true);
    connect(m_legendAction, &QAction::toggled, this, &DependencyGraphView::setLegendVisible);

    rebuild();
}

DependencyGraphView::~DependencyGraphView()
{
    // The items point at m_style: remove them first.
    scene()->clear();
}

void DependencyGraphView::setRelease(const release::ResolvedRelease &release)
{
    DependencyGraph graph = DependencyGraph::fromRelease(release);
    if (graph == m_graph && !m_nodes.isEmpty())
        return; // the same picture: keep the zoom, the scroll position and the current application
    m_graph = std::move(graph);
    if (!m_graph.node(m_current))
        m_current.clear();
    m_autoFit = true;
    rebuild();
    fitToView();
}

void DependencyGraphView::clear()
{
    m_graph = DependencyGraph();
    m_current.clear();
    m_autoFit = true;
    rebuild();
    fitToView();
}

void DependencyGraphView::setImpliedEdgesHidden(bool hidden)
{
    if (m_hideImplied == hidden)
        return;
    m_hideImplied = hidden;
    m_impliedAction->setChecked(hidden);
    rebuild();
    if (m_autoFit)
        fitToView();
}

void DependencyGraphView::setLayoutEngine(const QString &engine)
{
    if (m_engine == engine)
        return;
    m_engine = engine;
    rebuild();
    if (m_autoFit)
        fitToView();
}

void DependencyGraphView::setLegendVisible(bool visible)
{
    m_legendAction->setChecked(visible);
    m_legend->setVisible(visible && !m_nodes.isEmpty());
    placeLegend();
    if (m_autoFit)
        fitToView();
}

bool DependencyGraphView::isLegendVisible() const
{
    return m_legendAction->isChecked();
}

void DependencyGraphView::setCurrentApplication(const QString &name)
{
    m_current = m_nodes.contains(name) ? name : QString();
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it)
        it.value()->setCurrent(it.key() == m_current);
    if (NodeItem *node = m_nodes.value(m_current))
        ensureVisible(node->sceneRect(), 24, 24);
}

QStringList DependencyGraphView::nodeNames() const
{
    return m_shown.nodeNames();
}

QList<QPair<QString, QString>> DependencyGraphView::edges(EdgeKind kind) const
{
    return m_shown.edges(kind);
}

QRectF DependencyGraphView::nodeRect(const QString &name) const
{
    const NodeItem *node = m_nodes.value(name);
    return node ? node->sceneRect() : QRectF();
}

QPainterPath DependencyGraphView::edgePath(const QString &from, const QString &to) const
{
    for (const EdgeItem *item : m_edges) {
        if (item->edge().from == from && item->edge().to == to)
            return item->fullPath();
    }
    return {};
}

qreal DependencyGraphView::zoom() const
{
    return transform().m11();
}

void DependencyGraphView::zoomIn()
{
    m_autoFit = false;
    setZoom(zoom() * 1.25);
}

void DependencyGraphView::zoomOut()
{
    m_autoFit = false;
    setZoom(zoom() / 1.25);
}

void DependencyGraphView::fitToView()
{
    m_autoFit = true;
    const QSize area = viewport()->size();
    if (m_bounds.isEmpty() || area.isEmpty()) {
        setSceneRect(m_bounds);
        setZoom(1.0);
        return;
    }
    // Keep a band at the bottom for the legend, so that it covers no node once fitted.
    const qreal band = m_legend->isVisibleTo(this) ? m_legend->sizeHint().height() + 12 : 0;
    const qreal height = std::max(area.height() - band, area.height() / 2.0);
    const qreal z = std::clamp(std::min({area.width() / m_bounds.width(), height / m_bounds.height(), 1.0}),
                               MinZoom, MaxZoom);
    setSceneRect(m_bounds.adjusted(0, 0, 0, band / z));
    setZoom(z);
    centerOn(sceneRect().center());
}

void DependencyGraphView::setZoom(qreal z)
{
    z = std::clamp(z, MinZoom, MaxZoom);
    if (qFuzzyCompare(z, zoom()))
        return;
    setTransform(QTransform::fromScale(z, z));
    emit zoomChanged(z);
}

bool DependencyGraphView::event(QEvent *event)
{
    // Ctrl++ / Ctrl+- / Ctrl+0 zoom the graph while it has focus, ahead of the window's shortcuts
    // on the same keys (the editor font size).
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() & Qt::ControlModifier) {
            switch (key->key()) {
            case Qt::Key_Plus:
            case Qt::Key_Equal:
            case Qt::Key_Minus:
            case Qt::Key_0:
                event->accept();
                return true;
            default:
                break;
            }
        }
    }
    return QGraphicsView::event(event);
}

void DependencyGraphView::keyPressEvent(QKeyEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        switch (event->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomIn();
            return;
        case Qt::Key_Minus:
            zoomOut();
            return;
        case Qt::Key_0:
            fitToView();
            return;
        default:
            break;
        }
    }
    QGraphicsView::keyPressEvent(event);
}

void DependencyGraphView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const int delta = event->angleDelta().y();
    if (delta != 0) {
        m_autoFit = false;
        const ViewportAnchor anchor = transformationAnchor();
        setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
        setZoom(zoom() * std::pow(1.0015, delta));
        setTransformationAnchor(anchor);
    }
    event->accept();
}

NodeItem *DependencyGraphView::nodeAt(const QPoint &viewportPos) const
{
    for (QGraphicsItem *item : items(viewportPos)) {
        for (QGraphicsItem *i = item; i; i = i->parentItem()) {
            if (auto *node = dynamic_cast<NodeItem *>(i))
                return node;
        }
    }
    return nullptr;
}

void DependencyGraphView::mousePressEvent(QMouseEvent *event)
{
    m_pressedNode.clear();
    if (event->button() == Qt::LeftButton) {
        if (NodeItem *node = nodeAt(event->position().toPoint())) {
            m_pressedNode = node->node().name;
            m_pressPos = event->position().toPoint();
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void DependencyGraphView::mouseReleaseEvent(QMouseEvent *event)
{
    QGraphicsView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || m_pressedNode.isEmpty())
        return;
    const QString pressed = std::exchange(m_pressedNode, QString());
    const QPoint pos = event->position().toPoint();
    if ((pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance())
        return; // a pan that started on a node
    NodeItem *node = nodeAt(pos);
    if (!node || node->node().name != pressed)
        return;
    setCurrentApplication(pressed);
    emit applicationClicked(pressed);
}

void DependencyGraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeLegend();
    if (m_autoFit)
        fitToView();
}

void DependencyGraphView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    placeLegend();
    if (m_autoFit)
        fitToView();
}

void DependencyGraphView::changeEvent(QEvent *event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange ||
        event->type() == QEvent::StyleChange) {
        updateStyle();
        if (event->type() == QEvent::FontChange) {
            rebuild(); // node sizes follow the font
            if (m_autoFit)
                fitToView();
        }
    }
}

void DependencyGraphView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(m_zoomInAction);
    menu.addAction(m_zoomOutAction);
    menu.addAction(m_fitAction);
    menu.addSeparator();
    menu.addAction(m_impliedAction);
    menu.addAction(m_legendAction);
    menu.exec(event->globalPos());
}

void DependencyGraphView::updateStyle()
{
    *m_style = Style::from(palette(), font());
    setBackgroundBrush(m_style->base);
    m_legend->adjustSize();
    m_legend->update();
    placeLegend();
    scene()->update();
}

void DependencyGraphView::placeLegend()
{
    if (!m_legend || !m_legend->isVisible())
        return;
    m_legend->adjustSize();
    const QRect area = viewport()->geometry();
    m_legend->move(area.left() + 10, area.bottom() - m_legend->height() - 9);
    m_legend->raise();
}

void DependencyGraphView::setHovered(const QString &name)
{
    for (EdgeItem *edge : std::as_const(m_edges)) {
        if (name.isEmpty())
            edge->setEmphasis(EdgeItem::Emphasis::Normal);
        else if (edge->edge().from == name || edge->edge().to == name)
            edge->setEmphasis(EdgeItem::Emphasis::Highlighted);
        else
            edge->setEmphasis(EdgeItem::Emphasis::Dimmed);
    }
}

void DependencyGraphView::rebuild()
{
    scene()->clear();
    m_nodes.clear();
    m_edges.clear();
    m_shown = m_hideImplied ? m_graph.withoutImpliedUses() : m_graph;
    m_layoutError.clear();
    m_byGraphviz = false;

    if (m_shown.nodes().empty()) {
        auto *text = scene()->addSimpleText(tr("No release"));
        text->setBrush(m_style->muted);
        m_bounds = text->boundingRect().adjusted(-SceneMargin, -SceneMargin, SceneMargin, SceneMargin);
        scene()->setSceneRect(m_bounds);
        setSceneRect(m_bounds);
        m_legend->hide();
        return;
    }

    QHash<QString, QSizeF> sizes;
    for (const DependencyNode &node : m_shown.nodes())
        sizes.insert(node.name, nodeSize(node, *m_style));

    QString error;
    std::optional<Layout> layout = graphvizLayout(m_shown, sizes, m_engine.toUtf8(), &error);
    m_byGraphviz = layout.has_value();
    if (!layout) {
        m_layoutError = error;
        spdlog::warn("dependency graph: {}; using a simple layout", error.toStdString());
        layout = fallbackLayout(m_shown, sizes);
    }

    for (const QRectF &rect : layout->clusters) {
        auto *cluster = new ClusterItem(m_style.get(), rect);
        scene()->addItem(cluster);
    }
    const auto &edges = m_shown.edges();
    for (size_t i = 0; i < edges.size() && i < layout->edges.size(); ++i) {
        auto *item = new EdgeItem(edges[i], m_style.get(), layout->edges[i].first, layout->edges[i].second);
        item->setToolTip(QStringLiteral("%1 %2 %3")
                             .arg(edges[i].from, release::dependencyKindName(edges[i].kind), edges[i].to));
        scene()->addItem(item);
        m_edges << item;
    }
    for (const DependencyNode &node : m_shown.nodes()) {
        const QRectF rect = layout->nodes.value(node.name);
        auto *item =
            new NodeItem(node, m_style.get(), rect.size().isEmpty() ? sizes.value(node.name) : rect.size());
        item->setPos(rect.center());
        item->setToolTip(toolTipFor(node, m_shown));
        item->setCurrent(node.name == m_current);
        item->onHover = [this](const QString &name, bool entered) { setHovered(entered ? name : QString()); };
        scene()->addItem(item);
        m_nodes.insert(node.name, item);
    }
    m_bounds = scene()->itemsBoundingRect().adjusted(-SceneMargin, -SceneMargin, SceneMargin, SceneMargin);
    scene()->setSceneRect(m_bounds);
    setSceneRect(m_bounds);
    m_legend->setVisible(m_legendAction->isChecked());
}

} // namespace rs::ui
