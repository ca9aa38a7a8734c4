%% shop_tools: a library application (no mod): releases load it (type load) or only put it in the
%% code path (type none).
{application, shop_tools,
 [{description, "Shop tools: CSV export and formatting helpers"},
  {vsn, "1.0.0"},
  {modules, [shop_tools_fmt, shop_tools_csv, shop_tools, 'Shop_tools_compat']},
  {registered, []},
  {applications, [kernel, stdlib]},
  {env, []},
  {maxT, 3600000},
  {maxP, infinity}]}.
