package org.jakartamcp.mcp.spi;

/** Tells a long-running tool that the client no longer wants its result. */
public interface Cancellation {

    boolean isCancelled();

    /** Throws {@link CancelledException} once the client has cancelled; call it between steps of work. */
    default void check() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** Ends a cancelled tool call; the server sends no result for it. */
    final class CancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CancelledException() {
            super("cancelled by the client", null, false, false);
        }
    }
}
