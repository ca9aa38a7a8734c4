#pragma once

#include <QDialog>

class QLineEdit;
class QListWidget;

namespace rs::ui {

// Where applications are searched (lib dirs, in order) and which OTP to follow.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(const QStringList &libDirs, const QString &otpRoot, QWidget *parent = nullptr);

    QStringList libDirs() const;
    QString otpRoot() const;

private:
    QListWidget *m_libDirs;
    QLineEdit *m_otpRoot;
};

} // namespace rs::ui
