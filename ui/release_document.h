#pragma once

#include "release/rel_spec.h"
#include "term/term.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <optional>

namespace rs::ui {

// An open .rel file. Its text is the single source of truth: the table and the text editor are two
// views of it, every change (typing, or a structured edit from the table) becomes a new text on
// one undo stack, and structured edits change only the terms they touch, so comments and layout
// stay as the user wrote them.
class ReleaseDocument : public QObject
{
    Q_OBJECT

public:
    explicit ReleaseDocument(QObject *parent = nullptr);
    ~ReleaseDocument() override;

    bool load(const QString &path, QString *error);
    // Writes atomically; an unchanged file is not touched.
    bool save(QString *error);
    bool saveAs(const QString &path, QString *error);

    QString path() const { return m_path; }
    QString displayName() const;
    QString text() const { return m_text; }
    bool isModified() const { return !m_undo.isClean(); }
    QUndoStack *undoStack() { return &m_undo; }

    // The text as read: the release, with findings of its syntax and shape.
    const release::RelParse &parsed() const { return m_parsed; }
    bool isValid() const { return m_releaseTerm.has_value() && m_parsed.ok(); }

    // Typing in the text editor; consecutive typing merges into one undo step.
    void setTextFromEditor(const QString &text);

    // Structured edits; each is one undo step. They need a text that parses.
    bool setAppVersion(int row, const QString &vsn);
    bool setAppStartType(int row, release::StartType type);
    bool setAppIncluded(int row, const std::optional<QStringList> &included);
    bool addApps(const std::vector<release::RelApp> &apps);
    bool removeApp(int row);
    bool moveApp(int row, int toRow);
    bool setReleaseField(int field, const QString &value); // 0 name, 1 vsn, 2 ERTS

signals:
    void textChanged(bool fromEditor);
    void modifiedChanged(bool modified);
    void pathChanged();

private:
    friend class TextCommand;
    void applyText(const QString &text, bool fromEditor);
    void pushEdit(const QString &newText, const QString &actionName);
    QString entryText(const release::RelApp &app) const;
    const term::Term *appsList() const;

    QString m_path;
    QString m_text;
    QUndoStack m_undo;
    release::RelParse m_parsed;
    std::optional<term::Term> m_releaseTerm;
};

} // namespace rs::ui
