#pragma once

#include "common/expected.h"
#include "term/term.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace rs::beam {

// One chunk of a .beam file's IFF container ("AtU8", "Code", "LitT", ...).
struct Chunk
{
    QByteArray id;
    QByteArray data; // exactly the size the chunk header declares, without padding
};

// The chunk container of a compiled Erlang module: "FOR1", the form size, "BEAM", then chunks of
// a 4-byte id, a 4-byte size and the data padded to 4 bytes. Files compressed with gzip (as
// beam_lib:strip/1 and the compiler's `compressed` option write them) are inflated first.
// Every read is bounds-checked: a truncated or hostile file gives a finding, never a crash.
class BeamFile
{
public:
    static Expected<BeamFile> read(const QString &path);
    static Expected<BeamFile> parse(const QByteArray &bytes, const QString &fileName);

    const QString &fileName() const { return m_fileName; }
    const std::vector<Chunk> &chunks() const { return m_chunks; }
    const Chunk *chunk(QByteArrayView id) const; // the first chunk with that id; nullptr when absent

    // The atom table (AtU8, or the older latin-1 Atom chunk); the first atom is the module name.
    // Atom indices in the other tables count from 1: atoms()[index - 1].
    Expected<QStringList> atoms() const;
    Expected<QString> moduleName() const;
    // The literal table (LitT) entry by entry: term_to_binary/1 of each constant the module's
    // code uses, in the order the code refers to them. Empty without a LitT chunk.
    Expected<std::vector<QByteArray>> literalTable() const;
    // The literal table decoded. Fails when a literal is one the term model cannot hold: some
    // modules have external funs (fun M:F/A) or bitstrings among their literals.
    Expected<std::vector<term::Term>> literals() const;

    Finding error(const QString &message) const;

private:
    QString m_fileName;
    std::vector<Chunk> m_chunks;
};

// Limits that keep hostile files cheap.
inline constexpr qsizetype MaxBeamSize = qsizetype(256) * 1024 * 1024;
inline constexpr qsizetype MaxLiteralTableSize = qsizetype(64) * 1024 * 1024;

} // namespace rs::beam
