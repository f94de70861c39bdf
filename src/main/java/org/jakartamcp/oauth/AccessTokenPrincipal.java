package org.jakartamcp.oauth;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified access token as the MicroProfile JWT API presents it, so that application code reads the caller
 * as it would on any MicroProfile server: the standard claims with the Java types {@link Claims} names
 * (String, Long seconds, Set of String, Boolean), every other claim as a JSON-P value (JsonString, JsonNumber,
 * JsonArray, ...). The claims are converted once, when the token is verified; reading them costs a map lookup.
 */
public final class AccessTokenPrincipal implements JsonWebToken {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Map<String, Class<?>> STANDARD = Arrays.stream(Claims.values()).filter(claim -> claim != Claims.UNKNOWN)
            .collect(Collectors.toUnmodifiableMap(Claims::name, Claims::getType));

    private final String name;
    private final Map<String, Object> claims;

    AccessTokenPrincipal(String rawToken, JWTClaimsSet verified) {
        Map<String, Object> converted = new HashMap<>();
        verified.getClaims().forEach((claim, value) -> {
            if (value != null) {
                converted.put(claim, converted(claim, value));
            }
        });
        converted.put(Claims.raw_token.name(), rawToken);
        claims = Map.copyOf(converted);
        name = firstString(Claims.upn.name(), Claims.preferred_username.name(), Claims.sub.name());
    }

    /** MicroProfile JWT's rule: the upn claim, else preferred_username, else sub. */
    @Override
    public String getName() {
        return name;
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return (T) claims.get(claimName);
    }

    @Override
    public String toString() {
        return "AccessTokenPrincipal[" + name + "]";
    }

    private String firstString(String... names) {
        for (String claim : names) {
            if (claims.get(claim) instanceof String value && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    private static Object converted(String claim, Object value) {
        Class<?> type = STANDARD.get(claim);
        if (type == String.class && value instanceof String) {
            return value;
        }
        if (type == Long.class && (value instanceof Date || value instanceof Number)) {
            return value instanceof Date date ? date.getTime() / 1000 : ((Number) value).longValue();
        }
        if (type == Boolean.class && value instanceof Boolean) {
            return value;
        }
        if (type == Set.class && (value instanceof String || value instanceof Collection)) {
            Collection<?> values = value instanceof Collection<?> collection ? collection : Set.of(value);
            return values.stream().filter(String.class::isInstance).map(String.class::cast)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
        return json(value);
    }

    /** Nimbus's JSON types (String, Number, Boolean, List, Map) as JSON-P values. */
    private static JsonValue json(Object value) {
        if (value instanceof String string) {
            return JSON.createValue(string);
        }
        if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof java.math.BigInteger big) {
            return JSON.createValue(big);
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return JSON.createValue(decimal);
        }
        if (value instanceof Number number) {
            return JSON.createValue(number.doubleValue());
        }
        if (value instanceof Date date) {
            return JSON.createValue(date.getTime() / 1000);
        }
        if (value instanceof Collection<?> collection) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            collection.forEach(element -> array.add(element == null ? JsonValue.NULL : json(element)));
            return array.build();
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = JSON.createObjectBuilder();
            map.forEach((key, element) -> object.add(String.valueOf(key), element == null ? JsonValue.NULL : json(element)));
            return object.build();
        }
        return value == null ? JsonValue.NULL : JSON.createValue(value.toString());
    }
}
