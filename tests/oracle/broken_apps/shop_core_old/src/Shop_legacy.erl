-module('Shop_legacy').
-export([add_item/2]).

add_item(Name, Price) -> shop_cart:add(list_to_binary(Name), 1, Price).
