package org.jakartamcp.tools.math;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.stream.Collectors;
import javax.measure.IncommensurableException;
import javax.measure.UnconvertibleException;
import javax.measure.Unit;
import javax.measure.UnitConverter;
import org.hipparchus.fraction.BigFraction;
import org.jakartamcp.mcp.spi.CacheHint;
import org.jakartamcp.mcp.spi.Resource;
import org.jakartamcp.mcp.spi.Tool;
import org.jakartamcp.mcp.spi.ToolArg;
import org.jakartamcp.mcp.spi.ToolCallException;
import tech.units.indriya.function.RationalNumber;

/**
 * Unit conversion through Indriya, the JSR 385 reference implementation. The value goes in as an
 * exact rational number, so a conversion whose definition is exact (98.6 °F to °C, inches to
 * metres) comes out exact.
 */
@ApplicationScoped
public class UnitConversionTools {

    @Tool(machineCallers = true, name = "convert_units", title = "Convert units", description = "Converts a quantity from one unit to another, "
            + "exactly where the units' definitions are exact (98.6 °F = 37 °C, 1 mi = 1.609344 km). Units are symbols: SI "
            + "with prefixes (m, km, mg, µs, kPa, MJ), products, quotients and powers (km/h, m/s^2, N·m, ft^2), and common "
            + "non-SI units (in, ft, mi, lb, oz, gal, °F, mph, psi, kWh, kcal, ...; the resource units://symbols lists them).",
            annotations = @Tool.Annotations(readOnlyHint = true, idempotentHint = true, openWorldHint = false))
    public UnitConversion convertUnits(@ToolArg(description = "The quantity to convert, e.g. 98.6") BigDecimal value,
                                       @ToolArg(description = "Its unit, e.g. °F, mi, km/h, ft^2") String from,
                                       @ToolArg(description = "The unit to convert to, of the same kind, e.g. °C") String to) {
        Unit<?> source = UnitVocabulary.parse("from", from);
        Unit<?> target = UnitVocabulary.parse("to", to);
        UnitConverter converter;
        try {
            converter = source.getConverterToAny(target);
        } catch (IncommensurableException | UnconvertibleException e) {
            throw new ToolCallException("Cannot convert " + describe(source) + " to " + describe(target)
                    + ": they measure different things");
        }
        Number converted = converter.convert(RationalNumber.of(value));
        String valueText = Decimals.plain(value);
        String fromSymbol = UnitVocabulary.symbol(source);
        String toSymbol = UnitVocabulary.symbol(target);
        if (converted instanceof BigDecimal || converted instanceof Double || converted instanceof Float) {
            BigDecimal rounded = new BigDecimal(converted.toString()).round(MathContext.DECIMAL128);
            return new UnitConversion(valueText, fromSymbol, toSymbol, Decimals.plain(rounded), false, null);
        }
        ExactNumber exact = ExactNumber.of(fraction(converted));
        return new UnitConversion(valueText, fromSymbol, toSymbol, exact.decimal(), exact.exact(), exact.fraction());
    }

    /** The vocabulary is compiled in: the same for everyone until the next deployment. */
    @CacheHint(ttlMs = CacheHint.UNTIL_REDEPLOY, scope = CacheHint.Scope.PUBLIC)
    @Resource(uri = "units://symbols", name = "unit-symbols", title = "Unit symbols",
            description = "The non-SI unit symbols convert_units understands, with what each one is; SI units, their "
                    + "prefixes and combinations of units are understood as well", mimeType = "text/plain")
    public String unitSymbols() {
        return "SI units with prefixes (m, km, g, mg, s, ms, K, A, mol, cd, N, Pa, kPa, J, MJ, W, kW, Hz, C, V, Ω, ...), "
                + "and products, quotients and powers of units: km/h, m/s^2, N·m, ft^2.\n\n"
                + UnitVocabulary.NAMED.stream().map(named -> named.symbol()
                        + (named.aliases().isEmpty() ? "" : " (also " + String.join(", ", named.aliases()) + ")")
                        + ": " + named.name() + ", " + UnitVocabulary.quantity(named.unit()))
                .collect(Collectors.joining("\n")) + "\n";
    }

    private static String describe(Unit<?> unit) {
        return UnitVocabulary.symbol(unit) + " (" + UnitVocabulary.quantity(unit) + ")";
    }

    private static BigFraction fraction(Number exact) {
        if (exact instanceof RationalNumber rational) {
            return new BigFraction(rational.getDividend(), rational.getDivisor());
        }
        return new BigFraction(exact instanceof BigInteger integer ? integer : BigInteger.valueOf(exact.longValue()));
    }
}
