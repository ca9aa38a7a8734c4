#pragma once

#include <QDockWidget>
#include <QList>

#include <spdlog/sinks/base_sink.h>

#include <memory>
#include <mutex>

class QComboBox;
class QPlainTextEdit;

namespace rs::ui {

class LogDock;

// Hands each formatted message to a LogDock on the GUI thread; usable from any thread. After the
// dock is gone it drops messages, so loggers may keep it.
class LogDockSink : public spdlog::sinks::base_sink<std::mutex>
{
public:
    explicit LogDockSink(LogDock *dock);
    void detach();

protected:
    void sink_it_(const spdlog::details::log_msg &msg) override;
    void flush_() override {}

private:
    LogDock *m_dock; // guarded by base_sink::mutex_
};

// The application log: messages of the selected level and above, newest at the bottom.
class LogDock : public QDockWidget
{
    Q_OBJECT

public:
    // Debug also shows trace messages, Error also critical ones.
    enum class Level { Debug, Info, Warning, Error };
    static constexpr int MaximumMessages = 5000;

    explicit LogDock(QWidget *parent = nullptr);
    ~LogDock() override;

    // The sink feeding this dock; add it to any spdlog logger.
    std::shared_ptr<spdlog::sinks::sink> sink() const { return m_sink; }
    // Adds sink() to the process-wide logger; call after rs::logging::setup().
    void attachToLogger();

    // For messages that do not go through spdlog. GUI thread only.
    void appendMessage(Level level, const QString &text);

    Level minimumLevel() const { return m_minimumLevel; }
    void setMinimumLevel(Level level);
    void clear();
    // Kept messages, shown or not.
    int messageCount() const { return int(m_messages.size()); }

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Message
    {
        Level level;
        QString text;
    };

    void showMessage(const Message &message);
    void refill();

    QPlainTextEdit *m_view = nullptr;
    QComboBox *m_levelBox = nullptr;
    QList<Message> m_messages;
    Level m_minimumLevel = Level::Debug;
    std::shared_ptr<LogDockSink> m_sink;
};

} // namespace rs::ui
