package org.jakartamcp.mcp.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The MCP revisions this server speaks, oldest first, with what changes between them. */
public enum ProtocolVersion {

    V2024_11_05("2024-11-05"),
    V2025_03_26("2025-03-26"),
    V2025_06_18("2025-06-18"),
    V2025_11_25("2025-11-25"),
    /** Stateless: no initialize, no session; every request names its version and the client's capabilities. */
    V2026_07_28("2026-07-28");

    /** What a client that sends no MCP-Protocol-Version header is assumed to speak (Streamable HTTP rule). */
    public static final ProtocolVersion ASSUMED_WITHOUT_HEADER = V2025_03_26;
    /** The newest version negotiated by initialize; 2026-07-28 has no initialize. */
    public static final ProtocolVersion LATEST = V2025_11_25;

    private final String id;

    ProtocolVersion(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Every request asks, some several times: a map, not a stream over a copy of {@code values()}. */
    private static final Map<String, ProtocolVersion> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ProtocolVersion::id, Function.identity()));

    public static Optional<ProtocolVersion> of(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(BY_ID.get(id));
    }

    /** The client's version when we speak it, our latest otherwise; the client then decides whether to go on. */
    public static ProtocolVersion negotiate(String requested) {
        return of(requested).filter(version -> !version.isStateless()).orElse(LATEST);
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ProtocolVersion::id).toList();
    }

    /** The versions for a client to choose from (server/discover, -32022), the one to prefer first. */
    public static List<String> newestFirst() {
        List<String> ids = new java.util.ArrayList<>(ids());
        java.util.Collections.reverse(ids);
        return List.copyOf(ids);
    }

    /** JSON-RPC batches were allowed in 2025-03-26 only. */
    public boolean allowsBatches() {
        return this == V2025_03_26;
    }

    /** Tool results with structuredContent and tools with outputSchema, and titles, arrived in 2025-06-18. */
    public boolean hasStructuredOutput() {
        return compareTo(V2025_06_18) >= 0;
    }

    /**
     * Whether a resource that does not exist is reported as Invalid Params (-32602, SEP-2164, from
     * 2026-07-28) rather than MCP's own Resource not found (-32002) of the earlier revisions.
     */
    public boolean reportsMissingResourceAsInvalidParams() {
        return isAtLeast(V2026_07_28);
    }

    public boolean isStateless() {
        return this == V2026_07_28;
    }

    public boolean isAtLeast(ProtocolVersion other) {
        return compareTo(other) >= 0;
    }
}
