#include "release_document.h"

#include "common/atomic_file.h"
#include "release/app_spec.h"
#include "term/pretty.h"
#include "term/reader.h"
#include "term/text_edit.h"

#include <QFile>
#include <QFileInfo>
#include <QUndoCommand>

namespace rs::ui {

using term::Term;

// One change of the document's text. Typing merges into the previous step while it continues.
class TextCommand : public QUndoCommand
{
public:
    static constexpr int TypingId = 1;

    TextCommand(ReleaseDocument *doc, QString before, QString after, const QString &name, bool typing)
        : QUndoCommand(name), m_doc(doc), m_before(std::move(before)), m_after(std::move(after)),
          m_typing(typing)
    {
    }
    void undo() override { m_doc->applyText(m_before, false); }
    void redo() override
    {
        // The editor already shows typed text: the first redo only records it.
        m_doc->applyText(m_after, m_typing && m_firstRedo);
        m_firstRedo = false;
    }
    int id() const override { return m_typing ? TypingId : -1; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const TextCommand *>(other);
        m_after = next->m_after;
        return true;
    }

private:
    ReleaseDocument *m_doc;
    QString m_before;
    QString m_after;
    bool m_typing;
    bool m_firstRedo = true;
};

ReleaseDocument::ReleaseDocument(QObject *parent) : QObject(parent)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { emit modifiedChanged(!clean); });
}

ReleaseDocument::~ReleaseDocument()
{
    // The undo stack announces "clean" as it is destroyed; nobody should hear that.
    m_undo.disconnect(this);
    disconnect();
}

bool ReleaseDocument::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    m_undo.clear();
    applyText(QString::fromUtf8(file.readAll()), false);
    m_undo.setClean();
    emit pathChanged();
    return true;
}

bool ReleaseDocument::save(QString *error)
{
    const auto written = writeFileAtomically(m_path, m_text.toUtf8());
    if (!written) {
        *error = written.error().toString();
        return false;
    }
    m_undo.setClean();
    return true;
}

bool ReleaseDocument::saveAs(const QString &path, QString *error)
{
    const QString previous = m_path;
    m_path = QFileInfo(path).absoluteFilePath();
    if (!save(error)) {
        m_path = previous;
        return false;
    }
    emit pathChanged();
    return true;
}

QString ReleaseDocument::displayName() const
{
    return m_path.isEmpty() ? tr("untitled.rel") : QFileInfo(m_path).fileName();
}

void ReleaseDocument::applyText(const QString &text, bool fromEditor)
{
    m_text = text;
    const auto terms = term::consultText(text.toUtf8(), m_path);
    m_releaseTerm.reset();
    if (!terms) {
        m_parsed = {};
        m_parsed.spec.file = m_path;
        m_parsed.findings = {terms.error()};
    } else if (terms->empty()) {
        m_parsed = {};
        m_parsed.spec.file = m_path;
        m_parsed.findings = {Finding::error(tr("the .rel file holds no term"), {m_path, 1, 1})};
    } else {
        m_releaseTerm = terms->front();
        m_parsed = release::parseRelTerm(terms->front(), m_path);
    }
    emit textChanged(fromEditor);
}

void ReleaseDocument::setTextFromEditor(const QString &text)
{
    if (text == m_text)
        return;
    m_undo.push(new TextCommand(this, m_text, text, tr("Typing"), true));
}

void ReleaseDocument::pushEdit(const QString &newText, const QString &actionName)
{
    if (newText != m_text)
        m_undo.push(new TextCommand(this, m_text, newText, actionName, false));
}

const Term *ReleaseDocument::appsList() const
{
    if (!m_releaseTerm || !m_releaseTerm->isTuple(4) || !m_releaseTerm->at(3).isList())
        return nullptr;
    return &m_releaseTerm->at(3);
}

QString ReleaseDocument::entryText(const release::RelApp &app) const
{
    std::vector<Term> e = {Term::atom(app.name), Term::string(app.vsn)};
    if (app.typeGiven)
        e.push_back(Term::atom(release::startTypeName(app.type)));
    if (app.includedOverride)
        e.push_back(release::atomList(*app.includedOverride));
    return term::prettyTerm(Term::tuple(std::move(e)), {.lineLength = 1000});
}

