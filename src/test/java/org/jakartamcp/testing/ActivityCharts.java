package org.jakartamcp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The activity page's numbers as the tests read them: {@code GET /admin/activity} as a signed-in administrator, the
 * calls of a tool from a point on, and a wait until every live instance has written the calls answered before it.
 */
public final class ActivityCharts {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private ActivityCharts() {
    }

    /** An administrator signed in to the pages of the instance at {@code base}. */
    public static OAuthFlow administrator(String base) {
        OAuthFlow admin = new OAuthFlow(base);
        admin.follow(admin.signIn(admin.follow(admin.open(base + "/login.xhtml")), "admin", TestServer.adminPassword()));
        return admin;
    }

    /** The endpoint's chart of {@code range} (hour, day), asked by a signed-in administrator; it must answer 200, no-store. */
    public static JsonObject chart(OAuthFlow administrator, String base, String range) {
        HttpResponse<String> response = administrator.open(base + "/admin/activity?range=" + range);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        return Http.json(response);
    }

    /** The start (epoch seconds) of the chart's last point: the current minute. */
    public static long lastPoint(JsonObject chart) {
        JsonArray time = chart.getJsonArray("time");
        return time.getJsonNumber(time.size() - 1).longValue();
    }

    /**
     * The sum of a tool's series ({@code calls}, {@code errors}) over the points from {@code from} on: minutes that leave
     * the range meanwhile do not change it.
     */
    public static long since(JsonObject chart, String series, String tool, long from) {
        JsonArray time = chart.getJsonArray("time");
        JsonArray values = chart.getJsonObject(series).getJsonArray(tool);
        long sum = 0;
        for (int i = 0; values != null && i < time.size(); i++) {
            if (time.getJsonNumber(i).longValue() >= from) {
                sum += values.getJsonNumber(i).longValue();
            }
        }
        return sum;
    }

    /**
     * Waits until every live instance has written its minute twice since now: the second write read the counters after
     * the first was written, so every call answered before now is in the database, and the numbers read next change
     * only with the calls made after. (Every flush writes, calls or not.)
     */
    public static void awaitFlushesOfEarlierCalls() {
        OffsetDateTime now = databaseNow();
        Eventually.await("a flush of every live instance", WAIT, ActivityCharts::oldestLastWrite,
                written -> written.isPresent() && written.get().isAfter(now));
        OffsetDateTime then = databaseNow();
        Eventually.await("the next flush of every live instance", WAIT, ActivityCharts::oldestLastWrite,
                written -> written.isPresent() && written.get().isAfter(then));
    }

    /** The oldest of the live instances' latest writes; none while one of them has written nothing yet. */
    private static Optional<OffsetDateTime> oldestLastWrite() {
        return query("select case when bool_and(latest is not null) then min(latest) end from (select max(m.written_at) as latest from cluster_instance i "
                + "left join activity_minute m on m.instance_id = i.id where i.last_beat_at > now() - interval '15 seconds' "
                + "group by i.id) as instances");
    }

    private static OffsetDateTime databaseNow() {
        return query("select now()").orElseThrow();
    }

    private static Optional<OffsetDateTime> query(String sql) {
        try (Connection connection = TestDatabase.shared().connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return Optional.ofNullable(result.getObject(1, OffsetDateTime.class));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
