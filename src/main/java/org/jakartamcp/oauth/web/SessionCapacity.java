package org.jakartamcp.oauth.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a browser may have an HTTP session: the server holds at most {@code HTTP_SESSIONS_MAX} at once. Kept in
 * memory (one instance), the container itself refuses new ones past that (Liberty: httpSession without overflow).
 * Kept in the database for all instances ({@code HTTP_SESSIONS_TABLE} names the container's table), the container
 * never refuses, so the limit is the live sessions counted there, at most once a {@link #RECOUNT_NANOS second} per
 * instance, plus those this instance opened since: instances together may pass it by what the others open within
 * that second.
 */
@ApplicationScoped
public class SessionCapacity {

    private static final Logger LOG = Logger.getLogger(SessionCapacity.class.getName());
    static final long RECOUNT_NANOS = TimeUnit.SECONDS.toNanos(1);

    @Inject
    @ConfigProperty(name = "HTTP_SESSIONS_MAX", defaultValue = "10000")
    long max;

    /** Set by server.xml when the sessions live in the database; absent when the container keeps them in memory. */
    @Inject
    @ConfigProperty(name = "HTTP_SESSIONS_TABLE")
    Optional<String> table;

    @Inject
    SessionTable sessionTable;

    private long countedAt;
    private long counted = -1;
    private long openedSince;

    /** Whether this request has, and can get, no usable session because the server holds as many as it may (else it has one now). */
    boolean refused(HttpServletRequest request) {
        if (table.filter(name -> !name.isBlank()).isEmpty()) {
            return refusedByContainer(request);
        }
        if (request.getSession(false) != null) {
            return false;
        }
        if (!reserve()) {
            return true;
        }
        request.getSession(true);
        return false;
    }

    private static boolean refusedByContainer(HttpServletRequest request) {
        try {
            HttpSession session = request.getSession(true);
            if (session == null) {
                return true;
            }
            session.getAttribute(SessionCapacity.class.getName());
            return false;
        } catch (IllegalStateException full) {
            return true;
        }
    }

    /** Room for one more session (counted as opened), or none. */
    private synchronized boolean reserve() {
        long now = System.nanoTime();
        if (counted < 0 || now - countedAt >= RECOUNT_NANOS) {
            try {
                counted = sessionTable.live(table.orElseThrow(), System.currentTimeMillis());
                countedAt = now;
                openedSince = 0;
            } catch (PersistenceException e) {
                // the database is down: the page fails on its own (and no session could be stored anyway)
                LOG.log(Level.FINE, "HTTP sessions not counted", e);
                return true;
            }
        }
        if (counted + openedSince >= max) {
            return false;
        }
        openedSince++;
        return true;
    }
}
