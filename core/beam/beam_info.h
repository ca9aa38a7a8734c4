#pragma once

// What a compiled module is, read from its .beam file: the answers beam_lib gives (module name,
// exports, imports, attributes, compile info, beam_lib:md5/1) without running Erlang.
//
// The MD5 (moduleMd5, BeamInfo::md5) is byte for byte beam_lib:md5/1 of OTP 25
// (stdlib-4.2/src/beam_lib.erl):
//   - md5/1 (line 265) reads the chunks of md5_chunks() (line 961):
//       "Atom", "AtU8", "Code", "StrT", "ImpT", "ExpT", "FunT", "LitT", "Meta"
//     and hashes their data concatenated in exactly that order (erlang:md5 of the list, line 269).
//     check_chunks (line 564) sorts the chunk ids only for scanning; chunks_to_data (line 704)
//     returns them in the order asked for.
//   - Data is the chunk's raw bytes as the header sizes them, without padding. "LitT" is hashed
//     as stored, i.e. its 4-byte uncompressed size followed by the *compressed* zlib stream; it is
//     never inflated. "Meta" (OTP 25's enabled_features) is included; "Type" (also new in OTP 25)
//     is not: significant_chunks() (line 955) keeps it when stripping, md5_chunks() leaves it out.
//   - Absent chunks are skipped (read with allow_missing_chunks, line 503), except the mandatory
//     "Code", "ExpT", "ImpT", "StrT" (mandatory_chunks(), line 966): their absence is an error.
//     An atom table ("Atom" or "AtU8") is required too (scan_beam, line 617).
//   - "FunT" is filtered (filter_funtab, lines 523-533): the 4-byte count is kept, then of every
//     24-byte entry the first 20 bytes and four zero bytes in place of OldUniq; a tail shorter
//     than an entry is kept as it is. The compiler fills OldUniq from this very MD5 after
//     computing it (compiler-8.2.3 beam_asm.erl lines 213-216, 253), so zeroing makes it stable.
//   - The compiler computes the same MD5 over the same chunks (beam_asm.erl module_md5, line 335)
//     and, unless the source sets -vsn, stores it as the `vsn` attribute [integer of the 16
//     bytes] (set_vsn_attribute, line 327).
//
// sameCode: two modules have the same code exactly when their names and beam_lib:md5/1 digests are
// equal: the digest beam_lib:md5/1, the loader (Module:module_info(md5)) and the default -vsn all
// agree on, and the chunks release tools strip down to. It ignores:
//   - debug info ("Dbgi", "Abst"), docs ("Docs"), compile info ("CInf": options, source path,
//     time) and the local function table ("LocT"): recompiling unchanged source with other
//     options, in another directory or with or without +debug_info gives the same code;
//   - "Line": only the line *table* holds line numbers; the code refers to its entries by index,
//     so adding comments or blank lines (shifting lines) is not a code change. Stack traces would
//     name the old line numbers, which matters to nobody's running system. (?LINE and assertion
//     macros put line numbers into literals, and then the code does change.)
//   - "Type" (type hints derived from the code itself) and "Attr": attribute-only changes
//     (-behaviour, an explicit -vsn, custom attributes) are not code changes. Callers that care
//     about a changed -vsn compare vsn() themselves.
// Changing a function body, an export, an import, a literal, a fun or the enabled features changes
// one of the hashed chunks, so it is a code change.

#include "beam/beam_file.h"
#include "common/expected.h"
#include "term/term.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

namespace rs::beam {

// Name/Arity of a function of the module itself.
struct FunctionName
{
    QString name;
    int arity = 0;
    friend bool operator==(const FunctionName &, const FunctionName &) = default;
};

// Module:Name/Arity of a function the module calls (including BIFs, as erlang:F/A).
struct ImportedFunction
{
    QString module;
    QString name;
    int arity = 0;
    friend bool operator==(const ImportedFunction &, const ImportedFunction &) = default;
};

// One chunk of the file, as a diff compares it.
struct ChunkSummary
{
    QByteArray id;     // "Code", "AtU8", ...
    qint64 size = 0;   // of its data, as the chunk header gives it
    QByteArray digest; // MD5 of its data (16 bytes)
};

struct BeamInfo
{
    QString fileName;
    QString module;
    std::vector<ChunkSummary> chunks;      // every chunk, in file order
    std::vector<FunctionName> exports;     // ExpT, in table order (module_info/0,1 included)
    std::vector<ImportedFunction> imports; // ImpT, in table order
    std::optional<int> localFunctionCount; // LocT entries; none when the chunk was stripped
    // The Attr chunk as beam_lib:chunks(File, [attributes]) gives it: keys in term order, the
    // values of a repeated key appended (-custom(a). -custom([b]). gives {custom, [a, b]}).
    std::vector<std::pair<term::Term, term::Term>> attributes;
    term::Term compileInfo; // the CInf proplist ([] when absent)
    QByteArray md5;         // beam_lib:md5/1: 16 bytes
    // Abstract code is present (in Dbgi, possibly encrypted, or in the pre-OTP 20 Abst chunk);
    // a Dbgi chunk holding {debug_info_v1, Backend, {none, Options}} (compiled without
    // +debug_info) does not count.
    bool hasDebugInfo = false;
    bool hasDocs = false; // a Docs chunk (EEP 48)

    bool hasChunk(QByteArrayView id) const;
    // The value of an attribute; nullptr when the module has none of that name.
    const term::Term *attribute(QStringView key) const;
    // -behaviour and -behavior together, in that order, each named once.
    QStringList behaviours() const;
    // The -vsn attribute: the source's, or [MD5 as an integer] that the compiler adds.
    std::optional<term::Term> vsn() const;
};

Expected<BeamInfo> readBeamInfo(const QString &path);
Expected<BeamInfo> readBeamInfo(const BeamFile &beam);

// The chunk ids beam_lib:md5/1 hashes, in the order it hashes them.
const QList<QByteArray> &md5Chunks();
// beam_lib:md5/1: 16 bytes.
Expected<QByteArray> moduleMd5(const BeamFile &beam);

// Same module name and the same beam_lib:md5/1 (see the rule at the top of this file).
bool sameCode(const BeamInfo &a, const BeamInfo &b);

} // namespace rs::beam
