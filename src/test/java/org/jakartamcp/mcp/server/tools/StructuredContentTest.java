package org.jakartamcp.mcp.server.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A structured result built directly is, to the byte, what JSON-B writes for it; what it cannot build, it leaves to JSON-B. */
class StructuredContentTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    public record Inner(BigInteger count, RoundingMode mode) {
    }

    public record Result(String result, boolean exact, Integer digits, Long big, BigDecimal value, Inner inner, String note) {
    }

    public record WithDouble(double value) {
    }

    public record WithList(List<String> values) {
    }

    public record Renamed(@JsonbProperty("other") String value) {
    }

    private static void sameAsJsonb(Object result) {
        assertNotNull(StructuredContent.of(result), "built directly: " + result);
        assertEquals(JSONB.toJson(result), StructuredContent.of(result).toString());
    }

    @Test
    void recordsOfStringsNumbersBooleansEnumsAndRecordsAreWrittenAsJsonbWritesThem() {
        sameAsJsonb(new Result("42", true, null, null, null, null, null));
        sameAsJsonb(new Result("0.3333", false, 4, Long.MIN_VALUE, new BigDecimal("-1.50E+3"),
                new Inner(new BigInteger("123456789012345678901234567890"), RoundingMode.HALF_EVEN), "a \"quoted\" é \u2028 note\n"));
        sameAsJsonb(new Inner(null, RoundingMode.UP));
    }

    @Test
    void anythingElseIsLeftToJsonb() {
        assertNull(StructuredContent.of(new WithDouble(0.1)));
        assertNull(StructuredContent.of(new WithList(List.of("a"))));
        assertNull(StructuredContent.of(new Renamed("x")), "a JSON-B annotation changes what JSON-B writes");
        assertNull(StructuredContent.of("text"));
        assertNull(StructuredContent.of(null));
    }
}
