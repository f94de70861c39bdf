package org.jakartamcp.mcp.server;

import static org.jakartamcp.platform.json.JsonP.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.session.ClientAnswers;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.session.PlainSessions;
import org.jakartamcp.mcp.session.SessionStore;
import org.junit.jupiter.api.Test;

/** Two instances' outstanding requests to clients, and the table between them as a list. */
class ClientRequestsTest {

    private static final JsonObject ACCEPTED = JSON.createObjectBuilder().add("action", "accept").build();

    private final List<String[]> table = new ArrayList<>();
    private final ClientAnswers relayed = new ClientAnswers() {
        @Override
        public boolean relay(String instance, McpSession session, String body) {
            return table.add(new String[] {instance, session.idHash(), body});
        }

        @Override
        public List<Answer> take(String instance) {
            List<Answer> taken = new ArrayList<>();
            table.removeIf(row -> row[0].equals(instance) && taken.add(new Answer(taken.size() + 1, row[1], row[2])));
            return taken;
        }
    };
    private final SessionStore sessions = PlainSessions.store();
    private final McpSession session = sessions.create(McpSession.Transport.STREAMABLE_HTTP, "alice");
    private final ClientRequests a = instance();
    private final ClientRequests b = instance();

    private ClientRequests instance() {
        ClientRequests requests = new ClientRequests();
        requests.answers = relayed;
        return requests;
    }

    @Test
    void anAnswerPostedToTheInstanceThatAskedCompletesItsRequest() {
        ClientRequests.Pending asked = a.expect(session);
        assertTrue(asked.id().startsWith("server-" + a.instance() + "-"), asked.id());
        assertTrue(a.complete(session, answer(asked.id())));
        assertEquals(ACCEPTED, asked.response().join().result());
        assertTrue(table.isEmpty());
    }

    @Test
    void anAnswerPostedToAnotherInstanceIsRelayedToTheOneThatAskedAndCompletesItsRequestThere() {
        ClientRequests.Pending asked = a.expect(session);
        assertFalse(b.complete(session, answer(asked.id())), "nothing waits for it on B");
        assertTrue(b.relay(session, answer(asked.id())));
        assertEquals(a.instance(), table.get(0)[0], "kept for the instance that asked");

        b.takeRelayed();
        assertFalse(asked.response().isDone(), "B takes only what is kept for it");
        a.takeRelayed();
        assertEquals(ACCEPTED, asked.response().join().result());
        assertTrue(table.isEmpty());
    }

    @Test
    void aRelayedAnswerCompletesOnlyARequestOfItsSession() {
        ClientRequests.Pending asked = a.expect(session);
        McpSession other = sessions.create(McpSession.Transport.STREAMABLE_HTTP, "alice");
        assertTrue(b.relay(other, answer(asked.id())));
        a.takeRelayed();
        assertFalse(asked.response().isDone(), "another session cannot answer this session's request");
    }

    @Test
    void answersToNoRequestOfAnotherInstanceAreNotRelayed() {
        ClientRequests.Pending asked = b.expect(session);
        assertFalse(b.relay(session, answer(asked.id())), "B asked: nothing to relay");
        assertFalse(b.relay(session, answer("server-1")), "an id of an older version");
        assertFalse(b.relay(session, answer("server-zzzzzzzzzzzz-1")));
        assertFalse(b.relay(session, new JsonRpcMessage.Response(JSON.createValue(7), ACCEPTED, null)), "an id the server never uses");
        assertFalse(b.relay(McpSession.stateless("alice", null, null), answer("server-" + a.instance() + "-1")), "no session to relay in");
        assertTrue(table.isEmpty());
    }

    @Test
    void anAnswerTravelsAsTheJsonTheClientSent() {
        JsonRpcMessage.Response refused = new JsonRpcMessage.Response(JSON.createValue("server-0123456789ab-3"), null,
                JSON.createObjectBuilder().add("code", -1).add("message", "no").build());
        assertEquals(Optional.of(refused), ClientRequests.parse(ClientRequests.toJson(refused).toString()));
        assertEquals(Optional.of(answer("x")), ClientRequests.parse(ClientRequests.toJson(answer("x")).toString()));
        assertEquals(Optional.empty(), ClientRequests.parse("[]"));
        assertEquals(Optional.of("0123456789ab"), ClientRequests.askerOf(JSON.createValue("server-0123456789ab-3")));
    }

    private static JsonRpcMessage.Response answer(String id) {
        return new JsonRpcMessage.Response(JSON.createValue(id), ACCEPTED, null);
    }
}
