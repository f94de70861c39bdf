-- When a user first granted the client anything: housekeeping deletes only clients that were never used,
-- not those whose grants have all been revoked and purged (such a client may come back with its client_id).
alter table oauth_client add column first_granted_at timestamptz;
update oauth_client c set first_granted_at = (select min(g.created_at) from oauth_grant g where g.client_id = c.client_id);
