{application, errapp,
 [{description, "Modules whose .appup each oracle row writes"},
  {vsn, "2.0"},
  {modules, [ea, eb, ec, ed, ee, ef, eg, eh, ei]},
  {registered, []},
  {applications, [kernel, stdlib]}]}.
