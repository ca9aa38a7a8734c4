%% Not stdlib: a stand-in for an older stdlib, so that a release can change the stdlib version
%% (the real stdlib.appup then asks for restart_new_emulator). It has no modules.
{application, stdlib,
 [{description, "Stand-in for stdlib 4.1 (relup oracle)"},
  {vsn, "4.1"},
  {modules, []},
  {registered, []},
  {applications, [kernel]}]}.
