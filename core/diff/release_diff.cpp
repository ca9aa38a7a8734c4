#include "diff/release_diff.h"

#include "archive/archive_reader.h"
#include "beam/beam_file.h"
#include "diff/release_source.h"
#include "diff/term_diff.h"
#include "etf/etf.h"
#include "release/app_spec.h"
#include "release/lib_dir_name.h"
#include "release/rel_spec.h"
#include "term/pretty.h"
#include "term/reader.h"
#include "term/writer.h"
#include "upgrade/appup_lint.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QVersionNumber>
#include <QtConcurrent/QtConcurrentRun>

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <map>

namespace rs::diff {

using archive::ArchiveEntry;
using archive::EntryType;

namespace {

constexpr qint64 MaxReleaseFileBytes = 16 * 1024 * 1024;
// Stands for a version in pairing keys; never part of a real path.
const QString Any = QStringLiteral("\x01");

// ---------------------------------------------------------------------------------------------
// Globs

QString globToRegex(QStringView glob)
{
    QString rx;
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob[i];
        if (c == QLatin1Char('*')) {
            if (i + 1 < glob.size() && glob[i + 1] == QLatin1Char('*')) {
                ++i;
                // "**/" also matches no directory at all
                if (i + 1 < glob.size() && glob[i + 1] == QLatin1Char('/')) {
                    ++i;
                    rx += QStringLiteral("(?:.*/)?");
                } else {
                    rx += QStringLiteral(".*");
                }
            } else {
                rx += QStringLiteral("[^/]*");
            }
        } else if (c == QLatin1Char('?')) {
            rx += QStringLiteral("[^/]");
        } else if (c == QLatin1Char('[')) {
            const qsizetype close = glob.indexOf(QLatin1Char(']'), i + 2);
            if (close < 0) {
                rx += QStringLiteral("\\[");
                continue;
            }
            QString cls = glob.mid(i + 1, close - i - 1).toString();
            if (cls.startsWith(QLatin1Char('!')))
                cls[0] = QLatin1Char('^');
            cls.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
            rx += QLatin1Char('[') + cls + QLatin1Char(']');
            i = close;
        } else {
            rx += QRegularExpression::escape(QString(c));
        }
    }
    return QRegularExpression::anchoredPattern(rx);
}

struct Glob
{
    QRegularExpression rx;
    bool anyComponent; // no '/': matched against each path component

    explicit Glob(const QString &glob)
        : rx(globToRegex(glob), QRegularExpression::DotMatchesEverythingOption),
          anyComponent(!glob.contains(QLatin1Char('/')))
    {
    }

    bool matches(const QString &path) const
    {
        if (anyComponent) {
            for (const QStringView part : QStringView(path).split(QLatin1Char('/')))
                if (rx.match(part.toString()).hasMatch())
                    return true;
            return false;
        }
        for (qsizetype end = path.indexOf(QLatin1Char('/')); end >= 0;
             end = path.indexOf(QLatin1Char('/'), end + 1))
            if (rx.match(path.left(end)).hasMatch())
                return true;
        return rx.match(path).hasMatch();
    }
};

// ---------------------------------------------------------------------------------------------
// Reading one side

FileType fileType(EntryType t)
{
    switch (t) {
    case EntryType::File:
    case EntryType::Hardlink:
        return FileType::File;
    case EntryType::Directory:
        return FileType::Directory;
    case EntryType::Symlink:
        return FileType::Symlink;
    case EntryType::Other:
        return FileType::Other;
    }
    return FileType::Other;
}

// What is kept of a member's contents: nothing (digest only); a text body (dropped at a NUL byte);
// a .beam or .boot (until the other side shows the same digest); a release file (always).
enum class Keep : quint8 { None, Text, Pending, Always };

// Contents kept for the comparison.
struct Payload
{
    QByteArray bytes;
    std::optional<beam::BeamInfo> beam; // a .beam read at once (over the budget)
    std::optional<Finding> beamError;
    bool always = false;
    qint64 cost = 0;
};

struct Member
{
    QString path;
    FileType type = FileType::None;
    quint32 mode = 0;
    qint64 size = 0;
    QString linkTarget;
    QByteArray digest;
    bool binary = false;   // a NUL byte was read
    bool dropped = false;  // contents would have been kept, but the budget was spent
    bool replaced = false; // a later member of the same path replaced it
};

// Where the two sides meet while they read: a member whose digest equals the other side's member
// of the same pairing key needs no contents kept.
class Exchange
{
public:
    bool otherHasSame(int side, const QString &key, const QByteArray &digest)
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_slots.constFind(key);
        return it != m_slots.constEnd() && it->count[1 - side] == 1 && it->count[side] == 0 &&
               it->digest[1 - side] == digest;
    }

    void offer(int side, const QString &key, const QString &path, const QByteArray &digest, Payload payload)
    {
        QMutexLocker lock(&m_mutex);
        Slot &s = m_slots[key];
        const int other = 1 - side;
        if (s.count[side] < 2)
            ++s.count[side];
        const bool ambiguous = s.count[0] > 1 || s.count[1] > 1;
        const bool match = !ambiguous && s.count[other] == 1 && s.digest[other] == digest;
        if (match) {
            const auto it = m_payloads[other].find(s.path[other]);
            if (it != m_payloads[other].end() && !it->always) {
                m_kept[other] -= it->cost;
                m_payloads[other].erase(it);
            }
        }
        if (!match || payload.always) {
            m_kept[side] += payload.cost;
            m_payloads[side].insert(path, std::move(payload));
        }
        s.digest[side] = digest;
        s.path[side] = path;
    }

    qint64 kept(int side) const { return m_kept[side].load(std::memory_order_relaxed); }
    QHash<QString, Payload> &payloads(int side) { return m_payloads[side]; }

private:
    struct Slot
    {
        QByteArray digest[2];
        QString path[2];
        quint8 count[2] = {0, 0};
    };
    QMutex m_mutex;
    QHash<QString, Slot> m_slots;
    QHash<QString, Payload> m_payloads[2];
    std::atomic<qint64> m_kept[2] = {0, 0};
};

// Combines the progress of both sides into the caller's monitor, and stops both when one fails.
class Progress
{
public:
    explicit Progress(jobs::Monitor &parent) : m_parent(parent) {}

    void report(int side, const jobs::Progress &p)
    {
        QMutexLocker lock(&m_mutex);
        m_done[side] = p.done;
        if (p.total > 0)
            m_total[side] = p.total;
        const qint64 total = m_total[0] > 0 && m_total[1] > 0 ? m_total[0] + m_total[1] : 0;
        m_parent.report({m_done[0] + m_done[1], total, p.current});
    }
    bool isCancelled() const { return m_abort.load(std::memory_order_relaxed) || m_parent.isCancelled(); }
    void abort() { m_abort = true; }
    bool parentCancelled() const { return m_parent.isCancelled(); }
    // Both inputs read: the comparison that follows takes a fraction of that time.
    void reportComparing()
    {
        QMutexLocker lock(&m_mutex);
        m_parent.report({m_done[0] + m_done[1], m_total[0] + m_total[1], QStringLiteral("comparing")});
    }

private:
    jobs::Monitor &m_parent;
    QMutex m_mutex;
    qint64 m_done[2] = {0, 0};
    qint64 m_total[2] = {0, 0};
    std::atomic_bool m_abort{false};
};

