#include "workspace.h"

#include <QSettings>
#include <QtConcurrent>

#include <spdlog/spdlog.h>

namespace rs::ui {

namespace {

std::shared_ptr<const WorkspaceSnapshot> scan(const QStringList &libDirs, const QString &otpRoot)
{
    auto snapshot = std::make_shared<WorkspaceSnapshot>();
    auto otp = release::OtpInstallation::locate(otpRoot);
    if (otp) {
        snapshot->otp = *otp;
        snapshot->rules = script::bootRulesFor(*otp);
        snapshot->problems << snapshot->rules.notes;
    } else {
        snapshot->rules = script::otp25BootRules();
        snapshot->problems << otp.error();
    }
    snapshot->index = release::AppIndex::scan(
        release::AppIndex::searchPath(libDirs, snapshot->otp ? &*snapshot->otp : nullptr));
    snapshot->problems << snapshot->index.problems();
    return snapshot;
}

} // namespace

Workspace::Workspace(QObject *parent) : QObject(parent), m_snapshot(std::make_shared<WorkspaceSnapshot>())
{
    connect(&m_watcher, &QFutureWatcher<std::shared_ptr<const WorkspaceSnapshot>>::finished, this, [this] {
        m_snapshot = m_watcher.result();
        spdlog::info("workspace: {} applications in {} lib dirs and the OTP",
                     m_snapshot->index.names().size(), m_libDirs.size());
        emit scanned();
        if (m_rescanQueued) {
            m_rescanQueued = false;
            rescan();
        }
    });
}

void Workspace::setLibDirs(const QStringList &dirs)
{
    if (dirs == m_libDirs)
        return;
    m_libDirs = dirs;
    rescan();
}

void Workspace::setOtpRoot(const QString &root)
{
    if (root == m_otpRoot)
        return;
    m_otpRoot = root;
    rescan();
}

void Workspace::rescan()
{
    if (m_watcher.isRunning()) {
        m_rescanQueued = true;
        return;
    }
    emit scanStarted();
    m_watcher.setFuture(QtConcurrent::run(scan, m_libDirs, m_otpRoot));
}

void Workspace::loadSettings()
{
    QSettings settings;
    m_libDirs = settings.value(QStringLiteral("workspace/libDirs")).toStringList();
    m_otpRoot = settings.value(QStringLiteral("workspace/otpRoot")).toString();
}

void Workspace::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("workspace/libDirs"), m_libDirs);
    settings.setValue(QStringLiteral("workspace/otpRoot"), m_otpRoot);
}

} // namespace rs::ui
