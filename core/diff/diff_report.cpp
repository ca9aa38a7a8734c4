#include "diff/diff_report.h"

#include <algorithm>

namespace rs::diff {

QString stateName(State state)
{
    switch (state) {
    case State::Same:
        return QStringLiteral("same");
    case State::Added:
        return QStringLiteral("added");
    case State::Removed:
        return QStringLiteral("removed");
    case State::Changed:
        return QStringLiteral("changed");
    }
    return {};
}

QString fileTypeName(FileType type)
{
    switch (type) {
    case FileType::None:
        return QStringLiteral("none");
    case FileType::File:
        return QStringLiteral("file");
    case FileType::Directory:
        return QStringLiteral("directory");
    case FileType::Symlink:
        return QStringLiteral("symlink");
    case FileType::Other:
        return QStringLiteral("other");
    }
    return {};
}

QString fileKindName(FileKind kind)
{
    switch (kind) {
    case FileKind::Directory:
        return QStringLiteral("directory");
    case FileKind::Symlink:
        return QStringLiteral("symlink");
    case FileKind::Beam:
        return QStringLiteral("beam");
    case FileKind::AppFile:
        return QStringLiteral("app");
    case FileKind::Appup:
        return QStringLiteral("appup");
    case FileKind::Rel:
        return QStringLiteral("rel");
    case FileKind::Boot:
        return QStringLiteral("boot");
    case FileKind::SysConfig:
        return QStringLiteral("sys.config");
    case FileKind::VmArgs:
        return QStringLiteral("vm.args");
    case FileKind::Relup:
        return QStringLiteral("relup");
    case FileKind::TermFile:
        return QStringLiteral("terms");
    case FileKind::Text:
        return QStringLiteral("text");
    case FileKind::Binary:
        return QStringLiteral("binary");
    case FileKind::Other:
        return QStringLiteral("other");
    }
    return {};
}

QString appupStatusName(AppupCheck::Status status)
{
    switch (status) {
    case AppupCheck::Status::NotNeeded:
        return QStringLiteral("not-needed");
    case AppupCheck::Status::Covered:
        return QStringLiteral("covered");
    case AppupCheck::Status::Missing:
        return QStringLiteral("missing");
    case AppupCheck::Status::NoEntry:
        return QStringLiteral("no-entry");
    case AppupCheck::Status::Incomplete:
        return QStringLiteral("incomplete");
    case AppupCheck::Status::VersionUnchanged:
        return QStringLiteral("version-unchanged");
    case AppupCheck::Status::Invalid:
        return QStringLiteral("invalid");
    }
    return {};
}

int AppDiff::count(State s) const
{
    return int(
        std::count_if(modules.begin(), modules.end(), [s](const ModuleDiff &m) { return m.state == s; }));
}

int AppDiff::recompiledCount() const
{
    return int(
        std::count_if(modules.begin(), modules.end(), [](const ModuleDiff &m) { return m.recompiled; }));
}

const FileDiff *DiffReport::file(QStringView path) const
{
    const auto it = std::lower_bound(files.begin(), files.end(), path, [](const FileDiff &f, QStringView p) {
        return QStringView(f.path) < p;
    });
    if (it != files.end() && it->path == path)
        return &*it;
    for (const FileDiff &f : files) // an old path
        if (f.oldPath == path)
            return &f;
    return nullptr;
}

const AppDiff *DiffReport::app(QStringView name) const
{
    for (const AppDiff &a : apps)
        if (a.name == name)
            return &a;
    return nullptr;
}

DiffSummary DiffReport::summary() const
{
    DiffSummary s;
    for (const AppDiff &a : apps) {
        switch (a.state) {
        case State::Added:
            ++s.appsAdded;
            continue;
        case State::Removed:
            ++s.appsRemoved;
            continue;
        case State::Changed:
            ++s.appsChanged;
            break;
        case State::Same:
            ++s.appsSame;
            break;
        }
        s.modulesAdded += a.count(State::Added);
        s.modulesRemoved += a.count(State::Removed);
        s.modulesChanged += a.count(State::Changed);
        s.modulesSame += a.count(State::Same);
        s.modulesRecompiled += a.recompiledCount();
    }
    for (const FileDiff &f : files) {
        switch (f.state) {
        case State::Added:
            ++s.filesAdded;
            break;
        case State::Removed:
            ++s.filesRemoved;
            break;
        case State::Changed:
            ++s.filesChanged;
            break;
        case State::Same:
            ++s.filesSame;
            break;
        }
        if (f.equivalent)
            ++s.filesEquivalent;
        if (f.modeChanged)
            ++s.modeChanges;
    }
    return s;
}

} // namespace rs::diff
