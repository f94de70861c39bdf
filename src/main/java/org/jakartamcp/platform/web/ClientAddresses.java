package org.jakartamcp.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client address of a request, the one every per-address limit and the audit trail use: the
 * connection's peer, or behind the proxies in {@code http.trusted-proxies} the address they forwarded.
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    Config config;

    /** X-Forwarded-For (nginx, HAProxy, most load balancers) or Forwarded (RFC 7239): the one the proxy writes. */
    @Inject
    @ConfigProperty(name = "http.forwarded-header", defaultValue = "X-Forwarded-For")
    String header;

    private ProxyChain chain;

    @PostConstruct
    void readProxies() {
        // read through Config: injecting Optional<List<String>> is not portable (Payara refuses it)
        chain = new ProxyChain(AddressRange.parseAll(config.getOptionalValues("http.trusted-proxies", String.class)
                .orElse(List.of()), "http.trusted-proxies"), header);
    }

    public ClientAddress of(HttpServletRequest request) {
        return chain.client(request.getRemoteAddr(), Collections.list(request.getHeaders(header)));
    }
}
