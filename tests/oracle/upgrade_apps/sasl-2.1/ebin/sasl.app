%% Not sasl: a stand-in for a sasl older than R15 (2.2), for systools' pre-R15 emulator upgrade.
{application, sasl,
 [{description, "Stand-in for sasl 2.1 (relup oracle)"},
  {vsn, "2.1"},
  {modules, []},
  {registered, []},
  {applications, [kernel, stdlib]}]}.
