package org.jakartamcp.tools.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.json.Json;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jakartamcp.mcp.spi.ToolCalled;
import org.junit.jupiter.api.Test;

/** The queue of calculations waiting to be written is bounded in bytes, whatever the calls carry. */
class CalculationHistoryTest {

    /** The store, as plain objects: what was saved, in memory. */
    static class SavedCalculations extends CalculationStore {
        final List<CalculationRecord> saved = new ArrayList<>();
        int transactions;

        @Override
        void saveAll(List<CalculationRecord> calculations, Collection<String> principals, int keep) {
            saved.addAll(calculations);
            transactions++;
        }
    }

    private static CalculationHistory history(SavedCalculations store) {
        CalculationHistory history = new CalculationHistory();
        history.store = store;
        history.updates = doingNothing(org.jakartamcp.mcp.spi.ResourceUpdates.class);
        // flushes are run by the test, not on a schedule
        history.scheduler = doingNothing(ManagedScheduledExecutorService.class);
        return history;
    }

    /** Does nothing; what it schedules is a future that never runs. */
    private static <T> T doingNothing(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(CalculationHistoryTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getReturnType() == java.util.concurrent.ScheduledFuture.class
                        ? doingNothing(java.util.concurrent.ScheduledFuture.class) : null));
    }

    private static ToolCalled bigCall(int i) {
        return new ToolCalled("user-" + (i % 7), "add", Json.createObjectBuilder().add("a", "9".repeat(5000)).build(), "x".repeat(5000));
    }

    @Test
    void callsFasterThanTheDatabaseFillTheQueueOnlyUpToItsBytes() {
        SavedCalculations store = new SavedCalculations();
        CalculationHistory history = history(store);
        for (int i = 0; i < 5000; i++) {
            history.record(bigCall(i));
        }
        long perEntry = new CalculationRecord("user-0", "add", "9".repeat(5000), "x".repeat(5000), null).approximateBytes();
        assertTrue(history.queued() * perEntry <= CalculationHistory.MAX_QUEUED_BYTES,
                history.queued() + " entries of " + perEntry + " bytes are queued");
        assertTrue(history.queued() > 100, "it still queues what fits: " + history.queued());

        history.flush();
        assertEquals(0, history.queued(), "one flush drains the queue in batches");
        history.record(bigCall(1));
        assertEquals(1, history.queued(), "room again once written");
    }

    @Test
    void halfASecondOfABusyServersCallsIsWrittenInOneTransaction() {
        SavedCalculations store = new SavedCalculations();
        CalculationHistory history = history(store);
        for (int i = 0; i < 9000; i++) {
            history.record(new ToolCalled("user-" + (i % 64), "add", Json.createObjectBuilder().add("a", i).build(), "r" + i));
        }
        history.flush();
        assertEquals(0, history.queued());
        assertEquals(1, store.transactions, "one transaction for the flush, not one per thousand calls");
        assertEquals(64 * CalculationHistory.SHOWN, store.saved.size(), "each user's newest");
    }

    @Test
    void aFlushWritesOnlyEachUsersNewestCalculationsInTheirOrder() {
        SavedCalculations store = new SavedCalculations();
        CalculationHistory history = history(store);
        for (int i = 0; i < 300; i++) {
            history.record(new ToolCalled(i % 3 == 0 ? "rare" : "busy", "add", Json.createObjectBuilder().add("a", i).build(), "r" + i));
        }
        history.flush();
        assertEquals(0, history.queued());
        List<String> busy = store.saved.stream().filter(c -> c.principal().equals("busy")).map(CalculationRecord::result).toList();
        List<String> rare = store.saved.stream().filter(c -> c.principal().equals("rare")).map(CalculationRecord::result).toList();
        assertEquals(CalculationHistory.SHOWN, busy.size());
        assertEquals(CalculationHistory.SHOWN, rare.size());
        assertEquals("r226", busy.get(0), "the oldest kept is the 50th newest of the busy user's 200");
        assertEquals("{\"a\":226}", store.saved.stream().filter(c -> c.result().equals("r226")).findFirst().orElseThrow().arguments(),
                "the arguments written as the JSON they were sent as");
        assertEquals("r299", busy.get(busy.size() - 1));
        assertEquals("r150", rare.get(0));
        assertEquals("r297", rare.get(rare.size() - 1));
    }

    @Test
    void theQueuedArgumentsAreCountedAsTheTextTheyBecome() {
        for (String json : List.of("{}", "{\"a\":2,\"b\":40}", "{\"values\":[1,2.5,-3e7],\"name\":\"x y\",\"ok\":true,\"none\":null}",
                "{\"m\":{\"n\":[[],{}],\"s\":\"" + "9".repeat(5000) + "\"}}")) {
            jakarta.json.JsonObject value = Json.createReader(new java.io.StringReader(json)).readObject();
            long estimate = CalculationHistory.jsonChars(value);
            assertTrue(estimate >= value.toString().length() && estimate <= value.toString().length() + 12,
                    json.length() > 100 ? "the long one" : json + ": " + estimate);
        }
    }

    @Test
    void aCallDoesNotWaitForAFlushThatIsWriting() throws Exception {
        java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        SavedCalculations slowDatabase = new SavedCalculations() {
            @Override
            void saveAll(List<CalculationRecord> calculations, Collection<String> principals, int keep) {
                writing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.saveAll(calculations, principals, keep);
            }
        };
        CalculationHistory history = history(slowDatabase);
        history.record(bigCall(0));
        Thread flush = new Thread(history::flush);
        flush.start();
        try {
            writing.await();
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                    () -> history.record(bigCall(1)), "a call waited for the database write of the history");
            assertEquals(2, history.queued(), "the entry being written and the new one behind it");
        } finally {
            release.countDown();
            flush.join();
        }
        assertEquals(2, slowDatabase.saved.size(), "the flush goes on with what came in while it wrote");
        assertEquals(0, history.queued());
    }
}
