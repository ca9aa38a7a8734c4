%% The truth for the term printers: random terms and OTP's own release files, each written with
%% term_to_binary/1 next to what io_lib:format prints for it with ~w, ~tw, ~tp and ~p.
%%
%% main([OutDir, Seed, Count]) writes
%%  - OutDir/random.bin: Count random terms, then 2 * Count random floats;
%%  - OutDir/files.bin: every term of every .app file under lib/*/ebin, of every .rel and .script
%%    file under releases/*, and of releases/RELEASES;
%% with records <<Size:32, Label, Size:32, Etf, Size:32, W, Size:32, TW, Size:32, TP, Size:32, P>>,
%%  - OutDir/variants.bin: Count random and deeply nested terms printed with other options,
%%    with records <<Size:32, Label, Size:32, Etf, Size:32, Text>> where the label reads
%%    "ll=L col=C depth=D enc=unicode|latin1 strings=true|false".
%% Every printed text is encoded as UTF-8.
-module(print_oracle).
-export([main/1]).

main([OutDir, Seed, Count]) ->
    rand:seed(exsss, {list_to_integer(Seed), 17, 4711}),
    N = list_to_integer(Count),
    Random = [record(label(I), random_term(0)) || I <- lists:seq(1, N)],
    Floats = [record("float", random_float()) || _ <- lists:seq(1, N * 2)],
    ok = file:write_file(filename:join(OutDir, "random.bin"), [Random, Floats]),
    ok = file:write_file(filename:join(OutDir, "files.bin"), [file_records(F) || F <- otp_files()]),
    Variants = [variant_record(variant_term(I)) || I <- lists:seq(1, N)],
    ok = file:write_file(filename:join(OutDir, "variants.bin"), Variants),
    halt(0).

label(I) -> "random #" ++ integer_to_list(I).

record(Label, Term) ->
    Fields = [unicode:characters_to_binary(Label), term_to_binary(Term),
              printed("~w", Term), printed("~tw", Term), printed("~tp", Term), printed("~p", Term)],
    [<<(byte_size(F)):32, F/binary>> || F <- Fields].

printed(Format, Term) ->
    unicode:characters_to_binary(io_lib:format(Format, [Term])).

%% ---- other options: ~NtP with a column given by the text before it ------------------------------

variant_term(I) when I rem 3 =:= 0 -> random_deep_term(0);
variant_term(_) -> random_term(0).

variant_record(Term) ->
    LineLength = pick([0, 1, 10, 20, 30, 40, 60, 80, 80, 80, 100, 132]),
    Column = pick([1, 1, 1, 2, 5, 10, 20, 39, 40, 41, 60, 79, 80, 81, 100]),
    Depth = pick([-1, -1, -1, 1, 2, 3, 4, 5, 8, 12]),
    Unicode = rand:uniform(4) > 1,
    Strings = rand:uniform(5) > 1,
    Format = lists:duplicate(Column - 1, $x) ++ "~" ++ integer_to_list(LineLength) ++
        [$t || Unicode] ++ [$l || not Strings] ++ "P",
    Printed = lists:nthtail(Column - 1, lists:flatten(io_lib:format(Format, [Term, Depth]))),
    Label = io_lib:format("ll=~w col=~w depth=~w enc=~s strings=~w",
                          [LineLength, Column, Depth, if Unicode -> unicode; true -> latin1 end,
                           Strings]),
    Fields = [unicode:characters_to_binary(Label), term_to_binary(Term),
              unicode:characters_to_binary(Printed)],
    [<<(byte_size(F)):32, F/binary>> || F <- Fields].

%% Nesting past half the line, with long tags, where the printer must pick another indentation.
random_deep_term(Depth) when Depth >= 14 -> random_leaf();
random_deep_term(Depth) ->
    Tag = list_to_atom(lists:duplicate(rand:uniform(14), $t)),
    case rand:uniform(7) of
        1 -> {Tag, random_deep_term(Depth + 1), random_leaf()};
        2 -> {Tag, random_leaf(), random_deep_term(Depth + 1), random_leaf()};
        3 -> [random_deep_term(Depth + 1), random_leaf() | random_leaf()];
        4 -> #{Tag => random_deep_term(Depth + 1), random_leaf() => random_leaf()};
        5 -> #{random_deep_term(Depth + 1) => random_leaf()};
        6 -> [random_leaf(), random_deep_term(Depth + 1)];
        7 -> {random_leaf(), random_deep_term(Depth + 1)}
    end.

%% ---- OTP's files -----------------------------------------------------------------------------

otp_files() ->
    Root = code:root_dir(),
    lists:sort(filelib:wildcard(filename:join([Root, "lib", "*", "ebin", "*.app"])) ++
               filelib:wildcard(filename:join([Root, "releases", "*", "*.rel"])) ++
               filelib:wildcard(filename:join([Root, "releases", "*", "*.script"])) ++
               filelib:wildcard(filename:join([Root, "releases", "RELEASES"]))).

file_records(File) ->
    {ok, Terms} = file:consult(File),
    [record(File ++ " term " ++ integer_to_list(I), T)
     || {I, T} <- lists:zip(lists:seq(1, length(Terms)), Terms)].

%% ---- random terms ----------------------------------------------------------------------------

-define(MAX_DEPTH, 6).

random_term(Depth) when Depth >= ?MAX_DEPTH -> random_leaf();
random_term(Depth) ->
    case rand:uniform() < 0.3 + Depth * 0.12 of
        true -> random_leaf();
        false -> random_compound(Depth)
    end.

random_compound(Depth) ->
    case rand:uniform(12) of
        N when N =< 2 -> random_tuple(Depth);
        N when N =< 4 -> random_list(Depth);
        5 -> random_improper_list(Depth);
        6 -> random_map(Depth);
        7 -> random_tagged_tuple(Depth);
        8 -> random_property_list(Depth);
        9 -> [random_string() || _ <- lists:seq(1, rand:uniform(12))];
        10 -> random_wide_list(Depth);
        11 -> random_app_like(Depth);
        12 -> random_binary()
    end.

random_leaf() ->
    case rand:uniform(12) of
        1 -> random_atom();
        2 -> random_atom();
        3 -> random_small_integer();
        4 -> random_big_integer();
        5 -> random_float();
        6 -> random_string();
        7 -> random_unicode_string();
        8 -> random_binary();
        9 -> pick([[], {}, #{}, <<>>, "", 0, -1, 0.0, -0.0]);
        10 -> random_atom();
        11 -> random_long_string();
        12 -> random_small_integer()
    end.

random_tuple(Depth) ->
    list_to_tuple([random_term(Depth + 1) || _ <- lists:seq(1, rand:uniform(6) - 1)]).

random_tagged_tuple(Depth) ->
    list_to_tuple([random_atom() | [random_term(Depth + 1) || _ <- lists:seq(1, rand:uniform(5))]]).

random_list(Depth) ->
    [random_term(Depth + 1) || _ <- lists:seq(1, rand:uniform(8))].

random_wide_list(Depth) ->
    [random_term(?MAX_DEPTH - 1 + Depth div 10) || _ <- lists:seq(1, rand:uniform(40))].

random_improper_list(Depth) ->
    Tail = case rand:uniform(4) of
               1 -> random_atom();
               2 -> random_small_integer();
               3 -> random_binary();
               4 -> random_tuple(Depth + 1)
           end,
    lists:foldr(fun(E, Acc) -> [E | Acc] end, Tail, random_list(Depth)).

random_map(Depth) ->
    MaxKeys = case Depth of 0 -> 33; _ -> 6 end,
    Keys = [random_map_key(Depth) || _ <- lists:seq(1, rand:uniform(MaxKeys) - 1)],
    maps:from_list([{K, random_term(Depth + 1)} || K <- Keys]).

random_map_key(Depth) ->
    case rand:uniform(6) of
        1 -> random_small_integer();
        2 -> float(rand:uniform(5));
        3 -> rand:uniform(5);
        4 -> random_term(Depth + 1);
        _ -> random_atom()
    end.

random_property_list(Depth) ->
    [{random_atom(), random_term(Depth + 1)} || _ <- lists:seq(1, rand:uniform(6))].

random_app_like(Depth) ->
    {application, random_atom(),
     [{description, random_string()}, {vsn, "1.0." ++ integer_to_list(rand:uniform(99))},
      {modules, [random_atom() || _ <- lists:seq(1, rand:uniform(60))]},
      {registered, [random_atom() || _ <- lists:seq(1, rand:uniform(4) - 1)]},
      {applications, [kernel, stdlib | [random_atom() || _ <- lists:seq(1, rand:uniform(3) - 1)]]},
      {env, random_property_list(Depth + 1)}]}.

random_small_integer() ->
    case rand:uniform(4) of
        1 -> rand:uniform(10) - 1;
        2 -> rand:uniform(256) - 1;
        3 -> rand:uniform(2000000) - 1000000;
        4 -> rand:uniform(1 bsl 59) - (1 bsl 58)
    end.

random_big_integer() ->
    Sign = pick([1, -1]),
    case rand:uniform(3) of
        1 -> Sign * ((1 bsl 63) + rand:uniform(3) - 2);
        2 -> Sign * ((1 bsl 64) + rand:uniform(3) - 2);
        3 -> Sign * rand:uniform(1 bsl (64 + rand:uniform(400)))
    end.

random_float() ->
    case rand:uniform(8) of
        1 -> float(rand:uniform(1 bsl 20)) * pick([1, -1]);
        2 -> (rand:uniform() - 0.5) * math:pow(10, rand:uniform(40) - 20);
        3 -> math:pow(2, rand:uniform(120) - 60) * pick([1, -1, 3, 5]);
        4 -> float(rand:uniform(1 bsl 60)) * pick([1, 2, 4, 10, 100]);
        5 -> pick([0.1, 0.2, 0.3, 1.0e-4, 1.0e-5, 123.0, 100.0, 1000.0, 1.0e15, 1.0e16,
                   1.0e17, 9007199254740992.0, 9007199254740993.0, 4503599627370496.0,
                   2.2250738585072014e-308, 5.0e-324, 1.7976931348623157e308, 0.5, 12345678.9,
                   123456789012.0, 1.0e10, 1.0e9, 0.001, 0.0001234, 1.0e100, -0.0]);
        _ -> random_bits_float()
    end.

random_bits_float() ->
    <<Bits:64>> = crypto_free_bytes(8),
    case <<Bits:64>> of
        <<F/float>> -> F;
        _ -> random_bits_float() % NaN and infinities are not Erlang floats
    end.

crypto_free_bytes(N) ->
    list_to_binary([rand:uniform(256) - 1 || _ <- lists:seq(1, N)]).

random_string() ->
    Pool = "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789_-./$@~\"'\\\n\t",
    [pick(Pool) || _ <- lists:seq(1, rand:uniform(20) - 1)].

random_long_string() ->
    Pool = "abcdefghij klmnop",
    [pick(Pool) || _ <- lists:seq(1, 40 + rand:uniform(100))].

random_unicode_string() ->
    Pool = [$a, $b, $\s, $é, $ß, $ÿ, $\x{A0}, $\x{7F}, $\x{80}, $\x{9F}, 0, 1, $\e, $\v, $\b, $\f,
            $\r, $\x{100}, $€, $\x{1F600}, $\x{4E2D}, $\x{FFFD}],
    [pick(Pool) || _ <- lists:seq(1, rand:uniform(12))].

random_binary() ->
    case rand:uniform(7) of
        1 -> crypto_free_bytes(rand:uniform(40));
        2 -> list_to_binary(random_string());
        3 -> unicode:characters_to_binary(random_unicode_string());
        4 -> list_to_binary([pick("abcé\xFF\n") || _ <- lists:seq(1, rand:uniform(30))]);
        5 -> crypto_free_bytes(60 + rand:uniform(200));
        6 -> list_to_binary(random_long_string());
        7 -> unicode:characters_to_binary([pick([$a, $é, $\x{20AC}]) || _ <- lists:seq(1, rand:uniform(9))])
    end.

random_atom() ->
    case rand:uniform(10) of
        1 -> pick(['after', 'and', 'andalso', 'band', 'begin', 'bnot', 'bor', 'bsl', 'bsr', 'bxor',
                   'case', 'catch', 'cond', 'div', 'end', 'fun', 'if', 'let', 'not', 'of', 'or',
                   'orelse', 'receive', 'rem', 'try', 'when', 'xor', 'maybe', 'else', '']);
        2 -> pick(['ßtart', 'é', 'Ab', 'a@b', 'a.b', 'a-b', 'a b', '÷x', 'x÷', '×', 'a×', 'aÀÞ',
                   'aß', 'a\'b', 'a\\b', 'a\nb', '\x{1}', 'ÿ', '€', 'a€', 'Привет', 'ok', 'true',
                   '_x', '9x', 'x9', '日本', 'a\x{A0}', 'a\x{9F}']);
        3 -> list_to_atom([pick("ABCÀ_0") | random_chars("abcXYZ_@09", 8)]);
        4 -> list_to_atom(random_chars("abc€é ß\x{1F600}'\\\t", 10));
        _ -> list_to_atom([pick("abcdefghijklmnopqrstuvwxyz") | random_chars("abcdefghijklmnopqrstuvwxyz_0123456789", 14)])
    end.

random_chars(Pool, Max) ->
    [pick(Pool) || _ <- lists:seq(1, rand:uniform(Max + 1) - 1)].

pick(List) ->
    lists:nth(rand:uniform(length(List)), List).
