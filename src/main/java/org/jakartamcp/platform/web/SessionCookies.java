package org.jakartamcp.platform.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie (who is signed in on the sign-in, consent and admin pages) is marked Secure
 * when the server's public address is https, so that a browser never sends it over plain http.
 * Plain http stays usable for http://localhost.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String publicAddress = ConfigProvider.getConfig().getOptionalValue("oauth.issuer", String.class).orElse("");
        if (isSecure(publicAddress)) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }

    static boolean isSecure(String publicAddress) {
        return publicAddress.regionMatches(true, 0, "https://", 0, 8);
    }
}
