package org.jakartamcp.tools.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jakartamcp.mcp.spi.Cancellation;
import org.jakartamcp.mcp.spi.ToolCallException;
import org.junit.jupiter.api.Test;

class IntegerToolsTest {

    private static final Cancellation NOT_CANCELLED = () -> false;

    private final IntegerTools tools = new IntegerTools();

    @Test
    void factorialsAreExact() {
        assertEquals(new IntegerResult("1", 1), tools.factorial(0));
        assertEquals("15511210043330985984000000", tools.factorial(25).result());
        assertEquals(16326, tools.factorial(5000).digits());
    }

    @Test
    void gcdAndLcmOfSeveralIntegers() {
        assertEquals("6", tools.gcd(List.of(b("12"), b("18"), b("24"))).result());
        assertEquals("1", tools.gcd(List.of(b("17"), b("19"))).result());
        assertEquals("72", tools.lcm(List.of(b("8"), b("9"), b("12"))).result());
        assertEquals("0", tools.lcm(List.of(b("0"), b("5"))).result());
        assertEquals("Argument 'values' has an integer of more than 1000 digits at position 1",
                assertThrows(ToolCallException.class, () -> tools.gcd(List.of(b("12"), BigInteger.TEN.pow(1000)))).getMessage());
        assertTrue(assertThrows(ToolCallException.class, () -> tools.lcm(List.of(b("12"), BigInteger.TEN.pow(1000).negate())))
                .getMessage().startsWith("Argument 'values' has an integer of more than 1000 digits"));
        assertEquals("6", tools.gcd(List.of(b("12"), b("18"))).result(), "a normal call right after");
        assertEquals(BigInteger.TEN.pow(999).toString(), tools.lcm(List.of(BigInteger.TEN.pow(999), b("2"))).result());
    }

    @Test
    void primality() {
        assertEquals("170141183460469231731687303715884105727 is prime", tools.isPrime(BigInteger.TWO.pow(127).subtract(BigInteger.ONE)).text());
        assertEquals("561 is composite", tools.isPrime(b("561")).text(), "a Carmichael number");
        assertEquals("1 is not prime (primes are integers greater than 1)", tools.isPrime(b("1")).text());
        assertEquals("Argument 'n' has more than 1000 digits",
                assertThrows(ToolCallException.class, () -> tools.isPrime(BigInteger.TEN.pow(1000))).getMessage());
    }

    @Test
    void factorizations() {
        assertEquals("600851475143 = 71 × 839 × 1471 × 6857", tools.factorize(b("600851475143"), NOT_CANCELLED).text());
        assertEquals(List.of("2", "2", "2", "3", "3", "5"), tools.factorize(b("360"), NOT_CANCELLED).factors());
        assertEquals(List.of("1000000007", "1000000009"), tools.factorize(b("1000000016000000063"), NOT_CANCELLED).factors());
        assertEquals(List.of("170141183460469231731687303715884105727"),
                tools.factorize(BigInteger.TWO.pow(127).subtract(BigInteger.ONE), NOT_CANCELLED).factors());
    }

    @Test
    void factorizationIsBoundedInTimeAndSize() {
        BigInteger hard = new BigInteger("1000000000000000000000000000057").multiply(new BigInteger("1000000000000000000000000000049"));
        ToolCallException timeout = assertThrows(ToolCallException.class, () -> PrimeFactors.of(hard, Duration.ofMillis(200), NOT_CANCELLED));
        assertTrue(timeout.getMessage().contains("ran out of time"), timeout.getMessage());
        assertEquals("Argument 'n' has more than 100 digits", assertThrows(ToolCallException.class,
                () -> tools.factorize(BigInteger.TEN.pow(100), NOT_CANCELLED)).getMessage());
        assertEquals("Argument 'n' must be greater than 1", assertThrows(ToolCallException.class,
                () -> tools.factorize(BigInteger.ONE, NOT_CANCELLED)).getMessage());
    }

    @Test
    void factorizationStopsWhenTheCallIsCancelled() {
        BigInteger hard = new BigInteger("1000000000000000000000000000057").multiply(new BigInteger("1000000000000000000000000000049"));
        AtomicInteger checks = new AtomicInteger();
        assertThrows(Cancellation.CancelledException.class, () -> PrimeFactors.of(hard, Duration.ofMinutes(1),
                () -> checks.incrementAndGet() > 3));
        assertEquals(4, checks.get(), "stops at the first check after the cancellation");
    }

    private static BigInteger b(String value) {
        return new BigInteger(value);
    }
}
