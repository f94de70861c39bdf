-- Deleting a client keeps its grants, revoked, without the client: instances learn of revocations
-- from oauth_grant.revoked_at, so the rows must stay until the tokens issued under them have expired.
alter table oauth_grant alter column client_id drop not null;
alter table oauth_grant drop constraint oauth_grant_client_id_fkey;
alter table oauth_grant add constraint oauth_grant_client_id_fkey
    foreign key (client_id) references oauth_client (client_id) on delete set null;
