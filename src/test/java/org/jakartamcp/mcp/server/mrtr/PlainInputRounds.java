package org.jakartamcp.mcp.server.mrtr;

import java.time.OffsetDateTime;
import org.jakartamcp.platform.audit.AuditEvent;
import org.jakartamcp.platform.audit.AuditTrail;
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

            @Override
            void giveBack(String id) {
                used.remove(id);
            }
        };
        rounds.audit = new AuditTrail() {
            @Override
            public AuditEvent record(String type, String actor, String detail) {
                return null;
            }

            @Override
            public void recordRepeated(String type, String actor, String detail) {
            }
        };
        rounds.settings = new InputRequiredSettings();
        rounds.settings.stateLifetimeSeconds = 600;
        rounds.settings.maxRounds = 10;
        return rounds;
    }
}
