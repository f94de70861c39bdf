package org.jakartamcp.tools.math;

import static tech.units.indriya.unit.Units.CELSIUS;
import static tech.units.indriya.unit.Units.JOULE;
import static tech.units.indriya.unit.Units.KELVIN;
import static tech.units.indriya.unit.Units.LITRE;
import static tech.units.indriya.unit.Units.PASCAL;
import static tech.units.indriya.unit.Units.WATT;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.measure.Dimension;
import javax.measure.MetricPrefix;
import javax.measure.Unit;
import javax.measure.format.MeasurementParseException;
import org.jakartamcp.mcp.spi.ToolCallException;
import si.uom.NonSI;
import systems.uom.common.Imperial;
import systems.uom.common.USCustomary;
import tech.units.indriya.format.SimpleUnitFormat;
import tech.units.indriya.unit.Units;

/**
 * The unit symbols the conversion tool understands: SI units with their prefixes (km, µs, MPa) and
 * products, quotients and powers of units (km/h, m/s^2, kW·h), as Indriya parses them, plus the
 * common non-SI units named below. The units and their definitions come from Indriya, si-units and
 * systems-common; this class only gives them unambiguous symbols, in a format instance of its own
 * so that nothing depends on which unit system another class happened to load first.
 */
final class UnitVocabulary {

    /** A named non-SI unit: the symbol it is shown with, other spellings accepted, and what it is. */
    record NamedUnit(String symbol, List<String> aliases, Unit<?> unit, String name) {
    }

    static final int MAX_EXPRESSION_LENGTH = 40;
    // Indriya raises a unit to a power by recursion, one level per step: m^99999999 overflows the stack
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{3,}");

    static final List<NamedUnit> NAMED = List.of(
            named("L", List.of("l"), LITRE, "litre"),
            named("in", List.of("inch"), USCustomary.INCH, "inch"),
            named("ft", List.of("foot"), USCustomary.FOOT, "foot"),
            named("yd", List.of(), USCustomary.YARD, "yard"),
            named("mi", List.of("mile"), USCustomary.MILE, "statute mile"),
            named("nmi", List.of(), USCustomary.NAUTICAL_MILE, "nautical mile"),
            named("au", List.of(), NonSI.ASTRONOMICAL_UNIT, "astronomical unit"),
            named("ly", List.of(), NonSI.LIGHT_YEAR, "light year"),
            named("pc", List.of(), NonSI.PARSEC, "parsec"),
            named("Å", List.of("angstrom"), NonSI.ANGSTROM, "ångström"),
            named("lb", List.of("lbs"), USCustomary.POUND, "pound (avoirdupois)"),
            named("oz", List.of(), USCustomary.OUNCE, "ounce (avoirdupois)"),
            named("st", List.of(), Imperial.STONE, "stone"),
            named("t", List.of("tonne"), NonSI.TONNE, "tonne (metric ton)"),
            named("ton_us", List.of("short_ton"), USCustomary.TON, "short ton (US)"),
            named("ton_uk", List.of("long_ton"), Imperial.TON_UK, "long ton (UK)"),
            named("Da", List.of(), NonSI.DALTON, "dalton (unified atomic mass unit)"),
            named("gal", List.of("gal_us"), USCustomary.GALLON_LIQUID, "US liquid gallon"),
            named("gal_uk", List.of(), Imperial.GALLON_UK, "imperial gallon"),
            named("qt_uk", List.of(), Imperial.QUART, "imperial quart"),
            named("pt", List.of("pt_us"), USCustomary.PINT, "US liquid pint"),
            named("pt_uk", List.of(), Imperial.PINT, "imperial pint"),
            named("cup", List.of(), USCustomary.CUP, "US cup"),
            named("fl_oz", List.of("fl_oz_us"), USCustomary.FLUID_OUNCE, "US fluid ounce"),
            named("fl_oz_uk", List.of(), Imperial.FLUID_OUNCE, "imperial fluid ounce"),
            named("tbsp", List.of(), USCustomary.TABLESPOON, "US tablespoon"),
            named("tsp", List.of(), USCustomary.TEASPOON, "US teaspoon"),
            named("bbl", List.of(), USCustomary.BARREL, "oil barrel"),
            named("ha", List.of(), NonSI.HECTARE, "hectare"),
            named("ac", List.of("acre"), USCustomary.ACRE, "acre"),
            named("°C", List.of("℃", "degC"), CELSIUS, "degree Celsius"),
            named("°F", List.of("℉", "degF"), USCustomary.FAHRENHEIT, "degree Fahrenheit"),
            named("°R", List.of("degR"), USCustomary.RANKINE, "degree Rankine"),
            named("wk", List.of("week"), Units.WEEK, "week"),
            named("yr", List.of("year"), Units.YEAR, "year (365 days)"),
            named("mph", List.of(), USCustomary.MILE_PER_HOUR, "mile per hour"),
            named("kn", List.of("knot"), USCustomary.KNOT, "knot"),
            named("bar", List.of(), PASCAL.multiply(100_000), "bar"),
            named("atm", List.of(), PASCAL.multiply(101_325), "standard atmosphere"),
            named("psi", List.of(), Imperial.POUND_FORCE.divide(USCustomary.INCH.pow(2)), "pound-force per square inch"),
            named("mmHg", List.of(), NonSI.MILLIMETRE_OF_MERCURY, "millimetre of mercury"),
            named("inHg", List.of(), NonSI.INCH_OF_MERCURY, "inch of mercury"),
            named("lbf", List.of(), Imperial.POUND_FORCE, "pound-force"),
            named("kgf", List.of(), Imperial.KILOGRAM_FORCE, "kilogram-force"),
            named("cal", List.of(), JOULE.multiply(new BigDecimal("4.184")), "calorie (thermochemical)"),
            named("kcal", List.of("Cal"), JOULE.multiply(4184), "kilocalorie (food calorie)"),
            named("Wh", List.of(), WATT.multiply(Units.HOUR), "watt-hour"),
            named("kWh", List.of(), MetricPrefix.KILO(WATT).multiply(Units.HOUR), "kilowatt-hour"),
            named("eV", List.of(), NonSI.ELECTRON_VOLT, "electronvolt"),
            named("hp", List.of(), USCustomary.HORSEPOWER, "mechanical horsepower"),
            named("deg", List.of("°"), NonSI.DEGREE_ANGLE, "degree of arc"),
            named("arcmin", List.of(), NonSI.MINUTE_ANGLE, "minute of arc"),
            named("arcsec", List.of(), NonSI.SECOND_ANGLE, "second of arc"),
            named("rev", List.of(), USCustomary.REVOLUTION, "revolution"),
            named("rpm", List.of(), USCustomary.REVOLUTION_PER_MINUTE, "revolution per minute"));

