package org.jakartamcp.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jakartamcp.platform.cluster.ClusterInstances;

/**
 * Not ready while the instance stops: the first thing it does when the application stops, so that a load balancer
 * that probes readiness sends new requests elsewhere while the open streams end and the calls in flight finish.
 */
@Readiness
@ApplicationScoped
public class InstanceReadinessCheck implements HealthCheck {

    @Inject
    ClusterInstances instances;

    @Override
    public HealthCheckResponse call() {
        if (instances.isDraining()) {
            return HealthCheckResponse.named("instance").down()
                    .withData("draining", "the server is stopping: its streams end and its calls in flight finish").build();
        }
        return HealthCheckResponse.named("instance").up().withData("id", instances.id()).build();
    }
}
