#include "release/dependency_graph.h"

#include "release/resolver.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace rs::release {

QString dependencyKindName(DependencyKind kind)
{
    switch (kind) {
    case DependencyKind::Uses:
        return QStringLiteral("uses");
    case DependencyKind::Includes:
        return QStringLiteral("includes");
    case DependencyKind::Optional:
        return QStringLiteral("optional");
    }
    return QString();
}

DependencyGraph DependencyGraph::fromRelease(const ResolvedRelease &release)
{
    DependencyGraph graph;
    QSet<QString> present;
    for (const ResolvedApp &app : release.apps)
        present.insert(app.spec.name);

    QHash<QString, QString> includer;
    for (const ResolvedApp &app : release.apps) {
        for (const QString &inc : app.includes) {
            if (!includer.contains(inc))
                includer.insert(inc, app.spec.name);
        }
    }

    int index = 0;
    for (const ResolvedApp &app : release.apps) {
        DependencyNode node;
        node.name = app.spec.name;
        node.vsn = app.spec.vsn;
        node.description = app.spec.description;
        node.type = app.type;
        node.typeGiven = app.typeGiven;
        node.includedBy = includer.value(app.spec.name);
        node.startIndex = index++;
        graph.m_nodes.push_back(std::move(node));

        auto add = [&](const QString &to, DependencyKind kind) {
            if (to == app.spec.name || !present.contains(to))
                return;
            const DependencyEdge edge{app.spec.name, to, kind};
            if (std::find(graph.m_edges.begin(), graph.m_edges.end(), edge) == graph.m_edges.end())
                graph.m_edges.push_back(edge);
        };
        for (const QString &used : app.uses) {
            add(used, app.spec.optionalApplications.contains(used) ? DependencyKind::Optional
                                                                   : DependencyKind::Uses);
        }
        for (const QString &inc : app.includes)
            add(inc, DependencyKind::Includes);
    }
    return graph;
}

const DependencyNode *DependencyGraph::node(QStringView name) const
{
    auto it =
        std::find_if(m_nodes.begin(), m_nodes.end(), [&](const DependencyNode &n) { return n.name == name; });
    return it == m_nodes.end() ? nullptr : &*it;
}

QStringList DependencyGraph::nodeNames() const
{
    QStringList names;
    names.reserve(qsizetype(m_nodes.size()));
    for (const DependencyNode &n : m_nodes)
        names << n.name;
    return names;
}

QList<QPair<QString, QString>> DependencyGraph::edges(DependencyKind kind) const
{
    QList<QPair<QString, QString>> result;
    for (const DependencyEdge &e : m_edges) {
        if (e.kind == kind)
            result.append({e.from, e.to});
    }
    return result;
}

DependencyGraph DependencyGraph::withoutImpliedUses() const
{
    QHash<QString, QStringList> next; // over uses and optional edges
    for (const DependencyEdge &e : m_edges) {
        if (e.kind != DependencyKind::Includes)
            next[e.from] << e.to;
    }
    // Whether TO is reachable from FROM by a path of two edges or more.
    auto impliedElsewhere = [&](const QString &from, const QString &to) {
        QSet<QString> seen;
        QStringList stack;
        for (const QString &n : next.value(from)) {
            if (n != to)
                stack << n;
        }
        while (!stack.isEmpty()) {
            const QString current = stack.takeLast();
            if (current == to)
                return true;
            if (seen.contains(current))
                continue;
            seen.insert(current);
            stack << next.value(current);
        }
        return false;
    };

    DependencyGraph reduced;
    reduced.m_nodes = m_nodes;
    for (const DependencyEdge &e : m_edges) {
        if (e.kind == DependencyKind::Uses && impliedElsewhere(e.from, e.to))
            continue;
        reduced.m_edges.push_back(e);
    }
    return reduced;
}

} // namespace rs::release
