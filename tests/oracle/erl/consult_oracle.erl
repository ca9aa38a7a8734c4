%% Oracle for the term reader: file:consult/1 of every term file of the installed OTP.
%% main([OutDir]) writes OutDir/index.txt ("N<TAB>Path" per line) and OutDir/N.bin, the
%% term_to_binary of {ok, Terms} or {error, Reason} as file:consult/1 returns it.
-module(consult_oracle).
-export([main/1]).

main([OutDir]) ->
    Root = code:root_dir(),
    Patterns = ["lib/*/ebin/*.app", "lib/*/ebin/*.appup", "lib/*/src/*.app.src",
                "releases/*/*.rel", "releases/*/*.script", "releases/RELEASES", "bin/*.script"],
    Files = lists:usort(lists:append([filelib:wildcard(filename:join(Root, P)) || P <- Patterns])),
    Index = [begin
                 ok = file:write_file(filename:join(OutDir, integer_to_list(N) ++ ".bin"),
                                      term_to_binary(file:consult(F))),
                 [integer_to_list(N), $\t, F, $\n]
             end || {N, F} <- lists:zip(lists:seq(1, length(Files)), Files)],
    ok = file:write_file(filename:join(OutDir, "index.txt"), unicode:characters_to_binary(Index)),
    halt(0).
