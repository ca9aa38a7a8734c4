{application, report,
 [{description, "Reports"},
  {vsn, "1.1"},
  {modules, [report_app, report_gen]},
  {registered, []},
  {applications, [kernel, stdlib]},
  {mod, {report_app, []}}]}.
