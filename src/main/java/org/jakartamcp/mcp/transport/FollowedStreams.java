package org.jakartamcp.mcp.transport;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jakartamcp.mcp.server.tools.ToolsHandler;
import org.jakartamcp.mcp.session.EventLog;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.mcp.session.SessionEnded;
import org.jakartamcp.mcp.session.StreamRef;
import org.jakartamcp.platform.cluster.ClusterSignal;
import org.jakartamcp.platform.cluster.ClusterSignals;

/**
 * Streams resumed on this instance while another one writes them (behind a load balancer without sticky sessions, a
 * client's GET with Last-Event-ID may land anywhere): each connection replays what was stored, then asks the writer,
 * through a signal, to signal its new events, and reads them from the event log when signalled, until the call's
 * response. The log is the truth; a signal only says when to read it, and a periodic read
 * ({@link TransportSettings#resumedStreamCheck()}) covers a signal lost or a writer that finished before it heard.
 */
@ApplicationScoped
public class FollowedStreams {

    private static final Logger LOG = Logger.getLogger(FollowedStreams.class.getName());

    @Inject
    EventLog log;

    @Inject
    ClusterSignals signals;

    @Inject
    TransportSettings settings;

    @Inject
    ToolsHandler tools;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Clock clock = Clock.systemUTC();
    private final Set<Following> following = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> checks;

    private record Following(McpSession session, Follower follower) {
    }

    /**
     * Carries a stream that is not written here to a new connection, opened by {@code open} with what to run when it
     * closes: the events after {@code after}, then those that follow until the call's response.
     */
    void follow(McpSession session, String streamId, long after, Function<Runnable, EventStream> open) {
        StreamRef stream = StreamRef.of(session, streamId);
        AtomicReference<Following> self = new AtomicReference<>();
        EventStream connection = open.apply(() -> {
            Following ended = self.get();
            if (ended != null) {
                following.remove(ended);
            }
        });
        Follower follower = new Follower(stream, after, deadline(session, streamId), seq -> log.after(session, streamId, seq).stream()
                .map(event -> new Follower.Event(event.seq(), event.payload())).toList(), new Follower.Output() {
                    @Override
                    public boolean send(String id, String data) {
                        return connection.send(null, id, data);
                    }

                    @Override
                    public void close() {
                        connection.close();
                    }
                });
        Following entry = new Following(session, follower);
        self.set(entry);
        // what was stored first: a call that ended already needs no signal
        if (!follower.check(Instant.now(clock))) {
            return;
        }
        following.add(entry);
        if (follower.hasEnded()) {
            following.remove(entry); // the client went away meanwhile
            return;
        }
        startChecks();
        signals.publish(ClusterSignal.Topic.STREAM_FOLLOWED, stream.subject());
        // events the writer stored between the read above and hearing the signal: read again (its answer reads again too)
        follower.catchUp();
    }

    /** The stream cannot be written longer than a call may run after its first event; a keep-alive interval to spare. */
    private Instant deadline(McpSession session, String streamId) {
        OffsetDateTime started = log.startOf(session, streamId).orElseGet(() -> OffsetDateTime.now(clock));
        return started.toInstant().plus(tools.timeLimit()).plus(settings.keepAlive());
    }

    void onSignal(@Observes ClusterSignal signal) {
        switch (signal.topic()) {
            case STREAM_EVENTS -> StreamRef.ofSubject(signal.subject()).ifPresent(stream -> following.stream()
                    .filter(entry -> entry.follower().stream().equals(stream))
                    .forEach(entry -> executor.execute(() -> catchUp(entry))));
            // signals may have been missed: every follower reads now
            case RESYNC -> following.forEach(entry -> executor.execute(() -> catchUp(entry)));
            default -> {
            }
        }
    }

    /** A session ended (here or elsewhere): the streams of its calls end with it. */
    void onSessionEnded(@Observes SessionEnded ended) {
        following.stream().filter(entry -> entry.session() == ended.session()
                        || entry.follower().stream().sessionHash().equals(ended.session().idHash()))
                .forEach(entry -> entry.follower().end());
    }

    private void catchUp(Following entry) {
        try {
            entry.follower().catchUp();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A resumed stream could not read the event log now; it tries again at its next check", e);
        }
    }

    private void check() {
        Instant now = Instant.now(clock);
        for (Following entry : following) {
            try {
                if (!entry.follower().check(now)) {
                    following.remove(entry);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "A resumed stream could not read the event log now; it tries again at its next check", e);
            }
        }
    }

    private synchronized void startChecks() {
        if (checks == null) {
            long period = settings.resumedStreamCheck().toMillis();
            checks = scheduler.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (checks != null) {
            checks.cancel(false);
        }
        following.forEach(entry -> entry.follower().end());
    }
}
