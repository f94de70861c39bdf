package org.jakartamcp.tools.math;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jakartamcp.mcp.spi.Cancellation;
import org.jakartamcp.mcp.spi.ToolCallException;

/**
 * Factorization by trial division of small primes, then Pollard's rho (Brent's variant) on what is
 * left, with a deadline so that a hard number cannot hold a server thread, and stopping as soon as
 * the call is cancelled (by the client, or at the server's time limit for a call).
 */
final class PrimeFactors {

    private static final int TRIAL_LIMIT = 10_000;
    private static final int PRIME_CERTAINTY = 64;

    private PrimeFactors() {
    }

    static List<BigInteger> of(BigInteger n, Duration budget, Cancellation cancellation) {
        long deadline = System.nanoTime() + budget.toNanos();
        List<BigInteger> factors = new ArrayList<>();
        BigInteger rest = n;
        for (int p = 2; p <= TRIAL_LIMIT && rest.compareTo(BigInteger.ONE) > 0; p = p == 2 ? 3 : p + 2) {
            BigInteger prime = BigInteger.valueOf(p);
            while (rest.mod(prime).signum() == 0) {
                factors.add(prime);
                rest = rest.divide(prime);
            }
        }
        List<BigInteger> pending = new ArrayList<>();
        if (rest.compareTo(BigInteger.ONE) > 0) {
            pending.add(rest);
        }
        while (!pending.isEmpty()) {
            BigInteger m = pending.remove(pending.size() - 1);
            if (m.isProbablePrime(PRIME_CERTAINTY)) {
                factors.add(m);
                continue;
            }
            BigInteger divisor = rho(m, deadline, cancellation);
            pending.add(divisor);
            pending.add(m.divide(divisor));
        }
        return factors;
    }

    private static BigInteger rho(BigInteger n, long deadline, Cancellation cancellation) {
        for (long c = 1; ; c++) {
            BigInteger constant = BigInteger.valueOf(c);
            BigInteger y = BigInteger.TWO;
            BigInteger x = y;
            BigInteger product = BigInteger.ONE;
            BigInteger g = BigInteger.ONE;
            long r = 1;
            while (g.equals(BigInteger.ONE)) {
                x = y;
                for (long i = 0; i < r; i++) {
                    if (i % 128 == 0) {
                        checkTime(n, deadline, cancellation); // this walk is as long as all the work before it
                    }
                    y = y.multiply(y).add(constant).mod(n);
                }
                for (long k = 0; k < r && g.equals(BigInteger.ONE); k += 128) {
                    checkTime(n, deadline, cancellation);
                    BigInteger ys = y;
                    for (long i = 0; i < Math.min(128, r - k); i++) {
                        y = y.multiply(y).add(constant).mod(n);
                        product = product.multiply(x.subtract(y).abs()).mod(n);
                    }
                    g = product.gcd(n);
                    if (g.equals(n)) {
                        g = backtrack(ys, x, constant, n);
                    }
                }
                r *= 2;
            }
            if (!g.equals(n)) {
                return g;
            }
        }
    }

    private static void checkTime(BigInteger n, long deadline, Cancellation cancellation) {
        cancellation.check();
        if (System.nanoTime() > deadline) {
            throw new ToolCallException("Factorization ran out of time: " + n + " has large prime factors; "
                    + "at most " + n.bitLength() + "-bit numbers with such factors can be done in the time allowed");
        }
    }

    private static BigInteger backtrack(BigInteger ys, BigInteger x, BigInteger constant, BigInteger n) {
        BigInteger g;
        do {
            ys = ys.multiply(ys).add(constant).mod(n);
            g = x.subtract(ys).abs().gcd(n);
        } while (g.equals(BigInteger.ONE));
        return g;
    }
}