class SideMonitor final : public jobs::Monitor
{
public:
    SideMonitor(Progress &progress, int side) : m_progress(progress), m_side(side) {}
    void report(const jobs::Progress &p) override { m_progress.report(m_side, p); }
    bool isCancelled() const override { return m_progress.isCancelled(); }

private:
    Progress &m_progress;
    int m_side;
};

struct Side
{
    int index = 0;
    ReleaseSide info;
    std::vector<Member> members;
    QHash<QString, qsizetype> byPath;
    Findings warnings;
    std::optional<Finding> error;
    bool prefixDecided = false; // directories have none: the path given is the root
    QString prefix;             // "shop-1.0/"
    bool hostileReported = false;
    bool duplicateReported = false;
};

bool isTopLevelName(QStringView c)
{
    return c == QLatin1String("lib") || c == QLatin1String("releases") || c == QLatin1String("bin") ||
           c.startsWith(QLatin1String("erts-"));
}

// The key both sides use while reading: lib/APP-VSN and erts-VSN without their versions.
QString streamingKey(const QString &path)
{
    if (path.startsWith(QLatin1String("lib/"))) {
        const qsizetype slash = path.indexOf(QLatin1Char('/'), 4);
        const release::LibDirName dir =
            release::splitLibDirName(QStringView(path).mid(4, slash < 0 ? -1 : slash - 4));
        if (!dir.name.isEmpty() && !dir.vsn.isEmpty())
            return QStringLiteral("lib/") + dir.name + QLatin1Char('-') + Any +
                   (slash < 0 ? QString() : path.mid(slash));
    } else if (path.startsWith(QLatin1String("erts-"))) {
        const qsizetype slash = path.indexOf(QLatin1Char('/'));
        return QStringLiteral("erts-") + Any + (slash < 0 ? QString() : path.mid(slash));
    }
    return path;
}

bool isReleaseFile(const QStringList &parts)
{
    if (parts.isEmpty() || parts.front() != QLatin1String("releases"))
        return false;
    const QString &name = parts.back();
    return name.endsWith(QLatin1String(".rel")) || name.endsWith(QLatin1String(".boot")) ||
           name.endsWith(QLatin1String(".script")) || name.endsWith(QLatin1String(".config")) ||
           name == QLatin1String("vm.args") || name == QLatin1String("relup") ||
           name == QLatin1String("RELEASES") || name == QLatin1String("start_erl.data");
}

class SideReader
{
public:
    SideReader(Side &side, Exchange &exchange, const DiffOptions &options, const std::vector<Glob> &ignore)
        : m_side(side), m_exchange(exchange), m_options(options), m_ignore(ignore)
    {
    }

    bool visit(const ArchiveEntry &entry, ChunkReader &contents)
    {
        QStringList parts = entry.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        parts.removeAll(QStringLiteral("."));
        if (parts.isEmpty())
            return true;
        if (!m_side.hostileReported &&
            (entry.path.startsWith(QLatin1Char('/')) || parts.contains(QStringLiteral("..")))) {
            m_side.hostileReported = true;
            m_side.warnings << Finding::warning(
                QStringLiteral("member '%1' points outside the release; extracting it would be unsafe")
                    .arg(entry.path),
                SourceLocation{m_side.info.source});
        }
        if (!m_side.prefixDecided && parts.size() >= 2) {
            m_side.prefixDecided = true;
            if (!isTopLevelName(parts[0]) && isTopLevelName(parts[1])) {
                m_side.prefix = parts[0] + QLatin1Char('/');
                m_side.info.root = m_side.prefix;
                // The top directory itself, if listed, is the root.
                const auto it = m_side.byPath.constFind(parts[0]);
                if (it != m_side.byPath.constEnd())
                    m_side.members[size_t(*it)].replaced = true;
            }
        }
        if (!m_side.prefix.isEmpty() && parts.size() >= 2 && parts[0] + QLatin1Char('/') == m_side.prefix)
            parts.removeFirst();
        else if (!m_side.prefix.isEmpty() && parts.size() == 1 &&
                 parts[0] + QLatin1Char('/') == m_side.prefix)
            return true;
        const QString path = parts.join(QLatin1Char('/'));
        for (const Glob &g : m_ignore)
            if (g.matches(path))
                return true;

        Member m;
        m.path = path;
        m.type = fileType(entry.type);
        m.mode = entry.type == EntryType::Symlink ? 0 : (entry.mode & 07777);
        m.size = entry.size;
        m.linkTarget = entry.linkTarget;

        if (entry.type == EntryType::Hardlink) {
            QStringList target = entry.linkTarget.split(QLatin1Char('/'), Qt::SkipEmptyParts);
            target.removeAll(QStringLiteral("."));
            if (!m_side.prefix.isEmpty() && target.size() >= 2 &&
                target[0] + QLatin1Char('/') == m_side.prefix)
                target.removeFirst();
            const auto it = m_side.byPath.constFind(target.join(QLatin1Char('/')));
            if (it != m_side.byPath.constEnd()) {
                const Member &t = m_side.members[size_t(*it)];
                m.size = t.size;
                m.digest = t.digest;
                m.binary = t.binary;
            }
            m.linkTarget.clear();
        } else if (entry.type == EntryType::File) {
            if (!readContents(m, parts, contents))
                return false;
        }
        add(std::move(m));
        return true;
    }

private:
    bool readContents(Member &m, const QStringList &parts, ChunkReader &contents)
    {
        const QString &name = parts.back();
        const bool appup = name.endsWith(QLatin1String(".appup"));
        Keep keep = Keep::None;
        if ((isReleaseFile(parts) || appup) && m.size <= MaxReleaseFileBytes)
            keep = Keep::Always;
        else if ((name.endsWith(QLatin1String(".beam")) && m.size <= beam::MaxBeamSize) ||
                 (name.endsWith(QLatin1String(".boot")) && m.size <= MaxReleaseFileBytes))
            keep = Keep::Pending;
        else if (m.size <= m_options.maxTextBytes)
            keep = Keep::Text;

        // What is kept never passes the cap of its kind, whatever the header said (a zip member's
        // size is only a claim until it is inflated).
        const qint64 cap = keep == Keep::Text ? m_options.maxTextBytes
                           : keep == Keep::Pending && name.endsWith(QLatin1String(".beam"))
                               ? qint64(beam::MaxBeamSize)
                               : MaxReleaseFileBytes;
        m_hash.reset();
        QByteArray body;
        bool keeping = keep != Keep::None;
        if (keeping)
            body.reserve(qsizetype(std::min<qint64>(m.size, 4 * 1024 * 1024)));
        qint64 read = 0;
        for (;;) {
            auto chunk = contents.readChunk();
            if (!chunk) {
                m_side.error = chunk.error();
                return false;
            }
            if (chunk->isEmpty())
                break;
            read += chunk->size();
            m_hash.addData(*chunk);
            if (keep != Keep::Pending && !m.binary && chunk->contains('\0')) {
                m.binary = true;
                if (keep == Keep::Text) {
                    keeping = false;
                    body = QByteArray();
                }
            }
            if (keeping && body.size() + chunk->size() > cap) {
                keeping = false;
                body = QByteArray();
            }
            if (keeping)
                body += *chunk;
        }
        m.size = read;
        m.digest = m_hash.result();
        if (!keeping)
            return true;
        body.squeeze();

        const int side = m_side.index;
        const QString key = streamingKey(m.path);
        Payload payload;
        payload.always = keep == Keep::Always;
        payload.cost = body.size();
        if (!payload.always && m_exchange.kept(side) + body.size() > m_options.keepBudget &&
            !m_exchange.otherHasSame(side, key, m.digest)) {
            if (name.endsWith(QLatin1String(".beam"))) {
                auto file = beam::BeamFile::parse(body, m.path);
                auto info = file ? beam::readBeamInfo(*file) : Expected<beam::BeamInfo>(file.error());
                if (info)
                    payload.beam = std::move(info).value();
                else
                    payload.beamError = info.error();
                payload.cost = 1024;
                body = QByteArray();
            } else {
                m.dropped = true;
                return true;
            }
        }
        payload.bytes = std::move(body);
        m_exchange.offer(side, key, m.path, m.digest, std::move(payload));
        return true;
    }

