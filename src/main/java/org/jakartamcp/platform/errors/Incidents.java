package org.jakartamcp.platform.errors;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jakartamcp.platform.telemetry.LogTrace;

/**
 * An unexpected failure, logged with its stack trace under a fresh id; clients get the id only, to
 * quote when they report it. The line names the trace it happened in, when the server traces.
 */
public final class Incidents {

    private Incidents() {
    }

    public static String log(Logger logger, String what, Throwable failure) {
        String incident = UUID.randomUUID().toString();
        logger.log(Level.SEVERE, what + " failed, incident " + incident + LogTrace.tag(), failure);
        return incident;
    }
}
