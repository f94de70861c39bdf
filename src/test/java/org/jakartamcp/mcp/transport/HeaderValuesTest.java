package org.jakartamcp.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SEP-2243's header value encoding, with the spec's own examples. */
class HeaderValuesTest {

    @Test
    void plainValuesAreTakenAsTheyAreWithoutSurroundingWhitespace() {
        assertEquals(Optional.of("us-west1"), HeaderValues.decode("us-west1"));
        assertEquals(Optional.of("us west 1"), HeaderValues.decode("  us west 1\t"));
    }

    @Test
    void theSpecsBase64ExamplesDecode() {
        assertEquals(Optional.of("Hello, 世界"), HeaderValues.decode("=?base64?SGVsbG8sIOS4lueVjA==?="));
        assertEquals(Optional.of(" padded "), HeaderValues.decode("=?base64?IHBhZGRlZCA=?="));
        assertEquals(Optional.of("line1\nline2"), HeaderValues.decode("=?base64?bGluZTEKbGluZTI=?="));
        assertEquals(Optional.of("=?base64?literal?="), HeaderValues.decode("=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?="));
    }

    @Test
    void brokenBase64IsRefusedNotGuessed() {
        assertEquals(Optional.empty(), HeaderValues.decode("=?base64?SGVsbG8?="), "missing padding");
        assertEquals(Optional.empty(), HeaderValues.decode("=?base64?SGVs!!!bG8=?="), "not the alphabet");
        assertEquals(Optional.empty(), HeaderValues.decode("=?base64?/w==?="), "not UTF-8");
    }

    @Test
    void withoutBothMarkersAValueIsLiteral() {
        assertEquals(Optional.of("SGVsbG8="), HeaderValues.decode("SGVsbG8="));
        assertEquals(Optional.of("=?base64?SGVsbG8="), HeaderValues.decode("=?base64?SGVsbG8="));
        assertEquals(Optional.of("SGVsbG8=?="), HeaderValues.decode("SGVsbG8=?="));
    }

    @Test
    void charactersAHeaderMayNotCarryAreRefused() {
        assertEquals(Optional.empty(), HeaderValues.decode("line1\nline2"));
        assertEquals(Optional.empty(), HeaderValues.decode("caf\u00e9"));
        assertEquals(Optional.empty(), HeaderValues.decode("a\u0000b"));
    }

    @Test
    void bodyValuesMatchByType() {
        assertTrue(HeaderValues.matches("us-west1", Json.createValue("us-west1")));
        assertFalse(HeaderValues.matches("US-WEST1", Json.createValue("us-west1")), "values are case-sensitive");
        assertTrue(HeaderValues.matches("42", Json.createValue(42)));
        assertTrue(HeaderValues.matches("42.0", Json.createValue(42)), "numbers compare by value");
        assertFalse(HeaderValues.matches("43", Json.createValue(42)));
        assertFalse(HeaderValues.matches("forty-two", Json.createValue(42)));
        assertTrue(HeaderValues.matches("true", JsonValue.TRUE));
        assertFalse(HeaderValues.matches("True", JsonValue.TRUE));
        assertTrue(HeaderValues.matches("false", JsonValue.FALSE));
        assertFalse(HeaderValues.matches("{}", JsonValue.EMPTY_JSON_OBJECT));
    }
}
