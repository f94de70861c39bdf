package org.jakartamcp.mcp.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProtocolVersionTest {

    @Test
    void aSupportedVersionIsKeptAndAnyOtherGetsTheLatest() {
        assertEquals(ProtocolVersion.V2024_11_05, ProtocolVersion.negotiate("2024-11-05"));
        assertEquals(ProtocolVersion.V2025_06_18, ProtocolVersion.negotiate("2025-06-18"));
        assertEquals(ProtocolVersion.LATEST, ProtocolVersion.negotiate("2031-01-01"));
        assertEquals(ProtocolVersion.LATEST, ProtocolVersion.negotiate(""));
    }

    @Test
    void batchesBelongTo2025_03_26Only() {
        assertTrue(ProtocolVersion.V2025_03_26.allowsBatches());
        assertFalse(ProtocolVersion.V2024_11_05.allowsBatches());
        assertFalse(ProtocolVersion.V2025_06_18.allowsBatches());
        assertFalse(ProtocolVersion.V2025_11_25.allowsBatches());
    }

    @Test
    void structuredOutputStartsWith2025_06_18() {
        assertFalse(ProtocolVersion.V2025_03_26.hasStructuredOutput());
        assertTrue(ProtocolVersion.V2025_06_18.hasStructuredOutput());
        assertTrue(ProtocolVersion.V2025_11_25.hasStructuredOutput());
    }

    @Test
    void clientsAreOfferedTheNewestVersionFirst() {
        assertEquals(java.util.List.of("2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"), ProtocolVersion.newestFirst());
    }

    @Test
    void aMissingResourceIsInvalidParamsFrom2026_07_28() {
        assertFalse(ProtocolVersion.V2024_11_05.reportsMissingResourceAsInvalidParams());
        assertFalse(ProtocolVersion.V2025_11_25.reportsMissingResourceAsInvalidParams());
        assertTrue(ProtocolVersion.V2026_07_28.reportsMissingResourceAsInvalidParams());
    }
}
