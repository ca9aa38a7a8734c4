#pragma once

#include <QMainWindow>

class QPlainTextEdit;

namespace rs::ui {

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Opens a term file (.rel, .app, .script, sys.config, ...) and shows it as OTP prints it.
    bool openFile(const QString &path);

private:
    void createActions();
    void showOpenDialog();
    void showAbout();

    QPlainTextEdit *m_view = nullptr;
};

} // namespace rs::ui
