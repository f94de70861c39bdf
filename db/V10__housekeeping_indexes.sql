-- Housekeeping deletes rows by their age in small batches: each batch finds its rows through one of these
-- indexes instead of scanning the table.
create index oauth_code_expires_at on oauth_code (expires_at);
create index oauth_refresh_token_expires_at on oauth_refresh_token (expires_at);
create index oauth_grant_revoked_at on oauth_grant (revoked_at) where revoked_at is not null;
create index oauth_client_created_at on oauth_client (created_at);
create index audit_event_occurred_at on audit_event (occurred_at);
-- The cap of sessions per user picks the user's least recently used ones.
create index mcp_session_principal_last_seen_at on mcp_session (principal, last_seen_at);
