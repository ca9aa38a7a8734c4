{application, shop,
 [{description, "The shop"},
  {vsn, "1.0.0"},
  {modules, [shop_app, shop_sup, shop_server, shop_db, shop_cache, shop_fmt, shop_old]},
  {registered, []},
  {applications, [kernel, stdlib]},
  {mod, {shop_app, []}}]}.
