-module(shop_admin).
-export([report/0]).

report() -> shop_metrics_report:text().
