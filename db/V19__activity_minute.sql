-- The activity page's numbers: each instance writes one row per minute from its in-memory counters (a scheduled flush,
-- activity.flush-seconds, rewriting the row of the current minute as a whole), and the page adds up the instances' rows.
-- tool_calls and tool_errors: {"tool": count} of the tools called; latency: the counts of the fixed buckets of
-- LatencyBuckets, by index; sessions and streams: the most this instance held open at a flush in the minute.
-- Housekeeping deletes rows older than activity.retention-hours.
create table activity_minute (
    minute      timestamptz not null,
    instance_id varchar(32) not null,
    tool_calls  jsonb       not null,
    tool_errors jsonb       not null,
    latency     jsonb       not null,
    sessions    integer     not null,
    streams     integer     not null,
    written_at  timestamptz not null,
    primary key (minute, instance_id)
);
