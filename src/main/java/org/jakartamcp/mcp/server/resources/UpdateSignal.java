package org.jakartamcp.mcp.server.resources;

import java.util.Optional;
import org.jakartamcp.platform.security.SecretHash;

/**
 * A resource update told to the other instances: the SHA-256 of its URI and of the user it concerns ({@code *} for
 * everyone), so that a signal's subject stays a short key however long the URI or odd the user name. An instance
 * compares them with the URIs and users its own followers have.
 */
record UpdateSignal(String uriHash, String principalHash) {

    private static final String EVERYONE = "*";

    static UpdateSignal of(String uri, String principal) {
        return new UpdateSignal(SecretHash.of(uri), principal == null ? EVERYONE : SecretHash.of(principal));
    }

    /** The signal's subject. */
    String subject() {
        return uriHash + '.' + principalHash;
    }

    /** The update a subject tells of; empty for one that is not such a subject. */
    static Optional<UpdateSignal> parse(String subject) {
        int dot = subject.indexOf('.');
        return dot < 1 || dot == subject.length() - 1 ? Optional.empty()
                : Optional.of(new UpdateSignal(subject.substring(0, dot), subject.substring(dot + 1)));
    }

    boolean isAbout(String uri) {
        return uriHash.equals(SecretHash.of(uri));
    }

    boolean concerns(String principal) {
        return EVERYONE.equals(principalHash) || principalHash.equals(SecretHash.of(principal));
    }
}
