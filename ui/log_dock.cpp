#include "log_dock.h"

#include "common/logging.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace rs::ui {

namespace {

LogDock::Level levelFor(spdlog::level::level_enum level)
{
    switch (level) {
    case spdlog::level::trace:
    case spdlog::level::debug:
        return LogDock::Level::Debug;
    case spdlog::level::warn:
        return LogDock::Level::Warning;
    case spdlog::level::err:
    case spdlog::level::critical:
        return LogDock::Level::Error;
    default:
        return LogDock::Level::Info;
    }
}

QTextCharFormat formatFor(LogDock::Level level, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    QTextCharFormat format;
    switch (level) {
    case LogDock::Level::Debug:
        format.setForeground(palette.color(QPalette::PlaceholderText));
        break;
    case LogDock::Level::Info:
        break;
    case LogDock::Level::Warning:
        format.setForeground(dark ? QColor(0xe5, 0xc0, 0x7b) : QColor(0xa0, 0x5a, 0x00));
        break;
    case LogDock::Level::Error:
        format.setForeground(dark ? QColor(0xf1, 0x4c, 0x4c) : QColor(0xc4, 0x1a, 0x16));
        break;
    }
    return format;
}

} // namespace

LogDockSink::LogDockSink(LogDock *dock) : m_dock(dock)
{
    set_pattern("%H:%M:%S.%e  %-7l  %v");
}

void LogDockSink::detach()
{
    std::lock_guard lock(mutex_);
    m_dock = nullptr;
}

void LogDockSink::sink_it_(const spdlog::details::log_msg &msg)
{
    if (!m_dock)
        return;
    spdlog::memory_buf_t formatted;
    formatter_->format(msg, formatted);
    QString text = QString::fromUtf8(formatted.data(), qsizetype(formatted.size()));
    while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r')))
        text.chop(1);
    const LogDock::Level level = levelFor(msg.level);
    // Queued even on the GUI thread: a message logged while the dock is mid-update waits its turn.
    // Events still queued when the dock is destroyed are discarded with it.
    LogDock *dock = m_dock;
    QMetaObject::invokeMethod(
        dock, [dock, level, text] { dock->appendMessage(level, text); }, Qt::QueuedConnection);
}

LogDock::LogDock(QWidget *parent)
    : QDockWidget(tr("Log"), parent), m_view(new QPlainTextEdit), m_levelBox(new QComboBox),
      m_sink(std::make_shared<LogDockSink>(this))
{
    setObjectName(QStringLiteral("logDock"));

    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setReadOnly(true);
    m_view->setMaximumBlockCount(MaximumMessages);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);

    m_levelBox->setObjectName(QStringLiteral("logLevel"));
    m_levelBox->addItem(tr("Debug"), int(Level::Debug));
    m_levelBox->addItem(tr("Info"), int(Level::Info));
    m_levelBox->addItem(tr("Warning"), int(Level::Warning));
    m_levelBox->addItem(tr("Error"), int(Level::Error));
    m_levelBox->setToolTip(tr("Show messages of this level and above"));
    connect(m_levelBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { setMinimumLevel(Level(m_levelBox->itemData(index).toInt())); });

    auto *clearButton = new QToolButton;
    clearButton->setObjectName(QStringLiteral("logClear"));
    clearButton->setText(tr("Clear"));
    clearButton->setToolTip(tr("Remove all messages"));
    connect(clearButton, &QToolButton::clicked, this, &LogDock::clear);

    auto *levelLabel = new QLabel(tr("&Level:"));
    levelLabel->setBuddy(m_levelBox);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 4);
    bar->addWidget(levelLabel);
    bar->addWidget(m_levelBox);
    bar->addStretch();
    bar->addWidget(clearButton);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view);
    setWidget(content);
}

LogDock::~LogDock()
{
    m_sink->detach();
}

void LogDock::attachToLogger()
{
    rs::logging::addSink(m_sink);
}

void LogDock::changeEvent(QEvent *event)
{
    QDockWidget::changeEvent(event);
    // The colours were chosen for the old palette when the messages were shown. The dock hears
    // of the change before its children, so showMessage() reads the dock's palette.
    if (event->type() == QEvent::PaletteChange)
        refill();
}

void LogDock::appendMessage(Level level, const QString &text)
{
    m_messages.append({level, text});
    if (m_messages.size() > MaximumMessages)
        m_messages.removeFirst();
    if (level >= m_minimumLevel)
        showMessage(m_messages.constLast());
}

void LogDock::setMinimumLevel(Level level)
{
    {
        const QSignalBlocker blocker(m_levelBox);
        m_levelBox->setCurrentIndex(m_levelBox->findData(int(level)));
    }
    if (level == m_minimumLevel)
        return;
    m_minimumLevel = level;
    refill();
}

void LogDock::clear()
{
    m_messages.clear();
    m_view->clear();
}

void LogDock::showMessage(const Message &message)
{
    QScrollBar *scrollBar = m_view->verticalScrollBar();
    const bool following = scrollBar->value() == scrollBar->maximum();
    QTextCursor cursor(m_view->document());
    cursor.movePosition(QTextCursor::End);
    if (!m_view->document()->isEmpty())
        cursor.insertBlock();
    cursor.insertText(message.text, formatFor(message.level, palette()));
    if (following)
        scrollBar->setValue(scrollBar->maximum());
}

void LogDock::refill()
{
    m_view->setUpdatesEnabled(false);
    m_view->clear();
    for (const Message &message : std::as_const(m_messages)) {
        if (message.level >= m_minimumLevel)
            showMessage(message);
    }
    m_view->setUpdatesEnabled(true);
    m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->maximum());
}

} // namespace rs::ui
