#include "diff/diff_details.h"

#include "diff/diff_tree_model.h"

#include <QCoreApplication>
#include <QLocale>

namespace rs::ui::details {

namespace {

using diff::State;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(DiffDetails)
};

QString e(const QString &text)
{
    return text.toHtmlEscaped();
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString section(const QString &heading)
{
    return QStringLiteral("<h4 style='margin-bottom:2px'>%1</h4>").arg(e(heading));
}

QString list(const QStringList &items)
{
    if (items.isEmpty())
        return {};
    QString html = QStringLiteral("<ul style='margin-top:0'>");
    for (const QString &item : items)
        html += QStringLiteral("<li>%1</li>").arg(item);
    return html + QStringLiteral("</ul>");
}

QString code(const QString &text)
{
    return QStringLiteral("<code>%1</code>").arg(e(text));
}

QString termChanges(const std::vector<diff::TermChange> &changes)
{
    QStringList items;
    for (const diff::TermChange &c : changes) {
        const QString path = code(c.path.join(QLatin1Char('.')));
        switch (c.state) {
        case State::Added:
            items << Tr::tr("%1 added: %2").arg(path, code(c.newValue));
            break;
        case State::Removed:
            items << Tr::tr("%1 removed (was %2)").arg(path, code(c.oldValue));
            break;
        default:
            items << Tr::tr("%1: %2 → %3").arg(path, code(c.oldValue), code(c.newValue));
        }
    }
    return list(items);
}

QString findings(const Findings &all)
{
    QStringList items;
    for (const Finding &f : all)
        items << e(f.toString());
    return list(items);
}

QString appupSentence(const diff::AppupCheck &check)
{
    using Status = diff::AppupCheck::Status;
    switch (check.status) {
    case Status::NotNeeded:
        return Tr::tr("No .appup needed: the relup adds, removes or leaves the application as it is.");
    case Status::Covered:
        return Tr::tr("The upgrade is covered by %1.").arg(code(check.file));
    case Status::Missing:
        return Tr::tr("No .appup shipped: systools cannot make a relup for this change.");
    case Status::NoEntry:
        return Tr::tr("%1 has no entry for the old version.").arg(code(check.file));
    case Status::Incomplete:
        return Tr::tr("%1 misses parts of the change.").arg(code(check.file));
    case Status::VersionUnchanged:
        return Tr::tr("The contents changed but the version did not: release_handler cannot upgrade it.");
    case Status::Invalid:
        return Tr::tr("%1 does not read as an appup.").arg(code(check.file));
    }
    return {};
}

} // namespace

QString title(const DiffNode &node)
{
    const QString state = DiffTreeModel::stateText(node);
    QString what = node.file ? node.file->path : node.name;
    if (node.kind == DiffNode::Kind::Application)
        what = Tr::tr("application %1").arg(node.name);
    else if (node.kind == DiffNode::Kind::Module)
        what = Tr::tr("module %1").arg(node.name);
    QString html = QStringLiteral("<b>%1</b> &nbsp;·&nbsp; %2").arg(e(what), e(state));
    if (!node.detail.isEmpty())
        html += QStringLiteral(" &nbsp;·&nbsp; %1").arg(e(node.detail));
    if (node.file && node.file->oldFile.exists() && node.file->newFile.exists() &&
        !node.file->oldPath.isEmpty())
        html += QStringLiteral("<br><small>%1 → %2</small>").arg(e(node.file->oldPath), e(node.file->path));
    if (node.file && !node.file->note.isEmpty())
        html += QStringLiteral("<br><small>%1</small>").arg(e(node.file->note));
    if (node.kind == DiffNode::Kind::Application && node.app && node.app->state == State::Changed) {
        html += QStringLiteral("<br>") + appupSentence(node.app->appup);
        if (!node.app->appup.neededText.isEmpty() || !node.app->appup.shippedText.isEmpty())
            html += QStringLiteral(" ") +
                    Tr::tr("Left: the .appup the change needs (generated); right: the one shipped.");
        html += findings(node.app->appup.findings);
    }
    return html;
}

QString groupBody(const DiffNode &node, const diff::DiffReport &report)
{
    QString html;
    if (node.key == QLatin1String("group:releases")) {
        QStringList facts;
        const auto fact = [&facts](const QString &label, const QString &oldValue, const QString &newValue) {
            facts << (oldValue == newValue
                          ? QStringLiteral("%1: %2").arg(label, code(newValue))
                          : QStringLiteral("%1: %2 → %3").arg(label, code(oldValue), code(newValue)));
        };
        fact(Tr::tr("Release"), report.oldRelease.name, report.newRelease.name);
        fact(Tr::tr("Version"), report.oldRelease.vsn, report.newRelease.vsn);
        fact(Tr::tr("ERTS"), report.oldRelease.erts, report.newRelease.erts);
        fact(Tr::tr("Format"), report.oldRelease.format, report.newRelease.format);
        html += list(facts);
        if (!report.warnings.isEmpty())
            html += section(Tr::tr("Warnings")) + findings(report.warnings);
    }
    QStringList changed;
    for (const auto &child : node.children)
        if (child->state != State::Same)
            changed << QStringLiteral("%1 — %2").arg(code(child->name), e(DiffTreeModel::stateText(*child)));
    html += section(changed.size() == 1 ? Tr::tr("1 member differs")
                                        : Tr::tr("%1 members differ").arg(changed.size())) +
            list(changed);
    return html;
}

QString applicationBody(const diff::AppDiff &app)
{
    QString html;
    QStringList modules;
    for (const diff::ModuleDiff &m : app.modules)
        if (m.state != State::Same || m.recompiled)
            modules << QStringLiteral("%1 — %2").arg(code(m.name),
                                                     m.recompiled ? Tr::tr("same code, recompiled")
                                                                  : e(DiffTreeModel::stateText(m.state)));
    html += section(Tr::tr("Modules: %1 changed, %2 added, %3 removed, %4 same")
                        .arg(app.count(State::Changed))
                        .arg(app.count(State::Added))
                        .arg(app.count(State::Removed))
                        .arg(app.count(State::Same))) +
            list(modules);
    if (!app.appKeys.empty())
        html += section(Tr::tr(".app keys")) + termChanges(app.appKeys);
    if (!app.files.isEmpty()) {
        QStringList files;
        for (const QString &f : app.files)
            files << code(f);
        html += section(Tr::tr("Other files that differ")) + list(files);
    }
    if (app.state == State::Changed && !app.appup.instructions.isEmpty()) {
        QStringList instructions;
        for (const QString &i : app.appup.instructions)
            instructions << code(i);
        html += section(Tr::tr("Instructions the upgrade needs")) + list(instructions);
    }
    return html;
}

QString moduleBody(const diff::ModuleDiff &module, const diff::FileDiff *file)
{
    QString html;
    if (!module.note.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(e(module.note));
    if (module.state == State::Changed) {
        QStringList exports;
        for (const QString &f : module.exportsAdded)
            exports << Tr::tr("added %1").arg(code(f));
        for (const QString &f : module.exportsRemoved)
            exports << Tr::tr("removed %1").arg(code(f));
        html += section(Tr::tr("Exports")) +
                (exports.isEmpty() ? Tr::tr("<p>The same functions.</p>") : list(exports));
    }
    if (!module.chunks.empty()) {
        html += section(Tr::tr("Chunks")) +
                QStringLiteral("<table cellspacing='0' cellpadding='3'><tr><th align='left'>%1</th><th "
                               "align='left'>%2</th><th align='right'>%3</th><th align='right'>%4</th></tr>")
                    .arg(Tr::tr("Chunk"), Tr::tr("State"), Tr::tr("Old size"), Tr::tr("New size"));
        for (const diff::ChunkChange &c : module.chunks) {
            const QString weight =
                c.state == State::Same ? QString() : QStringLiteral(" style='font-weight:bold'");
            html += QStringLiteral("<tr%1><td><code>%2</code></td><td>%3</td><td align='right'>%4</td>"
                                   "<td align='right'>%5</td></tr>")
                        .arg(weight, e(c.id), e(DiffTreeModel::stateText(c.state)),
                             c.state == State::Added ? QString() : QString::number(c.oldSize),
                             c.state == State::Removed ? QString() : QString::number(c.newSize));
        }
        html += QStringLiteral("</table>");
        html += QStringLiteral("<p><small>%1</small></p>")
                    .arg(Tr::tr(
                        "Code, atoms, literals, imports, exports and funs decide whether the code changed "
                        "(beam_lib:md5/1); compile info, debug info and line tables do not."));
    } else if (file) {
        html += fileBody(*file);
    }
    return html;
}

QString fileBody(const diff::FileDiff &file)
{
    QStringList facts;
    const auto side = [](const diff::FileSide &s) {
        if (!s.exists())
            return Tr::tr("absent");
        QString text = QStringLiteral("%1, %2, mode %3")
                           .arg(diff::fileTypeName(s.type), sizeText(s.size))
                           .arg(s.mode, 4, 8, QLatin1Char('0'));
        if (!s.linkTarget.isEmpty())
            text += QStringLiteral(" → ") + s.linkTarget;
        return text;
    };
    facts << Tr::tr("Old: %1").arg(e(side(file.oldFile))) << Tr::tr("New: %1").arg(e(side(file.newFile)));
    if (file.oldFile.exists() && file.newFile.exists() && file.contentChanged)
        facts << Tr::tr("BLAKE2b: %1 → %2")
                     .arg(code(QString::fromLatin1(file.oldFile.digest.toHex().left(16))),
                          code(QString::fromLatin1(file.newFile.digest.toHex().left(16))));
    if (!file.text.omitted.isEmpty())
        facts << Tr::tr("Lines not compared: %1").arg(e(file.text.omitted));
    QString html = list(facts);
    if (!file.terms.empty())
        html += section(Tr::tr("Terms")) + termChanges(file.terms);
    return html;
}

} // namespace rs::ui::details
