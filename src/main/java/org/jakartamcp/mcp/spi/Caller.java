package org.jakartamcp.mcp.spi;

import java.util.Collection;
import java.util.Set;

/**
 * Who sent the request being handled: the principal's name and the groups their access token
 * carries (from the company's identity provider or proxy). A tool or {@link Resource} method may
 * take it as a parameter.
 */
public record Caller(String principal, Set<String> groups) {

    public Caller {
        groups = Set.copyOf(groups);
    }

    public Caller(String principal) {
        this(principal, Set.of());
    }

    /** Whether the caller is in at least one of these groups. */
    public boolean isInAnyOf(Collection<String> wanted) {
        return wanted.stream().anyMatch(groups::contains);
    }
}
