package org.jakartamcp.oauth.web;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jakartamcp.identity.User;
import org.jakartamcp.identity.oidc.UpstreamLogin;
import org.jakartamcp.oauth.AuthorizationRequest;
import org.jakartamcp.platform.security.SecretHash;

/**
 * The browser's side of signing in: who is signed in, and the authorization requests waiting for
 * the user's decision, each under a random id. At most a few are kept; the oldest goes first.
 */
@SessionScoped
public class SignInSession implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_PENDING = 5;

    private User user;
    private final Map<String, AuthorizationRequest> pending = new LinkedHashMap<>();
    private final List<UpstreamLogin> upstream = new ArrayList<>();

    public synchronized String hold(AuthorizationRequest request) {
        String id = SecretHash.newSecret();
        pending.put(id, request);
        while (pending.size() > MAX_PENDING) {
            pending.remove(pending.keySet().iterator().next());
        }
        return id;
    }

    public synchronized Optional<AuthorizationRequest> pending(String id) {
        return Optional.ofNullable(id == null ? null : pending.get(id));
    }

    public synchronized void done(String id) {
        pending.remove(id);
    }

    /** A sign-in sent to the company's identity provider; at most a few wait at once. */
    synchronized void holdUpstream(UpstreamLogin login) {
        upstream.add(login);
        while (upstream.size() > MAX_PENDING) {
            upstream.remove(0);
        }
    }

    /** The waiting sign-in this {@code state} belongs to, taken (a state is good for one answer). */
    synchronized Optional<UpstreamLogin> takeUpstream(String state) {
        byte[] given = state == null ? new byte[0] : state.getBytes(StandardCharsets.UTF_8);
        for (UpstreamLogin login : upstream) {
            if (MessageDigest.isEqual(given, login.state().getBytes(StandardCharsets.UTF_8))) {
                upstream.remove(login);
                return Optional.of(login);
            }
        }
        return Optional.empty();
    }

    public Optional<User> user() {
        return Optional.ofNullable(user);
    }

    void signIn(User signedIn) {
        this.user = signedIn;
    }

    void signOut() {
        this.user = null;
    }
}
