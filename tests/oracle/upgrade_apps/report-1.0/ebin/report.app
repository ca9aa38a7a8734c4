{application, report,
 [{description, "Reports"},
  {vsn, "1.0"},
  {modules, [report_app, report_gen]},
  {registered, []},
  {applications, [kernel, stdlib]},
  {mod, {report_app, []}}]}.
