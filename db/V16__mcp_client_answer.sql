-- Clients' answers (JSON-RPC responses to a server's elicitation, sampling or roots request) POSTed to another instance
-- than the one whose call waits for them (behind a load balancer without sticky sessions): that instance, named in the
-- request's id and signalled in the same transaction, takes them. A row lives milliseconds; those of a session that ends
-- go with it, and housekeeping deletes any left after minutes (the instance that asked died).
create table mcp_client_answer (
    id           bigint      generated always as identity primary key,
    instance     varchar(32) not null,
    session_hash char(64)    not null references mcp_session (id_hash) on delete cascade,
    body         text        not null,
    created_at   timestamptz not null
);

create index mcp_client_answer_instance on mcp_client_answer (instance, id);
create index mcp_client_answer_created_at on mcp_client_answer (created_at);
