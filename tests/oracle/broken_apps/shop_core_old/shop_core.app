%% An older shop_core, to check that the version the .rel names is the one taken, whatever the
%% order of the lib directories, and that error messages list every version found.
{application, shop_core,
 [{description, "Shop core: carts (first release)"},
  {vsn, "0.9.0"},
  {modules, [shop_cart, 'Shop_legacy']},
  {registered, [shop_cart]},
  {applications, [kernel, stdlib]},
  {env, [{currency, <<"EUR">>}]}]}.
