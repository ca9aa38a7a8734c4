{application, hotup,
 [{description, "Hot upgrade test application"},
  {vsn, "1.0"},
  {modules, [hotup_app, hotup_sup, hotup_server]},
  {registered, [hotup_sup, hotup_server]},
  {applications, [kernel, stdlib, sasl]},
  {mod, {hotup_app, []}},
  {env, []}]}.
