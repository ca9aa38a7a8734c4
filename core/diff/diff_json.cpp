#include "diff/diff_json.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace rs::diff {

namespace {

QJsonArray findingsJson(const Findings &findings)
{
    return QJsonDocument::fromJson(findingsToJson(findings)).array();
}

QJsonObject releaseJson(const ReleaseSide &r)
{
    return QJsonObject{{QStringLiteral("source"), r.source},    {QStringLiteral("format"), r.format},
                       {QStringLiteral("root"), r.root},        {QStringLiteral("name"), r.name},
                       {QStringLiteral("vsn"), r.vsn},          {QStringLiteral("erts"), r.erts},
                       {QStringLiteral("rel_file"), r.relFile}, {QStringLiteral("files"), r.files},
                       {QStringLiteral("bytes"), r.bytes}};
}

QJsonArray termChangesJson(const std::vector<TermChange> &changes)
{
    QJsonArray out;
    for (const TermChange &c : changes)
        out.append(QJsonObject{{QStringLiteral("path"), QJsonArray::fromStringList(c.path)},
                               {QStringLiteral("state"), stateName(c.state)},
                               {QStringLiteral("old"), c.oldValue},
                               {QStringLiteral("new"), c.newValue}});
    return out;
}

QString lineKindName(DiffLine::Kind kind)
{
    switch (kind) {
    case DiffLine::Kind::Context:
        return QStringLiteral("context");
    case DiffLine::Kind::Removed:
        return QStringLiteral("removed");
    case DiffLine::Kind::Added:
        return QStringLiteral("added");
    }
    return {};
}

QJsonValue textJson(const TextDiff &t)
{
    if (t.isEmpty())
        return QJsonValue::Null;
    QJsonArray hunks;
    for (const Hunk &h : t.hunks) {
        QJsonArray lines;
        for (const DiffLine &l : h.lines) {
            QJsonArray changed;
            for (const CharRange &r : l.changed)
                changed.append(QJsonArray{r.start, r.length});
            lines.append(QJsonObject{{QStringLiteral("kind"), lineKindName(l.kind)},
                                     {QStringLiteral("old"), l.oldNumber},
                                     {QStringLiteral("new"), l.newNumber},
                                     {QStringLiteral("text"), l.text},
                                     {QStringLiteral("changed"), changed}});
        }
        hunks.append(QJsonObject{{QStringLiteral("old_start"), h.oldStart},
                                 {QStringLiteral("old_count"), h.oldCount},
                                 {QStringLiteral("new_start"), h.newStart},
                                 {QStringLiteral("new_count"), h.newCount},
                                 {QStringLiteral("lines"), lines}});
    }
    return QJsonObject{{QStringLiteral("added"), t.added},
                       {QStringLiteral("removed"), t.removed},
                       {QStringLiteral("omitted"), t.omitted},
                       {QStringLiteral("hunks"), hunks}};
}

QJsonValue sideJson(const FileSide &s)
{
    if (!s.exists())
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("type"), fileTypeName(s.type)},
                       {QStringLiteral("mode"), QStringLiteral("%1").arg(s.mode, 4, 8, QLatin1Char('0'))},
                       {QStringLiteral("size"), s.size},
                       {QStringLiteral("digest"), QString::fromLatin1(s.digest.toHex())},
                       {QStringLiteral("link"), s.linkTarget}};
}

QJsonObject fileJson(const FileDiff &f)
{
    QJsonArray changes;
    if (f.typeChanged)
        changes.append(QStringLiteral("type"));
    if (f.modeChanged)
        changes.append(QStringLiteral("mode"));
    if (f.linkChanged)
        changes.append(QStringLiteral("link"));
    if (f.contentChanged)
        changes.append(QStringLiteral("content"));
    return QJsonObject{{QStringLiteral("path"), f.path},
                       {QStringLiteral("old_path"), f.oldPath},
                       {QStringLiteral("state"), stateName(f.state)},
                       {QStringLiteral("kind"), fileKindName(f.kind)},
                       {QStringLiteral("changes"), changes},
                       {QStringLiteral("equivalent"), f.equivalent},
                       {QStringLiteral("old"), sideJson(f.oldFile)},
                       {QStringLiteral("new"), sideJson(f.newFile)},
                       {QStringLiteral("terms"), termChangesJson(f.terms)},
                       {QStringLiteral("text"), textJson(f.text)},
                       {QStringLiteral("note"), f.note}};
}

