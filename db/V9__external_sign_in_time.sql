-- When a user last signed in through the identity provider or the trusted proxy: their clients' refresh
-- tokens work only for a while after it (auth.sso-session-days), so that access ends with the company's say-so.
alter table app_user add column signed_in_at timestamptz;
