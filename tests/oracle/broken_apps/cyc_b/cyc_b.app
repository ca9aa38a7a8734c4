%% Broken on purpose: cyc_a needs cyc_b, cyc_b needs cyc_c, cyc_c needs cyc_a.
{application, cyc_b,
 [{description, "Part of a dependency cycle"},
  {vsn, "1.0.0"},
  {modules, [cyc_b]},
  {registered, []},
  {applications, [kernel, stdlib, cyc_c]}]}.
