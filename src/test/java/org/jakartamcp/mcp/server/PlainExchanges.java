package org.jakartamcp.mcp.server;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Set;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.spi.Caller;

/** Exchanges of a request without a transport, for tests of what handlers do with them. */
public final class PlainExchanges {

    private PlainExchanges() {
    }

    /** A stateless (2026-07-28) request of this user, whose client declared these capabilities. */
    public static McpExchange stateless(String principal, JsonObject capabilities) {
        return new McpExchange(McpSession.stateless(principal, null, capabilities), new Caller(principal, Set.of()),
                Json.createValue(1), McpExchange.ClientChannel.NONE, new ClientRequests());
    }
}
