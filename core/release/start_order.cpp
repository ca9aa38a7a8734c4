#include "release/start_order.h"

#include "release/resolver.h"

#include <QHash>

#include <deque>

namespace rs::release {

namespace {

// One step of sort_appls' worklist: an application by index into the input.
using Work = std::deque<size_t>;

struct Sorter
{
    const std::vector<ResolvedApp> &apps;

    bool sameApp(size_t a, size_t b) const
    {
        return apps[a].spec.name == apps[b].spec.name && apps[a].spec.vsn == apps[b].spec.vsn;
    }
    bool visitedName(const std::vector<size_t> &visited, const QString &name) const
    {
        return std::any_of(visited.begin(), visited.end(),
                           [&](size_t v) { return apps[v].spec.name == name; });
    }

    // systools' find_all: the applications of NAMES still waiting in REST (taken out of it),
    // and the names found nowhere.
    void findAll(const QString &checking, const QStringList &names, Work &rest,
                 const std::vector<size_t> &visited, std::vector<size_t> &found, QStringList &notFound) const
    {
        for (auto it = names.crbegin(); it != names.crend(); ++it) {
            const QString &name = *it;
            auto pos =
                std::find_if(rest.begin(), rest.end(), [&](size_t i) { return apps[i].spec.name == name; });
            if (pos != rest.end()) {
                // "X includes Y, Y uses X" is allowed.
                if (apps[*pos].includes.contains(checking)) {
                    if (!visitedName(visited, name))
                        notFound.prepend(name);
                } else {
                    found.insert(found.begin(), *pos);
                    rest.erase(pos);
                }
            } else if (!visitedName(visited, name)) {
                notFound.prepend(name);
            }
        }
    }
};

// One dependency cycle through the applications of CYCLIC, for the message: "a → b → a".
QString describeCycle(const std::vector<ResolvedApp> &apps, const QStringList &cyclic)
{
    QHash<QString, QStringList> edges;
    for (const ResolvedApp &a : apps)
        edges.insert(a.spec.name, a.uses + a.includes);
    for (const QString &start : cyclic) {
        // Depth-first search for a path back to start.
        std::vector<std::pair<QString, qsizetype>> stack{{start, 0}};
        QStringList path{start};
        QHash<QString, bool> seen;
        while (!stack.empty()) {
            auto &[node, next] = stack.back();
            const QStringList out = edges.value(node);
            if (next >= out.size()) {
                stack.pop_back();
                path.removeLast();
                continue;
            }
            const QString target = out[next++];
            if (target == start)
                return (path + QStringList{start}).join(QStringLiteral(" → "));
            if (!seen.value(target) && edges.contains(target)) {
                seen.insert(target, true);
                stack.emplace_back(target, 0);
                path << target;
            }
        }
    }
    return cyclic.join(QStringLiteral(", "));
}

} // namespace

std::optional<std::vector<ResolvedApp>> startOrder(const std::vector<ResolvedApp> &apps, Findings &findings)
{
    Sorter sorter{apps};
    Work work;
    for (size_t i = 0; i < apps.size(); ++i)
        work.push_back(i);
    std::vector<size_t> ordered;
    std::vector<size_t> visited;
    QStringList missing;
    QStringList circular;
    // Each round either orders an application or moves dependencies in front; this bound is far
    // above what any release needs and only guards against a bug looping forever.
    size_t rounds = 0;
    const size_t maxRounds = 64 * (apps.size() + 1) * (apps.size() + 1);
    while (!work.empty() && ++rounds < maxRounds) {
        const size_t n = work.front();
        work.pop_front();
        const ResolvedApp &app = apps[n];
        std::vector<size_t> uses, incs;
        QStringList notFoundUses, notFoundIncs;
        sorter.findAll(app.spec.name, app.uses, work, visited, uses, notFoundUses);
        sorter.findAll(app.spec.name, app.includes, work, visited, incs, notFoundIncs);
        for (const QString &name : notFoundUses) {
            if (!app.spec.optionalApplications.contains(name))
                missing << name;
        }
        missing << notFoundIncs;
        std::vector<size_t> before = uses;
        before.insert(before.end(), incs.begin(), incs.end());
        if (before.empty()) {
            ordered.push_back(n);
            visited.insert(visited.begin(), n);
            continue;
        }
        std::vector<size_t> newCircular;
        for (const size_t b : before) {
            for (const size_t v : visited) {
                if (sorter.sameApp(b, v))
                    newCircular.push_back(b);
            }
        }
        if (!newCircular.empty()) {
            circular << app.spec.name;
            for (const size_t c : newCircular)
                circular << apps[c].spec.name;
        }
        Work next;
        for (const size_t b : before)
            next.push_back(b);
        next.push_back(n);
        next.insert(next.end(), work.begin(), work.end());
        for (const size_t c : newCircular) {
            auto pos = std::find_if(next.begin(), next.end(), [&](size_t i) { return sorter.sameApp(i, c); });
            if (pos != next.end())
                next.erase(pos);
        }
        work = std::move(next);
        visited.insert(visited.begin(), n);
    }
    missing.removeDuplicates();
    circular.removeDuplicates();
    if (!work.empty()) {
        findings << Finding::error(QStringLiteral("cannot order the applications of the release"));
        return std::nullopt;
    }
    for (const QString &name : missing)
        findings << Finding::error(
            QStringLiteral("application %1 is needed but not in the release").arg(name));
    if (!circular.isEmpty()) {
        const auto cycleStart = std::find_if(apps.begin(), apps.end(), [&](const ResolvedApp &a) {
            return a.spec.name == circular.constFirst();
        });
        findings << Finding::error(
            QStringLiteral("circular dependency among applications: %1").arg(describeCycle(apps, circular)),
            cycleStart != apps.end() ? cycleStart->relLocation : SourceLocation());
    }
    if (!missing.isEmpty() || !circular.isEmpty())
        return std::nullopt;
    std::vector<ResolvedApp> result;
    result.reserve(ordered.size());
    for (const size_t i : ordered)
        result.push_back(apps[i]);
    return result;
}

} // namespace rs::release
