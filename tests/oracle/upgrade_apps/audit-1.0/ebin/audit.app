{application, audit,
 [{description, "An audit log, new in release 3"},
  {vsn, "1.0"},
  {modules, [audit_app, audit_log]},
  {registered, []},
  {applications, [kernel, stdlib]},
  {mod, {audit_app, []}}]}.
