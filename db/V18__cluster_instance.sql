-- The instances of this server that share the database, each with a heartbeat written every few seconds
-- (cluster.heartbeat-seconds) by the database's clock: an instance whose heartbeat is older than
-- cluster.instance-timeout-seconds counts as gone. A stopping instance deletes its own row; housekeeping deletes the
-- rows of those that died.
create table cluster_instance (
    id           varchar(32)  primary key,
    description  varchar(255) not null,
    started_at   timestamptz  not null,
    last_beat_at timestamptz  not null
);

create index cluster_instance_last_beat_at on cluster_instance (last_beat_at);

-- The instance holding an HTTP+SSE session's stream (opened with the session): a POST reaching another instance is
-- relayed there only while that instance lives, otherwise the session is gone (404) and the client opens a new one.
alter table mcp_session add column stream_instance varchar(32);
