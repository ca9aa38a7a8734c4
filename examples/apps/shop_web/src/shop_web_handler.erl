%% The request handlers. Uses shop_tools for CSV output when that optional application is there.
-module(shop_web_handler).

-export([handle/3]).

handle(get, "/cart", _Body) ->
    Items = shop_cart:items(),
    case code:which(shop_tools_csv) of
        non_existing ->
            {200, term_to_binary(Items)};
        _ ->
            Rows = [[Item, integer_to_list(Q), integer_to_list(P)] || {Item, Q, P} <- Items],
            {200, shop_tools_csv:encode([["item", "quantity", "price"] | Rows])}
    end;
handle(post, "/cart", Body) ->
    {Item, Quantity, Price} = binary_to_term(Body, [safe]),
    case shop_cart:add(Item, Quantity, Price) of
        ok ->
            shop_metrics:incr(sales),
            {201, <<>>};
        {error, _} ->
            {409, <<>>}
    end;
handle(delete, "/cart", _Body) ->
    shop_cart:clear(),
    {204, <<>>}.
