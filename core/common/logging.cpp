#include "common/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace rs::logging {

namespace {
constexpr size_t MaxLogFileBytes = 5 * 1024 * 1024;
constexpr size_t RotatedLogFiles = 3;
} // namespace

void setup(const Options &options)
{
    std::vector<spdlog::sink_ptr> sinks;
    if (options.toStderr) {
        auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        sink->set_pattern("relstudio: %^%l%$: %v");
        sinks.push_back(sink);
    }
    if (!options.logFile.isEmpty()) {
        QDir().mkpath(QFileInfo(options.logFile).absolutePath());
        try {
            sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                options.logFile.toStdString(), MaxLogFileBytes, RotatedLogFiles));
        } catch (const spdlog::spdlog_ex &e) {
            // A read-only home must not stop the program; say so where the user can see it.
            fprintf(stderr, "relstudio: cannot write the log file %s: %s\n", qPrintable(options.logFile),
                    e.what());
        }
    }
    auto log = std::make_shared<spdlog::logger>("relstudio", sinks.begin(), sinks.end());
    log->set_level(options.verbose ? spdlog::level::debug : spdlog::level::info);
    log->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(log);
}

QString defaultLogFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/relstudio.log");
}

void addSink(std::shared_ptr<spdlog::sinks::sink> sink)
{
    logger()->sinks().push_back(std::move(sink));
}

std::shared_ptr<spdlog::logger> logger()
{
    return spdlog::default_logger();
}

} // namespace rs::logging
