package org.jakartamcp.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-in by an SSO proxy in front of the server (oauth2-proxy, Authelia, a company gateway): the
 * proxy authenticates the user and forwards who it is in a header. The header is believed only on
 * connections from the configured proxy addresses (single addresses or CIDR ranges); from anywhere
 * else it is ignored, so that nobody can sign in by sending it. Off unless addresses are configured.
 */
@ApplicationScoped
public class TrustedProxy {

    @Inject
    Config config;

    private static final int MAX_GROUPS_HEADER = 16 * 1024;

    /** auth.trusted-proxy.addresses (read through Config: injecting Optional<List<String>> is not portable, Payara refuses it). */
    Optional<List<String>> addresses;

    @Inject
    @ConfigProperty(name = "auth.trusted-proxy.user-header", defaultValue = "X-Forwarded-User")
    String userHeader;

    /** Comma-separated groups of the forwarded user (for example X-Forwarded-Groups); without it the account's groups stay as they are. */
    @Inject
    @ConfigProperty(name = "auth.trusted-proxy.groups-header")
    Optional<String> groupsHeader;

    @PostConstruct
    void readLists() {
        addresses = config.getOptionalValues("auth.trusted-proxy.addresses", String.class);
    }

    /** Who the trusted proxy vouches for on this request; empty when the request does not come from it or names nobody. */
    public Optional<ExternalIdentity> identity(HttpServletRequest request) {
        String forwarded = request.getHeader(userHeader);
        if (forwarded == null || forwarded.isBlank() || addresses.isEmpty() || !fromProxy(request.getRemoteAddr())) {
            return Optional.empty();
        }
        Optional<List<String>> groups = groupsHeader.map(request::getHeader)
                .map(header -> header.length() > MAX_GROUPS_HEADER ? header.substring(0, MAX_GROUPS_HEADER) : header)
                .map(header -> Arrays.stream(header.split(",")).map(String::strip).filter(group -> !group.isEmpty()).toList());
        String username = forwarded.strip();
        return Optional.of(new ExternalIdentity("the trusted proxy " + request.getRemoteAddr(), Optional.empty(), username, null, groups));
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
