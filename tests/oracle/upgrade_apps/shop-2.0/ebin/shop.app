{application, shop,
 [{description, "The shop"},
  {vsn, "2.0"},
  {modules, [shop_app, shop_sup, shop_server, shop_db, shop_cache, shop_fmt, shop_old, shop_ring_a, shop_ring_b]},
  {registered, []},
  {applications, [kernel, stdlib]},
  {mod, {shop_app, []}}]}.
