#pragma once

// The real OTP is the truth the oracle tests compare against. These helpers run it; a missing or
// failing `erl` makes the test fail, never skip.

#include "support/process.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace rs::test {

using ErlRun = ProcessRun;

// `erl -noshell ARGS`, with no input; fails after timeoutMs.
ErlRun runErl(const QStringList &args, int timeoutMs = 600000);

// Evaluates `Expression` (without the final `halt()`) in a fresh VM, printing what it prints.
ErlRun evalErl(const QString &expression, const QStringList &extraArgs = {});

// Compiles tests/oracle/erl/MODULE.erl once per process and runs MODULE:main(Args) in a fresh VM;
// the module prints its results or writes them to files and calls halt/0 itself.
ErlRun runErlModule(const QString &module, const QStringList &args);

// The installed OTP's root directory (code:root_dir()), e.g. /usr/lib/erlang.
QString otpRoot();

} // namespace rs::test
