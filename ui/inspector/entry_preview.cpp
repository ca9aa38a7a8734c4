#include "inspector/entry_preview.h"

#include "archive/archive_reader.h"
#include "beam/beam_file.h"
#include "beam/beam_info.h"
#include "etf/etf.h"
#include "inspector/archive_tree_model.h"
#include "term/pretty.h"
#include "term/reader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <algorithm>

namespace rs::ui::inspector {

using term::Term;

namespace {

// The translation context of the previews.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(EntryPreview)
};

// Singular and plural as separate messages, so that English reads right without a translation.
QString counted(qint64 n, const char *one, const char *many)
{
    return Tr::tr(n == 1 ? one : many, nullptr, int(n));
}

QString baseName(const QString &path)
{
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

// Files that OTP reads with file:consult/1 and writes with ~tp.
bool isTermFile(const QString &name)
{
    static const QStringList suffixes = {QStringLiteral(".app"),    QStringLiteral(".rel"),
                                         QStringLiteral(".appup"),  QStringLiteral(".script"),
                                         QStringLiteral(".config"), QStringLiteral(".app.src"),
                                         QStringLiteral(".term")};
    if (name == QLatin1String("relup") || name == QLatin1String("RELEASES"))
        return true;
    for (const QString &s : suffixes) {
        if (name.endsWith(s))
            return true;
    }
    return false;
}

// Erlang and Elixir source: highlighted as it is, not reprinted.
bool isSourceFile(const QString &name)
{
    static const QStringList suffixes = {QStringLiteral(".erl"), QStringLiteral(".hrl"),
                                         QStringLiteral(".ex"), QStringLiteral(".exs"),
                                         QStringLiteral(".escript")};
    for (const QString &s : suffixes) {
        if (name.endsWith(s))
            return true;
    }
    return false;
}

// The text of bytes that are UTF-8 without NUL bytes; nothing when they look binary. A cut-off
// multi-byte sequence at the end of truncated data does not count against them.
std::optional<QString> asText(QByteArrayView bytes, bool truncated)
{
    if (truncated) {
        qsizetype cut = 0;
        while (cut < 3 && cut < bytes.size() && (quint8(bytes[bytes.size() - 1 - cut]) & 0xC0) == 0x80)
            ++cut;
        if (cut < bytes.size() && quint8(bytes[bytes.size() - 1 - cut]) >= 0xC0)
            bytes.chop(cut + 1);
    }
    if (bytes.contains('\0'))
        return std::nullopt;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

QString printTerms(const std::vector<Term> &terms)
{
    QString text;
    for (const Term &t : terms)
        text += term::prettyTerm(t) + QStringLiteral(".\n");
    return text;
}

void previewBoot(EntryPreview &p, const QByteArray &bytes)
{
    const auto decoded = etf::decode(bytes);
    if (!decoded) {
        p.kind = PreviewKind::Error;
        p.title = Tr::tr("boot script that does not decode");
        p.text = Tr::tr("%1 bytes, binary: %2").arg(bytes.size()).arg(decoded.error().message);
        return;
    }
    p.kind = PreviewKind::Terms;
    p.title = Tr::tr("boot script, decoded");
    p.text = term::prettyTerm(*decoded) + QStringLiteral(".\n");
}

void previewBeam(EntryPreview &p, const QByteArray &bytes)
{
    const auto beam = beam::BeamFile::parse(bytes, p.path);
    const auto info = beam ? beam::readBeamInfo(*beam) : Expected<beam::BeamInfo>(beam.error());
    if (!info) {
        p.kind = PreviewKind::Error;
        p.title = Tr::tr("module that does not read");
        p.text = Tr::tr("%1 bytes, binary: %2").arg(bytes.size()).arg(info.error().message);
        return;
    }
    std::vector<Term> exports;
    for (const beam::FunctionName &f : info->exports)
        exports.push_back(Term::tuple({Term::atom(f.name), Term::integer(f.arity)}));
    std::sort(exports.begin(), exports.end()); // as beam_lib:chunks(F, [exports]) lists them
    std::vector<Term> imports;
    for (const beam::ImportedFunction &f : info->imports)
        imports.push_back(Term::tuple({Term::atom(f.module), Term::atom(f.name), Term::integer(f.arity)}));
    std::vector<Term> attributes;
    for (const auto &[key, value] : info->attributes)
        attributes.push_back(Term::tuple({key, value}));
    std::vector<Term> chunks;
    for (const beam::ChunkSummary &c : info->chunks)
        chunks.push_back(Term::tuple({Term::string(QString::fromLatin1(c.id)), Term::integer(c.size)}));

    p.kind = PreviewKind::Beam;
    p.title = Tr::tr("module %1").arg(info->module);
    QStringList traits;
    traits << counted(qint64(info->exports.size()), QT_TRANSLATE_N_NOOP("EntryPreview", "%n export"), QT_TRANSLATE_N_NOOP("EntryPreview", "%n exports"))
           << counted(qint64(info->imports.size()), QT_TRANSLATE_N_NOOP("EntryPreview", "%n import"), QT_TRANSLATE_N_NOOP("EntryPreview", "%n imports"));
    if (info->localFunctionCount)
        traits << counted(*info->localFunctionCount, QT_TRANSLATE_N_NOOP("EntryPreview", "%n local function"),
                          QT_TRANSLATE_N_NOOP("EntryPreview", "%n local functions"));
    traits << (info->hasDebugInfo ? Tr::tr("debug info") : Tr::tr("no debug info"));
    if (info->hasDocs)
        traits << Tr::tr("docs");
    p.text = QStringLiteral("%% %1: %2\n").arg(baseName(p.path), traits.join(QStringLiteral(", ")));
    const std::vector<Term> lines = {
        Term::tuple({term::atom("module"), Term::atom(info->module)}),
        Term::tuple({term::atom("md5"), Term::string(QString::fromLatin1(info->md5.toHex()))}),
        Term::tuple({term::atom("exports"), Term::list(std::move(exports))}),
        Term::tuple({term::atom("attributes"), Term::list(std::move(attributes))}),
        Term::tuple({term::atom("chunks"), Term::list(std::move(chunks))}),
        Term::tuple({term::atom("imports"), Term::list(std::move(imports))}),
        Term::tuple({term::atom("compile_info"), info->compileInfo}),
    };
    p.text += printTerms(lines);
}

void previewTermFile(EntryPreview &p, const QByteArray &bytes)
{
    const auto terms = term::consultText(bytes, p.path);
    if (terms) {
        p.kind = PreviewKind::Terms;
        p.title = Tr::tr("terms, as OTP prints them");
        p.text = printTerms(*terms);
        return;
    }
    // Shown as it is, with the error where it is.
    p.kind = PreviewKind::Terms;
    p.title = Tr::tr("terms that do not parse");
    p.text = QString::fromUtf8(bytes);
    p.findings << terms.error();
}

} // namespace

EntryPreview formatPreview(const QString &path, const QByteArray &bytes, qint64 size, bool truncated)
{
    EntryPreview p;
    p.path = path;
    p.size = size;
    p.truncated = truncated;
    const QString name = baseName(path);
    const bool whole = !truncated;
    if (whole && name.endsWith(QLatin1String(".boot"))) {
        previewBoot(p, bytes);
    } else if (whole && name.endsWith(QLatin1String(".beam"))) {
        previewBeam(p, bytes);
    } else if (whole && isTermFile(name)) {
        previewTermFile(p, bytes);
    } else if (whole && bytes.startsWith('\x83') && etf::decode(bytes)) {
        p.kind = PreviewKind::Terms;
        p.title = Tr::tr("external term format, decoded");
        p.text = term::prettyTerm(*etf::decode(bytes)) + QStringLiteral(".\n");
    } else if (const auto text = asText(bytes, truncated)) {
        p.text = *text;
        if (name == QLatin1String("vm.args") || name.endsWith(QLatin1String(".args"))) {
            p.kind = PreviewKind::VmArgs;
            p.title = Tr::tr("VM arguments");
        } else if (isSourceFile(name)) {
            p.kind = PreviewKind::Terms;
            p.title = Tr::tr("source");
        } else {
            p.kind = PreviewKind::Text;
            p.title = Tr::tr("text");
        }
        if (truncated)
            p.title += Tr::tr(", the first %1 shown").arg(ArchiveTreeModel::humanSize(bytes.size()));
    } else {
        p.kind = PreviewKind::Binary;
        p.title = Tr::tr("binary");
        p.text = Tr::tr("%1 bytes, binary").arg(size);
    }
    if (truncated && p.kind != PreviewKind::Text && p.kind != PreviewKind::VmArgs &&
        p.kind != PreviewKind::Terms && p.kind != PreviewKind::Binary) {
        p.text = Tr::tr("%1 bytes: too large to preview (the limit is %2)")
                     .arg(size)
                     .arg(ArchiveTreeModel::humanSize(MaxPreviewBytes));
    }
    return p;
}

Expected<MemberBytes> readMember(const QString &source, bool sourceIsDirectory, const QString &memberPath,
                                 qint64 cap, const std::atomic_bool &cancelled)
{
    MemberBytes result;
    if (sourceIsDirectory) {
        QFile file(QDir(source).filePath(memberPath));
        if (!file.open(QIODevice::ReadOnly))
            return Finding::error(Tr::tr("cannot read the file: %1").arg(file.errorString()),
                                  {file.fileName(), 0, 0});
        result.bytes = file.read(cap + 1);
    } else {
        auto reader = archive::ArchiveReader::open(source);
        if (!reader)
            return reader.error();
        jobs::CallbackMonitor monitor({}, &cancelled);
        reader->setMonitor(&monitor);
        const QString wanted = ArchiveTreeModel::normalizedPath(memberPath);
        for (;;) {
            if (cancelled.load())
                return Finding::error(QStringLiteral("cancelled"));
            auto next = reader->next();
            if (!next)
                return next.error();
            if (!next->has_value())
                return Finding::error(Tr::tr("%1 is not in the archive").arg(memberPath), {source, 0, 0});
            if (ArchiveTreeModel::normalizedPath((*next)->path) != wanted)
                continue;
            while (result.bytes.size() <= cap) {
                auto chunk = reader->readChunk();
                if (!chunk)
                    return chunk.error();
                if (chunk->isEmpty())
                    break;
                result.bytes += *chunk;
            }
            break;
        }
    }
    if (result.bytes.size() > cap) {
        result.bytes.truncate(qsizetype(cap));
        result.truncated = true;
    }
    return result;
}

EntryPreview previewMember(const QString &source, bool sourceIsDirectory, const archive::ArchiveEntry &entry,
                           const std::atomic_bool &cancelled, qint64 cap)
{
    const QString path = ArchiveTreeModel::normalizedPath(entry.path);
    const auto read = readMember(source, sourceIsDirectory, entry.path, cap, cancelled);
    if (!read) {
        EntryPreview p;
        p.path = path;
        p.size = entry.size;
        p.kind = PreviewKind::Error;
        p.title = Tr::tr("unreadable");
        p.text = read.error().toString();
        return p;
    }
    return formatPreview(path, read->bytes, entry.size, read->truncated);
}

} // namespace rs::ui::inspector
