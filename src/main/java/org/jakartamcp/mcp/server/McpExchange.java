package org.jakartamcp.mcp.server;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jakartamcp.mcp.session.McpSession;

/**
 * One message being handled: the session it belongs to, and the way back to the client for
 * notifications that relate to it (progress, log messages).
 */
public final class McpExchange {

    private final McpSession session;
    private final JsonValue requestId;
    private final ClientChannel channel;
    private volatile boolean cancelled;

    public McpExchange(McpSession session, JsonValue requestId, ClientChannel channel) {
        this.session = session;
        this.requestId = requestId;
        this.channel = channel;
    }

    public McpSession session() {
        return session;
    }

    public JsonValue requestId() {
        return requestId;
    }

    /** Sends a notification to the client, if the transport can carry one now. */
    public void notify(String method, JsonObject params) {
        channel.send(org.jakartamcp.mcp.jsonrpc.JsonRpcResponses.notification(method, params));
    }

    public boolean canNotify() {
        return channel.isOpen();
    }

    void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Where messages for the client go while a message is handled. */
    public interface ClientChannel {
        ClientChannel NONE = new ClientChannel() {
            @Override
            public void send(JsonObject message) {
            }

            @Override
            public boolean isOpen() {
                return false;
            }
        };

        void send(JsonObject message);

        boolean isOpen();
    }
}
