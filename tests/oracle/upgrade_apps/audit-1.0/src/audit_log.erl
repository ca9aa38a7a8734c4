-module(audit_log).
-export([log/1]).

log(Event) -> logger:info("audit: ~p", [Event]).
