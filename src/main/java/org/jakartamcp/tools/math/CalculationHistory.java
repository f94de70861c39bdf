package org.jakartamcp.tools.math;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jakartamcp.mcp.spi.CacheHint;
import org.jakartamcp.mcp.spi.Caller;
import org.jakartamcp.mcp.spi.ResourceUpdates;
import org.jakartamcp.mcp.spi.ToolCalled;

/**
 * Each user's recent calculations, kept in PostgreSQL (so they outlive a restart) and offered as a
 * resource; subscribers hear when theirs changes. A tool call only queues its entry: the queue is
 * written in one transaction every half second, only each user's newest entries of it, so calculating
 * never waits for, or pays per call for, a database write. Only the newest 50 per user are kept.
 */
@ApplicationScoped
public class CalculationHistory {

    private static final Logger LOG = Logger.getLogger(CalculationHistory.class.getName());
    static final String URI = "history://recent";
    static final int SHOWN = 50;
    static final long FLUSH_MILLIS = 500;
    /**
     * Beyond this many queued entries or bytes (the database is down or slow, or calls come faster than
     * they can be written) new ones are dropped, not the server's memory.
     */
    static final int MAX_QUEUED = 100_000;
    static final long MAX_QUEUED_BYTES = 16L * 1024 * 1024;
    /**
     * Entries one transaction takes from the queue: half a second of a busy server's calls, so that it writes once per
     * flush (a few dozen rows once each user's newest are picked), not a transaction and a notice per thousand calls.
     */
    static final int BATCH_ENTRIES = 10_000;
    /** Batches one flush may write before it leaves the rest to the next round. */
    static final int MAX_BATCHES_PER_FLUSH = 20;

    @Inject
    CalculationStore store;

    @Inject
    ResourceUpdates updates;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong queuedBytes = new java.util.concurrent.atomic.AtomicLong();
    private final AtomicInteger dropped = new AtomicInteger();
    private final Clock clock = Clock.systemUTC();
    private volatile ScheduledFuture<?> flusher;

    /**
     * A calculation waiting to be written, its arguments still the JSON object of the call: they become text only if the
     * flush keeps the entry (a user's newest {@link #SHOWN}), not on the call's thread for every call (writing them out was
     * most of what recording a call cost).
     */
    record Queued(String principal, String tool, JsonObject arguments, String result, OffsetDateTime at, long bytes) {

        CalculationRecord toRecord() {
            return new CalculationRecord(principal, tool, arguments.toString(), result, at);
        }
    }

    void record(@Observes ToolCalled call) {
        long bytes = 2L * (call.principal().length() + call.tool().length() + jsonChars(call.arguments()) + call.result().length()) + 256;
        Queued calculation = new Queued(call.principal(), call.tool(), call.arguments(), call.result(), OffsetDateTime.now(clock), bytes);
        if (queued.incrementAndGet() > MAX_QUEUED || queuedBytes.addAndGet(bytes) > MAX_QUEUED_BYTES) {
            queued.decrementAndGet();
            queuedBytes.addAndGet(-bytes);
            if (dropped.incrementAndGet() % 1000 == 1) {
                LOG.warning(() -> "Calculation history is not being written fast enough; " + dropped.get()
                        + " entries dropped so far");
            }
            return;
        }
        queue.add(calculation);
        startFlushing();
    }

