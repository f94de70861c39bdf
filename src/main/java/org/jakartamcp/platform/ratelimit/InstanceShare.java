package org.jakartamcp.platform.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jakartamcp.platform.cluster.ClusterInstances;

/**
 * This instance's share of a limit meant for all instances together, for the limits checked on every MCP request,
 * which must not cost a database round trip: each instance allows {@code limit / instances} (rounded up), the number
 * of instances the one the cluster's heartbeats know to be alive ({@link ClusterInstances#liveCount()}, from memory).
 * Behind a balancer that spreads a client's requests evenly (round-robin) the sum is the limit; a client whose
 * requests all land on one instance gets its share there, less than the limit. With {@code rate-limit.instances} set,
 * that number is taken instead of counting (a fixed deployment; or 1 for limits per instance, as before instances
 * shared them).
 */
@ApplicationScoped
public class InstanceShare {

    @Inject
    ClusterInstances cluster;

    /** 0: the live instances; more: this many, whatever runs. */
    @Inject
    @ConfigProperty(name = "rate-limit.instances", defaultValue = "0")
    int fixedInstances;

    /** How many instances share the limits now (1 until the first heartbeat has read the others). */
    public int instances() {
        return fixedInstances > 0 ? fixedInstances : cluster.liveCount();
    }

    /** This instance's share of {@code limit}. */
    public int of(int limit) {
        return of(limit, instances());
    }

    /** A limit split over instances: rounded up, so that no share is 0 and the shares add up to at least the limit. */
    static int of(int limit, int instances) {
        int over = Math.max(1, instances);
        return Math.max(1, (limit + over - 1) / over);
    }
}
