%% The API of the first shop, kept for old clients. Its quoted name sorts before every lowercase
%% module name, which the boot script's module lists must reflect.
-module('Shop_legacy').

-export([add_item/2, basket/0, checkout/0]).

add_item(Name, Price) when is_list(Name) ->
    shop_cart:add(list_to_binary(Name), 1, Price).

basket() ->
    [{binary_to_list(Item), Quantity} || {Item, Quantity, _} <- shop_cart:items()].

checkout() ->
    Total = shop_cart:total(),
    shop_cart:clear(),
    {ok, shop_price:format(Total)}.
