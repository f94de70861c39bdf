package org.jakartamcp.mcp.spi;

import java.util.Collection;
import java.util.Set;

/**
 * Who sent the request being handled: the principal's name and the groups their access token
 * carries (from the company's identity provider or proxy), and whether it is a machine: a service
 * client with a token of the client credentials grant (its name is then the client id). A tool or
 * {@link Resource} method may take it as a parameter.
 */
public record Caller(String principal, Set<String> groups, boolean machine) {

    public Caller {
        groups = Set.copyOf(groups);
    }

    public Caller(String principal, Set<String> groups) {
        this(principal, groups, false);
    }

    public Caller(String principal) {
        this(principal, Set.of());
    }

    /** Whether the caller is in at least one of these groups. */
    public boolean isInAnyOf(Collection<String> wanted) {
        return wanted.stream().anyMatch(groups::contains);
    }
}
