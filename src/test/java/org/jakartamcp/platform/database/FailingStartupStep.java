package org.jakartamcp.platform.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * Test-only: a start-up step that fails, as a step whose database write lost a race or met an outage would,
 * until the test lets it pass ({@code POST startup-step/pass}).
 */
@ApplicationScoped
@Path("startup-step")
public class FailingStartupStep {

    static final String NAME = "test step";
    private static volatile boolean failing = true;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        ready.step(NAME, () -> {
            if (failing) {
                throw new IllegalStateException("the test keeps this step failing");
            }
        });
    }

    @POST
    @Path("pass")
    public void pass() {
        failing = false;
    }
}
