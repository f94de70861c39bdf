package org.jakartamcp.platform.telemetry;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.jakartamcp.platform.audit.AuditTrail;
import org.jakartamcp.platform.ratelimit.RateLimits;

/**
 * Counters of what the audit trail records (sign-ins and their refusals, tokens issued, consents, refused tool
 * calls, ...) and of the requests refused by a rate limit, for the metrics endpoint. Their tag values are fixed
 * sets (the audit trail's event types, the kinds of limit), so no name a client sends becomes a label.
 */
@ApplicationScoped
public class EventCounters {

    public static final String AUDIT_EVENTS = "mcp.server.audit.events";
    public static final String RATE_LIMIT_REFUSALS = "mcp.server.rate_limit.refusals";
    /** The limit of event streams per user (mcp.max-streams-per-user) and of listens, beside {@link RateLimits.Kind}. */
    public static final String STREAMS_PER_USER = "streams_per_user";
    static final String OTHER = "other";

    private static final Metadata AUDIT = Metadata.builder().withName(AUDIT_EVENTS)
            .withDescription("Events of the audit trail by type: sign-ins and refusals, tokens issued, consents, clients, refused tool calls")
            .build();
    private static final Metadata REFUSALS = Metadata.builder().withName(RATE_LIMIT_REFUSALS)
            .withDescription("Requests refused by a rate or concurrency limit (429), by limit").build();

    @Inject
    MetricRegistry registry;

    private Map<String, Counter> auditCounters;
    private Map<String, Counter> refusalCounters;

    @PostConstruct
    void register() {
        auditCounters = counters(AUDIT, "event", AuditTrail.TYPES);
        refusalCounters = counters(REFUSALS, "limit", limitNames());
    }

    /** The audit trail recorded an event of this type. */
    public void audited(String type) {
        Counter counter = auditCounters.get(type);
        (counter != null ? counter : auditCounters.get(OTHER)).inc();
    }

    public void rateLimited(RateLimits.Kind kind) {
        refusalCounters.get(limitName(kind)).inc();
    }

    /** A user was refused one more event stream (mcp.max-streams-per-user, mcp.max-listens-per-user). */
    public void streamRefused() {
        refusalCounters.get(STREAMS_PER_USER).inc();
    }

    static String limitName(RateLimits.Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    static List<String> limitNames() {
        List<String> names = new java.util.ArrayList<>();
        for (RateLimits.Kind kind : RateLimits.Kind.values()) {
            names.add(limitName(kind));
        }
        names.add(STREAMS_PER_USER);
        return names;
    }

    private Map<String, Counter> counters(Metadata metadata, String tag, List<String> values) {
        List<String> all = new java.util.ArrayList<>(values);
        all.add(OTHER);
        return all.stream().distinct().collect(Collectors.toUnmodifiableMap(Function.identity(),
                value -> registry.counter(metadata, new Tag(tag, value))));
    }
}
