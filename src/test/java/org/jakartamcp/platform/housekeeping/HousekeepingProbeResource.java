package org.jakartamcp.platform.housekeeping;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.jakartamcp.platform.database.ClusterLeases;

/**
 * Test-only: runs housekeeping once, now, and answers how many rows of each kind it deleted; takes a job's
 * lease as an instance's scheduled run would.
 */
@Path("housekeeping-run")
public class HousekeepingProbeResource {

    @Inject
    Housekeeping housekeeping;

    @Inject
    ClusterLeases leases;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject run() {
        JsonObjectBuilder counts = Json.createObjectBuilder();
        housekeeping.runOnce().forEach((purge, deleted) -> counts.add(purge.name(), deleted));
        return counts.build();
    }

    @POST
    @Path("lease")
    @Produces(MediaType.TEXT_PLAIN)
    public String lease(@QueryParam("job") String job, @QueryParam("seconds") long seconds) {
        return Boolean.toString(leases.acquire(job, Duration.ofSeconds(seconds)));
    }
}
