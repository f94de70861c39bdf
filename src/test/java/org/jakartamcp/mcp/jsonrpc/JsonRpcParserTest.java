package org.jakartamcp.mcp.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class JsonRpcParserTest {

    private final JsonRpcParser parser = new JsonRpcParser(64);

    @Test
    void requestsNotificationsAndResponsesAreToldApart() {
        assertInstanceOf(JsonRpcMessage.Request.class, single("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"));
        assertInstanceOf(JsonRpcMessage.Request.class, single("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"ping\"}"));
        assertInstanceOf(JsonRpcMessage.Notification.class, single("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
        assertInstanceOf(JsonRpcMessage.Response.class, single("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}"));
        assertInstanceOf(JsonRpcMessage.Response.class, single("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":1,\"message\":\"x\"}}"));
    }

    @Test
    void missingParamsAreAnEmptyObject() {
        var request = (JsonRpcMessage.Request) single("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, request.params());
    }

    @Test
    void textThatIsNotJsonIsAParseError() {
        assertEquals(JsonRpcError.PARSE_ERROR, assertThrows(JsonRpcError.class, () -> parser.parse("{\"id\":")).code());
        assertEquals(JsonRpcError.PARSE_ERROR, assertThrows(JsonRpcError.class, () -> parser.parse("")).code());
        assertEquals(JsonRpcError.PARSE_ERROR, assertThrows(JsonRpcError.class, () -> parser.parse("{} {}")).code());
    }

    /** Found by McpFuzzTest: the JSON parser's BigDecimal refuses such an exponent with a NumberFormatException (a 500). */
    @Test
    void aNumberWithAnExponentBeyondAnIntIsAParseError() {
        for (String body : new String[] {"1e99999999900", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":1e-3000000000}}"}) {
            JsonRpcError error = assertThrows(JsonRpcError.class, () -> parser.parse(body), body);
            assertEquals(JsonRpcError.PARSE_ERROR, error.code(), body);
            assertEquals("Parse error: a number's exponent is out of range", error.getMessage());
        }
        assertInstanceOf(JsonRpcMessage.Request.class, single("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":1e999999999}}"));
    }

    /** The JSON parser (Parsson) reads a number of at most 1100 characters, and refuses a longer one with an UnsupportedOperationException. */
    @Test
    void aNumberLongerThanTheParserReadsIsAParseErrorThatSaysToSendAString() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"add\",\"arguments\":{\"a\":"
                + "1".repeat(1_200) + ",\"b\":1}}}";
        JsonRpcError error = assertThrows(JsonRpcError.class, () -> parser.parse(body));
        assertEquals(JsonRpcError.PARSE_ERROR, error.code());
        assertEquals("Parse error: a number is longer than this server's JSON parser reads (Number of BigDecimal source characters 1200 "
                + "exceeded maximal allowed value of 1100); send a long number as a decimal string (\"123.45\")", error.getMessage());
        assertInstanceOf(JsonRpcMessage.Request.class, single(body.replace("1".repeat(1_200), "\"" + "1".repeat(1_200) + "\"")));
    }

    @Test
    void wrongShapesAreInvalidRequests() {
        for (String body : new String[] {
                "{\"id\":1,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[1]}",
                "{\"jsonrpc\":\"2.0\",\"id\":1}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"error\":{}}",
                "\"ping\"",
                "[]"}) {
            assertEquals(JsonRpcError.INVALID_REQUEST, assertThrows(JsonRpcError.class, () -> parser.parse(body), body).code(), body);
        }
    }

    @Test
    void aBatchKeepsItsValidMessagesAndMarksTheInvalidOnes() {
        JsonRpcBody body = parser.parse("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}, 5, {\"jsonrpc\":\"2.0\",\"id\":3}]");
        assertTrue(body.batch());
        assertEquals(3, body.messages().size());
        assertInstanceOf(JsonRpcMessage.Request.class, body.messages().get(0));
        assertNull(((JsonRpcMessage.Invalid) body.messages().get(1)).id());
        assertEquals(3, ((jakarta.json.JsonNumber) ((JsonRpcMessage.Invalid) body.messages().get(2)).id()).intValue());
    }

    @Test
    void nestingIsBoundedBeforeParsing() {
        String deep = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":" + "[".repeat(100) + "]".repeat(100) + "}}";
        JsonRpcError error = assertThrows(JsonRpcError.class, () -> parser.parse(deep));
        assertEquals(JsonRpcError.INVALID_REQUEST, error.code());
        assertTrue(error.getMessage().contains("depth"));
    }

    @Test
    void bracketsInsideStringsDoNotCountAsNesting() {
        assertEquals(1, JsonRpcParser.nestingDepth("{\"a\":\"[[[[{{{\\\"]]\"}"));
        assertEquals(3, JsonRpcParser.nestingDepth("[{\"a\":[1]}]"));
    }

    private JsonRpcMessage single(String text) {
        JsonRpcBody body = parser.parse(text);
        assertEquals(1, body.messages().size());
        return body.messages().get(0);
    }
}
