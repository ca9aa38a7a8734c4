%% shop_core: the shop's domain: the shopping cart server and its price rules.
%% The module list is deliberately not sorted: boot scripts load modules in term order, where the
%% quoted atom 'Shop_legacy' comes before every lowercase name.
{application, shop_core,
 [{description, "Shop core: carts and prices"},
  {id, "shop_core"},
  {vsn, "1.0.0"},
  {modules, [shop_core_app, shop_core_sup, shop_cart, shop_price, 'Shop_legacy']},
  {registered, [shop_core_sup, shop_cart]},
  {applications, [kernel, stdlib, sasl]},
  {mod, {shop_core_app, []}},
  {env, [{currency, <<"EUR">>},
         {currency_symbol, "€"},
         {tax_rate, 0.19},
         {limits, #{max_items => 100, max_quantity => 10, max_total => 10000}},
         {rounding, {half_up, 2}},
         {discounts, [{"WELCOME10", 10}, {"SUMMER", 15}]}]},
  {maxT, infinity},
  {runtime_dependencies, ["kernel-8.0", "stdlib-4.0", "sasl-4.0"]}]}.