    private static final Map<Dimension, String> QUANTITIES = Map.ofEntries(
            Map.entry(Units.METRE.getDimension(), "length"),
            Map.entry(Units.KILOGRAM.getDimension(), "mass"),
            Map.entry(Units.SECOND.getDimension(), "time"),
            Map.entry(KELVIN.getDimension(), "temperature"),
            Map.entry(Units.AMPERE.getDimension(), "electric current"),
            Map.entry(Units.MOLE.getDimension(), "amount of substance"),
            Map.entry(Units.CANDELA.getDimension(), "luminous intensity"),
            Map.entry(Units.SQUARE_METRE.getDimension(), "area"),
            Map.entry(Units.CUBIC_METRE.getDimension(), "volume"),
            Map.entry(Units.METRE_PER_SECOND.getDimension(), "speed"),
            Map.entry(Units.METRE_PER_SQUARE_SECOND.getDimension(), "acceleration"),
            Map.entry(Units.NEWTON.getDimension(), "force"),
            Map.entry(PASCAL.getDimension(), "pressure"),
            Map.entry(JOULE.getDimension(), "energy"),
            Map.entry(WATT.getDimension(), "power"),
            Map.entry(Units.HERTZ.getDimension(), "frequency"),
            Map.entry(tech.units.indriya.AbstractUnit.ONE.getDimension(), "dimensionless"));

    private static final SimpleUnitFormat FORMAT = format();

    private UnitVocabulary() {
    }

    /** The unit an expression such as "km/h" or "ft^2" names; a clear error for anything else. */
    static Unit<?> parse(String argument, String expression) {
        String trimmed = expression.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_EXPRESSION_LENGTH) {
            throw new ToolCallException("Argument '" + argument + "' must be a unit of 1 to " + MAX_EXPRESSION_LENGTH
                    + " characters, such as m, km/h or °F");
        }
        if (LONG_NUMBER.matcher(trimmed).find()) {
            throw new ToolCallException("Argument '" + argument + "': exponents in a unit go from -99 to 99");
        }
        try {
            return FORMAT.parse(trimmed);
        } catch (MeasurementParseException | IllegalArgumentException | UnsupportedOperationException e) {
            throw new ToolCallException("Argument '" + argument + "': unknown unit '" + trimmed + "'. Use symbols: SI units "
                    + "with prefixes (m, km, mg, µs, kPa), products and quotients (km/h, m/s^2, N·m), or one of "
                    + String.join(", ", NAMED.stream().map(NamedUnit::symbol).toList()) + "; the resource units://symbols "
                    + "names them all");
        }
    }

    static String symbol(Unit<?> unit) {
        return FORMAT.format(unit);
    }

    /** What a unit measures, in words where the dimension is a familiar one ("length"), else its dimension ("[L]/[T]³"). */
    static String quantity(Unit<?> unit) {
        return QUANTITIES.getOrDefault(unit.getDimension(), unit.getDimension().toString());
    }

    private static NamedUnit named(String symbol, List<String> aliases, Unit<?> unit, String name) {
        return new NamedUnit(symbol, aliases, unit, name);
    }

    private static SimpleUnitFormat format() {
        SimpleUnitFormat format = SimpleUnitFormat.getNewInstance();
        for (NamedUnit named : NAMED) {
            format.label(named.unit(), named.symbol());
            named.aliases().forEach(alias -> format.alias(named.unit(), alias));
        }
        return format;
    }
}