QJsonObject appJson(const AppDiff &a)
{
    const bool both = a.state != State::Added && a.state != State::Removed;
    QJsonArray modules;
    if (both) {
        for (const ModuleDiff &m : a.modules) {
            if (m.state == State::Same && !m.recompiled)
                continue;
            QJsonArray chunks;
            for (const ChunkChange &c : m.chunks)
                if (c.state != State::Same)
                    chunks.append(QJsonObject{{QStringLiteral("id"), c.id},
                                              {QStringLiteral("state"), stateName(c.state)},
                                              {QStringLiteral("old_size"), c.oldSize},
                                              {QStringLiteral("new_size"), c.newSize}});
            modules.append(
                QJsonObject{{QStringLiteral("name"), m.name},
                            {QStringLiteral("state"), stateName(m.state)},
                            {QStringLiteral("recompiled"), m.recompiled},
                            {QStringLiteral("exports_added"), QJsonArray::fromStringList(m.exportsAdded)},
                            {QStringLiteral("exports_removed"), QJsonArray::fromStringList(m.exportsRemoved)},
                            {QStringLiteral("chunks"), chunks},
                            {QStringLiteral("note"), m.note}});
        }
    }
    return QJsonObject{
        {QStringLiteral("name"), a.name},
        {QStringLiteral("state"), stateName(a.state)},
        {QStringLiteral("old_vsn"), a.oldVsn},
        {QStringLiteral("new_vsn"), a.newVsn},
        {QStringLiteral("changed_without_version"), a.changedWithoutVersion},
        {QStringLiteral("module_counts"), QJsonObject{{QStringLiteral("added"), a.count(State::Added)},
                                                      {QStringLiteral("removed"), a.count(State::Removed)},
                                                      {QStringLiteral("changed"), a.count(State::Changed)},
                                                      {QStringLiteral("same"), a.count(State::Same)},
                                                      {QStringLiteral("recompiled"), a.recompiledCount()}}},
        {QStringLiteral("modules"), modules},
        {QStringLiteral("app_keys"), termChangesJson(a.appKeys)},
        {QStringLiteral("files"), QJsonArray::fromStringList(a.files)},
        {QStringLiteral("appup"),
         QJsonObject{{QStringLiteral("status"), appupStatusName(a.appup.status)},
                     {QStringLiteral("file"), a.appup.file},
                     {QStringLiteral("instructions"), QJsonArray::fromStringList(a.appup.instructions)},
                     {QStringLiteral("findings"), findingsJson(a.appup.findings)}}},
    };
}

} // namespace

QJsonObject toJson(const DiffReport &report)
{
    const DiffSummary s = report.summary();
    QJsonArray apps;
    for (const AppDiff &a : report.apps)
        if (a.state != State::Same)
            apps.append(appJson(a));
    QJsonArray files;
    for (const FileDiff &f : report.files)
        if (f.state != State::Same || f.equivalent)
            files.append(fileJson(f));
    return QJsonObject{
        {QStringLiteral("format"), QStringLiteral("relstudio-diff")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("same"), report.same()},
        {QStringLiteral("state"), stateName(report.state)},
        {QStringLiteral("old"), releaseJson(report.oldRelease)},
        {QStringLiteral("new"), releaseJson(report.newRelease)},
        {QStringLiteral("release"), QJsonObject{{QStringLiteral("name_changed"), report.nameChanged()},
                                                {QStringLiteral("vsn_changed"), report.vsnChanged()},
                                                {QStringLiteral("erts_changed"), report.ertsChanged()}}},
        {QStringLiteral("summary"),
         QJsonObject{
             {QStringLiteral("applications"), QJsonObject{{QStringLiteral("added"), s.appsAdded},
                                                          {QStringLiteral("removed"), s.appsRemoved},
                                                          {QStringLiteral("changed"), s.appsChanged},
                                                          {QStringLiteral("same"), s.appsSame}}},
             {QStringLiteral("modules"), QJsonObject{{QStringLiteral("added"), s.modulesAdded},
                                                     {QStringLiteral("removed"), s.modulesRemoved},
                                                     {QStringLiteral("changed"), s.modulesChanged},
                                                     {QStringLiteral("same"), s.modulesSame},
                                                     {QStringLiteral("recompiled"), s.modulesRecompiled}}},
             {QStringLiteral("files"), QJsonObject{{QStringLiteral("added"), s.filesAdded},
                                                   {QStringLiteral("removed"), s.filesRemoved},
                                                   {QStringLiteral("changed"), s.filesChanged},
                                                   {QStringLiteral("same"), s.filesSame},
                                                   {QStringLiteral("equivalent"), s.filesEquivalent},
                                                   {QStringLiteral("mode_changes"), s.modeChanges}}},
         }},
        {QStringLiteral("applications"), apps},
        {QStringLiteral("files"), files},
        {QStringLiteral("ignored"), QJsonArray::fromStringList(report.ignored)},
        {QStringLiteral("warnings"), findingsJson(report.warnings)},
    };
}

QByteArray toJsonText(const DiffReport &report)
{
    return QJsonDocument(toJson(report)).toJson(QJsonDocument::Indented);
}

} // namespace rs::diff