    void add(Member m)
    {
        m_side.info.files += m.type == FileType::File ? 1 : 0;
        m_side.info.bytes += m.type == FileType::File ? m.size : 0;
        const auto it = m_side.byPath.constFind(m.path);
        if (it != m_side.byPath.constEnd()) {
            Member &old = m_side.members[size_t(*it)];
            if (!old.replaced && old.type != FileType::Directory && !m_side.duplicateReported) {
                m_side.duplicateReported = true;
                m_side.warnings << Finding::warning(
                    QStringLiteral("member '%1' appears twice; the later one counts, as when extracting")
                        .arg(m.path),
                    SourceLocation{m_side.info.source});
            }
            old.replaced = true;
        }
        m_side.byPath.insert(m.path, qsizetype(m_side.members.size()));
        m_side.members.push_back(std::move(m));
    }

    Side &m_side;
    Exchange &m_exchange;
    const DiffOptions &m_options;
    const std::vector<Glob> &m_ignore;
    QCryptographicHash m_hash{QCryptographicHash::Blake2b_256};
};

void readSide(Side &side, Exchange &exchange, const DiffOptions &options, const std::vector<Glob> &ignore,
              Progress &progress)
{
    SideMonitor monitor(progress, side.index);
    SideReader reader(side, exchange, options, ignore);
    const auto walk = walkSource(
        side.info.source, [&](const ArchiveEntry &e, ChunkReader &c) { return reader.visit(e, c); }, monitor);
    if (!walk) {
        if (!side.error)
            side.error = walk.error();
    } else {
        side.info.format = walk->format;
    }
    if (side.error)
        progress.abort();
}

// ---------------------------------------------------------------------------------------------
// The release of each side

struct RelApp
{
    QString vsn;
};

struct SideModel
{
    Side *side = nullptr;
    QHash<QString, Payload> *payloads = nullptr;
    QString relVsn;
    QString relBase;                // the .rel file's name
    QHash<QString, QString> appVsn; // application -> the version that counts
    QStringList relApps;
    QHash<QString, QStringList> libVersions; // application -> versions in lib/
    QString ertsDir;
    QHash<QString, QString> keyOf; // member path -> pairing key

    const Payload *payload(const QString &path) const
    {
        const auto it = payloads->constFind(path);
        return it == payloads->constEnd() ? nullptr : &*it;
    }
};

QVersionNumber versionOf(const QString &v)
{
    return QVersionNumber::fromString(v);
}

void identifyRelease(SideModel &model, Findings &warnings)
{
    const Side &side = *model.side;
    struct Candidate
    {
        QString path;
        release::ReleaseSpec spec;
        bool topLevel;
    };
    std::vector<Candidate> candidates;
    QString startErlVsn;
    for (const Member &m : side.members) {
        if (m.replaced || m.type != FileType::File || !m.path.startsWith(QLatin1String("releases/")))
            continue;
        const qsizetype depth = m.path.count(QLatin1Char('/'));
        const Payload *p = model.payload(m.path);
        if (!p)
            continue;
        if (m.path == QLatin1String("releases/start_erl.data")) {
            const QStringList words = QString::fromUtf8(p->bytes).split(
                QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            if (words.size() >= 2)
                startErlVsn = words[1];
            continue;
        }
        if (!m.path.endsWith(QLatin1String(".rel")) || depth > 2)
            continue;
        const auto terms = term::consultText(p->bytes, m.path);
        if (!terms || terms->empty())
            continue;
        release::RelParse parsed = release::parseRelTerm(terms->front(), m.path);
        if (!parsed.ok())
            continue;
        candidates.push_back({m.path, std::move(parsed.spec), depth == 1});
    }
    if (candidates.empty())
        return;
    // The release the start_erl.data names, top-level .rel first; else the newest.
    std::stable_sort(candidates.begin(), candidates.end(), [&](const Candidate &a, const Candidate &b) {
        const bool aStart = a.spec.vsn == startErlVsn;
        const bool bStart = b.spec.vsn == startErlVsn;
        if (aStart != bStart)
            return aStart;
        const int c = QVersionNumber::compare(versionOf(a.spec.vsn), versionOf(b.spec.vsn));
        if (c != 0)
            return c > 0;
        if (a.spec.vsn != b.spec.vsn)
            return a.spec.vsn > b.spec.vsn;
        return a.topLevel && !b.topLevel;
    });
    const Candidate &chosen = candidates.front();
    QSet<QString> versions;
    for (const Candidate &c : candidates)
        versions.insert(c.spec.vsn);
    if (versions.size() > 1)
        warnings << Finding::warning(QStringLiteral("%1 holds several releases; comparing %2 %3")
                                         .arg(side.info.source, chosen.spec.name, chosen.spec.vsn));
    ReleaseSide &info = model.side->info;
    info.name = chosen.spec.name;
    info.vsn = chosen.spec.vsn;
    info.erts = chosen.spec.ertsVsn;
    info.relFile = chosen.path;
    model.relVsn = chosen.spec.vsn;
    model.relBase = chosen.path.section(QLatin1Char('/'), -1);
    for (const release::RelApp &a : chosen.spec.apps) {
        model.appVsn.insert(a.name, a.vsn);
        model.relApps << a.name;
    }
}

void buildModel(SideModel &model, Findings &warnings)
{
    const Side &side = *model.side;
    identifyRelease(model, warnings);
    QStringList ertsDirs;
    for (const Member &m : side.members) {
        if (m.replaced)
            continue;
        if (m.path.startsWith(QLatin1String("lib/"))) {
            const release::LibDirName dir = release::splitLibDirName(m.path.section(QLatin1Char('/'), 1, 1));
            if (!dir.name.isEmpty() && !dir.vsn.isEmpty()) {
                QStringList &vs = model.libVersions[dir.name];
                if (!vs.contains(dir.vsn))
                    vs << dir.vsn;
            }
        } else if (m.path.startsWith(QLatin1String("erts-"))) {
            const QString dir = m.path.section(QLatin1Char('/'), 0, 0);
            if (!ertsDirs.contains(dir))
                ertsDirs << dir;
        }
    }
    for (auto it = model.libVersions.cbegin(); it != model.libVersions.cend(); ++it) {
        if (model.appVsn.contains(it.key())) {
            if (!it->contains(model.appVsn.value(it.key())) || it->size() > 1)
                warnings << Finding::warning(QStringLiteral("%1: lib/ holds %2 %3, the release uses %4")
                                                 .arg(side.info.source, it.key(),
                                                      it->join(QStringLiteral(", ")),
                                                      model.appVsn.value(it.key())));
            continue;
        }
        if (it->size() == 1) {
            model.appVsn.insert(it.key(), it->front());
        } else {
            QStringList sorted = *it;
            std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
                return QVersionNumber::compare(versionOf(a), versionOf(b)) < 0;
            });
            model.appVsn.insert(it.key(), sorted.back());
            warnings << Finding::warning(
                QStringLiteral("%1: lib/ holds %2 %3; comparing the newest")
                    .arg(side.info.source, it.key(), it->join(QStringLiteral(", "))));
        }
    }
    if (!side.info.erts.isEmpty() && ertsDirs.contains(QStringLiteral("erts-") + side.info.erts))
        model.ertsDir = QStringLiteral("erts-") + side.info.erts;
    else if (ertsDirs.size() == 1)
        model.ertsDir = ertsDirs.front();

    // Pairing keys
    for (const Member &m : side.members) {
        if (m.replaced)
            continue;
        QStringList parts = m.path.split(QLatin1Char('/'));
        if (parts[0] == QLatin1String("lib") && parts.size() >= 2) {
            const release::LibDirName dir = release::splitLibDirName(parts[1]);
            if (!dir.name.isEmpty() && !dir.vsn.isEmpty() && model.appVsn.value(dir.name) == dir.vsn)
                parts[1] = dir.name + QLatin1Char('-') + Any;
        } else if (!model.ertsDir.isEmpty() && parts[0] == model.ertsDir) {
            parts[0] = QStringLiteral("erts-") + Any;
        } else if (parts[0] == QLatin1String("releases") && parts.size() >= 2) {
            if (parts[1] == model.relVsn && (parts.size() >= 3 || m.type == FileType::Directory))
                parts[1] = Any;
            if (!model.relBase.isEmpty() && parts.back() == model.relBase && parts.size() <= 3)
                parts.back() = Any + QStringLiteral(".rel");
        }
        model.keyOf.insert(m.path, parts.join(QLatin1Char('/')));
    }
}

