{application, stats,
 [{description, "A library application, new in release 3"},
  {vsn, "1.0"},
  {modules, [stats_lib]},
  {registered, []},
  {applications, [kernel, stdlib]}]}.
