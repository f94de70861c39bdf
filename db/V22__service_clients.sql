-- Service clients (OAuth client credentials grant): confidential clients an administrator registers for CI jobs
-- and agents. Their tokens are issued under a grant without a user, so that revoking it (disabling or deleting
-- the client) ends them through the same revoked-grants path as every other token.
alter table oauth_client add column client_credentials boolean not null default false;
alter table oauth_grant alter column user_id drop not null;

-- A message relayed to the instance holding an HTTP+SSE stream keeps whether its caller is a service client,
-- so that the tools it may call are the same there.
alter table mcp_sse_relay add column machine boolean not null default false;
