package org.jakartamcp.mcp.server.lifecycle;

import org.jakartamcp.mcp.server.ServerInfo;
import org.jakartamcp.mcp.session.SessionStore;

/** initialize, ping and server/discover over these plain objects. */
public final class PlainLifecycle {

    private PlainLifecycle() {
    }

    public static LifecycleHandler handler(SessionStore sessions, ServerInfo serverInfo) {
        LifecycleHandler handler = new LifecycleHandler();
        handler.sessions = sessions;
        handler.serverInfo = serverInfo;
        return handler;
    }
}
