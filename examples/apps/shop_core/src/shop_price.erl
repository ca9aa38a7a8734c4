%% Price rules: sums, taxes, discounts and formatting. A plain library module without processes.
-module(shop_price).

-export([net/1, gross/1, discount/2, format/1]).

%% The sum of Quantity * UnitPrice over [{Item, Quantity, UnitPrice}], in cents.
net(Items) ->
    lists:sum([Quantity * UnitPrice || {_Item, Quantity, UnitPrice} <- Items]).

%% Net plus tax, rounded half up to whole cents.
gross(Net) ->
    Rate = application:get_env(shop_core, tax_rate, 0.19),
    round(Net * (1 + Rate)).

%% Applies a discount code from the environment; unknown codes change nothing.
discount(Amount, Code) ->
    Codes = application:get_env(shop_core, discounts, []),
    case lists:keyfind(Code, 1, Codes) of
        {Code, Percent} -> Amount - (Amount * Percent) div 100;
        false -> Amount
    end.

%% "12.34 €" for 1234.
format(Cents) ->
    Symbol = application:get_env(shop_core, currency_symbol, "€"),
    lists:flatten(io_lib:format("~w.~2..0w ~ts", [Cents div 100, Cents rem 100, Symbol])).
