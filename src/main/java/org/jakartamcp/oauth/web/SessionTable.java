package org.jakartamcp.oauth.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.regex.Pattern;

/**
 * The container's table of HTTP sessions, where it keeps them when they are shared by several instances (Liberty's
 * session persistence: server.xml's {@code httpSessionDatabase}). The application only counts its rows; the
 * container writes them and deletes those that expired.
 */
@ApplicationScoped
public class SessionTable {

    /** A plain SQL name: the table's name comes from the configuration and goes into the statement as it is. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    /**
     * Sessions of every instance that have not timed out at {@code nowMillis}. Liberty's rows: one per session
     * (maxinactivetime in seconds, lastaccess in ms), plus one per web module with maxinactivetime -1.
     */
    long live(String table, long nowMillis) {
        if (!NAME.matcher(table).matches()) {
            throw new IllegalStateException("HTTP_SESSIONS_TABLE is not a plain table name: " + table);
        }
        Number count = (Number) entityManager.createNativeQuery("select count(*) from " + table
                        + " where maxinactivetime > 0 and lastaccess > ?1 - maxinactivetime * 1000::bigint")
                .setParameter(1, nowMillis)
                .getSingleResult();
        return count.longValue();
    }
}
