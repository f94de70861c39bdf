-- Refresh rotation that survives real clients: a rotated token stays usable for a short grace period
-- (oauth.refresh-grace-seconds) and then answers with the very pair its first use issued. The row keeps the hash of
-- that new refresh token (to tell whether it was used since) and the pair, encrypted with AES-GCM under a key derived
-- from the old refresh token itself: the database holds only that token's SHA-256, so the pair can be read only by
-- whoever presents the old token again, never from the database alone.
alter table oauth_refresh_token add column successor_hash char(64);
alter table oauth_refresh_token add column successor_pair text;
