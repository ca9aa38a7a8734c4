#pragma once

#include "release/app_index.h"
#include "release/otp_installation.h"
#include "script/boot_rules.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <memory>

namespace rs::ui {

// What every view works against: the lib dirs, the OTP in use and the applications found there.
// Scanning runs on the thread pool; views keep using the previous snapshot until the new one is in.
struct WorkspaceSnapshot
{
    std::optional<release::OtpInstallation> otp;
    release::AppIndex index;
    script::BootRules rules;
    Findings problems; // an OTP that was not found, unreadable .app files
};

class Workspace : public QObject
{
    Q_OBJECT

public:
    explicit Workspace(QObject *parent = nullptr);

    QStringList libDirs() const { return m_libDirs; }
    QString otpRoot() const { return m_otpRoot; } // empty: erl on PATH
    void setLibDirs(const QStringList &dirs);
    void setOtpRoot(const QString &root);

    // The current snapshot (never null; empty until the first scan ends).
    std::shared_ptr<const WorkspaceSnapshot> snapshot() const { return m_snapshot; }
    bool isScanning() const { return m_watcher.isRunning(); }

    // Scans again; the result arrives through scanned().
    void rescan();
    // Saves and restores lib dirs and OTP root with QSettings.
    void loadSettings();
    void saveSettings() const;

signals:
    void scanStarted();
    void scanned();

private:
    QStringList m_libDirs;
    QString m_otpRoot;
    std::shared_ptr<const WorkspaceSnapshot> m_snapshot;
    QFutureWatcher<std::shared_ptr<const WorkspaceSnapshot>> m_watcher;
    bool m_rescanQueued = false;
};

} // namespace rs::ui
