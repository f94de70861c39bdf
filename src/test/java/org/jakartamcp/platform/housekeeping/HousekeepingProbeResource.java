package org.jakartamcp.platform.housekeeping;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only: runs housekeeping once, now, and answers how many rows of each kind it deleted. */
@Path("housekeeping-run")
public class HousekeepingProbeResource {

    @Inject
    Housekeeping housekeeping;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject run() {
        JsonObjectBuilder counts = Json.createObjectBuilder();
        housekeeping.runOnce().forEach((purge, deleted) -> counts.add(purge.name(), deleted));
        return counts.build();
    }
}
