package org.jakartamcp.mcp.server.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

    enum Rounding { HALF_UP, HALF_EVEN }

    record Statistics(@jakarta.validation.constraints.NotNull BigDecimal mean, Optional<BigDecimal> median, Integer total, int count) {
    }

    @SuppressWarnings("unused")
    static void sample(@Min(1) @Max(100) int digits, @Size(min = 2, max = 10) List<BigDecimal> values, Rounding rounding,
                       Set<String> tags, Optional<String> note) {
    }

    @Test
    void simpleTypesMapToTheirJsonTypes() {
        assertEquals(schema("{\"type\":\"string\"}"), JsonSchemas.of(String.class));
        assertEquals(schema("{\"type\":\"integer\"}"), JsonSchemas.of(long.class));
        assertEquals(schema("{\"type\":\"number\"}"), JsonSchemas.of(BigDecimal.class));
        assertEquals(schema("{\"type\":\"boolean\"}"), JsonSchemas.of(Boolean.class));
    }

    @Test
    void constraintsBecomeKeywords() throws Exception {
        Method sample = JsonSchemasTest.class.getDeclaredMethod("sample", int.class, List.class, Rounding.class, Set.class, Optional.class);
        var parameters = sample.getParameters();
        assertEquals(schema("{\"type\":\"integer\",\"minimum\":1,\"maximum\":100}"),
                JsonSchemas.of(parameters[0].getParameterizedType(), parameters[0].getAnnotations()));
        assertEquals(schema("{\"type\":\"array\",\"items\":{\"type\":\"number\"},\"minItems\":2,\"maxItems\":10}"),
                JsonSchemas.of(parameters[1].getParameterizedType(), parameters[1].getAnnotations()));
        assertEquals(schema("{\"type\":\"string\",\"enum\":[\"HALF_UP\",\"HALF_EVEN\"]}"), JsonSchemas.of(parameters[2].getParameterizedType()));
        assertEquals(schema("{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"uniqueItems\":true}"),
                JsonSchemas.of(parameters[3].getParameterizedType()));
        assertEquals(schema("{\"type\":\"string\"}"), JsonSchemas.of(parameters[4].getParameterizedType()));
    }

    @Test
    void aRecordRequiresOnlyTheComponentsThatCannotBeNull() {
        assertEquals(schema("{\"type\":\"object\",\"properties\":{\"mean\":{\"type\":\"number\"},\"median\":{\"type\":\"number\"},"
                + "\"total\":{\"type\":\"integer\"},\"count\":{\"type\":\"integer\"}},\"required\":[\"mean\",\"count\"]}"),
                JsonSchemas.of(Statistics.class));
    }

    @SuppressWarnings("unused")
    static void numbers(BigDecimal decimal, java.math.BigInteger integer, List<List<BigDecimal>> matrix,
                        java.util.Map<String, BigDecimal> variables, Set<BigDecimal> set, Statistics statistics, double real) {
    }

    @Test
    void arbitraryPrecisionArgumentsAlsoTakeStrings() throws Exception {
        var types = JsonSchemasTest.class.getDeclaredMethod("numbers", BigDecimal.class, java.math.BigInteger.class, List.class,
                java.util.Map.class, Set.class, Statistics.class, double.class).getGenericParameterTypes();
        String decimal = "{\"type\":[\"number\",\"string\"],\"pattern\":\"^-?(0|[1-9][0-9]*)(\\\\.[0-9]+)?([eE][+-]?[0-9]+)?$\"}";
        assertEquals(schema(decimal), JsonSchemas.ofArgument(types[0]));
        assertEquals(schema("{\"type\":[\"integer\",\"string\"],\"pattern\":\"^-?(0|[1-9][0-9]*)$\"}"), JsonSchemas.ofArgument(types[1]));
        assertEquals(schema("{\"type\":\"array\",\"items\":{\"type\":\"array\",\"items\":" + decimal + "}}"), JsonSchemas.ofArgument(types[2]));
        assertEquals(schema("{\"type\":\"object\",\"additionalProperties\":" + decimal + "}"), JsonSchemas.ofArgument(types[3]));
        // JSON-B reads these, and takes numbers only
        assertEquals(schema("{\"type\":\"array\",\"items\":{\"type\":\"number\"},\"uniqueItems\":true}"), JsonSchemas.ofArgument(types[4]));
        assertEquals(JsonSchemas.of(Statistics.class), JsonSchemas.ofArgument(types[5]));
        assertEquals(schema("{\"type\":\"number\"}"), JsonSchemas.ofArgument(types[6]));
        assertEquals(List.of(true, true, true, true, false, false, false),
                java.util.Arrays.stream(types).map(JsonSchemas::takesNumberStrings).toList());
        // what the server sends stays a number
        assertEquals(schema("{\"type\":\"number\"}"), JsonSchemas.of(types[0]));
    }

    private static JsonObject schema(String json) {
        return Json.createReader(new java.io.StringReader(json)).readObject();
    }
}
