#pragma once

// Internal to core/archive: the streaming parallel gzip compressor behind TarWriter and
// gzipParallel().

#include <QByteArray>
#include <QString>
#include <QThreadPool>

#include <deque>
#include <functional>
#include <memory>

namespace rs::archive::detail {

// Compresses a stream into one gzip member the way pigz does: the input is cut into blocks,
// each block is deflated on a worker thread (raw deflate primed with the previous 32 KiB of input,
// ended by a sync flush, the last one by Z_FINISH), and the outputs are handed to the sink in
// order. At most a few blocks per thread are in flight, so memory stays bounded.
class ParallelGzip
{
public:
    // Receives the compressed bytes in order; returns false to fail the stream (a write error).
    using Sink = std::function<bool(const char *data, qint64 size)>;

    static constexpr qint64 defaultBlockSize = 128 * 1024;

    ParallelGzip(int level, int threads, Sink sink, qint64 blockSize = defaultBlockSize);
    ~ParallelGzip(); // waits for the blocks still in flight and drops their output
    ParallelGzip(const ParallelGzip &) = delete;
    ParallelGzip &operator=(const ParallelGzip &) = delete;

    bool write(const char *data, qint64 size);
    bool write(const QByteArray &data) { return write(data.constData(), data.size()); }
    // Compresses what is left, writes the trailer (CRC-32, length). The stream is then complete.
    bool finish();

    qint64 inputBytes() const { return m_inputBytes; }
    QString errorString() const { return m_error; }

    struct Block;

private:
    bool submit(QByteArray input, bool last);
    bool drainOldest();
    bool put(const char *data, qint64 size);

    int m_level;
    qint64 m_blockSize;
    Sink m_sink;
    QThreadPool m_pool;
    std::size_t m_maxInFlight;
    std::deque<std::shared_ptr<Block>> m_inFlight;
    QByteArray m_pending;  // input not yet submitted (less than one block)
    QByteArray m_previous; // the last 32 KiB of submitted input: the next block's dictionary
    quint32 m_crc = 0;
    qint64 m_inputBytes = 0;
    bool m_failed = false;
    bool m_finished = false;
    QString m_error;
};

} // namespace rs::archive::detail
