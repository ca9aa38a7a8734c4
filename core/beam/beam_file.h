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
    QByteArray data;
};

// The chunk container of a compiled Erlang module.
class BeamFile
{
public:
    static Expected<BeamFile> read(const QString &path);
    static Expected<BeamFile> parse(const QByteArray &bytes, const QString &fileName);

    const std::vector<Chunk> &chunks() const { return m_chunks; }
    const Chunk *chunk(QByteArrayView id) const; // nullptr when absent

    // The atom table (AtU8, or the older latin-1 Atom chunk); the first atom is the module name.
    Expected<QStringList> atoms() const;
    Expected<QString> moduleName() const;
    // The literal table (LitT): every constant term the module's code uses.
    Expected<std::vector<term::Term>> literals() const;

private:
    Finding error(const QString &message) const;

    QString m_fileName;
    std::vector<Chunk> m_chunks;
};

} // namespace rs::beam
