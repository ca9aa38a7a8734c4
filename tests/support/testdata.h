#pragma once

#include "common/expected.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace rs::test {

// A path inside the source tree, e.g. sourcePath("examples/hello").
inline QString sourcePath(const QString &relative)
{
    return QStringLiteral(RELSTUDIO_SOURCE_DIR "/") + relative;
}

// The error of an Expected as text for QVERIFY2 messages (empty when there is a value).
template <typename T> QByteArray errorOf(const rs::Expected<T> &result)
{
    return result.hasValue() ? QByteArray() : result.error().toString().toUtf8();
}

// Why a test that drives relstudio-cli on the example applications cannot run (the CLI or the
// examples are not built); empty when both are there.
inline QString missingBuildOutputs(const QString &cli, const QString &examplesLib)
{
    if (!QFileInfo(cli).isExecutable())
        return cli + QStringLiteral(" is not built");
    if (!QFile::exists(examplesLib + QStringLiteral("/shop_web-1.0.0/ebin/shop_web.app")))
        return QStringLiteral("the example applications are not built (target example_apps)");
    return {};
}

} // namespace rs::test
