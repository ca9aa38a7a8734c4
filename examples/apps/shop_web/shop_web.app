%% shop_web: the shop's request handling. It includes shop_metrics (its supervisor starts
%% shop_metrics' top supervisor) and starts in phases through application_starter, as OTP
%% requires for applications with included applications that have start phases.
%% shop_tools and recon are optional: a release may leave them out; recon is never available.
{application, shop_web,
 [{description, "Shop web front: routes requests to the cart"},
  {vsn, "1.0.0"},
  {modules, [shop_web_router, shop_web_app, shop_web_handler, shop_web_sup]},
  {registered, [shop_web_sup, shop_web_router]},
  {applications, [kernel, stdlib, shop_core, shop_tools, recon]},
  {optional_applications, [shop_tools, recon]},
  {included_applications, [shop_metrics]},
  {mod, {application_starter, [shop_web_app, []]}},
  {start_phases, [{init, []}, {go, []}]},
  {env, [{port, 8080}, {bind, {0, 0, 0, 0}}, {routes, [{get, "/cart"}, {post, "/cart"}, {delete, "/cart"}]}]}]}.
