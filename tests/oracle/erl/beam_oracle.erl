%% Oracle for the BEAM reader (core/beam): what beam_lib says about every module of the installed
%% OTP, about a few tricky modules compiled here, and about stripped (gzip-compressed) copies.
%% main([OutDir]) writes OutDir/beams.bin, term_to_binary of a list with, for each .beam file,
%%   {Path, Module, Exports, Imports, LocalCount, Attributes, CompileInfo, Md5, ChunkIds,
%%    HasDebugInfo, HasDocs, LiteralCount}
%% where Path is a UTF-8 binary; Exports and Imports are beam_lib's (sorted) lists; LocalCount the
%% number of LocT entries or 'none' without a LocT chunk; Attributes beam_lib's attributes ([]
%% without an Attr chunk); CompileInfo the CInf term ([] without one); Md5 beam_lib:md5/1; ChunkIds
%% the chunk ids in file order (binaries); LiteralCount the number of entries in the (inflated)
%% LitT chunk, 0 without one. A file beam_lib cannot read gives {Path, error, Text}.
%% It prints the number of records.
-module(beam_oracle).
-export([main/1]).

-define(STRIPPED_OTP_MODULES, [lists, gen_server, beam_lib, compile, ets, supervisor,
                               application_controller, erl_parse, ssl, xmerl_scan]).

main([OutDir]) ->
    Otp = lists:sort(filelib:wildcard(filename:join(code:root_dir(), "lib/*/ebin/*.beam"))),
    Extra0 = compile_extra(filename:join(OutDir, "extra")),
    Extra = Extra0 ++ rebuilt(filename:join(OutDir, "rebuilt"), hd(Extra0)),
    Stripped = strip_copies(filename:join(OutDir, "stripped"),
                            [code:which(M) || M <- ?STRIPPED_OTP_MODULES] ++ Extra),
    Records = [record(F) || F <- Otp ++ Extra ++ Stripped],
    ok = file:write_file(filename:join(OutDir, "beams.bin"), term_to_binary(Records)),
    io:format("~b~n", [length(Records)]),
    halt(0).

record(File) ->
    Path = unicode:characters_to_binary(File),
    try
        {ok, {Mod, Md5}} = beam_lib:md5(File),
        {ok, {Mod, [{exports, Exports}, {imports, Imports}]}} =
            beam_lib:chunks(File, [exports, imports]),
        {ok, {Mod, [{locals, Locals}, {attributes, Attrs}, {compile_info, CInf},
                    {"Dbgi", Dbgi}, {"Abst", Abst}, {"Docs", Docs}]}} =
            beam_lib:chunks(File, [locals, attributes, compile_info, "Dbgi", "Abst", "Docs"],
                            [allow_missing_chunks]),
        [{file, _}, {module, Mod}, {chunks, Chunks}] = beam_lib:info(File),
        {Path, Mod, Exports, Imports, count(Locals), present(Attrs), present(CInf), Md5,
         [list_to_binary(Id) || {Id, _Pos, _Size} <- Chunks],
         debug_info(Dbgi) orelse (is_binary(Abst) andalso Abst =/= <<>>),
         is_binary(Docs), literal_count(File)}
    catch
        Class:Reason ->
            {Path, error, unicode:characters_to_binary(io_lib:format("~tp:~tp", [Class, Reason]))}
    end.

literal_count(File) ->
    case beam_lib:chunks(File, ["LitT"], [allow_missing_chunks]) of
        {ok, {_, [{"LitT", missing_chunk}]}} ->
            0;
        {ok, {_, [{"LitT", <<0:32, Count:32, _/binary>>}]}} ->
            Count;
        {ok, {_, [{"LitT", <<_Size:32, Compressed/binary>>}]}} ->
            <<Count:32, _/binary>> = zlib:uncompress(Compressed),
            Count
    end.

count(missing_chunk) -> none;
count(List) -> length(List).

present(missing_chunk) -> [];
present(Term) -> Term.

%% Abstract code is there unless the chunk is missing, empty or says {none, Options}.
debug_info(missing_chunk) -> false;
debug_info(<<>>) -> false;
debug_info(<<0, _/binary>>) -> true; % encrypted
debug_info(Bin) ->
    case catch binary_to_term(Bin) of
        {debug_info_v1, _Backend, {none, _Options}} -> false;
        _ -> true
    end.

