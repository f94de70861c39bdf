package org.jakartamcp.platform.database;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jakartamcp.platform.audit.AuditTrail;

/** Test-only: a request that needs the database, read through JPA like the application's own. */
@Path("server-starts")
public class AuditProbeResource {

    @Inject
    AuditTrail auditTrail;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject serverStarts() {
        return Json.createObjectBuilder()
                .add("count", auditTrail.recent(AuditTrail.SERVER_STARTED, 100).size())
                .build();
    }
}
