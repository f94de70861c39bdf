package org.jakartamcp.mcp.server;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jakartamcp.mcp.jsonrpc.JsonRpcMessage;
import org.jakartamcp.mcp.jsonrpc.JsonRpcResponses;
import org.jakartamcp.mcp.server.mrtr.InputRound;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.spi.Caller;
import org.jakartamcp.mcp.spi.ToolCallException;

/**
 * One message being handled: the session it belongs to, and the way back to the client for
 * notifications and requests that relate to it (progress, log messages, sampling).
 */
public final class McpExchange {

    private final McpSession session;
    private final Caller caller;
    private final JsonValue requestId;
    private final ClientChannel channel;
    private final ClientRequests clientRequests;
    private volatile boolean cancelled;
    private volatile InputRound inputRound;

    McpExchange(McpSession session, Caller caller, JsonValue requestId, ClientChannel channel, ClientRequests clientRequests) {
        this.session = session;
        this.caller = caller;
        this.requestId = requestId;
        this.channel = channel;
        this.clientRequests = clientRequests;
    }

    public McpSession session() {
        return session;
    }

    /** Who sent this message (the session's user, with the groups of the access token this message came with). */
    public Caller caller() {
        return caller;
    }

    public JsonValue requestId() {
        return requestId;
    }

    /** Sends a notification to the client, if the transport can carry one for this message. */
    public void notify(String method, JsonObject params) {
        if (channel.isOpen()) {
            channel.send(JsonRpcResponses.notification(method, params));
        }
    }

    /** Sends a request to the client and waits for its result. */
    public JsonObject request(String method, JsonObject params, Duration timeout) {
        if (!channel.carriesRequests()) {
            throw new ToolCallException("The client cannot be asked (" + method + ") on this transport");
        }
        ClientRequests.Pending pending = clientRequests.expect(session);
        channel.send(JsonRpcResponses.request(JSON.createValue(pending.id()), method, params));
        try {
            JsonRpcMessage.Response response = pending.response().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.error() != null) {
                throw new ToolCallException("The client refused " + method + ": " + response.error().getString("message", "no reason given"));
            }
            return ClientRequests.resultOrNull(response);
        } catch (TimeoutException e) {
            pending.response().cancel(false);
            throw new ToolCallException("The client did not answer " + method + " within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new ToolCallException("The client could not answer " + method);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolCallException("Interrupted while waiting for the client");
        }
    }

    /** The round of a stateless request that may ask the client for input; null when questions go to the client as requests. */
    public InputRound inputRound() {
        return inputRound;
    }

    public void inputRound(InputRound round) {
        this.inputRound = round;
    }

    /** Closes the client's connection to the stream of this message; it reconnects and resumes. */
    public void closeConnection() {
        channel.closeConnection();
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

        /** Whether requests to the client may go this way: not on a 2026-07-28 response stream, which carries notifications only. */
        default boolean carriesRequests() {
            return isOpen();
        }

        default void closeConnection() {
        }
    }
}
