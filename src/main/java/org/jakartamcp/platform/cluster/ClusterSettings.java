package org.jakartamcp.platform.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How often an instance says it is alive, and after how long without a word the others count it as gone. */
@ApplicationScoped
public class ClusterSettings {

    @Inject
    @ConfigProperty(name = "cluster.heartbeat-seconds", defaultValue = "5")
    long heartbeatSeconds;

    @Inject
    @ConfigProperty(name = "cluster.instance-timeout-seconds", defaultValue = "15")
    long instanceTimeoutSeconds;

    public Duration heartbeat() {
        return Duration.ofSeconds(Math.max(1, heartbeatSeconds));
    }

    /** Never under two heartbeats: one late beat (a long GC pause, a busy database) must not make an instance gone. */
    public Duration instanceTimeout() {
        Duration timeout = Duration.ofSeconds(instanceTimeoutSeconds);
        Duration floor = heartbeat().multipliedBy(2);
        return timeout.compareTo(floor) < 0 ? floor : timeout;
    }
}
