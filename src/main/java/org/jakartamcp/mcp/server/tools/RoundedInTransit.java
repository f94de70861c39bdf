package org.jakartamcp.mcp.server.tools;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * Whether a JSON number argument may be a longer number that a client rounded on its way here.
 *
 * <p>Every JavaScript client (MCP Inspector, mcp-remote, the TypeScript SDK), and any hop that parses JSON numbers
 * into binary doubles, turns {@code -12345678901234567890.5} into {@code -12345678901234567000}: it sends the
 * shortest decimal that reads back as the same double, at most 17 significant digits. What the server can tell:
 * <ul>
 * <li>a number of at most 15 significant digits went through any double unchanged: taken as written (that it may
 *     be a longer number rounded to 15 digits or less, 0.10000000000000000001 arriving as 0.1, no server can tell);
 * <li>a number of 18 or more digits, or of 16 or 17 that is not how a double prints, went through no double: exact;
 * <li>a number of 16 or 17 digits that is exactly how a double prints may have been typed so, or rounded from any
 *     number of digits: it is in doubt, and the result says so rather than claim to be exact;
 * <li>an integer argument: a double holds every integer up to 2^53, so only one from 2^53 on is in doubt.
 * </ul>
 * Decimal strings reach the server digit for digit and are never in doubt; the tools' schemas and descriptions
 * offer them for long numbers.
 */
final class RoundedInTransit {

    /** Significant digits a double always carries unchanged (DBL_DIG). */
    static final int SAFE_DIGITS = 15;
    /** Significant digits of the longest shortest representation of a double. */
    static final int DOUBLE_DIGITS = 17;
    private static final BigInteger LARGEST_SAFE_INTEGER = BigInteger.TWO.pow(53);

    private RoundedInTransit() {
    }

    /** Whether this number, received as a JSON number for an argument of a decimal or an integer type, is in doubt. */
    static boolean maybe(BigDecimal received, boolean integer) {
        if (integer && received.abs().compareTo(new BigDecimal(LARGEST_SAFE_INTEGER)) < 0) {
            return false;
        }
        int digits = significantDigits(received);
        if (digits <= SAFE_DIGITS || digits > DOUBLE_DIGITS) {
            return false;
        }
        double asDouble = received.doubleValue();
        if (!Double.isFinite(asDouble) || asDouble == 0) {
            return false;
        }
        return new BigDecimal(asDouble).round(new MathContext(digits, RoundingMode.HALF_EVEN)).compareTo(received) == 0;
    }

    /**
     * Digits without the trailing zeros, exactly when there are at most 17 of them, and more than 17 otherwise: one
     * division, where stripping zeros one by one would cost 10,000 divisions for a 1 with 10,000 zeros.
     */
    static int significantDigits(BigDecimal value) {
        BigInteger unscaled = value.unscaledValue();
        int precision = value.precision();
        if (precision > DOUBLE_DIGITS) {
            BigInteger[] quotientAndRemainder = unscaled.divideAndRemainder(BigInteger.TEN.pow(precision - DOUBLE_DIGITS));
            if (quotientAndRemainder[1].signum() != 0) {
                return precision;
            }
            unscaled = quotientAndRemainder[0];
        }
        long digits = unscaled.longValueExact();
        if (digits == 0) {
            return 1;
        }
        while (digits % 10 == 0) {
            digits /= 10;
        }
        return Long.toString(Math.abs(digits)).length();
    }

    /** Arguments named in a note: a 20 × 20 matrix of them would fill it. */
    static final int NAMED = 5;

    /** What a result says about the arguments in doubt, e.g. {@code a = -12345678901234567000}. */
    static String note(List<String> inDoubt) {
        String named = String.join(", ", inDoubt.subList(0, Math.min(NAMED, inDoubt.size())))
                + (inDoubt.size() > NAMED ? " and " + (inDoubt.size() - NAMED) + " more" : "");
        return "not known to be exact: " + named + (inDoubt.size() > 1 ? " have" : " has")
                + " 16 or 17 significant digits, as a client that reads JSON numbers as binary doubles (JavaScript) "
                + "sends a longer number rounded. The result is exact for the number" + (inDoubt.size() > 1 ? "s" : "")
                + " received; send long numbers as strings (\"-12345678901234567890.5\") to keep every digit";
    }
}
