-- Enterprise-Managed Authorization: the ID-JAGs already redeemed, by a hash of issuer and jti. Each is accepted once; a
-- row is needed only until its assertion expires (a later replay is refused as expired); housekeeping deletes it then.
create table oauth_used_assertion (
    id varchar(64) primary key,
    expires_at timestamptz not null
);
create index oauth_used_assertion_expires_at on oauth_used_assertion (expires_at);
