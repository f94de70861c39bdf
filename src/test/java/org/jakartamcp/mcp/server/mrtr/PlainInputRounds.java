package org.jakartamcp.mcp.server.mrtr;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Input rounds without the database: the key and the used states live in memory. */
public final class PlainInputRounds {

    private PlainInputRounds() {
    }

    public static InputRounds create() {
        InputRounds rounds = new InputRounds();
        rounds.store = new RequestStateStore() {
            private final Set<String> used = ConcurrentHashMap.newKeySet();

            @Override
            byte[] key(byte[] candidate) {
                return candidate;
            }

            @Override
            boolean redeem(String id, OffsetDateTime expiresAt) {
                return used.add(id);
            }
        };
        rounds.settings = new InputRequiredSettings();
        rounds.settings.stateLifetimeSeconds = 600;
        rounds.settings.maxRounds = 10;
        return rounds;
    }
}
