{application, report,
 [{description, "Reports"},
  {vsn, "2.0"},
  {modules, [report_app, report_gen, report_pdf]},
  {registered, []},
  {applications, [kernel, stdlib]},
  {mod, {report_app, []}}]}.
