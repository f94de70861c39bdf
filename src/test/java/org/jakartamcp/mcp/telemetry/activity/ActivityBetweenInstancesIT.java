package org.jakartamcp.mcp.telemetry.activity;

import static org.jakartamcp.testing.ActivityCharts.WAIT;
import static org.jakartamcp.testing.ActivityCharts.chart;
import static org.jakartamcp.testing.ActivityCharts.lastPoint;
import static org.jakartamcp.testing.ActivityCharts.since;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.Map;
import org.jakartamcp.testing.ActivityCharts;
import org.jakartamcp.testing.Deployments;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.McpHttp;
import org.jakartamcp.testing.OAuthFlow;
import org.jakartamcp.testing.TestServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two deployments of the product on one server and one database behave as two instances behind a balancer: each
 * counts the calls it answers and writes its own minutes, and the activity numbers either one serves are the sum.
 */
@ExtendWith({TestServer.Ready.class, ArquillianExtension.class})
class ActivityBetweenInstancesIT {

    @ArquillianResource
    @OperateOnDeployment("activity-a")
    URL instanceA;

    @ArquillianResource
    @OperateOnDeployment("activity-b")
    URL instanceB;

    @Deployment(name = "activity-a", testable = false)
    static WebArchive instanceA() {
        return Deployments.product("activity-a.war", Map.of());
    }

    @Deployment(name = "activity-b", testable = false)
    static WebArchive instanceB() {
        return Deployments.product("activity-b.war", Map.of());
    }

    @Test
    void eachInstanceShowsTheCallsOfBoth() {
        String a = instanceA.toString().replaceAll("/$", "");
        String b = instanceB.toString().replaceAll("/$", "");
        OAuthFlow adminOnA = ActivityCharts.administrator(a);
        OAuthFlow adminOnB = ActivityCharts.administrator(b);

        ActivityCharts.awaitFlushesOfEarlierCalls();
        JsonObject before = chart(adminOnA, a, "hour");
        long since = lastPoint(before);
        long callsBefore = since(before, "calls", "add", since);

        add(a, 2);
        add(b, 3);

        JsonObject onA = Eventually.await("both instances' calls on a", WAIT, () -> chart(adminOnA, a, "hour"),
                chart -> since(chart, "calls", "add", since) >= callsBefore + 5);
        assertEquals(callsBefore + 5, since(onA, "calls", "add", since), onA.toString());
        JsonObject onB = chart(adminOnB, b, "hour");
        assertEquals(callsBefore + 5, since(onB, "calls", "add", since), "the same numbers through the other instance: " + onB);
    }

    private static void add(String instance, int calls) {
        McpHttp mcp = new McpHttp(instance + "/mcp");
        String session = mcp.initialize("2025-11-25");
        for (int call = 1; call <= calls; call++) {
            JsonObject answer = mcp.result(session, "{\"jsonrpc\":\"2.0\",\"id\":" + call + ",\"method\":\"tools/call\","
                    + "\"params\":{\"name\":\"add\",\"arguments\":{\"a\":" + call + ",\"b\":1}}}");
            assertEquals(String.valueOf(call + 1), answer.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"));
        }
    }
}
