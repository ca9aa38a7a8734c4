#include "script/boot_rules.h"

#include "beam/beam_file.h"
#include "common/dir_listing.h"
#include "release/app_index.h"
#include "release/otp_installation.h"
#include "term/term.h"

#include <QDir>

namespace rs::script {

namespace {

QStringList sortedAsAtoms(QStringList names)
{
    std::sort(names.begin(), names.end(),
              [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    return names;
}

QStringList preloadedModules(const release::OtpInstallation &otp)
{
    QStringList modules;
    for (const QString &beam : filesEndingWith(otp.ertsAppDir() + QStringLiteral("/ebin"), u".beam"))
        modules << beam.chopped(5);
    return sortedAsAtoms(modules);
}

// The newest sasl of the installation: the one `erl` loads.
QString systoolsMakeBeam(const release::OtpInstallation &otp)
{
    QString best;
    QString bestVsn;
    for (const QString &dir : subdirectories(otp.libDir(), u"sasl-")) {
        const QString vsn = dir.mid(5);
        if (best.isEmpty() || release::compareVersions(vsn, bestVsn) > 0) {
            best = dir;
            bestVsn = vsn;
        }
    }
    return best.isEmpty()
               ? QString()
               : otp.libDir() + QLatin1Char('/') + best + QStringLiteral("/ebin/systools_make.beam");
}

Expected<QStringList> mandatoryModules(const QString &beamPath)
{
    const auto beam = beam::BeamFile::read(beamPath);
    if (!beam)
        return beam.error();
    const auto literals = beam->literals();
    if (!literals)
        return literals.error();
    for (const term::Term &literal : *literals) {
        if (literal.isProperList() && literal.size() > 1 && literal.at(0).isAtom(u"error_handler") &&
            std::all_of(literal.elements().begin(), literal.elements().end(),
                        [](const term::Term &t) { return t.isAtom(); })) {
            QStringList modules;
            for (const term::Term &m : literal.elements())
                modules << m.atomName();
            return modules;
        }
    }
    return Finding::error(QStringLiteral("no mandatory module list in %1").arg(beamPath));
}

} // namespace

BootRules otp25BootRules()
{
    BootRules rules;
    rules.preloaded = {QStringLiteral("atomics"),
                       QStringLiteral("counters"),
                       QStringLiteral("erl_init"),
                       QStringLiteral("erl_prim_loader"),
                       QStringLiteral("erl_tracer"),
                       QStringLiteral("erlang"),
                       QStringLiteral("erts_code_purger"),
                       QStringLiteral("erts_dirty_process_signal_handler"),
                       QStringLiteral("erts_internal"),
                       QStringLiteral("erts_literal_area_collector"),
                       QStringLiteral("init"),
                       QStringLiteral("persistent_term"),
                       QStringLiteral("prim_buffer"),
                       QStringLiteral("prim_eval"),
                       QStringLiteral("prim_file"),
                       QStringLiteral("prim_inet"),
                       QStringLiteral("prim_net"),
                       QStringLiteral("prim_socket"),
                       QStringLiteral("prim_zip"),
                       QStringLiteral("socket_registry"),
                       QStringLiteral("zlib")};
    rules.mandatory = {QStringLiteral("error_handler"),
                       QStringLiteral("application"),
                       QStringLiteral("application_controller"),
                       QStringLiteral("application_master"),
                       QStringLiteral("code"),
                       QStringLiteral("code_server"),
                       QStringLiteral("erl_eval"),
                       QStringLiteral("erl_lint"),
                       QStringLiteral("erl_parse"),
                       QStringLiteral("error_logger"),
                       QStringLiteral("ets"),
                       QStringLiteral("file"),
                       QStringLiteral("filename"),
                       QStringLiteral("file_server"),
                       QStringLiteral("file_io_server"),
                       QStringLiteral("gen"),
                       QStringLiteral("gen_event"),
                       QStringLiteral("gen_server"),
                       QStringLiteral("heart"),
                       QStringLiteral("kernel"),
                       QStringLiteral("logger"),
                       QStringLiteral("logger_filters"),
                       QStringLiteral("logger_server"),
                       QStringLiteral("logger_backend"),
                       QStringLiteral("logger_config"),
                       QStringLiteral("logger_simple_h"),
                       QStringLiteral("lists"),
                       QStringLiteral("proc_lib"),
                       QStringLiteral("supervisor")};
    return rules;
}

BootRules bootRulesFor(const release::OtpInstallation &otp)
{
    BootRules rules = otp25BootRules();
    rules.notes.clear();
    const QStringList preloaded = preloadedModules(otp);
    if (!preloaded.isEmpty()) {
        rules.preloaded = preloaded;
    } else {
        rules.notes << Finding::warning(
            QStringLiteral("no preloaded modules found in %1/ebin; using OTP 25's list")
                .arg(otp.ertsAppDir()));
    }
    const QString beam = systoolsMakeBeam(otp);
    const auto mandatory = beam.isEmpty()
                               ? Expected<QStringList>(Finding::error(QStringLiteral("no sasl installed")))
                               : mandatoryModules(beam);
    if (mandatory) {
        rules.mandatory = *mandatory;
    } else {
        rules.notes << Finding::warning(
            QStringLiteral("cannot read systools' mandatory module list (%1); using OTP "
                           "25's list")
                .arg(mandatory.error().toString()));
    }
    return rules;
}

} // namespace rs::script
