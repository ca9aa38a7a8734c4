#include "archive/gzip_parallel.h"

#include "archive/tar_writer.h"

#include <QFuture>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#define ZLIB_CONST
#include <zlib.h>

#include <algorithm>

namespace rs::archive {
namespace detail {

namespace {

constexpr qint64 windowSize = 32 * 1024; // deflate's window: the dictionary of the next block

// The header erl_tar's gzip (OTP's file driver) writes: no name, mtime 0, no extra flags, Unix.
constexpr char gzipHeader[10] = {'\x1f', '\x8b', '\x08', 0, 0, 0, 0, 0, 0, '\x03'};

} // namespace

struct ParallelGzip::Block
{
    QByteArray input;
    qint64 length = 0; // of the input
    QByteArray dictionary;
    bool last = false;
    int level = 6;

    QFuture<void> future;
    QByteArray output;
    quint32 crc = 0;
    QString error;

    void compress()
    {
        crc = quint32(crc32(0L, reinterpret_cast<const Bytef *>(input.constData()), uInt(input.size())));
        z_stream stream{};
        if (deflateInit2(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
            error = QStringLiteral("deflateInit2 failed");
            return;
        }
        if (!dictionary.isEmpty() &&
            deflateSetDictionary(&stream, reinterpret_cast<const Bytef *>(dictionary.constData()),
                                 uInt(dictionary.size())) != Z_OK) {
            deflateEnd(&stream);
            error = QStringLiteral("deflateSetDictionary failed");
            return;
        }
        // Room for the worst case plus the empty stored block a sync flush appends.
        output.resize(qsizetype(deflateBound(&stream, uLong(input.size()))) + 64);
        stream.next_in = reinterpret_cast<const Bytef *>(input.constData());
        stream.avail_in = uInt(input.size());
        qint64 produced = 0;
        const int flush = last ? Z_FINISH : Z_SYNC_FLUSH;
        for (;;) {
            if (produced == output.size())
                output.resize(output.size() * 2);
            stream.next_out = reinterpret_cast<Bytef *>(output.data()) + produced;
            stream.avail_out = uInt(output.size() - produced);
            const int rc = deflate(&stream, flush);
            produced = output.size() - stream.avail_out;
            if (rc == Z_STREAM_ERROR) {
                deflateEnd(&stream);
                error = QStringLiteral("deflate failed");
                return;
            }
            if (last ? rc == Z_STREAM_END : (stream.avail_in == 0 && stream.avail_out > 0))
                break;
        }
        deflateEnd(&stream);
        output.truncate(produced);
        input = QByteArray(); // the memory is no longer needed while the block waits its turn
        dictionary = QByteArray();
    }
};

ParallelGzip::ParallelGzip(int level, int threads, Sink sink, qint64 blockSize)
    : m_level(std::clamp(level, 0, 9)), m_blockSize(std::max<qint64>(blockSize, 1024)),
      m_sink(std::move(sink))
{
    const int n = threads > 0 ? threads : std::max(1, QThread::idealThreadCount());
    m_pool.setMaxThreadCount(n);
    m_maxInFlight = std::size_t(2 * n + 2);
    m_pending.reserve(m_blockSize);
    put(gzipHeader, sizeof gzipHeader);
}

ParallelGzip::~ParallelGzip()
{
    for (const auto &block : m_inFlight)
        block->future.waitForFinished();
    m_pool.waitForDone();
}

bool ParallelGzip::put(const char *data, qint64 size)
{
    if (m_failed)
        return false;
    if (size > 0 && !m_sink(data, size)) {
        m_failed = true;
        if (m_error.isEmpty())
            m_error = QStringLiteral("cannot write the compressed stream");
    }
    return !m_failed;
}

bool ParallelGzip::write(const char *data, qint64 size)
{
    if (m_failed || m_finished)
        return false;
    m_inputBytes += size;
    while (size > 0) {
        const qint64 take = std::min(size, m_blockSize - m_pending.size());
        m_pending.append(data, take);
        data += take;
        size -= take;
        if (m_pending.size() == m_blockSize) {
            QByteArray full = std::move(m_pending);
            m_pending = QByteArray();
            m_pending.reserve(m_blockSize);
            if (!submit(std::move(full), false))
                return false;
        }
    }
    return true;
}

bool ParallelGzip::submit(QByteArray input, bool last)
{
    auto block = std::make_shared<Block>();
    block->dictionary = m_previous;
    block->last = last;
    block->level = m_level;
    if (input.size() >= windowSize)
        m_previous = input.right(windowSize);
    else
        m_previous = QByteArray(m_previous + input).right(windowSize);
    block->length = input.size();
    block->input = std::move(input);
    block->future = QtConcurrent::run(&m_pool, [block] { block->compress(); });
    m_inFlight.push_back(std::move(block));
    while (m_inFlight.size() > m_maxInFlight)
        if (!drainOldest())
            return false;
    return !m_failed;
}

bool ParallelGzip::drainOldest()
{
    const std::shared_ptr<Block> block = std::move(m_inFlight.front());
    m_inFlight.pop_front();
    block->future.waitForFinished();
    if (!block->error.isEmpty()) {
        m_failed = true;
        m_error = block->error;
        return false;
    }
    if (!put(block->output.constData(), block->output.size()))
        return false;
    m_crc = quint32(crc32_combine(m_crc, block->crc, z_off_t(block->length)));
    return true;
}

bool ParallelGzip::finish()
{
    if (m_failed || m_finished)
        return false;
    m_finished = true;
    QByteArray rest = std::move(m_pending);
    m_pending = QByteArray();
    if (!submit(std::move(rest), true))
        return false;
    while (!m_inFlight.empty())
        if (!drainOldest())
            return false;
    char trailer[8];
    for (int i = 0; i < 4; ++i) {
        trailer[i] = char((m_crc >> (8 * i)) & 0xff);
        trailer[4 + i] = char((quint64(m_inputBytes) >> (8 * i)) & 0xff);
    }
    return put(trailer, sizeof trailer);
}

} // namespace detail

QByteArray gzipParallel(const QByteArray &data, int level, int threads)
{
    QByteArray out;
    out.reserve(data.size() / 2 + 64);
    detail::ParallelGzip gzip(level, threads, [&out](const char *bytes, qint64 size) {
        out.append(bytes, size);
        return true;
    });
    if (!gzip.write(data) || !gzip.finish())
        return {};
    return out;
}

} // namespace rs::archive