// ---------------------------------------------------------------------------------------------
// Comparing contents

FileKind kindOf(const QString &path, FileType type, bool binary)
{
    if (type == FileType::Directory)
        return FileKind::Directory;
    if (type == FileType::Symlink)
        return FileKind::Symlink;
    if (type == FileType::Other)
        return FileKind::Other;
    const QStringList parts = path.split(QLatin1Char('/'));
    const QString &name = parts.back();
    if (name.endsWith(QLatin1String(".beam")))
        return FileKind::Beam;
    if (name.endsWith(QLatin1String(".appup")))
        return FileKind::Appup;
    if (name.endsWith(QLatin1String(".app")) && parts.size() >= 2 &&
        parts[parts.size() - 2] == QLatin1String("ebin"))
        return FileKind::AppFile;
    if (name.endsWith(QLatin1String(".boot")))
        return FileKind::Boot;
    if (name == QLatin1String("vm.args"))
        return FileKind::VmArgs;
    if (parts.front() == QLatin1String("releases")) {
        if (name.endsWith(QLatin1String(".rel")))
            return FileKind::Rel;
        if (name == QLatin1String("sys.config"))
            return FileKind::SysConfig;
        if (name == QLatin1String("relup"))
            return FileKind::Relup;
        if (name == QLatin1String("RELEASES") || name.endsWith(QLatin1String(".script")) ||
            name.endsWith(QLatin1String(".config")))
            return FileKind::TermFile;
    }
    return binary ? FileKind::Binary : FileKind::Text;
}

