package org.jakartamcp.mcp.transport;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jakartamcp.mcp.jsonrpc.JsonRpcResponses;
import org.jakartamcp.mcp.server.subscriptions.ListChanged;
import org.jakartamcp.mcp.server.subscriptions.SubscriptionFilter;
import org.jakartamcp.mcp.session.McpSession;
import org.jakartamcp.platform.ratelimit.ConcurrencyLimit;

/**
 * The subscriptions/listen streams open on this instance, at most so many per user (the oldest gives way), and what each
 * was promised: every message on a stream carries the listen request's id as its subscription id,
 * and a stream gets only the kinds of notification its filter names. Fan-out takes no lock but each
 * listen's own, held while a message is handed to its stream (writing is asynchronous).
 */
final class Listeners {

    static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

    /** Where a listen stream's messages are written. */
    interface Output {
        /** False once the client is gone. */
        boolean send(String data);

        /** Ends the stream once what was sent before has been written. */
        void close();
    }

    private static final AtomicLong OPENED = new AtomicLong();

    /** One open listen stream; its stateless session is its key (and its key in the resource subscriptions). */
    static final class Listen {
        private final long opened = OPENED.incrementAndGet();
        private final JsonValue id;
        private final McpSession session;
        private final SubscriptionFilter filter;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile Output output;

        Listen(JsonValue id, McpSession session, SubscriptionFilter filter) {
            this.id = id;
            this.session = session;
            this.filter = filter;
        }

        McpSession session() {
            return session;
        }

        SubscriptionFilter filter() {
            return filter;
        }

        void connect(Output connected) {
            output = connected;
        }

        /** The first message: what the server agreed to send. */
        String acknowledgment() {
            return notification("notifications/subscriptions/acknowledged",
                    JSON.createObjectBuilder().add("notifications", filter.toJson()));
        }

        /** Ends the subscription gracefully: a response to the listen request, then the end of the stream. */
        synchronized void finish() {
            Output connected = output;
            if (connected != null && !ended.get()) {
                connected.send(closing());
                connected.close();
            }
        }

        String closing() {
            return JsonRpcResponses.result(id, JSON.createObjectBuilder().add("resultType", "complete").add("_meta", meta()).build())
                    .toString();
        }

        /**
         * Registers the listen and writes its acknowledgment as one step: a change noticed meanwhile (the
         * client may already act on the acknowledgment) waits for it, and is written after it.
         */
        synchronized void start(Runnable register) {
            register.run();
            Output connected = output;
            if (connected != null) {
                connected.send(acknowledgment());
            }
        }

        synchronized void send(String method, JsonObjectBuilder params) {
            Output connected = output;
            if (connected != null && !ended.get()) {
                connected.send(notification(method, params));
            }
        }

        private String notification(String method, JsonObjectBuilder params) {
            return JsonRpcResponses.notification(method, params.add("_meta", meta()).build()).toString();
        }

        private JsonObject meta() {
            return JSON.createObjectBuilder().add(SUBSCRIPTION_ID, id).build();
        }
    }

    private final ConcurrencyLimit perUser;
    private final Map<McpSession, Listen> open = new ConcurrentHashMap<>();

    Listeners(int maxPerUser) {
        perUser = new ConcurrencyLimit(maxPerUser);
    }

    int maxPerUser() {
        return perUser.max();
    }

    /** Takes one of the user's listen places, before the stream opens; false when all are taken. */
    boolean reserve(String principal) {
        return perUser.tryAcquire(principal);
    }

    void giveBack(String principal) {
        perUser.release(principal);
    }

    /**
     * The listen hears notifications from now on (called from {@link Listen#start}, whose acknowledgment
     * they follow), unless it already ended (its client went away meanwhile): false then, and the caller
     * undoes what it set up for it.
     */
    boolean add(Listen listen) {
        open.put(listen.session(), listen);
        if (listen.ended.get()) {
            open.remove(listen.session(), listen);
            return false;
        }
        return true;
    }

    /** Ends a listen once, however often called: it hears nothing more and gives its place back. False if it had ended. */
    boolean end(Listen listen) {
        if (!listen.ended.compareAndSet(false, true)) {
            return false;
        }
        open.remove(listen.session(), listen);
        perUser.release(listen.session().principal());
        return true;
    }

    /** The user's listen opened first, to make room for a new one. */
    Optional<Listen> oldest(String principal) {
        return open.values().stream().filter(listen -> listen.session().principal().equals(principal))
                .min(Comparator.comparingLong(listen -> listen.opened));
    }

    void listChanged(ListChanged.Kind kind) {
        open.values().stream().filter(listen -> listen.filter().wants(kind))
                .forEach(listen -> listen.send(kind.notification(), JSON.createObjectBuilder()));
    }

    /** A resource a listen follows changed (the resource subscriptions name the listen by its session). */
    void resourceUpdated(McpSession session, String uri) {
        Optional.ofNullable(open.get(session)).ifPresent(listen ->
                listen.send("notifications/resources/updated", JSON.createObjectBuilder().add("uri", uri)));
    }

    boolean isListen(McpSession session) {
        return open.containsKey(session);
    }

    Collection<Listen> all() {
        return List.copyOf(open.values());
    }

    int inUse(String principal) {
        return perUser.inUse(principal);
    }
}
