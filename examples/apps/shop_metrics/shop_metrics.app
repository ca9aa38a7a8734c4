%% shop_metrics: request and sales counters. shop_web includes it (included_applications), so
%% normally its top supervisor is started by shop_web's supervisor, and only its start phase runs
%% through application_starter; it has to declare start_phases for that (a subset of shop_web's).
%% Started on its own (in a release without shop_web) it runs start/2 and then the same phase.
{application, shop_metrics,
 [{description, "Shop metrics: counters for requests and sales"},
  {vsn, "1.0.0"},
  {modules, [shop_metrics_sup, shop_metrics_app, shop_metrics, shop_metrics_report]},
  {registered, [shop_metrics_sup, shop_metrics]},
  {applications, [kernel, stdlib]},
  {mod, {shop_metrics_app, []}},
  {start_phases, [{go, []}]},
  {env, [{report_interval, 60000}, {counters, [requests, sales, errors]}]}]}.
