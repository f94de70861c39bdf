package org.jakartamcp.platform.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The one thread per instance that listens for the other instances' signals on a connection of its
 * own. While it waits for a notification it checks, every {@code checkInterval}, that the connection
 * still works; when it fails, it reconnects with a growing delay and then asks for a resync, since
 * signals sent in between were lost. Its own signals come back too, and are dropped.
 */
final class SignalListener implements Runnable {

    private static final Logger LOG = Logger.getLogger(SignalListener.class.getName());
    static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(30);

    interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector connector;
    private final String self;
    private final Consumer<ClusterSignal> deliver;
    private final Duration checkInterval;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Connection current;
    private volatile boolean listening;

    SignalListener(Connector connector, String self, Consumer<ClusterSignal> deliver, Duration checkInterval) {
        this.connector = connector;
        this.self = self;
        this.deliver = deliver;
        this.checkInterval = checkInterval;
    }

    @Override
    public void run() {
        Duration delay = Duration.ofSeconds(1);
        boolean failedBefore = false;
        while (!isStopped()) {
            try (Connection connection = connector.open()) {
                current = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + SignalRepository.CHANNEL);
                }
                setListening(true);
                if (failedBefore) {
                    LOG.info("Listening for the other instances' signals again");
                }
                failedBefore = false;
                delay = Duration.ofSeconds(1);
                deliverSafely(new ClusterSignal(ClusterSignal.Topic.RESYNC, ""));
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                setListening(false);
                if (isStopped()) {
                    return;
                }
                if (failedBefore) {
                    LOG.fine(() -> "Still not listening for signals: " + e.getMessage());
                } else {
                    LOG.log(Level.WARNING, "Not listening for the other instances' signals (" + e.getMessage() + "); until the database "
                            + "is back, changes made elsewhere reach this instance through its periodic checks only");
                }
                failedBefore = true;
                awaitStop(delay);
                delay = delay.multipliedBy(2).compareTo(MAX_RECONNECT_DELAY) > 0 ? MAX_RECONNECT_DELAY : delay.multipliedBy(2);
            } finally {
                setListening(false);
                current = null;
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        int timeout = (int) Math.max(1, checkInterval.toMillis());
        while (!isStopped()) {
            PGNotification[] notifications = postgres.getNotifications(timeout);
            if (notifications == null || notifications.length == 0) {
                // nothing came: a round trip shows the connection is still alive (a silent network loses notifications)
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select 1");
                }
                continue;
            }
            for (PGNotification notification : notifications) {
                if (SignalRepository.CHANNEL.equals(notification.getName())) {
                    SignalPayload.decode(notification.getParameter())
                            .filter(payload -> !payload.sender().equals(self))
                            .ifPresent(payload -> deliverSafely(payload.signal()));
                }
            }
        }
    }

    private void deliverSafely(ClusterSignal signal) {
        try {
            deliver.accept(signal);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Acting on the signal " + signal + " failed", e);
        }
    }

    boolean isListening() {
        return listening;
    }

    /** Waits until the listener listens (true), or the timeout passes or it is stopped (false). */
    synchronized boolean awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!listening && !isStopped()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return listening;
    }

    private synchronized void setListening(boolean now) {
        listening = now;
        notifyAll();
    }

    /** Ends the loop: the connection is closed under the waiting thread, which wakes it. */
    void stop() {
        stopped.countDown();
        synchronized (this) {
            notifyAll();
        }
        Connection connection = current;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.fine(() -> "Closing the signal connection: " + e.getMessage());
            }
        }
    }

    private boolean isStopped() {
        return stopped.getCount() == 0;
    }

    private void awaitStop(Duration delay) {
        try {
            stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.countDown();
        }
    }
}
