-- Users who sign in through the company's OpenID Connect provider are known by issuer and subject
-- (stable; the username claim can change or be given to someone else later).
alter table app_user add column external_subject varchar(1024) unique;

-- The user's groups, one per line, as the identity provider or the trusted proxy last reported them.
alter table app_user add column groups varchar(20000) not null default '';
