package org.jakartamcp.mcp.session;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jakartamcp.mcp.protocol.ProtocolVersion;
import org.jakartamcp.platform.cluster.ClusterInstances;
import org.jakartamcp.platform.cluster.ClusterSignal;
import org.jakartamcp.platform.cluster.ClusterSignals;
import org.jakartamcp.platform.database.DatabaseFailures;
import org.jakartamcp.platform.database.DatabaseReady;
import org.jakartamcp.mcp.telemetry.McpMetrics;

/**
 * Sessions in PostgreSQL, with the ones in use cached in memory: a request costs a map lookup, a
 * restart or another instance costs one read. {@code last_seen_at} is written at most once a minute.
 * The database is the truth shared by all instances: a session deleted or expired on one instance is
 * signalled to the others ({@link ClusterSignals}), which drop it at once; and every few seconds
 * ({@link SessionSettings#checkInterval()}) one query checks the cached sessions against it, in case a
 * signal was lost. Neither costs a round trip per request.
 */
@ApplicationScoped
public class SessionStore {

    private static final Logger LOG = Logger.getLogger(SessionStore.class.getName());

    @Inject
    SessionRepository repository;

    @Inject
    SessionSettings settings;

    @Inject
    Event<SessionEnded> ended;

    @Inject
    ClusterSignals signals;

    @Inject
    McpMetrics metrics;

    @Inject
    ClusterInstances instances;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Clock clock = Clock.systemUTC();
    private SessionCache cache;
    private volatile ScheduledFuture<?> checker;

    @PostConstruct
    void createCache() {
        cache = new SessionCache(settings.cacheSize(), settings.idleTimeout());
    }

    void onDatabaseReady(@Observes DatabaseReady ready) {
        ready.step("session checks", () -> {
            long period = settings.checkInterval().toMillis();
            checker = scheduler.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
        });
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> running = checker;
        if (running != null) {
            running.cancel(false);
        }
    }

    public McpSession create(McpSession.Transport transport, String principal) {
        String id = SessionIds.create();
        McpSession session = new McpSession(id, SessionIds.hash(id), transport, principal);
        OffsetDateTime now = OffsetDateTime.now(clock);
        SessionRecord record = new SessionRecord(session.idHash(), transport.name(), principal, now);
        if (transport == McpSession.Transport.STREAMABLE_HTTP) {
            // an HTTP+SSE session ends with its stream; a Streamable HTTP one may be abandoned without a DELETE
            repository.insertWithin(record, settings.perUser()).forEach(this::endedHere);
        } else {
            // its stream opens with it, here
            record.streamInstance(instances.id());
            repository.insert(record);
        }
        SessionCache.Entry entry = cache.put(session.idHash(), session, now, now);
        entry.streamInstance = record.streamInstance;
        entry.lastTouched = now;
        cache.removeOverflow().forEach(this::droppedFromCache);
        return session;
    }

    /** The session with this id, if it exists and has not expired; malformed ids are not looked up. */
    public Optional<McpSession> find(String id) {
        if (!SessionIds.isWellFormed(id)) {
            return Optional.empty();
        }
        SessionCache.Entry entry = cache.byId(id);
        String hash = entry != null ? entry.hash : SessionIds.hash(id);
        if (entry == null) {
            entry = cache.get(hash);
        }
        if (entry != null && entry.ending) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (entry == null || cache.isExpired(entry, now)) {
            // not here, or idle here: the database says whether it exists and when another instance last saw it
            SessionRecord record = repository.find(hash);
            if (record == null || SessionCache.isExpired(entry == null ? null : entry.lastUsed, record.lastSeenAt,
                    settings.idleTimeout(), now)) {
                if (record != null) {
                    expire(hash);
                } else {
                    unload(hash);
                }
                return Optional.empty();
            }
            if (entry == null) {
                entry = cache.put(hash, fromRecord(id, record), record.lastSeenAt, now);
                entry.streamInstance = record.streamInstance;
                cache.removeOverflow().forEach(this::droppedFromCache);
            }
            entry.storedLastSeen = record.lastSeenAt;
        }
        entry.lastUsed = now;
        if (SessionCache.isTouchDue(entry, now)) {
            entry.lastTouched = now;
            repository.touch(hash, now);
        }
        return Optional.of(entry.session);
    }

    /** The session, if this instance holds it now (no database look-up: for work that concerns the sessions it holds). */
    public Optional<McpSession> held(String hash) {
        SessionCache.Entry entry = cache.get(hash);
        return entry == null ? Optional.empty() : Optional.of(entry.session);
    }

    /** How many sessions this instance holds in memory: those in use here (a metric). */
    public int cachedCount() {
        return cache.size();
    }

    /** A stream of the session opened on this instance: while one is open, the session is in use and does not expire. */
    public void streamOpened(McpSession session) {
        if (!session.isStateless()) {
            SessionCache.Entry entry = cache.get(session.idHash());
            if (entry != null) {
                entry.openStreams.incrementAndGet();
            }
        }
    }

    /**
     * Whether the stream of this HTTP+SSE session is open on another instance: none is open here, and the instance
     * that opened it is alive ({@link ClusterInstances}, in memory). A stream whose instance died (or stopped) is gone
     * with it: its session is then not found, and the client opens a new one.
     */
    public boolean isStreamOpenElsewhere(McpSession session) {
        SessionCache.Entry entry = cache.get(session.idHash());
        if (entry == null || entry.openStreams.get() > 0) {
            return false;
        }
        String holder = entry.streamInstance;
        return holder != null && !holder.equals(instances.id()) && instances.isAlive(holder);
    }

