package org.jakartamcp.mcp.spi;

/** Lets a tool report how far it has come; does nothing when the client asked for no progress. */
public interface Progress {

    /**
     * @param progress increases with every call
     * @param total    the value {@code progress} will reach, or {@code null} when unknown
     * @param message  a short text for people, or {@code null}
     */
    void report(double progress, Double total, String message);
}