    /**
     * Schedules the flushes on the first call. Every call passes here: once scheduled, it must not wait for the
     * monitor a running flush holds while it writes (that wait was the tool calls' tail latency).
     */
    private void startFlushing() {
        if (flusher != null) {
            return;
        }
        synchronized (this) {
            if (flusher == null) {
                flusher = scheduler.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Entries waiting to be written. */
    int queued() {
        return queued.get();
    }

    /** Writes what is queued, a batch at a time; on failure the entries go back to the queue for the next round. */
    synchronized void flush() {
        for (int batches = 0; batches < MAX_BATCHES_PER_FLUSH && !queue.isEmpty(); batches++) {
            if (!flushBatch()) {
                return;
            }
        }
    }

    private boolean flushBatch() {
        List<Queued> batch = new ArrayList<>();
        for (Queued next; batch.size() < BATCH_ENTRIES && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return true;
        }
        Set<String> principals = new LinkedHashSet<>();
        batch.forEach(calculation -> principals.add(calculation.principal()));
        try {
            store.saveAll(newestShown(batch).stream().map(Queued::toRecord).toList(), principals, SHOWN);
            queued.addAndGet(-batch.size());
            queuedBytes.addAndGet(-batch.stream().mapToLong(Queued::bytes).sum());
        } catch (RuntimeException e) {
            queue.addAll(batch);
            LOG.log(Level.WARNING, "Writing " + batch.size() + " calculations failed; retrying", e);
            return false;
        }
        for (String principal : principals) {
            try {
                updates.updated(URI, principal);
            } catch (RuntimeException e) {
                // the entries are stored; a notice that cannot go out must not stop the next flushes
                LOG.log(Level.WARNING, "Notifying " + principal + "'s subscribers of a new calculation failed", e);
            }
        }
        return true;
    }

    /**
     * Of a batch, only what the history can still show: a user's newest {@link #SHOWN}. A busy user's
     * thousand calls a second then cost a few dozen rows per flush instead of a thousand inserts and deletes.
     */
    static List<Queued> newestShown(List<Queued> batch) {
        java.util.Map<String, Integer> kept = new java.util.HashMap<>();
        java.util.ArrayDeque<Queued> newest = new java.util.ArrayDeque<>();
        for (int i = batch.size() - 1; i >= 0; i--) {
            Queued calculation = batch.get(i);
            if (kept.merge(calculation.principal(), 1, Integer::sum) <= SHOWN) {
                newest.addFirst(calculation);
            }
        }
        return new ArrayList<>(newest);
    }

    /** About the characters of a JSON value as text, without writing it out: for the queue's bound in bytes. */
    static long jsonChars(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString().length() + 2L;
            case NUMBER -> value.toString().length();
            case OBJECT -> {
                long chars = 2;
                for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
                    chars += member.getKey().length() + 4L + jsonChars(member.getValue());
                }
                yield chars;
            }
            case ARRAY -> {
                long chars = 2;
                for (JsonValue element : value.asJsonArray()) {
                    chars += 1 + jsonChars(element);
                }
                yield chars;
            }
            default -> 5;
        };
    }

    /**
     * Writes what is still queued while the application stops, before any application-scoped bean is
     * destroyed: the database (the embedded one is such a bean) is still there.
     */
    void beforeShutdown(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
        stop();
    }

    @PreDestroy
    synchronized void stop() {
        if (flusher != null) {
            flusher.cancel(false);
        }
        while (!queue.isEmpty()) {
            int before = queue.size();
            flush();
            if (queue.size() >= before) {
                break;
            }
        }
    }

    /** Changes with every calculation and belongs to one user: re-read each time, never shared. */
    @CacheHint(ttlMs = 0, scope = CacheHint.Scope.PRIVATE)
    @org.jakartamcp.mcp.spi.Resource(uri = URI, name = "calculation-history", title = "Your recent calculations",
            description = "The 50 most recent calculations of the signed-in user, newest first: tool, arguments, result and time.",
            mimeType = "application/json")
    public String recent(Caller caller) {
        JsonArrayBuilder calculations = JSON.createArrayBuilder();
        store.recent(caller.principal(), SHOWN).forEach(calculation -> calculations.add(JSON.createObjectBuilder()
                .add("tool", calculation.tool())
                .add("arguments", calculation.arguments())
                .add("result", calculation.result())
                .add("at", calculation.createdAt().toString())));
        return calculations.build().toString();
    }
}
