package org.jakartamcp.mcp.server.caching;

import static org.jakartamcp.platform.json.JsonP.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.lang.reflect.Method;
import java.util.Set;
import org.jakartamcp.mcp.spi.CacheHint;
import org.jakartamcp.mcp.spi.Caller;
import org.jakartamcp.tools.math.CalculationHistory;
import org.jakartamcp.tools.math.ConstantsResources;
import org.jakartamcp.tools.math.UnitConversionTools;
import org.junit.jupiter.api.Test;

/** Which TTL and scope each cacheable result gets, from the settings and the resource author's {@link CacheHint}. */
class CacheHintsTest {

    private static final long DEPLOYMENT_TTL = 3_600_000;
    private static final long RESOURCE_TTL = 250;
    private final CacheHints hints = PlainCaching.hints(DEPLOYMENT_TTL, RESOURCE_TTL);

    @Test
    void aListFilteredByTheCallerIsPrivateAndOneTheSameForEveryoneIsPublic() {
        assertEquals(new CachePolicy(DEPLOYMENT_TTL, CachePolicy.Scope.PRIVATE), hints.list(true));
        assertEquals(new CachePolicy(DEPLOYMENT_TTL, CachePolicy.Scope.PUBLIC), hints.list(false));
        assertEquals(new CachePolicy(DEPLOYMENT_TTL, CachePolicy.Scope.PUBLIC), hints.discover());
    }

    @Test
    void aResourceThatTakesTheCallerIsPrivateAndOneThatDoesNotIsPublicWithTheConfiguredTtl() throws Exception {
        assertEquals(new CachePolicy(RESOURCE_TTL, CachePolicy.Scope.PRIVATE), hints.resource(method("perCaller", Caller.class)));
        assertEquals(new CachePolicy(RESOURCE_TTL, CachePolicy.Scope.PUBLIC), hints.resource(method("same")));
    }

    @Test
    void theAuthorSaysHowLongAndWhoMayShare() throws Exception {
        assertEquals(new CachePolicy(60_000, CachePolicy.Scope.PUBLIC), hints.resource(method("aMinute")));
        assertEquals(new CachePolicy(DEPLOYMENT_TTL, CachePolicy.Scope.PUBLIC), hints.resource(method("untilRedeploy")));
        assertEquals(new CachePolicy(RESOURCE_TTL, CachePolicy.Scope.PRIVATE), hints.resource(method("privateWithoutCaller")),
                "a resource that knows its user some other way says so");
        assertEquals(new CachePolicy(0, CachePolicy.Scope.PUBLIC), hints.resource(method("sharedDespiteCaller", Caller.class)));
    }

    @Test
    void theProductsResourcesSayWhatTheyAre() throws Exception {
        CachePolicy history = hints.resource(CalculationHistory.class.getMethod("recent", Caller.class));
        assertEquals(new CachePolicy(0, CachePolicy.Scope.PRIVATE), history, "one user's calculations, changing with every call");
        assertEquals(new CachePolicy(DEPLOYMENT_TTL, CachePolicy.Scope.PUBLIC),
                hints.resource(UnitConversionTools.class.getMethod("unitSymbols")));
        assertEquals(new CachePolicy(DEPLOYMENT_TTL, CachePolicy.Scope.PUBLIC),
                hints.resource(ConstantsResources.class.getMethod("constant", String.class, String.class)));
    }

    @Test
    void theDefaultsComeFromTheSettings() throws Exception {
        CacheHints defaults = PlainCaching.defaults();
        assertEquals(new CachePolicy(3_600_000, CachePolicy.Scope.PUBLIC), defaults.list(false));
        assertEquals(new CachePolicy(0, CachePolicy.Scope.PUBLIC), defaults.resource(method("same")),
                "a resource whose author says nothing is re-read every time");
        CacheHints configured = PlainCaching.hints(5_000, 1_000);
        assertEquals(5_000, configured.list(true).ttlMs());
        assertEquals(5_000, configured.resource(method("untilRedeploy")).ttlMs());
        assertEquals(1_000, configured.resource(method("same")).ttlMs());
        assertEquals(60_000, configured.resource(method("aMinute")).ttlMs());
    }

    @Test
    void negativeTtlsAreRefusedOrMadeZero() throws Exception {
        IllegalArgumentException annotation = assertThrows(IllegalArgumentException.class,
                () -> CacheHints.requireValid(method("negative")));
        assertTrue(annotation.getMessage().contains("negative") && annotation.getMessage().contains("-5"), annotation.getMessage());
        CacheHints.requireValid(method("aMinute"));
        CacheHints.requireValid(method("untilRedeploy"));
        CacheHints misconfigured = PlainCaching.hints(-1, -10);
        assertEquals(0, misconfigured.list(false).ttlMs(), "never sent negative: clients would read it as 0 anyway");
        assertEquals(0, misconfigured.resource(method("same")).ttlMs());
        assertThrows(IllegalArgumentException.class, () -> new CachePolicy(-1, CachePolicy.Scope.PUBLIC));
    }

    @Test
    void hintsGoOnCompleteResultsOnly() {
        JsonObject complete = JSON.createObjectBuilder().add("tools", JSON.createArrayBuilder()).build();
        JsonObject hinted = CacheHints.withHints(complete, hints.list(true), JsonObject.EMPTY_JSON_OBJECT);
        assertEquals(DEPLOYMENT_TTL, hinted.getJsonNumber("ttlMs").longValueExact());
        assertEquals("private", hinted.getString("cacheScope"));
        assertTrue(hinted.containsKey("tools"));

        JsonObject interim = JSON.createObjectBuilder().add("resultType", "input_required").add("inputRequests", JSON.createObjectBuilder()).build();
        assertEquals(interim, CacheHints.withHints(interim, hints.list(false), JsonObject.EMPTY_JSON_OBJECT));
    }

    @Test
    void aRetriedMultiRoundTripRequestIsNotCacheable() {
        JsonObject contents = JSON.createObjectBuilder().add("contents", JSON.createArrayBuilder()).build();
        for (String retry : Set.of("requestState", "inputResponses")) {
            JsonObject params = JSON.createObjectBuilder().add("uri", "units://symbols").add(retry, "x").build();
            JsonObject hinted = CacheHints.withHints(contents, hints.list(false), params);
            assertEquals(0, hinted.getInt("ttlMs"), retry);
            assertEquals("private", hinted.getString("cacheScope"), retry);
        }
        assertFalse(CacheHints.withHints(contents, hints.list(false), JsonObject.EMPTY_JSON_OBJECT).getInt("ttlMs") == 0);
    }

    private static Method method(String name, Class<?>... parameters) throws NoSuchMethodException {
        return Fixtures.class.getDeclaredMethod(name, parameters);
    }

    /** Resource methods as authors write them (only their signatures and annotations matter here). */
    @SuppressWarnings("unused")
    static final class Fixtures {

        String perCaller(Caller caller) {
            return caller.principal();
        }

        String same() {
            return "same";
        }

        @CacheHint(ttlMs = 60_000)
        String aMinute() {
            return "";
        }

        @CacheHint(ttlMs = CacheHint.UNTIL_REDEPLOY)
        String untilRedeploy() {
            return "";
        }

        @CacheHint(scope = CacheHint.Scope.PRIVATE)
        String privateWithoutCaller() {
            return "";
        }

        @CacheHint(ttlMs = 0, scope = CacheHint.Scope.PUBLIC)
        String sharedDespiteCaller(Caller caller) {
            return "";
        }

        @CacheHint(ttlMs = -5)
        String negative() {
            return "";
        }
    }
}
