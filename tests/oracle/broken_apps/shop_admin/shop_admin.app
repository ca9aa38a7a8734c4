%% Broken on purpose: includes shop_metrics, which shop_web includes too; an application can be
%% included by one application only.
{application, shop_admin,
 [{description, "Admin pages, including the metrics as shop_web does"},
  {vsn, "1.0.0"},
  {modules, [shop_admin]},
  {registered, []},
  {applications, [kernel, stdlib]},
  {included_applications, [shop_metrics]}]}.
