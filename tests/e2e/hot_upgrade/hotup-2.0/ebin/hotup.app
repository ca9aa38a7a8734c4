{application, hotup,
 [{description, "Hot upgrade test application"},
  {vsn, "2.0"},
  {modules, [hotup_app, hotup_sup, hotup_server, hotup_fmt]},
  {registered, [hotup_sup, hotup_server, hotup_fmt]},
  {applications, [kernel, stdlib, sasl]},
  {mod, {hotup_app, []}},
  {env, []}]}.
