-- Multi round-trip requests (2026-07-28 input-required results): the key that seals each requestState, shared by all
-- instances so that any of them can verify a state another one issued; created by the first instance that needs it.
create table mcp_request_state_key (
    id varchar(32) primary key,
    secret varchar(128) not null,
    created_at timestamptz not null
);

-- The ids of request states already used: a state is good for one retry, on whichever instance it arrives. A row is
-- needed only until the state expires (a later replay is refused as expired); housekeeping deletes it then.
create table mcp_request_state_used (
    id varchar(64) primary key,
    expires_at timestamptz not null
);
create index mcp_request_state_used_expires_at on mcp_request_state_used (expires_at);
