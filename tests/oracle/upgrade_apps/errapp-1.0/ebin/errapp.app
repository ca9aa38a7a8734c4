{application, errapp,
 [{description, "Modules whose .appup each oracle row writes"},
  {vsn, "1.0"},
  {modules, [ea, eb, ec, ed, ee, ef, eg, eh]},
  {registered, []},
  {applications, [kernel, stdlib]}]}.
