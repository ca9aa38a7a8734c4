#pragma once

#include <QString>

#include <memory>

namespace spdlog {
class logger;
namespace sinks {
class sink;
}
} // namespace spdlog

namespace rs::logging {

struct Options
{
    bool verbose = false;  // debug messages too
    bool toStderr = false; // the CLI logs to stderr
    QString logFile;       // rotating file; empty: none
};

// Installs the process-wide "relstudio" logger; call once from main().
void setup(const Options &options);

// The log file the GUI writes: relstudio.log under QStandardPaths::AppLocalDataLocation.
QString defaultLogFilePath();

// Adds a sink (the GUI's Log dock) to the process-wide logger.
void addSink(std::shared_ptr<spdlog::sinks::sink> sink);

std::shared_ptr<spdlog::logger> logger();

} // namespace rs::logging
