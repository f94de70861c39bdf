package org.jakartamcp.platform.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which instances are alive, from the heartbeat rows the last beat read; and the timeout's floor. */
class ClusterInstancesTest {

    /** The table as a list of live ids, and what was written to it. */
    static final class Table extends InstanceRepository {
        final List<String> rows = new ArrayList<>();
        final List<String> writes = new ArrayList<>();
        Duration askedTimeout;

        @Override
        void beat(String id, String description) {
            writes.add("beat " + id);
            if (!rows.contains(id)) {
                rows.add(id);
            }
        }

        @Override
        List<String> live(Duration timeout) {
            askedTimeout = timeout;
            return List.copyOf(rows);
        }

        @Override
        void remove(String id) {
            writes.add("remove " + id);
            rows.remove(id);
        }
    }

    private static ClusterInstances instances(Table table) {
        ClusterInstances instances = new ClusterInstances();
        instances.repository = table;
        instances.settings = settings(5, 15);
        return instances;
    }

    private static ClusterSettings settings(long heartbeat, long timeout) {
        ClusterSettings settings = new ClusterSettings();
        settings.heartbeatSeconds = heartbeat;
        settings.instanceTimeoutSeconds = timeout;
        return settings;
    }

    @Test
    void beforeItsFirstHeartbeatAnInstanceKnowsOnlyItself() {
        ClusterInstances instances = instances(new Table());
        assertTrue(instances.isAlive(instances.id()));
        assertFalse(instances.isAlive("another"));
        assertEquals(1, instances.liveCount());
    }

    @Test
    void theOthersAreAliveWhileTheirHeartbeatIsFreshAndGoneWhenItIsNot() {
        Table table = new Table();
        table.rows.add("other");
        ClusterInstances instances = instances(table);

        instances.beat();
        assertEquals(List.of("beat " + instances.id()), table.writes);
        assertEquals(Duration.ofSeconds(15), table.askedTimeout);
        assertTrue(instances.isAlive("other"));
        assertEquals(2, instances.liveCount());

        table.rows.remove("other"); // its heartbeat is older than the timeout now, or it left
        assertTrue(instances.isAlive("other"), "as of the last heartbeat: nothing is asked of the database in between");
        instances.beat();
        assertFalse(instances.isAlive("other"));
        assertEquals(1, instances.liveCount());
    }

    @Test
    void aStoppingInstanceIsDrainingThenLeavesOnce() {
        Table table = new Table();
        ClusterInstances instances = instances(table);
        instances.beat();
        assertFalse(instances.isDraining());

        instances.drain();
        assertTrue(instances.isDraining());
        assertTrue(instances.isAlive(instances.id()), "draining, it still holds its streams");

        instances.leave();
        instances.leave();
        assertFalse(instances.isAlive(instances.id()));
        assertEquals(List.of("beat " + instances.id(), "remove " + instances.id()), table.writes, "its row removed once");
        instances.beat();
        assertEquals(2, table.writes.size(), "no heartbeat after it left");
    }

    @Test
    void anInstanceIsNeverGoneBeforeTwoMissedHeartbeats() {
        assertEquals(Duration.ofSeconds(15), settings(5, 15).instanceTimeout());
        assertEquals(Duration.ofSeconds(20), settings(10, 3).instanceTimeout());
        assertEquals(Duration.ofSeconds(1), settings(0, 60).heartbeat());
    }
}
