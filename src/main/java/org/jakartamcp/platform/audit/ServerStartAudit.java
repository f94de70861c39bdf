package org.jakartamcp.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jakartamcp.platform.database.DatabaseReady;

/** Leaves a trace of every start in the audit trail, once the database can take it. */
@ApplicationScoped
public class ServerStartAudit {

    @Inject
    AuditTrail auditTrail;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        ready.step("start audit", () -> auditTrail.record(AuditTrail.SERVER_STARTED, "system",
                "java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " processors"));
    }
}
