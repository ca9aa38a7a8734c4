#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// zlib and gzip decompression for the BEAM reader, always with a hard limit on the output: a .beam
// file is untrusted input, and a few hostile bytes must not make it allocate gigabytes.
namespace rs::beam::detail {

enum class Container { Zlib, Gzip };

// Inflates one whole stream into `out`. Fails (with `error` set) when the stream is corrupt or
// incomplete, when it would yield more than `limit` bytes, or when bytes follow the stream.
bool inflateAll(QByteArrayView input, Container container, qsizetype limit, QByteArray &out, QString &error);

// The first at most `size` bytes a zlib stream yields, however much of it is readable: enough to
// look at the start of a large compressed term without inflating all of it.
QByteArray inflatePrefix(QByteArrayView input, qsizetype size);

} // namespace rs::beam::detail