bool ReleaseDocument::setAppVersion(int row, const QString &vsn)
{
    const Term *apps = appsList();
    if (!apps || row < 0 || row >= apps->size() || !apps->at(row).isTuple() || apps->at(row).size() < 2)
        return false;
    term::TextEdit edit(m_text);
    if (!edit.replace(apps->at(row).at(1), term::prettyTerm(Term::string(vsn))))
        return false;
    pushEdit(edit.text(), tr("Change version of %1").arg(apps->at(row).at(0).atomName()));
    return true;
}

bool ReleaseDocument::setAppStartType(int row, release::StartType type)
{
    const Term *apps = appsList();
    if (!apps || row < 0 || row >= apps->size() || !apps->at(row).isTuple() || apps->at(row).size() < 2)
        return false;
    const Term &entry = apps->at(row);
    const QString atom = release::startTypeName(type);
    term::TextEdit edit(m_text);
    const bool ok = entry.size() >= 3 && entry.at(2).isAtom()
                        ? edit.replace(entry.at(2), atom)
                        : edit.insertAfter(entry.at(1), QStringLiteral(",") + atom);
    if (!ok)
        return false;
    pushEdit(edit.text(), tr("Change start type of %1").arg(entry.at(0).atomName()));
    return true;
}

bool ReleaseDocument::setAppIncluded(int row, const std::optional<QStringList> &included)
{
    if (!isValid() || row < 0 || row >= int(m_parsed.spec.apps.size()))
        return false;
    release::RelApp app = m_parsed.spec.apps[size_t(row)];
    app.includedOverride = included;
    term::TextEdit edit(m_text);
    if (!edit.replace(appsList()->at(row), entryText(app)))
        return false;
    pushEdit(edit.text(), tr("Change included applications of %1").arg(app.name));
    return true;
}

bool ReleaseDocument::addApps(const std::vector<release::RelApp> &newApps)
{
    const Term *apps = appsList();
    if (!apps || newApps.empty())
        return false;
    QStringList entries;
    for (const release::RelApp &a : newApps)
        entries << entryText(a);
    term::TextEdit edit(m_text);
    bool ok = false;
    if (apps->isNil()) {
        ok = edit.replace(*apps, QLatin1Char('[') + entries.join(QStringLiteral(",\n  ")) + QLatin1Char(']'));
    } else {
        const Term &last = apps->at(apps->size() - 1);
        const QString indent(qMax(0, last.column() - 1), QLatin1Char(' '));
        ok = edit.insertAfter(last,
                              QStringLiteral(",\n") + indent + entries.join(QStringLiteral(",\n") + indent));
    }
    if (!ok)
        return false;
    pushEdit(edit.text(), newApps.size() == 1 ? tr("Add %1").arg(newApps.front().name)
                                              : tr("Add %n applications", nullptr, int(newApps.size())));
    return true;
}

bool ReleaseDocument::removeApp(int row)
{
    const Term *apps = appsList();
    if (!apps || row < 0 || row >= apps->size())
        return false;
    const QString name =
        apps->at(row).isTuple() && apps->at(row).size() > 0 ? apps->at(row).at(0).atomName() : QString();
    term::TextEdit edit(m_text);
    if (!edit.removeElement(*apps, row))
        return false;
    pushEdit(edit.text(), tr("Remove %1").arg(name));
    return true;
}

bool ReleaseDocument::moveApp(int row, int toRow)
{
    const Term *apps = appsList();
    if (!apps)
        return false;
    term::TextEdit edit(m_text);
    if (!edit.swapElements(*apps, row, toRow))
        return false;
    pushEdit(edit.text(), tr("Move application"));
    return true;
}

bool ReleaseDocument::setReleaseField(int field, const QString &value)
{
    if (!m_releaseTerm || !m_releaseTerm->isTuple(4) || !m_releaseTerm->at(1).isTuple(2) ||
        !m_releaseTerm->at(2).isTuple(2))
        return false;
    const Term &target = field == 0   ? m_releaseTerm->at(1).at(0)
                         : field == 1 ? m_releaseTerm->at(1).at(1)
                                      : m_releaseTerm->at(2).at(1);
    term::TextEdit edit(m_text);
    if (!edit.replace(target, term::prettyTerm(Term::string(value))))
        return false;
    static const char *const names[] = {QT_TR_NOOP("Rename release"), QT_TR_NOOP("Change release version"),
                                        QT_TR_NOOP("Change ERTS version")};
    pushEdit(edit.text(), tr(names[qBound(0, field, 2)]));
    return true;
}

} // namespace rs::ui
