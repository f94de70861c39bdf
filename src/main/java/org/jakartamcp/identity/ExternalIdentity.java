package org.jakartamcp.identity;

import java.util.List;
import java.util.Optional;

/**
 * Who someone is according to a source we trust: the company's OpenID Connect provider (with a
 * stable {@code subject}) or an SSO proxy (a name only). {@code groups} is empty when the source
 * reports none.
 */
public record ExternalIdentity(String source, Optional<String> subject, String username, String displayName,
                               Optional<List<String>> groups) {

    public ExternalIdentity {
        groups = groups.map(List::copyOf);
    }
}
