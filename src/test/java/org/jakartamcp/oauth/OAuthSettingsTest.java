package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

class OAuthSettingsTest {

    @Test
    void aPublicAddressIsAnHttpUrlWithoutTrailingSlash() {
        assertEquals(Optional.empty(), OAuthSettings.issuerProblem("https://mcp.example.com"));
        assertEquals(Optional.empty(), OAuthSettings.issuerProblem("http://localhost:8787"));
        assertEquals(Optional.empty(), OAuthSettings.issuerProblem("https://example.com/mcp-server"));
        assertTrue(OAuthSettings.issuerProblem("https://mcp.example.com/").orElseThrow().contains("must not end with '/'"));
        assertTrue(OAuthSettings.issuerProblem("mcp.example.com").orElseThrow().contains("http(s) URL"));
        assertTrue(OAuthSettings.issuerProblem("https://mcp.example.com?x=1").isPresent());
    }

    @Test
    void revokedGrantsOutliveEveryTokenTheCheckStillAccepts() {
        OAuthSettings settings = new OAuthSettings();
        for (long[] lifetimeAndSkew : new long[][] {{300, 30}, {300, 0}, {60, 300}, {3600, 30}}) {
            settings.accessTokenSeconds = lifetimeAndSkew[0];
            settings.clockSkewSeconds = lifetimeAndSkew[1];
            Duration accepted = Duration.ofSeconds(lifetimeAndSkew[0] + lifetimeAndSkew[1]);
            assertTrue(settings.accessTokenAcceptance().compareTo(accepted) >= 0, settings.accessTokenAcceptance() + " < " + accepted);
        }
    }

    /**
     * The application checks access tokens itself, on every server alike: the skew has one small default (its
     * setting's), and no server configuration of MicroProfile JWT is left to contradict it.
     */
    @Test
    void theClockSkewHasOneSmallDefaultAndNoServerTokenCheckIsConfigured() throws Exception {
        ConfigProperty skew = OAuthSettings.class.getDeclaredField("clockSkewSeconds").getAnnotation(ConfigProperty.class);
        assertEquals("mp.jwt.verify.clock.skew", skew.name());
        assertTrue(Long.parseLong(skew.defaultValue()) <= 30, skew.defaultValue());
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
            properties.load(reader);
        }
        assertTrue(properties.stringPropertyNames().stream().noneMatch(name -> name.startsWith("mp.jwt.")), properties.toString());
        String serverXml = Files.readString(Path.of("src/main/liberty/config/server.xml"));
        assertFalse(serverXml.contains("mpJwt"), "server.xml configures no MicroProfile JWT");
    }
}
