package org.jakartamcp.mcp.telemetry.activity;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The {@code activity_minute} rows: each instance's minutes, written by its flush and read by the activity page. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ActivityRepository {

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    /** Writes the instance's row of the minute, replacing what an earlier flush in the same minute wrote. */
    void save(String instance, ActivityMinute row) {
        entityManager.createNativeQuery("insert into activity_minute (minute, instance_id, tool_calls, tool_errors, latency, sessions, "
                        + "streams, written_at) values (?1, ?2, cast(?3 as jsonb), cast(?4 as jsonb), cast(?5 as jsonb), ?6, ?7, now()) "
                        + "on conflict (minute, instance_id) do update set tool_calls = excluded.tool_calls, "
                        + "tool_errors = excluded.tool_errors, latency = excluded.latency, sessions = excluded.sessions, "
                        + "streams = excluded.streams, written_at = excluded.written_at")
                .setParameter(1, OffsetDateTime.ofInstant(row.minute(), ZoneOffset.UTC))
                .setParameter(2, instance)
                .setParameter(3, json(row.calls()))
                .setParameter(4, json(row.errors()))
                .setParameter(5, json(row.latency()))
                .setParameter(6, row.sessions())
                .setParameter(7, row.streams())
                .executeUpdate();
    }

    /** Every instance's rows from {@code from} on: one query for a whole chart, whatever the number of instances. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ActivityMinute> since(Instant from) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select extract(epoch from minute)::bigint, tool_calls::text, "
                        + "tool_errors::text, latency::text, sessions, streams from activity_minute where minute >= ?1")
                .setParameter(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .getResultList();
        List<ActivityMinute> minutes = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            minutes.add(new ActivityMinute(Instant.ofEpochSecond(((Number) row[0]).longValue()), counts((String) row[1]),
                    counts((String) row[2]), buckets((String) row[3]), ((Number) row[4]).intValue(), ((Number) row[5]).intValue()));
        }
        return minutes;
    }

    private static String json(Map<String, Long> counts) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        counts.forEach(json::add);
        return json.build().toString();
    }

    private static String json(long[] buckets) {
        JsonArrayBuilder json = JSON.createArrayBuilder();
        for (long count : buckets) {
            json.add(count);
        }
        return json.build().toString();
    }

    private static SortedMap<String, Long> counts(String json) {
        SortedMap<String, Long> counts = new TreeMap<>();
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            object.forEach((tool, count) -> counts.put(tool, ((JsonNumber) count).longValue()));
        }
        return counts;
    }

    private static long[] buckets(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonArray array = reader.readArray();
            long[] buckets = new long[LatencyBuckets.COUNT];
            for (int i = 0; i < buckets.length && i < array.size(); i++) {
                buckets[i] = array.getJsonNumber(i).longValue();
            }
            return buckets;
        }
    }
}
