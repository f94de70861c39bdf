package org.jakartamcp.mcp.session;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jakartamcp.mcp.spi.Caller;
import org.jakartamcp.platform.cluster.ClusterSignal;
import org.jakartamcp.platform.cluster.ClusterSignals;

/**
 * Messages of HTTP+SSE sessions that reached an instance other than the one holding the session's stream: kept
 * in PostgreSQL until that instance, signalled in the same transaction, takes them. With their caller, whose token
 * the receiving instance checked.
 */
@ApplicationScoped
@Transactional
public class RelayedMessages {

    /** A message as it was POSTed, with who sent it. */
    public record Relayed(long id, Caller caller, String body) {
    }

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    @Inject
    ClusterSignals signals;

    private final Clock clock = Clock.systemUTC();

    /**
     * Keeps a POSTed body for the instance holding the session's stream, and signals it once committed; false when
     * the session has ended meanwhile (on any instance). The session's row is key-share locked, so a delete running
     * at the same time either waits for the message (and removes it with the session) or wins and nothing is kept.
     */
    public boolean relay(McpSession session, Caller caller, String body) {
        JsonArrayBuilder groups = JSON.createArrayBuilder();
        caller.groups().forEach(groups::add);
        int kept = entityManager.createNativeQuery("insert into mcp_sse_relay (session_hash, principal, groups, body, created_at, machine) "
                        + "select id_hash, ?2, ?3, ?4, ?5, ?6 from mcp_session where id_hash = ?1 for key share")
                .setParameter(1, session.idHash())
                .setParameter(2, caller.principal())
                .setParameter(3, groups.build().toString())
                .setParameter(4, body)
                .setParameter(5, OffsetDateTime.now(clock))
                .setParameter(6, caller.machine())
                .executeUpdate();
        if (kept == 0) {
            return false;
        }
        signals.publish(ClusterSignal.Topic.SSE_MESSAGES, session.idHash());
        return true;
    }

    /** Removes and returns the session's relayed messages, oldest first; each is taken by one caller only. */
    public List<Relayed> take(String sessionHash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("delete from mcp_sse_relay where session_hash = ?1 "
                        + "returning id, principal, groups, body, machine")
                .setParameter(1, sessionHash)
                .getResultList();
        return rows.stream()
                .map(row -> new Relayed(((Number) row[0]).longValue(), new Caller((String) row[1], groups((String) row[2]),
                        Boolean.TRUE.equals(row[4])),
                        (String) row[3]))
                .sorted(Comparator.comparingLong(Relayed::id))
                .toList();
    }

    private static Set<String> groups(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            Set<String> groups = new HashSet<>();
            reader.readArray().getValuesAs(JsonString.class).forEach(group -> groups.add(group.getString()));
            return groups;
        }
    }
}