QString decodeText(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

// Lines of a .boot: the script header and each instruction (~tp on one line).
std::optional<QStringList> bootLines(const term::Term &t)
{
    if (!t.isTuple(3) || !t.at(0).isAtom(u"script") || !t.at(2).isProperList())
        return std::nullopt;
    QStringList lines;
    lines << QStringLiteral("{script,") + oneLineTerm(t.at(1)) + QLatin1Char('}');
    for (const term::Term &i : t.at(2).elements())
        lines << oneLineTerm(i);
    return lines;
}

// Lines of a relup ({Vsn, [{UpFrom, Descr, Instrs}], [{DownTo, Descr, Instrs}]}) or an appup
// ({Vsn, [{UpFrom, Instrs}], [{DownTo, Instrs}]}): a header per entry, an instruction per line.
std::optional<QStringList> upgradeLines(const term::Term &t)
{
    if (!t.isTuple(3))
        return std::nullopt;
    QStringList lines;
    lines << QStringLiteral("vsn ") + oneLineTerm(t.at(0));
    for (int list = 1; list <= 2; ++list) {
        const term::Term &entries = t.at(list);
        if (!entries.isProperList())
            return std::nullopt;
        for (const term::Term &e : entries.elements()) {
            if (!e.isTuple() || e.size() < 2 || !e.at(e.size() - 1).isProperList())
                return std::nullopt;
            QString header =
                (list == 1 ? QStringLiteral("up from ") : QStringLiteral("down to ")) + oneLineTerm(e.at(0));
            if (e.size() == 3)
                header += QLatin1Char(' ') + oneLineTerm(e.at(1));
            lines << header;
            for (const term::Term &i : e.at(e.size() - 1).elements())
                lines << QStringLiteral("    ") + oneLineTerm(i);
        }
    }
    return lines;
}

QStringList prettyLines(const std::vector<term::Term> &terms)
{
    QStringList lines;
    for (const term::Term &t : terms)
        lines << splitLines(QString(term::prettyTerm(t) + QLatin1Char('.')));
    return lines;
}

// vm.args without comments, blank lines and surrounding spaces.
QStringList vmArgsMeaning(const QString &text)
{
    QStringList out;
    for (const QString &line : splitLines(text)) {
        const QString t = line.trimmed();
        if (!t.isEmpty() && !t.startsWith(QLatin1Char('#')))
            out << t;
    }
    return out;
}

struct Contents
{
    const Member *member = nullptr;
    const Payload *payload = nullptr;
    bool hasBytes() const { return payload && (!payload->bytes.isEmpty() || member->size == 0); }
};

struct BeamCache
{
    // By "old:" / "new:" and path; a node-based map, so that references stay valid.
    std::map<QString, Expected<beam::BeamInfo>> infos;

    const Expected<beam::BeamInfo> &get(const QString &tag, const Contents &c)
    {
        const QString key = tag + c.member->path;
        auto it = infos.find(key);
        if (it != infos.end())
            return it->second;
        Expected<beam::BeamInfo> info = Finding::error(QStringLiteral("not kept"));
        if (c.payload && c.payload->beam)
            info = *c.payload->beam;
        else if (c.payload && c.payload->beamError)
            info = *c.payload->beamError;
        else if (c.hasBytes()) {
            const auto file = beam::BeamFile::parse(c.payload->bytes, c.member->path);
            info = file ? beam::readBeamInfo(*file) : Expected<beam::BeamInfo>(file.error());
        }
        return infos.emplace(key, std::move(info)).first->second;
    }
};

QStringList exportNames(const beam::BeamInfo &info)
{
    QStringList out;
    for (const beam::FunctionName &f : info.exports)
        out << f.name + QLatin1Char('/') + QString::number(f.arity);
    return out;
}

std::vector<ChunkChange> chunkChanges(const beam::BeamInfo &oldBeam, const beam::BeamInfo &newBeam)
{
    std::vector<ChunkChange> changes;
    auto find = [](const beam::BeamInfo &info, const QByteArray &id) {
        const auto it = std::find_if(info.chunks.begin(), info.chunks.end(),
                                     [&id](const beam::ChunkSummary &c) { return c.id == id; });
        return it == info.chunks.end() ? nullptr : &*it;
    };
    for (const beam::ChunkSummary &c : newBeam.chunks) {
        ChunkChange change{QString::fromLatin1(c.id), State::Added, 0, c.size};
        if (const beam::ChunkSummary *old = find(oldBeam, c.id)) {
            change.oldSize = old->size;
            change.state = old->digest == c.digest ? State::Same : State::Changed;
        }
        changes.push_back(change);
    }
    for (const beam::ChunkSummary &c : oldBeam.chunks)
        if (!find(newBeam, c.id))
            changes.push_back({QString::fromLatin1(c.id), State::Removed, c.size, 0});
    return changes;
}

struct ModuleExtra
{
    bool sameCode = false;
    bool known = false;
    QStringList added;
    QStringList removed;
    std::vector<ChunkChange> chunks;
    QString note;
};

class Comparer
{
public:
    Comparer(const DiffOptions &options) : m_options(options) {}

    // Compares what both sides have (either may be absent) and fills the entry.
    void compare(FileDiff &f, const Contents &oldC, const Contents &newC)
    {
        const bool both = oldC.member && newC.member;
        const bool contentDiffers = both && oldC.member->type == FileType::File &&
                                    newC.member->type == FileType::File &&
                                    oldC.member->digest != newC.member->digest;
        f.contentChanged = contentDiffers;
        if (both && !contentDiffers)
            return;
        if (both) {
            compareContents(f, oldC, newC);
            return;
        }
        // Added or removed: release files show their contents.
        const Contents &c = oldC.member ? oldC : newC;
        if (c.member->type != FileType::File)
            return;
        const bool show = f.kind == FileKind::Rel || f.kind == FileKind::SysConfig ||
                          f.kind == FileKind::VmArgs || f.kind == FileKind::Relup ||
                          f.kind == FileKind::Appup ||
                          (f.kind == FileKind::Boot && f.path.startsWith(QLatin1String("releases/")));
        if (!show || !c.hasBytes())
            return;
        const QStringList lines = linesOf(f.kind, c).value_or(splitLines(decodeText(c.payload->bytes)));
        f.text = oldC.member ? diffLines(lines, {}, m_options.text) : diffLines({}, lines, m_options.text);
    }

    BeamCache beams;
    QHash<QString, ModuleExtra> modules; // by new (or old) path

private:
    std::optional<QStringList> linesOf(FileKind kind, const Contents &c)
    {
        if (kind == FileKind::Boot) {
            const auto t = etf::decode(c.payload->bytes);
            return t ? bootLines(*t) : std::nullopt;
        }
        if (kind == FileKind::Relup || kind == FileKind::Appup) {
            const auto t = term::consultText(c.payload->bytes, c.member->path);
            return t && t->size() == 1 ? upgradeLines(t->front()) : std::nullopt;
        }
        return std::nullopt;
    }

    void textHunks(FileDiff &f, const Contents &oldC, const Contents &newC)
    {
        if (!oldC.hasBytes() || !newC.hasBytes()) {
            const qint64 size = std::max(oldC.member->size, newC.member->size);
            f.text.omitted = oldC.member->binary || newC.member->binary ? QStringLiteral("binary")
                             : size > m_options.maxTextBytes
                                 ? QStringLiteral("larger than %1 bytes").arg(m_options.maxTextBytes)
                                 : QStringLiteral("not kept");
            return;
        }
        if (!looksLikeText(oldC.payload->bytes) || !looksLikeText(newC.payload->bytes)) {
            f.text.omitted = QStringLiteral("binary");
            return;
        }
        f.text = diffText(decodeText(oldC.payload->bytes), decodeText(newC.payload->bytes), m_options.text);
    }

    void termHunks(FileDiff &f, const std::vector<term::Term> &a, const std::vector<term::Term> &b)
    {
        f.text = diffLines(prettyLines(a), prettyLines(b), m_options.text);
    }

    void compareContents(FileDiff &f, const Contents &oldC, const Contents &newC)
    {
        switch (f.kind) {
        case FileKind::Beam:
            compareBeams(f, oldC, newC);
            return;
        case FileKind::Boot: {
            if (!oldC.hasBytes() || !newC.hasBytes())
                break;
            const auto a = etf::decode(oldC.payload->bytes);
            const auto b = etf::decode(newC.payload->bytes);
            if (!a || !b) {
                f.note = QStringLiteral("does not decode: %1").arg((a ? b : a).error().message);
                f.text.omitted = QStringLiteral("binary");
                return;
            }
            if (*a == *b) {
                f.equivalent = true;
                return;
            }
            const auto la = bootLines(*a);
            const auto lb = bootLines(*b);
            f.text = la && lb ? diffLines(*la, *lb, m_options.text)
                              : diffLines(prettyLines({*a}), prettyLines({*b}), m_options.text);
            return;
        }
        case FileKind::AppFile:
        case FileKind::Appup:
        case FileKind::Rel:
        case FileKind::SysConfig:
        case FileKind::Relup:
        case FileKind::TermFile:
            if (compareTerms(f, oldC, newC))
                return;
            break;
        case FileKind::VmArgs:
            if (oldC.hasBytes() && newC.hasBytes() &&
                vmArgsMeaning(decodeText(oldC.payload->bytes)) ==
                    vmArgsMeaning(decodeText(newC.payload->bytes)))
                f.equivalent = true;
            break;
        default:
            break;
        }
        textHunks(f, oldC, newC);
    }

    // False when either side does not read as terms (then the caller compares text).
    bool compareTerms(FileDiff &f, const Contents &oldC, const Contents &newC)
    {
        if (!oldC.hasBytes() || !newC.hasBytes())
            return false;
        const auto a = term::consultText(oldC.payload->bytes, f.oldPath.isEmpty() ? f.path : f.oldPath);
        const auto b = term::consultText(newC.payload->bytes, f.path);
        if (!a || !b) {
            f.note = QStringLiteral("does not read as Erlang terms: %1").arg((a ? b : a).error().toString());
            return false;
        }
        if (*a == *b) {
            f.equivalent = true;
            return true;
        }
        const bool single = a->size() == 1 && b->size() == 1;
        switch (f.kind) {
        case FileKind::AppFile:
            if (single && a->front().isTuple(3) && b->front().isTuple(3)) {
                if (a->front().at(1) != b->front().at(1))
                    f.terms.push_back({{QStringLiteral("application")},
                                       State::Changed,
                                       termText(a->front().at(1)),
                                       termText(b->front().at(1))});
                const auto keys = diffTerms(a->front().at(2), b->front().at(2));
                f.terms.insert(f.terms.end(), keys.begin(), keys.end());
            }
            break;
        case FileKind::SysConfig:
            if (single)
                f.terms = diffTerms(a->front(), b->front());
            break;
        case FileKind::Rel:
            if (single)
                f.terms = relChanges(a->front(), b->front());
            break;
        default:
            break;
        }
        if (single && (f.kind == FileKind::Relup || f.kind == FileKind::Appup)) {
            const auto la = upgradeLines(a->front());
            const auto lb = upgradeLines(b->front());
            if (la && lb) {
                f.text = diffLines(*la, *lb, m_options.text);
                return true;
            }
        }
        termHunks(f, *a, *b);
        return true;
    }

    static std::vector<TermChange> relChanges(const term::Term &a, const term::Term &b)
    {
        std::vector<TermChange> out;
        if (!a.isTuple(4) || !b.isTuple(4))
            return diffTerms(a, b);
        const auto field = [&](const term::Term &x, const term::Term &y, const QString &name) {
            if (x != y)
                out.push_back({{name}, State::Changed, termText(x), termText(y)});
        };
        const auto part = [](const term::Term &t, int i) {
            return t.isTuple() && t.size() > i ? t.at(i) : t;
        };
        field(part(a.at(1), 0), part(b.at(1), 0), QStringLiteral("name"));
        field(part(a.at(1), 1), part(b.at(1), 1), QStringLiteral("vsn"));
        field(part(a.at(2), 1), part(b.at(2), 1), QStringLiteral("erts"));
        const auto apps = diffTerms(a.at(3), b.at(3), {QStringLiteral("applications")});
        out.insert(out.end(), apps.begin(), apps.end());
        return out;
    }

    void compareBeams(FileDiff &f, const Contents &oldC, const Contents &newC)
    {
        ModuleExtra &extra = modules[f.path];
        const auto &a = beams.get(QStringLiteral("old:"), oldC);
        const auto &b = beams.get(QStringLiteral("new:"), newC);
        if (!a || !b) {
            f.note = QStringLiteral("cannot compare the code: %1").arg((a ? b : a).error().message);
            extra.note = f.note;
            return;
        }
        extra.known = true;
        extra.chunks = chunkChanges(*a, *b);
        extra.sameCode = beam::sameCode(*a, *b);
        if (extra.sameCode) {
            f.equivalent = true;
            return;
        }
        const QStringList ea = exportNames(*a);
        const QStringList eb = exportNames(*b);
        for (const QString &e : eb)
            if (!ea.contains(e))
                extra.added << e;
        for (const QString &e : ea)
            if (!eb.contains(e))
                extra.removed << e;
    }

    const DiffOptions &m_options;
};

QString moduleNameOf(const QString &path)
{
    return path.section(QLatin1Char('/'), -1).chopped(5);
}

} // namespace

