package org.jakartamcp.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jakartamcp.platform.web.AddressRange;

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
    List<AddressRange> addresses;

    @Inject
    @ConfigProperty(name = "auth.trusted-proxy.user-header", defaultValue = "X-Forwarded-User")
    String userHeader;

    /** Comma-separated groups of the forwarded user (for example X-Forwarded-Groups); without it the account's groups stay as they are. */
    @Inject
    @ConfigProperty(name = "auth.trusted-proxy.groups-header")
    Optional<String> groupsHeader;

    @PostConstruct
    void readLists() {
        addresses = AddressRange.parseAll(config.getOptionalValues("auth.trusted-proxy.addresses", String.class).orElse(List.of()),
                "auth.trusted-proxy.addresses");
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
        return AddressRange.literal(remoteAddress).filter(remote -> AddressRange.anyContains(addresses, remote)).isPresent();
    }
}
