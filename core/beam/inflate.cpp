#include "beam/inflate.h"

#include <QScopeGuard>

#define ZLIB_CONST
#include <zlib.h>

#include <algorithm>
#include <limits>

namespace rs::beam::detail {

namespace {

int windowBits(Container container)
{
    // 16 + MAX_WBITS makes zlib expect a gzip header and trailer instead of zlib's.
    return container == Container::Gzip ? 16 + MAX_WBITS : MAX_WBITS;
}

QString zlibMessage(const z_stream &zs, const char *fallback)
{
    return QString::fromLatin1(zs.msg ? zs.msg : fallback);
}

} // namespace

bool inflateAll(QByteArrayView input, Container container, qsizetype limit, QByteArray &out, QString &error)
{
    if (input.size() > qsizetype(std::numeric_limits<uInt>::max()) ||
        limit >= qsizetype(std::numeric_limits<uInt>::max())) {
        error = QStringLiteral("the compressed data is too large");
        return false;
    }
    z_stream zs{};
    if (inflateInit2(&zs, windowBits(container)) != Z_OK) {
        error = QStringLiteral("zlib could not start: %1").arg(zlibMessage(zs, "no memory"));
        return false;
    }
    const auto end = qScopeGuard([&] { inflateEnd(&zs); });

    // Grow the buffer with what the stream really yields, never past limit + 1 bytes (the extra
    // byte tells "exactly limit" from "more than limit").
    out =
        QByteArray(std::min(limit + 1, std::max<qsizetype>(64 * 1024, input.size() * 4)), Qt::Uninitialized);
    zs.next_in = reinterpret_cast<const Bytef *>(input.data());
    zs.avail_in = uInt(input.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    for (;;) {
        const int rc = inflate(&zs, Z_NO_FLUSH);
        if (rc == Z_STREAM_END)
            break;
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            error = QStringLiteral("the compressed data is corrupt (%1)").arg(zlibMessage(zs, "error"));
            return false;
        }
        if (zs.avail_out == 0) {
            if (out.size() > limit) {
                error = QStringLiteral("the compressed data expands to more than %1 bytes").arg(limit);
                return false;
            }
            const qsizetype grown = std::min(limit + 1, out.size() * 2);
            out.resize(grown);
            zs.next_out = reinterpret_cast<Bytef *>(out.data()) + zs.total_out;
            zs.avail_out = uInt(grown - qsizetype(zs.total_out));
            continue;
        }
        // Output space is left, so zlib stopped for want of input.
        error = QStringLiteral("the compressed data is truncated");
        return false;
    }
    if (qsizetype(zs.total_out) > limit) {
        error = QStringLiteral("the compressed data expands to more than %1 bytes").arg(limit);
        return false;
    }
    if (zs.avail_in != 0) {
        error = QStringLiteral("%1 bytes follow the compressed data").arg(zs.avail_in);
        return false;
    }
    out.truncate(qsizetype(zs.total_out));
    return true;
}

QByteArray inflatePrefix(QByteArrayView input, qsizetype size)
{
    if (size <= 0 || input.size() > qsizetype(std::numeric_limits<uInt>::max()) ||
        size >= qsizetype(std::numeric_limits<uInt>::max()))
        return {};
    z_stream zs{};
    if (inflateInit(&zs) != Z_OK)
        return {};
    const auto end = qScopeGuard([&] { inflateEnd(&zs); });
    QByteArray out(size, Qt::Uninitialized);
    zs.next_in = reinterpret_cast<const Bytef *>(input.data());
    zs.avail_in = uInt(input.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    // One call may stop early on a corrupt stream; what it did produce is still the prefix.
    while (zs.avail_out > 0) {
        const int rc = inflate(&zs, Z_SYNC_FLUSH);
        if (rc != Z_OK)
            break;
    }
    out.truncate(qsizetype(zs.total_out));
    return out;
}

} // namespace rs::beam::detail