// ---------------------------------------------------------------------------------------------

bool globMatches(const QString &glob, const QString &path)
{
    return Glob(glob).matches(path);
}

AppupCheck defaultAppupCheck(const AppChange &change)
{
    AppupCheck check;
    check.file = change.appupFile;
    const bool versions = change.oldVersion && change.newVersion;
    if (versions) {
        if (const auto generated = upgrade::generateAppup(*change.oldVersion, *change.newVersion)) {
            check.neededText = QString::fromUtf8(upgrade::appupFileText(generated->appup));
            if (!generated->appup.up.entries.empty())
                for (const upgrade::Instruction &i : generated->appup.up.entries.front().instructions)
                    check.instructions << term::writeTerm(i.term, term::Encoding::Unicode);
        } else {
            check.findings << generated.error();
        }
    } else {
        // The simplest instructions systools accepts.
        for (const QString &m : change.addedModules)
            check.instructions << term::writeTerm(upgrade::instr::addModule(m), term::Encoding::Unicode);
        for (const QString &m : change.changedModules)
            check.instructions << term::writeTerm(upgrade::instr::loadModule(m), term::Encoding::Unicode);
        for (const QString &m : change.removedModules)
            check.instructions << term::writeTerm(upgrade::instr::deleteModule(m), term::Encoding::Unicode);
    }

    if (change.appupFile.isEmpty() && change.relup) {
        // The relup's up-from entry for the old release, low-level instructions.
        const term::Term &relup = *change.relup;
        const term::Term *entry = nullptr;
        if (relup.isTuple(3) && relup.at(1).isProperList())
            for (const term::Term &e : relup.at(1).elements())
                if (e.isTuple(3) && e.at(0).isText() && e.at(0).toText() == change.oldReleaseVsn &&
                    e.at(2).isProperList())
                    entry = &e;
        if (entry) {
            QSet<QString> loaded;
            QSet<QString> removed;
            bool restarts = false;
            for (const term::Term &i : entry->at(2).elements()) {
                if (i.isAtom(u"restart_new_emulator") || i.isAtom(u"restart_emulator"))
                    restarts = true;
                if (!i.isTuple(2))
                    continue;
                if (i.at(0).isAtom(u"load_object_code") && i.at(1).isTuple(3) &&
                    i.at(1).at(0).isAtom(change.app) && i.at(1).at(2).isProperList())
                    for (const term::Term &m : i.at(1).at(2).elements())
                        if (m.isAtom())
                            loaded.insert(m.atomName());
                if (i.at(0).isAtom(u"remove") && i.at(1).isTuple() && i.at(1).size() > 0 &&
                    i.at(1).at(0).isAtom())
                    removed.insert(i.at(1).at(0).atomName());
            }
            QStringList missing;
            if (!restarts) {
                for (const QStringList *list : {&change.changedModules, &change.addedModules})
                    for (const QString &m : *list)
                        if (!loaded.contains(m))
                            missing << m;
                for (const QString &m : change.removedModules)
                    if (!removed.contains(m))
                        missing << m;
            }
            check.file = change.relupFile;
            if (missing.isEmpty()) {
                check.status = AppupCheck::Status::Covered;
            } else {
                check.status = AppupCheck::Status::Incomplete;
                check.findings << Finding::error(
                    QStringLiteral("the relup's upgrade from %1 does not load or remove %2")
                        .arg(change.oldReleaseVsn, missing.join(QStringLiteral(", "))),
                    {change.relupFile, entry->line(), entry->column()});
            }
            return check;
        }
    }
    if (change.appupFile.isEmpty()) {
        check.status = AppupCheck::Status::Missing;
        check.findings << Finding::error(
            QStringLiteral("%1 %2 has no ebin/%1.appup: systools cannot make a relup from %3")
                .arg(change.app, change.newVsn, change.oldVsn));
        return check;
    }
    if (change.appupError || !change.appup) {
        check.status = AppupCheck::Status::Invalid;
        check.findings << (change.appupError
                               ? *change.appupError
                               : Finding::error(QStringLiteral("not an appup"), {change.appupFile, 0, 0}));
        return check;
    }
    const upgrade::Appup &appup = *change.appup;
    check.shippedText = QString::fromUtf8(upgrade::appupFileText(appup));
    const auto up = upgrade::findVersion(appup.up, change.oldVsn, change.appupFile);
    const auto down = upgrade::findVersion(appup.down, change.oldVsn, change.appupFile);
    if (up.error || down.error) {
        check.status = AppupCheck::Status::Invalid;
        check.findings << (up.error ? *up.error : *down.error);
        return check;
    }
    if (!up.entry || !down.entry) {
        check.status = AppupCheck::Status::NoEntry;
        check.findings << Finding::error(
            QStringLiteral("%1 has no %2 entry for %3")
                .arg(change.appupFile, !up.entry ? QStringLiteral("up-from") : QStringLiteral("down-to"),
                     change.oldVsn),
            appup.location.file.isEmpty() ? SourceLocation{change.appupFile, 0, 0} : appup.location);
        return check;
    }
    if (versions) {
        check.findings << upgrade::lintAppup(appup, *change.oldVersion, *change.newVersion);
        const bool errors = std::any_of(check.findings.begin(), check.findings.end(),
                                        [](const Finding &f) { return f.isError(); });
        check.status = errors ? AppupCheck::Status::Incomplete : AppupCheck::Status::Covered;
        return check;
    }
    // Without the versions: every changed, added and removed module must be named by an
    // instruction, unless the entry restarts the application or the emulator.
    for (const Finding &f : upgrade::checkAppup(appup, change.newVsn))
        check.findings << f;
    QSet<QString> named;
    bool restarts = false;
    for (const upgrade::Instruction &i : up.entry->instructions) {
        const auto kind = i.kind();
        if (kind == upgrade::InstructionKind::RestartApplication ||
            kind == upgrade::InstructionKind::RestartNewEmulator ||
            kind == upgrade::InstructionKind::RestartEmulator)
            restarts = true;
        if (kind == upgrade::InstructionKind::LoadObjectCode && i.term.isTuple(2) &&
            i.term.at(1).isTuple(3) && i.term.at(1).at(2).isProperList()) {
            for (const term::Term &m : i.term.at(1).at(2).elements())
                if (m.isAtom())
                    named.insert(m.atomName());
        }
        const QString subject = i.subject();
        if (!subject.isEmpty())
            named.insert(subject);
    }
    QStringList missing;
    if (!restarts)
        for (const QStringList *list : {&change.changedModules, &change.addedModules, &change.removedModules})
            for (const QString &m : *list)
                if (!named.contains(m))
                    missing << m;
    if (!missing.isEmpty()) {
        check.status = AppupCheck::Status::Incomplete;
        check.findings << Finding::error(
            QStringLiteral("the up-from entry for %1 has no instruction for %2")
                .arg(change.oldVsn, missing.join(QStringLiteral(", "))),
            up.entry->location.file.isEmpty() ? SourceLocation{change.appupFile, 0, 0} : up.entry->location);
        return check;
    }
    check.status = check.findings.isEmpty() || std::none_of(check.findings.begin(), check.findings.end(),
                                                            [](const Finding &f) { return f.isError(); })
                       ? AppupCheck::Status::Covered
                       : AppupCheck::Status::Incomplete;
    return check;
}

