package org.jakartamcp.mcp.server.logging;

import org.jakartamcp.mcp.session.SessionStore;

/** logging/setLevel over a plain session store. */
public final class PlainLogging {

    private PlainLogging() {
    }

    public static LoggingHandler handler(SessionStore sessions) {
        LoggingHandler handler = new LoggingHandler();
        handler.sessions = sessions;
        return handler;
    }
}
