%% Broken on purpose: registers shop_cart, a name shop_core registers too.
{application, shop_twin,
 [{description, "A second cart server, clashing with shop_core"},
  {vsn, "1.0.0"},
  {modules, [shop_twin]},
  {registered, [shop_cart]},
  {applications, [kernel, stdlib]}]}.
