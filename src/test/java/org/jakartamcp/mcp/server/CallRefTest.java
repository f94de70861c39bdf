package org.jakartamcp.mcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallRefTest {

    private static final String HASH = "5e".repeat(32);

    @Test
    void aCallTravelsAsItsSessionsHashAndADigestOfItsRequestIdShortEnoughForASignal() {
        CallRef call = CallRef.of(HASH, Json.createValue("a request id with spaces, " + "and long ".repeat(50)));
        assertEquals(HASH.length() + 1 + 43, call.subject().length());
        assertFalse(call.subject().contains(" "));
        assertEquals(Optional.of(call), CallRef.ofSubject(call.subject()));
        assertTrue(call.names(HASH, Json.createValue("a request id with spaces, " + "and long ".repeat(50))));
    }

    @Test
    void theIdsOfJsonRpcStayApart() {
        CallRef numberOne = CallRef.of(HASH, Json.createValue(1));
        assertTrue(numberOne.names(HASH, Json.createValue(1)));
        assertFalse(numberOne.names(HASH, Json.createValue("1")), "the string \"1\" is another request than the number 1");
        assertFalse(numberOne.names("6f".repeat(32), Json.createValue(1)), "ids are unique per session only");
        assertFalse(numberOne.names(null, Json.createValue(1)), "a stateless request has no session to be named by");
    }

    @Test
    void aSubjectOfAnotherShapeNamesNoCall() {
        assertTrue(CallRef.ofSubject("").isEmpty());
        assertTrue(CallRef.ofSubject(HASH).isEmpty());
        assertTrue(CallRef.ofSubject(HASH + ":").isEmpty());
    }
}
