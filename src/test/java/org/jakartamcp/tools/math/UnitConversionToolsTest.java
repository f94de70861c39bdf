package org.jakartamcp.tools.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.jakartamcp.mcp.spi.ToolCallException;
import org.junit.jupiter.api.Test;

class UnitConversionToolsTest {

    private final UnitConversionTools tools = new UnitConversionTools();

    @Test
    void temperaturesConvertExactlyWhereBinaryFloatingPointDoesNot() {
        // (98.6 - 32) * 5 / 9 in doubles is 37.00000000000001
        UnitConversion bodyTemperature = tools.convertUnits(d("98.6"), "°F", "°C");
        assertEquals("37", bodyTemperature.result());
        assertTrue(bodyTemperature.exact());
        assertEquals("98.6 °F = 37 °C", bodyTemperature.text());
        assertEquals("-40", tools.convertUnits(d("-40"), "degC", "degF").result());
        assertEquals("0", tools.convertUnits(d("-273.15"), "℃", "K").result());
        assertEquals("491.67", tools.convertUnits(d("0"), "°C", "°R").result());
    }

    @Test
    void lengthsMassesAndVolumesByTheirExactDefinitions() {
        assertEquals("1.609344", tools.convertUnits(d("1"), "mi", "km").result());
        assertEquals("3", tools.convertUnits(d("0.3"), "m", "dm").result());
        assertEquals("0.0254", tools.convertUnits(d("1"), "in", "m").result());
        assertEquals("0.45359237", tools.convertUnits(d("1"), "lb", "kg").result());
        assertEquals("3.785411784", tools.convertUnits(d("1"), "gal", "L").result());
        assertEquals("4.54609", tools.convertUnits(d("1"), "gal_uk", "l").result());
        assertEquals("6.35029318", tools.convertUnits(d("1"), "st", "kg").result());
        assertEquals("43560", tools.convertUnits(d("1"), "ac", "ft^2").result());
        assertEquals("0.09290304", tools.convertUnits(d("1"), "ft²", "m^2").result());
    }

    @Test
    void compoundAndPrefixedUnits() {
        assertEquals("3.6", tools.convertUnits(d("1"), "m/s", "km/h").result());
        assertEquals("3600000", tools.convertUnits(d("1"), "kWh", "J").result());
        assertEquals("1", tools.convertUnits(d("1000"), "Wh", "kW·h").result());
        assertEquals("101.325", tools.convertUnits(d("1"), "atm", "kPa").result());
        assertEquals("0.1", tools.convertUnits(d("1"), "bar", "MPa").result());
        assertEquals("4184", tools.convertUnits(d("1"), "kcal", "J").result());
        assertEquals("1000", tools.convertUnits(d("1"), "s", "ms").result());
        assertEquals("1000000", tools.convertUnits(d("1"), "s", "µs").result());
        assertEquals("9.80665", tools.convertUnits(d("1"), "kgf", "N").result());
    }

    @Test
    void nonTerminatingResultsAreRoundedAndGivenAsAFraction() {
        UnitConversion milesPerHour = tools.convertUnits(d("100"), "km/h", "mph");
        assertFalse(milesPerHour.exact());
        assertEquals("62.13711922373339696174341843633182", milesPerHour.result());
        assertEquals("781250/12573", milesPerHour.fraction(), "100 000 m / 1609.344 m in lowest terms");
        assertEquals("100 km/h ≈ 62.13711922373339696174341843633182 mph (exactly " + milesPerHour.fraction() + ")",
                milesPerHour.text());
    }

    @Test
    void conversionsThroughPiAreRoundedWithoutAFraction() {
        UnitConversion halfTurn = tools.convertUnits(d("180"), "deg", "rad");
        assertFalse(halfTurn.exact());
        assertNull(halfTurn.fraction());
        assertEquals("3.141592653589793238462643383279503", halfTurn.result());
    }

    @Test
    void unitsOfDifferentKindsAreRefusedByName() {
        assertEquals("Cannot convert m (length) to kg (mass): they measure different things",
                assertThrows(ToolCallException.class, () -> tools.convertUnits(d("1"), "m", "kg")).getMessage());
        assertEquals("Cannot convert m/s (speed) to m/s² (acceleration): they measure different things",
                assertThrows(ToolCallException.class, () -> tools.convertUnits(d("1"), "m/s", "m/s^2")).getMessage());
    }

    @Test
    void unknownAndOversizedUnitsAreClearErrors() {
        String unknown = assertThrows(ToolCallException.class, () -> tools.convertUnits(d("1"), "furlongs", "m")).getMessage();
        assertTrue(unknown.startsWith("Argument 'from': unknown unit 'furlongs'. Use symbols"), unknown);
        assertTrue(unknown.contains("units://symbols"), unknown);
        assertEquals("Argument 'to': exponents in a unit go from -99 to 99",
                assertThrows(ToolCallException.class, () -> tools.convertUnits(d("1"), "m", "m^99999999999")).getMessage());
        assertEquals("Argument 'to' must be a unit of 1 to 40 characters, such as m, km/h or °F",
                assertThrows(ToolCallException.class, () -> tools.convertUnits(d("1"), "m", " ")).getMessage());
        assertEquals("Argument 'from' must be a unit of 1 to 40 characters, such as m, km/h or °F",
                assertThrows(ToolCallException.class, () -> tools.convertUnits(d("1"), "m·".repeat(21), "m")).getMessage());
    }

    @Test
    void everyNamedUnitParsesByItsSymbolAndAliases() {
        for (UnitVocabulary.NamedUnit named : UnitVocabulary.NAMED) {
            assertEquals(named.symbol(), UnitVocabulary.symbol(UnitVocabulary.parse("u", named.symbol())), named.name());
            for (String alias : named.aliases()) {
                assertEquals("1", tools.convertUnits(d("1"), alias, named.symbol()).result(), alias);
            }
        }
        String listing = tools.unitSymbols();
        assertTrue(listing.contains("°F (also ℉, degF): degree Fahrenheit, temperature"), listing);
        assertTrue(listing.contains("psi: pound-force per square inch, pressure"), listing);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
