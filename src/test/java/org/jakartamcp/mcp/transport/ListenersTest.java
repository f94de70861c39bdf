package org.jakartamcp.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.jakartamcp.mcp.server.subscriptions.ListChanged;
import org.jakartamcp.mcp.server.subscriptions.SubscriptionFilter;
import org.jakartamcp.mcp.session.McpSession;
import org.junit.jupiter.api.Test;

/** Who hears what on subscriptions/listen streams, and how many one user may hold. */
class ListenersTest {

    private final Listeners listeners = new Listeners(2);

    /** An output that records what it was sent. */
    static final class Recorded implements Listeners.Output {
        final List<JsonObject> sent = new ArrayList<>();
        boolean closed;

        @Override
        public boolean send(String data) {
            sent.add(Json.createReader(new StringReader(data)).readObject());
            return true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aListenHearsOnlyTheKindsItsFilterNamesTaggedWithItsId() {
        Recorded tools = open(7, new SubscriptionFilter(true, false, false, List.of()));
        Recorded prompts = open(8, new SubscriptionFilter(false, true, false, List.of()));

        listeners.listChanged(ListChanged.Kind.TOOLS);
        listeners.listChanged(ListChanged.Kind.RESOURCES);

        assertEquals(1, tools.sent.size());
        assertEquals("notifications/tools/list_changed", tools.sent.get(0).getString("method"));
        assertEquals(7, tools.sent.get(0).getJsonObject("params").getJsonObject("_meta").getInt(Listeners.SUBSCRIPTION_ID));
        assertEquals(List.of(), prompts.sent);
    }

    @Test
    void resourceUpdatesGoToTheListenThatFollowsTheResource() {
        McpSession follower = McpSession.stateless("alice", null, null);
        Recorded following = new Recorded();
        Listeners.Listen listen = new Listeners.Listen(Json.createValue("x"), follower, new SubscriptionFilter(false, false, false,
                List.of("history://recent")));
        assertTrue(listeners.reserve("alice"));
        listen.connect(following);
        listeners.add(listen);
        Recorded other = open(9, new SubscriptionFilter(true, true, true, List.of()));

        listeners.resourceUpdated(follower, "history://recent");
        listeners.resourceUpdated(McpSession.stateless("alice", null, null), "history://recent");

        assertEquals(1, following.sent.size());
        JsonObject params = following.sent.get(0).getJsonObject("params");
        assertEquals("history://recent", params.getString("uri"));
        assertEquals("x", params.getJsonObject("_meta").getString(Listeners.SUBSCRIPTION_ID));
        assertEquals(List.of(), other.sent);
    }

    @Test
    void aUserHoldsAtMostTheLimitAndAnEndedListenGivesItsPlaceBack() {
        assertTrue(listeners.reserve("bob"));
        assertTrue(listeners.reserve("bob"));
        assertFalse(listeners.reserve("bob"));
        assertTrue(listeners.reserve("carol"), "the limit is per user");

        Listeners.Listen listen = new Listeners.Listen(Json.createValue(1), McpSession.stateless("bob", null, null),
                new SubscriptionFilter(true, false, false, List.of()));
        Recorded output = new Recorded();
        listen.connect(output);
        listeners.add(listen);
        assertTrue(listeners.end(listen));
        assertFalse(listeners.end(listen), "ended once");
        assertEquals(1, listeners.inUse("bob"));
        listeners.listChanged(ListChanged.Kind.TOOLS);
        assertEquals(List.of(), output.sent, "an ended listen hears nothing");
        assertTrue(listeners.reserve("bob"));
    }

    @Test
    void theOldestListenIsTheUsersFirstStillOpen() {
        Listeners.Listen older = added("grace", 1);
        Listeners.Listen newer = added("grace", 2);
        added("heidi", 3);
        assertEquals(older, listeners.oldest("grace").orElseThrow());
        listeners.end(older);
        assertEquals(newer, listeners.oldest("grace").orElseThrow(), "an ended listen is no longer a candidate");
        assertTrue(listeners.oldest("ivan").isEmpty());
    }

    private Listeners.Listen added(String principal, int id) {
        assertTrue(listeners.reserve(principal));
        Listeners.Listen listen = new Listeners.Listen(Json.createValue(id), McpSession.stateless(principal, null, null),
                new SubscriptionFilter(true, false, false, List.of()));
        listen.connect(new Recorded());
        listeners.add(listen);
        return listen;
    }

    @Test
    void aListenThatEndedBeforeItWasAddedIsNotKept() {
        assertTrue(listeners.reserve("dave"));
        McpSession session = McpSession.stateless("dave", null, null);
        Listeners.Listen listen = new Listeners.Listen(Json.createValue(1), session, new SubscriptionFilter(true, false, false, List.of()));
        listeners.end(listen);
        assertFalse(listeners.add(listen), "the caller is told, to undo what it set up");
        assertFalse(listeners.isListen(session));
    }

    @Test
    void aChangeNoticedWhileAListenStartsIsWrittenAfterItsAcknowledgment() throws InterruptedException {
        assertTrue(listeners.reserve("frank"));
        Listeners.Listen listen = new Listeners.Listen(Json.createValue(3), McpSession.stateless("frank", null, null),
                new SubscriptionFilter(true, false, false, List.of()));
        Recorded output = new Recorded();
        listen.connect(output);
        Thread change = new Thread(() -> listeners.listChanged(ListChanged.Kind.TOOLS));
        listen.start(() -> {
            listeners.add(listen);
            change.start();
            // the change has reached the listen and waits for the acknowledgment (or, wrongly, was written already)
            while (change.getState() != Thread.State.BLOCKED && change.getState() != Thread.State.TERMINATED) {
                Thread.onSpinWait();
            }
        });
        change.join();
        assertEquals(List.of("notifications/subscriptions/acknowledged", "notifications/tools/list_changed"),
                output.sent.stream().map(message -> message.getString("method")).toList());
    }

    @Test
    void theServerEndsASubscriptionWithAResponseCarryingItsId() {
        Listeners.Listen listen = new Listeners.Listen(Json.createValue(12), McpSession.stateless("erin", null, null),
                new SubscriptionFilter(true, false, false, List.of()));
        Recorded output = new Recorded();
        listen.connect(output);
        JsonObject ack = Json.createReader(new StringReader(listen.acknowledgment())).readObject();
        assertEquals("notifications/subscriptions/acknowledged", ack.getString("method"));
        assertEquals(Json.createObjectBuilder().add("toolsListChanged", true).build(), ack.getJsonObject("params").getJsonObject("notifications"));

        listen.finish();

        assertTrue(output.closed);
        JsonObject response = output.sent.get(0);
        assertEquals(12, response.getInt("id"));
        assertEquals("complete", response.getJsonObject("result").getString("resultType"));
        assertEquals(12, response.getJsonObject("result").getJsonObject("_meta").getInt(Listeners.SUBSCRIPTION_ID));
    }

    private Recorded open(int id, SubscriptionFilter filter) {
        McpSession session = McpSession.stateless("alice", null, null);
        assertTrue(listeners.reserve("alice"));
        Listeners.Listen listen = new Listeners.Listen(Json.createValue(id), session, filter);
        Recorded output = new Recorded();
        listen.connect(output);
        listeners.add(listen);
        return output;
    }
}
