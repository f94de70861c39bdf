package org.jakartamcp.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jakartamcp.mcp.session.StreamRef;
import org.junit.jupiter.api.Test;

class FollowerTest {

    private static final Instant DEADLINE = Instant.parse("2026-11-30T02:00:00Z");
    private static final String PROGRESS = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progress\":%d}}";
    private static final String ASK = "{\"jsonrpc\":\"2.0\",\"id\":\"server-x-1\",\"method\":\"elicitation/create\",\"params\":{}}";
    private static final String RESULT = "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"content\":[]}}";

    private final List<Follower.Event> log = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private final List<Long> reads = new ArrayList<>();
    private boolean closed;
    private boolean clientGone;

    private Follower follower(long after) {
        return new Follower(new StreamRef("h", "post-1"), after, DEADLINE, seq -> {
            reads.add(seq);
            return log.stream().filter(event -> event.seq() > seq).toList();
        }, new Follower.Output() {
            @Override
            public boolean send(String id, String data) {
                if (clientGone) {
                    return false;
                }
                sent.add(id + " " + data);
                return true;
            }

            @Override
            public void close() {
                closed = true;
            }
        });
    }

    private void store(long seq, String payload) {
        log.add(new Follower.Event(seq, payload));
    }

    @Test
    void sendsWhatWasStoredAfterTheClientsLastEventThenWhatFollowsEachOnceAndEndsAfterTheResponse() {
        store(10, "");
        store(11, PROGRESS.formatted(1));
        store(12, PROGRESS.formatted(2));
        Follower follower = follower(11);

        assertTrue(follower.catchUp(), "the call still runs");
        assertEquals(List.of("12 " + PROGRESS.formatted(2)), sent, "the client's last event is not sent again");
        assertTrue(follower.catchUp(), "a signal with nothing new sends nothing");
        assertEquals(1, sent.size());

        store(14, ASK);
        store(15, RESULT);
        store(16, "{\"jsonrpc\":\"2.0\",\"method\":\"never/sent\"}");
        assertFalse(follower.catchUp(), "the response is the last message of a call's stream");
        assertEquals(List.of("12 " + PROGRESS.formatted(2), "14 " + ASK, "15 " + RESULT), sent);
        assertTrue(closed);
        assertFalse(follower.catchUp());
        assertEquals(3, sent.size());
    }

    @Test
    void readsAgainFromTheLastEventItSentSoThatEventsStoredMeanwhileAreNotMissed() {
        store(5, "");
        Follower follower = follower(5);
        follower.catchUp();
        store(8, PROGRESS.formatted(1));
        follower.catchUp();
        assertEquals(List.of(4L, 5L, 5L, 8L), reads, "the first read includes the client's last event; then each starts after "
                + "the last event it saw, priming events included");
    }

    @Test
    void aClientWhoseLastEventWasTheResponseGetsNothingMoreAndTheStreamEndsAtOnce() {
        store(11, PROGRESS.formatted(1));
        store(12, RESULT);
        Follower follower = follower(12);
        assertFalse(follower.check(DEADLINE.minusSeconds(60)));
        assertEquals(List.of(), sent);
        assertTrue(closed);
    }

    @Test
    void aClientThatWentAwayEndsIt() {
        store(3, PROGRESS.formatted(1));
        clientGone = true;
        Follower follower = follower(2);
        assertFalse(follower.catchUp());
        assertTrue(follower.hasEnded());
        assertTrue(closed);
    }

    @Test
    void itEndsAtItsDeadlineWhenTheCallsResponseNeverCame() {
        store(3, PROGRESS.formatted(1));
        Follower follower = follower(2);
        assertTrue(follower.check(DEADLINE.minusSeconds(1)));
        assertFalse(closed);
        store(4, PROGRESS.formatted(2));
        assertFalse(follower.check(DEADLINE.plusSeconds(1)), "the instance writing it may have died");
        assertEquals(List.of("3 " + PROGRESS.formatted(1), "4 " + PROGRESS.formatted(2)), sent, "what was stored is sent first");
        assertTrue(closed);
    }

    @Test
    void onlyAResponseEndsACallsStream() {
        assertTrue(Follower.isResponse(RESULT));
        assertTrue(Follower.isResponse("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"error\":{\"code\":-32603,\"message\":\"Request cancelled\"}}"));
        assertFalse(Follower.isResponse(ASK), "a request to the client has an id too");
        assertFalse(Follower.isResponse(PROGRESS.formatted(1)));
        assertFalse(Follower.isResponse("not json"));
        assertFalse(Follower.isResponse("[1]"));
    }
}
