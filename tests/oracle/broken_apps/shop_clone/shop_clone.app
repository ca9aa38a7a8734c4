%% Broken on purpose: declares shop_cart, a module of shop_core too.
{application, shop_clone,
 [{description, "A copy of the cart, clashing with shop_core"},
  {vsn, "1.0.0"},
  {modules, [shop_clone, shop_cart]},
  {registered, []},
  {applications, [kernel, stdlib]}]}.
