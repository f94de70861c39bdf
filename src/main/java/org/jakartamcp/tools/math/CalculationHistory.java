package org.jakartamcp.tools.math;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jakartamcp.mcp.spi.Caller;
import org.jakartamcp.mcp.spi.Resource;
import org.jakartamcp.mcp.spi.ResourceUpdates;
import org.jakartamcp.mcp.spi.ToolCalled;

/**
 * Each user's recent calculations, kept in PostgreSQL (so they outlive a restart) and offered as a
 * resource; subscribers hear when theirs changes.
 */
@ApplicationScoped
public class CalculationHistory {

    static final String URI = "history://recent";
    static final int SHOWN = 50;

    @PersistenceContext(unitName = "mcp")
    EntityManager entityManager;

    @Inject
    ResourceUpdates updates;

    private final Clock clock = Clock.systemUTC();

    /** Written after the answer went out: a calculation's latency does not include the insert. */
    @Transactional
    void record(@ObservesAsync ToolCalled call) {
        entityManager.persist(new CalculationRecord(call.principal(), call.tool(), call.arguments().toString(), call.result(),
                OffsetDateTime.now(clock)));
        entityManager.flush();
        updates.updated(URI, call.principal());
    }

    @Resource(uri = URI, name = "calculation-history", title = "Your recent calculations",
            description = "The 50 most recent calculations of the signed-in user, newest first: tool, arguments, result and time.",
            mimeType = "application/json")
    @Transactional(Transactional.TxType.SUPPORTS)
    public String recent(Caller caller) {
        JsonArrayBuilder calculations = JSON.createArrayBuilder();
        entityManager.createNamedQuery(CalculationRecord.RECENT, CalculationRecord.class)
                .setParameter("principal", caller.principal())
                .setMaxResults(SHOWN)
                .getResultStream()
                .forEach(calculation -> calculations.add(JSON.createObjectBuilder()
                        .add("tool", calculation.tool())
                        .add("arguments", calculation.arguments())
                        .add("result", calculation.result())
                        .add("at", calculation.createdAt().toString())));
        return calculations.build().toString();
    }
}
