// relstudio-cli: every engine feature of Relstudio, headless.
#include "command.h"

#include <QCoreApplication>

using namespace rs::cli;

namespace {

void printUsage(QTextStream &stream)
{
    stream << QStringLiteral("Usage: relstudio-cli COMMAND [OPTIONS] [ARGUMENTS]\n\nCommands:\n");
    for (const Command &c : commands())
        stream << QStringLiteral("  %1  %2\n").arg(c.name, -12).arg(c.summary);
    stream << QStringLiteral(
        "\n'relstudio-cli COMMAND --help' describes a command.\n"
        "Exit status: 0 success, 1 the input is wrong or an operation failed, 2 usage error.\n");
    stream.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("relstudio"));
    QCoreApplication::setOrganizationName(QStringLiteral("Relstudio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RELSTUDIO_VERSION));

    const QStringList args = QCoreApplication::arguments();
    const QString first = args.value(1);
    if (first.isEmpty() || first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("help")) {
        printUsage(first.isEmpty() ? err() : out());
        return first.isEmpty() ? UsageError : Success;
    }
    if (first == QLatin1String("--version")) {
        out() << QStringLiteral("relstudio-cli ") << QCoreApplication::applicationVersion()
              << QStringLiteral("\n");
        return Success;
    }
    for (const Command &c : commands()) {
        if (c.name == first) {
            QStringList rest = args.mid(2);
            rest.prepend(QStringLiteral("relstudio-cli ") + c.name);
            return c.run(rest);
        }
    }
    err() << QStringLiteral("relstudio-cli: unknown command '%1'\n\n").arg(first);
    printUsage(err());
    return UsageError;
}
