{application, billing,
 [{description, "Invoices; the shop drops it in release 3"},
  {vsn, "1.0"},
  {modules, [billing_app, billing_sup, billing_invoice]},
  {registered, []},
  {applications, [kernel, stdlib]},
  {mod, {billing_app, []}}]}.
