-- Rate limits counted by every instance together, so that a limit means the same with one instance or five.
-- A key is the first 128 bits of the SHA-256 of what is limited and its key (an address, an account): every row
-- has the same size whatever clients send. A row may go once expires_at has passed (its bucket full again, its
-- failures forgotten): housekeeping deletes it, and a new row starts where the deleted one would have been.
create table rate_limit_bucket (
    key          bytea            primary key,
    tokens       double precision not null,
    refilled_at  timestamptz      not null,
    expires_at   timestamptz      not null
);

create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);

-- Failed password sign-ins per account and per account and address, and the last success of the pair.
create table sign_in_failure (
    key          bytea       primary key,
    failures     integer     not null,
    last_failure timestamptz,
    last_success timestamptz,
    expires_at   timestamptz not null
);

create index sign_in_failure_expires_at on sign_in_failure (expires_at);

-- The resources a Streamable HTTP session follows (resources/subscribe), kept with the session so that an update
-- caused on any instance reaches it, and its subscriptions outlive the instance that took them.
create table mcp_subscription (
    session_hash char(64)      not null references mcp_session (id_hash) on delete cascade,
    uri          text          not null,
    principal    varchar(255)  not null,
    primary key (session_hash, uri)
);

create index mcp_subscription_uri on mcp_subscription (uri);
