%% Names of the first tools release, kept as aliases.
-module('Shop_tools_compat').

-export([to_csv/1, money/1]).

to_csv(Rows) -> shop_tools_csv:encode(Rows).

money(Cents) -> shop_tools_fmt:cents(Cents).
