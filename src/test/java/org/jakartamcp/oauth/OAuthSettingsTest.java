package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** Liberty reads the skew from server.xml, the application and other servers from the properties: one default. */
    @Test
    void theClockSkewHasOneSmallDefault() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
            properties.load(reader);
        }
        String fromProperties = properties.getProperty("mp.jwt.verify.clock.skew");
        Matcher fromServerXml = Pattern.compile("<variable name=\"mp\\.jwt\\.verify\\.clock\\.skew\" defaultValue=\"(\\d+)\"/>")
                .matcher(Files.readString(Path.of("src/main/liberty/config/server.xml")));
        assertTrue(fromServerXml.find(), "server.xml has no default for the clock skew");
        assertEquals(fromProperties, fromServerXml.group(1));
        assertTrue(Long.parseLong(fromProperties) <= 30, fromProperties);
        assertTrue(Files.readString(Path.of("src/main/liberty/config/server.xml")).contains("clockSkew=\"${mp.jwt.verify.clock.skew}s\""));
    }
}