Expected<DiffReport> diffReleases(const QString &oldPath, const QString &newPath, const DiffOptions &options,
                                  jobs::Monitor &monitor)
{
    // Each side matches with its own compiled globs (no QRegularExpression shared across threads).
    std::vector<Glob> ignore[2];
    for (const QString &g : options.ignore)
        for (auto &side : ignore)
            side.emplace_back(g);

    Side sides[2];
    sides[0].index = 0;
    sides[0].info.source = oldPath;
    sides[1].index = 1;
    sides[1].info.source = newPath;
    for (Side &s : sides)
        s.prefixDecided = QFileInfo(s.info.source).isDir();
    Exchange exchange;
    Progress progress(monitor);

    // Both inputs at once: the old one on the thread pool, the new one here.
    QFuture<void> oldRead =
        QtConcurrent::run([&] { readSide(sides[0], exchange, options, ignore[0], progress); });
    readSide(sides[1], exchange, options, ignore[1], progress);
    oldRead.waitForFinished();

    if (progress.parentCancelled())
        return Finding::error(QStringLiteral("cancelled"));
    for (const Side &s : sides)
        if (s.error && !archive::isCancellation(*s.error))
            return *s.error;
    for (const Side &s : sides)
        if (s.error)
            return *s.error;

    progress.reportComparing();
    DiffReport report;
    report.ignored = options.ignore;
    SideModel models[2];
    for (int i = 0; i < 2; ++i) {
        models[i].side = &sides[i];
        models[i].payloads = &exchange.payloads(i);
        Findings w;
        buildModel(models[i], w);
        for (const Finding &f : std::as_const(sides[i].warnings))
            w.prepend(f);
        for (Finding f : std::as_const(w)) {
            f.message = (i == 0 ? QStringLiteral("old: ") : QStringLiteral("new: ")) + f.message;
            report.warnings << f;
        }
    }
    report.oldRelease = sides[0].info;
    report.newRelease = sides[1].info;

    // Pair the members.
    QHash<QString, const Member *> oldByKey;
    QSet<QString> oldImplied;
    QSet<QString> newImplied;
    const auto addImplied = [](QSet<QString> &set, const QString &key) {
        for (qsizetype i = key.lastIndexOf(QLatin1Char('/')); i > 0;
             i = key.lastIndexOf(QLatin1Char('/'), i - 1)) {
            if (set.contains(key.left(i)))
                break;
            set.insert(key.left(i));
        }
    };
    for (const Member &m : sides[0].members) {
        if (m.replaced)
            continue;
        const QString key = models[0].keyOf.value(m.path);
        oldByKey.insert(key, &m);
        addImplied(oldImplied, key);
    }
    std::vector<std::pair<const Member *, const Member *>> pairs;
    QSet<QString> pairedOld;
    for (const Member &m : sides[1].members) {
        if (m.replaced)
            continue;
        const QString key = models[1].keyOf.value(m.path);
        addImplied(newImplied, key);
        const Member *old = oldByKey.value(key);
        if (old)
            pairedOld.insert(key);
        pairs.push_back({old, &m});
    }
    for (auto it = oldByKey.cbegin(); it != oldByKey.cend(); ++it)
        if (!pairedOld.contains(it.key()))
            pairs.push_back({it.value(), nullptr});

    Comparer comparer(options);
    QHash<QString, QString> keyOfFile; // report path -> pairing key
    qint64 compared = 0;
    for (const auto &[o, n] : pairs) {
        if ((++compared & 63) == 0 && progress.isCancelled())
            return Finding::error(QStringLiteral("cancelled"));
        const Member *any = n ? n : o;
        const QString key = models[n ? 1 : 0].keyOf.value(any->path);
        if (!o && n->type == FileType::Directory && oldImplied.contains(key))
            continue;
        if (!n && o->type == FileType::Directory && newImplied.contains(key))
            continue;
        FileDiff f;
        f.path = any->path;
        if (o && n && o->path != n->path)
            f.oldPath = o->path;
        const auto sideOf = [](const Member *m) {
            FileSide s;
            if (!m)
                return s;
            s.path = m->path;
            s.type = m->type;
            s.mode = m->mode;
            s.size = m->size;
            s.linkTarget = m->linkTarget;
            s.digest = m->digest;
            return s;
        };
        f.oldFile = sideOf(o);
        f.newFile = sideOf(n);
        f.kind = kindOf(any->path, any->type, (o && o->binary) || (n && n->binary));
        Contents oc{o, o ? models[0].payload(o->path) : nullptr};
        Contents nc{n, n ? models[1].payload(n->path) : nullptr};
        if (o && n) {
            f.typeChanged = o->type != n->type;
            f.modeChanged = !f.typeChanged && o->type != FileType::Symlink && o->mode != n->mode;
            f.linkChanged = o->type == FileType::Symlink && n->type == FileType::Symlink &&
                            o->linkTarget != n->linkTarget;
            if (!f.typeChanged)
                comparer.compare(f, oc, nc);
            if (f.typeChanged) {
                f.contentChanged = o->digest != n->digest;
            }
            if (o->dropped || n->dropped) {
                if (f.text.omitted == QStringLiteral("not kept"))
                    f.text.omitted = QStringLiteral("not kept (memory budget)");
            }
            const bool contentDiffers = f.contentChanged && !f.equivalent;
            f.state = f.typeChanged || f.modeChanged || f.linkChanged || contentDiffers ? State::Changed
                                                                                        : State::Same;
        } else {
            f.state = n ? State::Added : State::Removed;
            comparer.compare(f, oc, nc);
        }
        keyOfFile.insert(f.path, key);
        report.files.push_back(std::move(f));
    }
    std::sort(report.files.begin(), report.files.end(),
              [](const FileDiff &a, const FileDiff &b) { return a.path < b.path; });

    // Applications
    QStringList names;
    for (const SideModel &m : models)
        for (auto it = m.appVsn.cbegin(); it != m.appVsn.cend(); ++it)
            if (!names.contains(it.key()))
                names << it.key();
    names.sort();
    QHash<QString, std::vector<const FileDiff *>> filesOfApp;
    for (const FileDiff &f : report.files) {
        const QString key = keyOfFile.value(f.path);
        if (!key.startsWith(QLatin1String("lib/")))
            continue;
        const QString dir = key.section(QLatin1Char('/'), 1, 1);
        if (!dir.endsWith(QLatin1Char('-') + Any))
            continue;
        filesOfApp[dir.chopped(Any.size() + 1)].push_back(&f);
    }
    // One version of an application as the appup generator takes it (see AppChange).
    const auto appVersion = [&](int i, const QString &name,
                                const QString &vsn) -> std::optional<upgrade::AppVersion> {
        const Side &side = sides[i];
        const QString ebin = QStringLiteral("lib/%1-%2/ebin/").arg(name, vsn);
        const Payload *app = models[i].payload(ebin + name + QStringLiteral(".app"));
        if (!app)
            return std::nullopt;
        const auto terms = term::consultText(app->bytes, ebin + name + QStringLiteral(".app"));
        if (!terms || terms->empty())
            return std::nullopt;
        auto spec = release::parseAppTerm(terms->front(), ebin + name + QStringLiteral(".app"));
        if (!spec)
            return std::nullopt;
        upgrade::AppVersion version;
        version.spec = std::move(spec).value();
        const QString tag = i == 0 ? QStringLiteral("old:") : QStringLiteral("new:");
        for (const QString &module : std::as_const(version.spec.modules)) {
            const QString path = ebin + module + QStringLiteral(".beam");
            const auto at = side.byPath.constFind(path);
            if (at == side.byPath.constEnd())
                continue;
            const Member &m = side.members[size_t(*at)];
            const FileDiff *f = report.file(path);
            const Payload *p = f && f->oldFile.exists() && f->newFile.exists() && !f->contentChanged
                                   ? nullptr
                                   : models[i].payload(path);
            if (p) {
                if (const auto &info = comparer.beams.get(tag, {&m, p}))
                    version.modules.push_back(*info);
                continue;
            }
            beam::BeamInfo same; // byte for byte as in the other release: not read
            same.fileName = path;
            same.module = module;
            same.md5 = m.digest.left(16);
            version.modules.push_back(std::move(same));
        }
        return version;
    };
    for (const QString &name : std::as_const(names)) {
        AppDiff app;
        app.name = name;
        app.oldVsn = models[0].appVsn.value(name);
        app.newVsn = models[1].appVsn.value(name);
        const bool inOld = models[0].appVsn.contains(name);
        const bool inNew = models[1].appVsn.contains(name);
        const QString ebin =
            QStringLiteral("lib/") + name + QLatin1Char('-') + Any + QStringLiteral("/ebin/");
        bool anyChange = false;
        QString appupPath;
        for (const FileDiff *f : filesOfApp.value(name)) {
            const QString key = keyOfFile.value(f->path);
            const bool isModule =
                f->kind == FileKind::Beam && key.startsWith(ebin) && key.count(QLatin1Char('/')) == 3;
            if (f->state != State::Same)
                anyChange = true;
            if (isModule) {
                ModuleDiff m;
                m.name = moduleNameOf(f->path);
                const ModuleExtra extra = comparer.modules.value(f->path);
                m.note = extra.note;
                if (f->state == State::Added || f->state == State::Removed) {
                    m.state = f->state;
                } else if (f->contentChanged && !f->typeChanged) {
                    m.state = f->equivalent ? State::Same : State::Changed;
                    m.recompiled = f->equivalent;
                    m.exportsAdded = extra.added;
                    m.exportsRemoved = extra.removed;
                    m.chunks = extra.chunks;
                } else {
                    m.state = f->typeChanged ? State::Changed : State::Same;
                }
                if (f->state != State::Same && m.state == State::Same && inOld && inNew)
                    app.files << f->path; // e.g. a mode change
                app.modules.push_back(std::move(m));
            } else if (f->state != State::Same && inOld && inNew) {
                app.files << f->path;
            }
            if (f->kind == FileKind::AppFile && key == ebin + name + QStringLiteral(".app"))
                app.appKeys = f->terms;
            if (f->kind == FileKind::Appup && key == ebin + name + QStringLiteral(".appup") &&
                f->newFile.exists())
                appupPath = f->path;
        }
        std::sort(app.modules.begin(), app.modules.end(),
                  [](const ModuleDiff &a, const ModuleDiff &b) { return a.name < b.name; });
        if (!inOld)
            app.state = State::Added;
        else if (!inNew)
            app.state = State::Removed;
        else if (app.oldVsn != app.newVsn)
            app.state = State::Changed;
        else if (anyChange) {
            app.state = State::Changed;
            app.changedWithoutVersion = true;
        }
        if (app.state == State::Changed) {
            if (app.changedWithoutVersion) {
                app.appup.status = AppupCheck::Status::VersionUnchanged;
                app.appup.findings << Finding::warning(
                    QStringLiteral("%1 changed but is still version %2: release_handler will not upgrade it")
                        .arg(name, app.newVsn));
            } else if (options.appupAdvisor) {
                AppChange change;
                change.app = name;
                change.oldVsn = app.oldVsn;
                change.newVsn = app.newVsn;
                for (const ModuleDiff &m : app.modules) {
                    if (m.state == State::Added)
                        change.addedModules << m.name;
                    else if (m.state == State::Removed)
                        change.removedModules << m.name;
                    else if (m.state == State::Changed)
                        change.changedModules << m.name;
                }
                change.oldReleaseVsn = report.oldRelease.vsn;
                if (!report.newRelease.vsn.isEmpty()) {
                    const QString relupPath = QStringLiteral("releases/%1/relup").arg(report.newRelease.vsn);
                    if (const Payload *p = models[1].payload(relupPath)) {
                        change.relupFile = relupPath;
                        if (const auto terms = term::consultText(p->bytes, relupPath);
                            terms && terms->size() == 1)
                            change.relup = terms->front();
                    }
                }
                change.oldVersion = appVersion(0, name, app.oldVsn);
                change.newVersion = appVersion(1, name, app.newVsn);
                if (!appupPath.isEmpty()) {
                    change.appupFile = appupPath;
                    const Payload *p = models[1].payload(appupPath);
                    const auto terms =
                        p ? term::consultText(p->bytes, appupPath)
                          : Expected<std::vector<term::Term>>(Finding::error(QStringLiteral("not kept")));
                    if (!terms)
                        change.appupError = terms.error();
                    else if (terms->empty())
                        change.appupError = Finding::error(QStringLiteral("empty .appup"), {appupPath, 0, 0});
                    else if (auto appup = upgrade::parseAppupTerm(terms->front(), appupPath))
                        change.appup = std::move(appup).value();
                    else
                        change.appupError = appup.error();
                }
                app.appup = options.appupAdvisor(change);
            }
        }
        report.apps.push_back(std::move(app));
    }

    bool changed = report.nameChanged() || report.vsnChanged() || report.ertsChanged();
    for (const AppDiff &a : report.apps)
        changed = changed || a.state != State::Same;
    for (const FileDiff &f : report.files)
        changed = changed || f.state != State::Same;
    report.state = changed ? State::Changed : State::Same;
    return report;
}

} // namespace rs::diff
