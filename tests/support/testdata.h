#pragma once

#include "common/expected.h"

#include <QByteArray>
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

} // namespace rs::test
