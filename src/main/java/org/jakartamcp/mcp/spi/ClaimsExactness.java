package org.jakartamcp.mcp.spi;

/**
 * A tool result that says whether it is exact. The server withdraws the claim when a number argument may not be
 * the number the user wrote: a JSON number of 16 or 17 significant digits that is exactly how a binary double
 * prints, which is what a client that reads JSON numbers as doubles (any JavaScript client) sends for a longer
 * number. The result is then still exact for the numbers received, but the server cannot know they are the ones
 * meant; arguments sent as decimal strings are never in doubt. A result that does not implement this gets the
 * same note as a second text content item.
 *
 * @param <R> the result type
 */
public interface ClaimsExactness<R> {

    /** This result, not claiming to be exact, with the reason, for whoever reads it (a model or a person). */
    R inDoubt(String reason);
}
