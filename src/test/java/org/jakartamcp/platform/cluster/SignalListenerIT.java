package org.jakartamcp.platform.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jakartamcp.platform.cluster.ClusterSignal.Topic;
import org.jakartamcp.testing.Eventually;
import org.jakartamcp.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The listener on the test server's real PostgreSQL: what other senders notify arrives, and a lost connection comes back. */
class SignalListenerIT {

    private static final Duration SOON = Duration.ofSeconds(10);
    private final String applicationName = "signal-listener-it-" + System.nanoTime();
    private final List<ClusterSignal> received = new CopyOnWriteArrayList<>();
    private final SignalListener listener = new SignalListener(this::connect, "this-instance", received::add, Duration.ofSeconds(1));
    private final Thread thread = new Thread(listener, "signal-listener-it");

    @AfterEach
    void stop() throws InterruptedException {
        listener.stop();
        thread.join(SOON.toMillis());
        assertFalse(thread.isAlive(), "the listener ends when stopped");
    }

    @Test
    void theOtherInstancesSignalsArriveInOrderAndItsOwnAreDropped() throws SQLException {
        thread.start();
        Eventually.await("listening", SOON, () -> List.copyOf(received), signals -> !signals.isEmpty());
        assertEquals(List.of(new ClusterSignal(Topic.RESYNC, "")), received, "a resync first: signals sent before were missed");

        notify("this-instance session-ended mine");
        notify("another-instance session-ended 5e55");
        notify("another-instance cache-flushed everything");
        notify("another-instance grant-revoked 42");

        Eventually.await("two signals", SOON, () -> List.copyOf(received), signals -> signals.size() >= 3);
        assertEquals(List.of(new ClusterSignal(Topic.RESYNC, ""), new ClusterSignal(Topic.SESSION_ENDED, "5e55"),
                new ClusterSignal(Topic.GRANT_REVOKED, "42")), received);
    }

    /** The database dropped the listener's connection (a restart, a failover): it listens again and asks for a resync. */
    @Test
    void aLostConnectionIsReopenedAndFollowedByAResync() throws SQLException {
        thread.start();
        Eventually.await("listening", SOON, listener::isListening, listening -> listening);

        try (Connection connection = TestDatabase.shared().connect();
             PreparedStatement kill = connection.prepareStatement("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                     + "where application_name = ?")) {
            kill.setString(1, applicationName);
            try (var result = kill.executeQuery()) {
                assertTrue(result.next() && result.getInt(1) == 1, "the listener's connection was there to end");
            }
        }
        Eventually.await("a second resync", SOON, () -> received.stream().filter(signal -> signal.topic() == Topic.RESYNC).count(),
                resyncs -> resyncs == 2);
        notify("another-instance session-ended after");
        Eventually.await("the signal after the reconnection", SOON, () -> List.copyOf(received),
                signals -> signals.contains(new ClusterSignal(Topic.SESSION_ENDED, "after")));
    }

    private Connection connect() throws SQLException {
        Connection connection = TestDatabase.shared().connect();
        connection.setClientInfo("ApplicationName", applicationName);
        return connection;
    }

    private static void notify(String payload) throws SQLException {
        try (Connection connection = TestDatabase.shared().connect();
             PreparedStatement statement = connection.prepareStatement("select pg_notify(?, ?)")) {
            statement.setString(1, SignalRepository.CHANNEL);
            statement.setString(2, payload);
            statement.execute();
        }
    }
}
