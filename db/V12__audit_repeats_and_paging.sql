-- Refusals that come in floods (failed and rate-limited sign-ins, refused tool calls) are counted in one row per
-- type, actor and time window rather than written once each, so that a flood cannot push other events off the
-- administrators' page. repeat_key identifies that (type, actor, window) and is null for every other event; the
-- unique index lets concurrent repeats, on any instance, add to one row in one statement (insert ... on conflict).
alter table audit_event add column occurrences bigint not null default 1;
alter table audit_event add column last_occurred_at timestamptz;
alter table audit_event add column repeat_key varchar(64);
create unique index audit_event_repeat_key on audit_event (repeat_key);

-- The administrators' page lists every event, newest first, a page at a time.
create index audit_event_occurred_at_id on audit_event (occurred_at desc, id desc);
