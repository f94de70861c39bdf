package org.jakartamcp.platform.errors;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An unexpected failure, logged with its stack trace under a fresh id; clients get the id only, to
 * quote when they report it.
 */
public final class Incidents {

    private Incidents() {
    }

    public static String log(Logger logger, String what, Throwable failure) {
        String incident = UUID.randomUUID().toString();
        logger.log(Level.SEVERE, what + " failed, incident " + incident, failure);
        return incident;
    }
}
