%% Oracle for the external term format codec: term_to_binary/1,2 of random terms.
%% main([OutDir]) writes OutDir/terms.bin, for each term three fields, each a 32-bit big-endian
%% size followed by that many bytes: term_to_binary(T), term_to_binary(T, [compressed]),
%% and the text of T (~tw, UTF-8, for failure messages). The fixed seed makes every
%% run generate the same terms.
-module(etf_oracle).
-export([main/1]).

-define(RANDOM_TERMS, 3000).
-define(MAX_DEPTH, 6).

main([OutDir]) ->
    rand:seed(exsss, {20, 25, 3}),
    Terms = boundary_terms() ++ [term(0) || _ <- lists:seq(1, ?RANDOM_TERMS)],
    Records = [record(T) || T <- Terms],
    ok = file:write_file(filename:join(OutDir, "terms.bin"), Records),
    io:format("~b~n", [length(Terms)]),
    halt(0).

record(T) ->
    Text = unicode:characters_to_binary(io_lib:format("~tw", [T])),
    [field(term_to_binary(T)), field(term_to_binary(T, [compressed])), field(Text)].

field(Bin) -> [<<(byte_size(Bin)):32>>, Bin].

%% Every encoding boundary, once.
boundary_terms() ->
    Ints = lists:append([[N - 1, N, N + 1, -N - 1, -N, -N + 1]
                         || N <- [0, 255, 256, 1 bsl 31, 1 bsl 32, 1 bsl 63, 1 bsl 64]
                                 ++ [1 bsl (8 * K) || K <- [5, 8, 16, 254, 255, 256, 300]]]),
    Floats = [0.0, -0.0, 1.0, -1.0, 0.1, 1.0e308, -1.0e308, 5.0e-324, 2.2250738585072014e-308,
              1.7976931348623157e308, 123456789.123456789],
    Atoms = ['', a, 'hello world', 'café', 'αβγ', list_to_atom([16#1F600]),
             list_to_atom(lists:duplicate(255, $z)), list_to_atom(lists:duplicate(255, 255)),
             list_to_atom(lists:duplicate(63, 16#3B1)), list_to_atom(lists:duplicate(64, 16#3B1)),
             list_to_atom(lists:duplicate(128, 16#3B1)), list_to_atom(lists:duplicate(255, 16#1F600))],
    Lists = [[], "a", lists:duplicate(65535, 200), lists:duplicate(65536, 200), [256], [-1],
             [a | b], [1, 2 | 3], [[]], [[] | a], "αβ", [0, 255], [1.0]],
    Tuples = [{}, {a}, list_to_tuple(lists:seq(1, 255)), list_to_tuple(lists:seq(1, 256)),
              list_to_tuple(lists:duplicate(1000, x))],
    Maps = [#{}, #{1 => a, 1.0 => b}, #{1.0 => a, 2 => b}, #{{1.0} => a, {2} => b},
            #{[1.0] => a, [2] => b, [1 | 2.0] => c, [1 | 2] => d},
            #{#{1.0 => x} => a, #{2 => x} => b}, maps:from_list([{K, K} || K <- lists:seq(1, 32)]),
            maps:from_list([{float(K), K} || K <- lists:seq(1, 16)] ++ [{K, K} || K <- lists:seq(1, 16)])],
    Binaries = [<<>>, <<0>>, <<255, 0, 1>>, binary:copy(<<7>>, 70000)],
    Ints ++ Floats ++ Atoms ++ Lists ++ Tuples ++ Maps ++ Binaries.

term(Depth) when Depth >= ?MAX_DEPTH -> leaf();
term(Depth) ->
    case rand:uniform(10) of
        N when N =< 4 -> leaf();
        5 -> tuple(Depth);
        6 -> list(Depth);
        7 -> improper_list(Depth);
        8 -> map(Depth);
        9 -> {release, string(), [term(Depth + 1) || _ <- lists:seq(1, width(Depth))]};
        10 -> [{atom(), term(Depth + 1)} || _ <- lists:seq(1, width(Depth))]
    end.

width(Depth) -> rand:uniform(max(1, 7 - Depth)) - 1.

tuple(Depth) ->
    case rand:uniform(40) of
        1 -> list_to_tuple([leaf() || _ <- lists:seq(1, 250 + rand:uniform(20))]);
        _ -> list_to_tuple([term(Depth + 1) || _ <- lists:seq(1, width(Depth))])
    end.

list(Depth) -> [term(Depth + 1) || _ <- lists:seq(1, width(Depth))].

improper_list(Depth) ->
    Tail = case rand:uniform(3) of
               1 -> leaf();
               2 -> string(); % a list tail joins the list
               3 -> term(Depth + 1)
           end,
    lists:foldl(fun(E, Acc) -> [E | Acc] end, Tail, [term(Depth + 1) || _ <- lists:seq(1, rand:uniform(4))]).

map(Depth) ->
    Size = case rand:uniform(4) of
               1 -> rand:uniform(33) - 1;
               _ -> width(Depth)
           end,
    maps:from_list([{key(), term(Depth + 1)} || _ <- lists:seq(1, Size)]).

%% Keys that collide in value but not in type (1 and 1.0) exercise map key order.
key() ->
    case rand:uniform(6) of
        1 -> rand:uniform(20);
        2 -> float(rand:uniform(20));
        3 -> atom();
        4 -> {rand:uniform(3), float(rand:uniform(3))};
        5 -> [rand:uniform(3) | float(rand:uniform(3))];
        6 -> leaf()
    end.

leaf() ->
    case rand:uniform(7) of
        1 -> integer();
        2 -> float_();
        3 -> atom();
        4 -> string();
        5 -> unicode_string();
        6 -> binary();
        7 -> []
    end.

integer() ->
    Bits = rand:uniform(200),
    Magnitude = rand:uniform(1 bsl Bits) - 1,
    case rand:uniform(2) of
        1 -> Magnitude;
        2 -> -Magnitude
    end.

float_() ->
    case rand:uniform(4) of
        1 -> rand:uniform() * 1000;
        2 -> -rand:uniform() * math:pow(10, rand:uniform(300));
        3 -> rand:uniform() * math:pow(10, -rand:uniform(300));
        4 -> float(rand:uniform(100))
    end.

atom() ->
    Length = rand:uniform(20) - 1,
    Chars = case rand:uniform(4) of
                1 -> [$a + rand:uniform(26) - 1 || _ <- lists:seq(1, Length)];
                2 -> [rand:uniform(255) || _ <- lists:seq(1, Length)];
                3 -> [unicode_char() || _ <- lists:seq(1, Length)];
                4 -> [$x | [unicode_char() || _ <- lists:seq(1, Length)]]
            end,
    list_to_atom(Chars).

string() -> [rand:uniform(256) - 1 || _ <- lists:seq(1, rand:uniform(20) - 1)].

unicode_string() -> [unicode_char() || _ <- lists:seq(1, rand:uniform(10))].

unicode_char() ->
    case rand:uniform(4) of
        1 -> rand:uniform(255);
        2 -> 16#100 + rand:uniform(16#D7FF - 16#100);
        3 -> 16#E000 + rand:uniform(16#FFFD - 16#E000);
        4 -> 16#10000 + rand:uniform(16#10FFFF - 16#10000)
    end.

binary() -> list_to_binary([rand:uniform(256) - 1 || _ <- lists:seq(1, rand:uniform(40) - 1)]).
