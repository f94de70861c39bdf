-- Messages POSTed for an HTTP+SSE session to an instance that does not hold its stream (behind a load balancer
-- without sticky sessions): the instance that holds it is signalled, takes them in order and answers on the stream.
-- A row lives milliseconds; those of a session that ends go with it, and housekeeping deletes any left after minutes
-- (their stream's instance died with them).
create table mcp_sse_relay (
    id           bigint       generated always as identity primary key,
    session_hash char(64)     not null references mcp_session (id_hash) on delete cascade,
    principal    varchar(255) not null,
    groups       text         not null,
    body         text         not null,
    created_at   timestamptz  not null
);

create index mcp_sse_relay_session on mcp_sse_relay (session_hash, id);
create index mcp_sse_relay_created_at on mcp_sse_relay (created_at);
