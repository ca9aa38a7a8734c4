#pragma once

// Release pairs with known differences for the diff tests (core and e2e): the example shop release
// assembled by relstudio-cli, copied, and changed in one way each (a module recompiled by erlc, a
// sys.config value, a mode, a vm.args flag, an application added or a version bumped).
// Needs RELSTUDIO_BIN_DIR, RELSTUDIO_ERLC, RELSTUDIO_SOURCE_DIR and RELSTUDIO_EXAMPLES_LIB_DIR.

#include "support/process.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

namespace rs::test::diff {

using ToolRun = ProcessRun;

inline ToolRun runTool(const QString &program, const QStringList &args, int timeoutMs = 300000)
{
    return runProcess(program, args, QString(), timeoutMs);
}

inline QString cli()
{
    return QStringLiteral(RELSTUDIO_BIN_DIR "/relstudio-cli");
}

inline QString examplesLib()
{
    return QStringLiteral(RELSTUDIO_EXAMPLES_LIB_DIR);
}

inline QString example(const QString &relative)
{
    return QStringLiteral(RELSTUDIO_SOURCE_DIR "/examples/") + relative;
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// relstudio-cli assemble REL --lib-dir LIB... with the example sys.config and vm.args.
inline ToolRun assemble(const QString &rel, const QStringList &libDirs, const QString &out)
{
    QStringList args{QStringLiteral("assemble"), rel};
    for (const QString &lib : libDirs)
        args << QStringLiteral("--lib-dir") << lib;
    args << QStringLiteral("--sys-config") << example(QStringLiteral("releases/sys.config"))
         << QStringLiteral("--vm-args") << example(QStringLiteral("releases/vm.args"))
         << QStringLiteral("--out") << out;
    return runTool(cli(), args);
}

// A copy that keeps modes (cp -a).
inline ToolRun copyTree(const QString &from, const QString &to)
{
    return runTool(QStringLiteral("cp"), {QStringLiteral("-a"), from, to});
}

// erlc FLAGS -o OUTDIR SOURCES
inline ToolRun erlc(const QStringList &flags, const QString &outDir, const QStringList &sources)
{
    QDir().mkpath(outDir);
    return runTool(QStringLiteral(RELSTUDIO_ERLC),
                   flags + QStringList{QStringLiteral("-o"), outDir} + sources);
}

// The example shop_cart.erl with one more exported function (discount/1).
inline QByteArray changedShopCart()
{
    QByteArray src = readFile(example(QStringLiteral("apps/shop_core/src/shop_cart.erl")));
    src.replace("-export([start_link/0, add/3", "-export([start_link/0, discount/1, add/3");
    src += "\ndiscount(_Code) -> 0.\n";
    return src;
}

// The example release one version on: shop_core 1.1.0 (shop_cart exports discount/1, shop_promo
// added, tax_rate 0.2), release shop 1.1.0. Writes DIR/lib, DIR/src, DIR/shop-1.1.0.rel and the
// assembled release in DIR/release. exitCode 0 on success, else what failed.
inline ToolRun assembleBumpedRelease(const QString &dir)
{
    const auto failed = [](const QString &what) {
        ToolRun run;
        run.err = what.toUtf8();
        return run;
    };
    const QString lib = dir + QStringLiteral("/lib");
    QDir().mkpath(dir);
    if (copyTree(examplesLib(), lib).exitCode != 0)
        return failed(QStringLiteral("cannot copy ") + examplesLib());
    QDir(lib + QStringLiteral("/shop_core-1.0.0")).removeRecursively();
    const QString ebin = lib + QStringLiteral("/shop_core-1.1.0/ebin");
    const QString src = dir + QStringLiteral("/src");
    QDir().mkpath(src);
    const QString exampleSrc = example(QStringLiteral("apps/shop_core/src/"));
    for (const QString &f : QDir(exampleSrc).entryList({QStringLiteral("*.erl")}))
        if (!QFile::copy(exampleSrc + f, src + QLatin1Char('/') + f))
            return failed(QStringLiteral("cannot copy ") + f);
    if (!writeFile(src + QStringLiteral("/shop_cart.erl"), changedShopCart()) ||
        !writeFile(src + QStringLiteral("/shop_promo.erl"),
                   "-module(shop_promo).\n-export([code/0]).\ncode() -> <<\"PROMO\">>.\n"))
        return failed(QStringLiteral("cannot write sources in ") + src);
    QStringList sources;
    for (const QString &f : QDir(src).entryList({QStringLiteral("*.erl")}))
        sources << src + QLatin1Char('/') + f;
    const ToolRun c = erlc({QStringLiteral("+deterministic"), QStringLiteral("+debug_info")}, ebin, sources);
    if (c.exitCode != 0)
        return c;
    QByteArray app = readFile(example(QStringLiteral("apps/shop_core/shop_core.app")));
    app.replace("{vsn, \"1.0.0\"}", "{vsn, \"1.1.0\"}");
    app.replace("'Shop_legacy']", "'Shop_legacy', shop_promo]");
    app.replace("{tax_rate, 0.19}", "{tax_rate, 0.2}");
    QByteArray rel = readFile(example(QStringLiteral("releases/shop-1.0.0.rel")));
    rel.replace("{\"shop\", \"1.0.0\"}", "{\"shop\", \"1.1.0\"}");
    rel.replace("{shop_core, \"1.0.0\"}", "{shop_core, \"1.1.0\"}");
    const QString relPath = dir + QStringLiteral("/shop-1.1.0.rel");
    if (!writeFile(ebin + QStringLiteral("/shop_core.app"), app) || !writeFile(relPath, rel))
        return failed(QStringLiteral("cannot write the .app or .rel"));
    return assemble(relPath, {lib}, dir + QStringLiteral("/release"));
}

} // namespace rs::test::diff
