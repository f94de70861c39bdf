package org.jakartamcp.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-in by an SSO proxy in front of the server (oauth2-proxy, Authelia, a company gateway): the
 * proxy authenticates the user and forwards who it is in a header. The header is believed only on
 * connections from the configured proxy addresses (single addresses or CIDR ranges); from anywhere
 * else it is ignored, so that nobody can sign in by sending it. Off unless addresses are configured.
 */
@ApplicationScoped
public class TrustedProxy {

    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,255}");

    @Inject
    @ConfigProperty(name = "auth.trusted-proxy.addresses")
    Optional<List<String>> addresses;

    @Inject
    @ConfigProperty(name = "auth.trusted-proxy.user-header", defaultValue = "X-Forwarded-User")
    String userHeader;

    @Inject
    Passwords users;

    /** The user the trusted proxy vouches for on this request, created on first sight; empty otherwise. */
    public Optional<User> user(HttpServletRequest request) {
        String forwarded = request.getHeader(userHeader);
        if (forwarded == null || addresses.isEmpty() || !fromProxy(request.getRemoteAddr())) {
            return Optional.empty();
        }
        String username = forwarded.strip();
        if (!USERNAME.matcher(username).matches()) {
            return Optional.empty();
        }
        return users.external(username);
    }

    private boolean fromProxy(String remoteAddress) {
        try {
            byte[] remote = InetAddress.getByName(remoteAddress).getAddress();
            for (String allowed : addresses.get()) {
                if (matches(remote, allowed.strip())) {
                    return true;
                }
            }
        } catch (UnknownHostException e) {
            return false;
        }
        return false;
    }

    static boolean matches(byte[] remote, String allowed) throws UnknownHostException {
        int slash = allowed.indexOf('/');
        byte[] network = InetAddress.getByName(slash < 0 ? allowed : allowed.substring(0, slash)).getAddress();
        if (network.length != remote.length) {
            return false;
        }
        int bits = slash < 0 ? network.length * 8 : Integer.parseInt(allowed.substring(slash + 1));
        for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((remote[i] & mask) != (network[i] & mask)) {
                return false;
            }
        }
        return true;
    }
}
