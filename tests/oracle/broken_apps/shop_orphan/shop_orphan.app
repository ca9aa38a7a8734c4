%% Broken on purpose: depends on shop_ghost_dep, which no lib directory holds.
{application, shop_orphan,
 [{description, "Depends on an application that does not exist"},
  {vsn, "1.0.0"},
  {modules, [shop_orphan]},
  {registered, []},
  {applications, [kernel, stdlib, shop_ghost_dep]}]}.