%% Modules the OTP installation has few or none of: Unicode atoms, many funs and literals,
%% repeated and spelled-both-ways behaviours, an enabled feature (a Meta chunk that differs),
%% nothing at all; each compiled with and without debug info.
compile_extra(Dir) ->
    ok = filelib:ensure_dir(filename:join(Dir, "x")),
    Sources = [{beam_oracle_unicode,
                "-module(beam_oracle_unicode).\n"
                "-behaviour(gen_server).\n-behavior(supervisor).\n"
                "-custom(x).\n-custom([y, z]).\n-'атрибут'('значение').\n"
                "-export(['función'/1, '日本'/0, funs/0, init/1, handle_call/3, handle_cast/2]).\n"
                "'función'(X) -> {X, 'ünïcödé', <<\"binär\"/utf8>>, [1.5, -2, 1 bsl 70]}.\n"
                "'日本'() -> #{'キー' => \"値\", list => lists:seq(1, 40)}.\n"
                "funs() -> [fun(A) -> A + N end || N <- lists:seq(1, 3)] ++ [fun lists:reverse/1].\n"
                "init(_) -> ignore.\n"
                "handle_call(R, _F, S) -> {reply, lists:reverse(R), S}.\n"
                "handle_cast(_R, S) -> {noreply, S}.\n"},
               {beam_oracle_empty, "-module(beam_oracle_empty).\n"},
               {beam_oracle_feature,
                "-module(beam_oracle_feature).\n-feature(maybe_expr, enable).\n"
                "-vsn(\"1.2.3\").\n-export([f/1]).\n"
                "f(X) -> maybe {ok, Y} ?= X, Y end.\n"}],
    lists:append([compile_source(Dir, Mod, Text) || {Mod, Text} <- Sources]).

compile_source(Dir, Mod, Text) ->
    Src = filename:join(Dir, atom_to_list(Mod) ++ ".erl"),
    ok = file:write_file(Src, unicode:characters_to_binary(Text)),
    [begin
         Out = filename:join(Dir, Variant),
         ok = filelib:ensure_dir(filename:join(Out, "x")),
         {ok, Mod} = compile:file(Src, [{outdir, Out}, return_errors | Opts]),
         filename:join(Out, atom_to_list(Mod) ++ ".beam")
     end || {Variant, Opts} <- [{"plain", []}, {"debug", [debug_info]},
                                {"deterministic", [deterministic, debug_info]}]].

%% The compiled modules have no Docs chunk and no pre-OTP 20 Abst chunk: rebuild one with a Docs
%% chunk (EEP 48) and an Abst chunk instead of Dbgi, and one with an empty Abst chunk.
rebuilt(Dir, Beam) ->
    ok = filelib:ensure_dir(filename:join(Dir, "x")),
    {ok, _, Chunks0} = beam_lib:all_chunks(Beam),
    Chunks = [C || {Id, _} = C <- Chunks0, Id =/= "Dbgi"],
    Docs = term_to_binary({docs_v1, erl_anno:new(1), erlang, <<"text/markdown">>,
                           #{<<"en">> => <<"A module.">>}, #{}, []}),
    Abst = term_to_binary({raw_abstract_v1, []}),
    [begin
         {ok, Bin} = beam_lib:build_module(Chunks ++ Extra),
         File = filename:join(Dir, Name),
         ok = file:write_file(File, Bin),
         File
     end || {Name, Extra} <- [{"docs.beam", [{"Docs", Docs}, {"Abst", Abst}]},
                              {"empty_abst.beam", [{"Abst", <<>>}]}]].

strip_copies(Dir, Files) ->
    ok = filelib:ensure_dir(filename:join(Dir, "x")),
    Copies = [begin
                  Copy = filename:join(Dir, integer_to_list(I) ++ "_" ++ filename:basename(F)),
                  {ok, _} = file:copy(F, Copy),
                  Copy
              end || {I, F} <- lists:zip(lists:seq(1, length(Files)), Files)],
    {ok, _} = beam_lib:strip_files(Copies),
    Copies.
