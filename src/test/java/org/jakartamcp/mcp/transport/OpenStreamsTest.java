package org.jakartamcp.mcp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a closed stream leaves to do still happens while the application stops and its executor takes no more tasks. */
class OpenStreamsTest {

    @Test
    void workAfterAStreamClosedRunsHereOnceTheExecutorRefusesIt() {
        OpenStreams streams = new OpenStreams();
        AtomicInteger submitted = new AtomicInteger();
        streams.scheduler = (ManagedScheduledExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class}, (proxy, method, args) -> {
                    submitted.incrementAndGet();
                    throw new RejectedExecutionException("the executor has been shut down");
                });
        AtomicInteger ran = new AtomicInteger();
        Thread caller = Thread.currentThread();
        streams.afterClose(() -> {
            assertTrue(Thread.currentThread() == caller, "on the stopping application's own thread");
            ran.incrementAndGet();
        });
        assertEquals(1, submitted.get(), "the executor was asked first");
        assertEquals(1, ran.get(), "a refused task runs here instead of ending the drain with an exception");
    }
}
