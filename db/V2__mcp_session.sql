-- MCP sessions (Streamable HTTP and HTTP+SSE), so that a session outlives a server restart.
-- The session id is a bearer value: only its SHA-256 is kept.
create table mcp_session (
    id_hash             char(64)     primary key,
    transport           varchar(16)  not null,
    principal           varchar(255) not null,
    protocol_version    varchar(16),
    client_name         varchar(255),
    client_version      varchar(255),
    client_capabilities text,
    log_level           varchar(16),
    initialized         boolean      not null default false,
    created_at          timestamptz  not null,
    last_seen_at        timestamptz  not null
);

create index mcp_session_last_seen_at on mcp_session (last_seen_at);
