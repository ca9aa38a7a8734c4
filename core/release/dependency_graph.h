#pragma once

#include "release/rel_spec.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <vector>

namespace rs::release {

struct ResolvedRelease;

// How one application of a release depends on another.
enum class DependencyKind {
    Uses,     // in `applications` (after systools' rewriting to top applications): started before
    Includes, // in `included_applications`: its top supervisor runs in the includer's tree
    Optional, // in `applications` and `optional_applications`, and present in the release
};

QString dependencyKindName(DependencyKind kind); // "uses", "includes", "optional"

struct DependencyNode
{
    QString name;
    QString vsn;
    QString description;
    StartType type = StartType::Permanent;
    bool typeGiven = false;
    QString includedBy; // the application whose included_applications list it; "" when none
    int startIndex = 0; // position in the start order
    friend bool operator==(const DependencyNode &, const DependencyNode &) = default;
};

struct DependencyEdge
{
    QString from; // the application that depends ...
    QString to;   // ... on this one
    DependencyKind kind = DependencyKind::Uses;
    friend bool operator==(const DependencyEdge &, const DependencyEdge &) = default;
};

// The applications of a resolved release and the relations between them, widget-free. Nodes are
// in start order; edges in the order of each application's lists (the .rel order). Only
// applications of the release appear: an optional application the release leaves out has no edge.
class DependencyGraph
{
public:
    static DependencyGraph fromRelease(const ResolvedRelease &release);

    const std::vector<DependencyNode> &nodes() const { return m_nodes; }
    const std::vector<DependencyEdge> &edges() const { return m_edges; }
    const DependencyNode *node(QStringView name) const;
    QStringList nodeNames() const;
    QList<QPair<QString, QString>> edges(DependencyKind kind) const;

    // The same graph without the `uses` edges another chain of uses/optional edges already
    // implies (A uses C when A uses B and B uses C): every application needs kernel and stdlib,
    // and a release of 40 applications is easier to read without 80 arrows into them.
    DependencyGraph withoutImpliedUses() const;

    friend bool operator==(const DependencyGraph &, const DependencyGraph &) = default;

private:
    std::vector<DependencyNode> m_nodes;
    std::vector<DependencyEdge> m_edges;
};

} // namespace rs::release
