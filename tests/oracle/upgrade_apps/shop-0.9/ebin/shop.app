{application, shop,
 [{description, "The shop, before 1.0"},
  {vsn, "0.9"},
  {modules, [shop_app, shop_sup, shop_server]},
  {registered, []},
  {applications, [kernel, stdlib]},
  {mod, {shop_app, []}}]}.