    public void streamClosed(McpSession session) {
        if (!session.isStateless()) {
            SessionCache.Entry entry = cache.get(session.idHash());
            if (entry != null && entry.session == session) {
                entry.openStreams.updateAndGet(open -> Math.max(0, open - 1));
                entry.lastUsed = OffsetDateTime.now(clock);
            }
        }
    }

    public void initialized(McpSession session, ProtocolVersion version, JsonObject clientInfo, JsonObject capabilities) {
        session.negotiated(version, clientInfo, capabilities);
        repository.update(session.idHash(), record -> record.negotiated(version.id(),
                clientInfo == null ? null : truncate(clientInfo.getString("name", null), 255),
                clientInfo == null ? null : truncate(clientInfo.getString("version", null), 255),
                capabilities == null ? null : capabilities.toString()));
    }

    public void logLevel(McpSession session, String level) {
        session.logLevel(level);
        repository.update(session.idHash(), record -> record.logLevel(level));
    }

    public boolean delete(McpSession session) {
        ending(session);
        boolean deleted = repository.delete(session.idHash());
        // unloaded only once its row is gone: a request in between must not read the row back into the cache
        unload(session.idHash());
        if (deleted) {
            signals.publish(ClusterSignal.Topic.SESSION_ENDED, session.idHash());
            measureEnd(session);
        }
        return deleted;
    }

    /**
     * The session ends here from now on, though deleting its row comes later: an HTTP+SSE session whose stream just
     * closed must answer 404 at once, not have its next message relayed to a stream that no instance holds.
     */
    public void ending(McpSession session) {
        SessionCache.Entry entry = cache.get(session.idHash());
        if (entry != null) {
            entry.ending = true;
        }
    }

    /** Another instance ended a session: it ends here too; or signals may have been missed: check now. */
    void onSignal(@Observes ClusterSignal signal) {
        switch (signal.topic()) {
            case SESSION_ENDED -> unload(signal.subject());
            case RESYNC -> check();
            default -> {
            }
        }
    }

    /**
     * The periodic check: cached sessions that are no longer stored end here, idle ones expire, and
     * those kept in use by an open stream have their {@code last_seen_at} brought forward (so that no
     * instance, and no housekeeping run, takes them for idle).
     */
    void check() {
        try {
            List<String> hashes = cache.hashes();
            Map<String, OffsetDateTime> stored = repository.lastSeen(hashes);
            for (String hash : hashes) {
                OffsetDateTime lastSeen = stored.get(hash);
                SessionCache.Entry entry = cache.get(hash);
                if (lastSeen == null) {
                    unload(hash);
                } else if (entry != null) {
                    entry.storedLastSeen = lastSeen;
                }
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            cache.expired(now).forEach(entry -> expire(entry.hash));
            List<SessionCache.Entry> due = cache.dueForTouch(now);
            if (!due.isEmpty()) {
                repository.touchAll(due.stream().map(entry -> entry.hash).toList(), now);
                due.forEach(entry -> entry.lastTouched = now);
            }
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                // the outage is reported by the readiness check; sessions stay as they are until the database is back
                LOG.fine(() -> "Cached sessions not checked: " + DatabaseFailures.describe(e));
            } else {
                LOG.log(Level.WARNING, "Could not check the cached sessions against the database; trying again later", e);
            }
        }
    }

    private void expire(String hash) {
        measureEnd(hash);
        unload(hash);
        repository.delete(hash);
        signals.publish(ClusterSignal.Topic.SESSION_ENDED, hash);
        LOG.fine(() -> "Session " + hash.substring(0, 8) + "... expired after " + settings.idleTimeout().toMinutes() + " idle minutes");
    }

    /** A session whose row this instance deleted: forgotten here, and on the other instances. */
    private void endedHere(String hash) {
        measureEnd(hash);
        unload(hash);
        signals.publish(ClusterSignal.Topic.SESSION_ENDED, hash);
    }

    /**
     * mcp.server.session.duration, counted once per session: by the instance that deleted its row, when the session
     * is in its memory (a session cached nowhere, ended by the per-user limit or housekeeping, is not measured).
     */
    private void measureEnd(String hash) {
        SessionCache.Entry entry = cache.get(hash);
        if (entry != null) {
            measureEnd(entry.session);
        }
    }

    private void measureEnd(McpSession session) {
        metrics.sessionEnded(session.protocolVersion(),
                java.time.Duration.ofMillis(Math.max(0, clock.millis() - session.startedAtMillis())));
    }

    /** Forgets a session on this instance: its streams end and what was kept for it in memory goes. */
    private void unload(String hash) {
        SessionCache.Entry entry = cache.remove(hash);
        if (entry != null) {
            ended(entry);
        }
    }

    private void ended(SessionCache.Entry entry) {
        ended.fire(new SessionEnded(entry.session, true));
    }

    private void droppedFromCache(SessionCache.Entry entry) {
        ended.fire(new SessionEnded(entry.session, false));
    }

    private static McpSession fromRecord(String id, SessionRecord record) {
        McpSession session = new McpSession(id, record.idHash, McpSession.Transport.valueOf(record.transport), record.principal);
        session.startedAt(record.createdAt.toInstant().toEpochMilli());
        if (record.initialized) {
            session.negotiated(ProtocolVersion.of(record.protocolVersion).orElse(ProtocolVersion.LATEST),
                    JSON.createObjectBuilder().add("name", nullToEmpty(record.clientName))
                            .add("version", nullToEmpty(record.clientVersion)).build(),
                    parse(record.clientCapabilities));
        }
        session.logLevel(record.logLevel);
        return session;
    }

    private static JsonObject parse(String json) {
        if (json == null) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
