package org.jakartamcp.mcp.jsonrpc;

import java.util.List;

/** What one HTTP body carried: a single message, or a batch (a JSON array) of them. */
public record JsonRpcBody(List<JsonRpcMessage> messages, boolean batch) {

    public JsonRpcBody {
        messages = List.copyOf(messages);
    }

    public boolean hasRequests() {
        return messages.stream().anyMatch(message -> message instanceof JsonRpcMessage.Request);
    }
}
