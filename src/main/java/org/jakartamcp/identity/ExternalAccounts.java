package org.jakartamcp.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Accounts of people whose identity comes from elsewhere (the company's identity provider, an SSO
 * proxy): found or created at sign-in, their groups and name refreshed each time. Who may sign in
 * at all is decided here, by group ({@code auth.allowed-groups}); members of
 * {@code auth.administrator-groups} become administrators. Someone the source still vouches for but
 * who left the allowed groups is refused, and what their applications were granted ends
 * ({@link AccessWithdrawn}).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = SignInRefused.class)
public class ExternalAccounts {

    @Inject
    Config config;

    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,255}");
    static final int MAX_GROUPS = 50;
    static final int MAX_GROUP_LENGTH = 255;
    /** Keeps the access token's groups claim (and the column) small, whatever the provider sends. */
    static final int MAX_GROUPS_TOTAL = 4000;

    @Inject
    UserRepository users;

    @Inject
    Event<AccessWithdrawn> withdrawals;

    /** auth.allowed-groups (read through Config: injecting Optional<List<String>> is not portable, Payara refuses it). */
    Optional<List<String>> allowedGroups;

    /** auth.administrator-groups (read through Config: injecting Optional<List<String>> is not portable, Payara refuses it). */
    Optional<List<String>> administratorGroups;

    private final Clock clock = Clock.systemUTC();

    @PostConstruct
    void readLists() {
        allowedGroups = config.getOptionalValues("auth.allowed-groups", String.class);
        administratorGroups = config.getOptionalValues("auth.administrator-groups", String.class);
    }

    /** The account for this identity, created on first sight; {@link SignInRefused} says why not. */
    public User signIn(ExternalIdentity identity) {
        String username = identity.username();
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new SignInRefused("The sign-in from " + identity.source() + " names no usable username (letters, digits and . _ @ + -, "
                    + "at most 255).");
        }
        Optional<List<String>> groups = identity.groups().map(ExternalAccounts::bounded);
        Optional<UserRecord> existing = identity.subject().isPresent() ? users.byExternalSubject(identity.subject().get())
                : users.byUsername(username);
        if (!allowed(groups)) {
            existing.ifPresent(record -> withdraw(record, identity, groups));
            throw new SignInRefused(username + " is not in a group that may use this server (" + String.join(", ", allowedGroups.get())
                    + "). Ask your administrator for access.");
        }
        UserRecord record = existing.orElseGet(() -> create(identity, username));
        if (record.disabled) {
            throw new SignInRefused("The account " + record.username + " is disabled on this server.");
        }
        refresh(record, identity, groups);
        return record.toUser();
    }

    private boolean allowed(Optional<List<String>> groups) {
        return allowedGroups.isEmpty() || groups.isPresent() && groups.get().stream().anyMatch(allowedGroups.get()::contains);
    }

    /** What the source says now is kept (groups, no administrator), and the grants of the account end. */
    private void withdraw(UserRecord record, ExternalIdentity identity, Optional<List<String>> groups) {
        record.update(displayName(identity, record), groups.orElse(List.of()), false, record.signedInAt);
        withdrawals.fire(new AccessWithdrawn(record.id, "no longer in an allowed group (" + identity.source() + ")"));
    }

    private void refresh(UserRecord record, ExternalIdentity identity, Optional<List<String>> groups) {
        boolean administrator = administratorGroups.isPresent() && groups.isPresent()
                ? groups.get().stream().anyMatch(administratorGroups.get()::contains) : record.administrator;
        record.update(displayName(identity, record), groups.orElseGet(() -> record.toUser().groups()), administrator,
                OffsetDateTime.now(clock));
    }

    /**
     * A new account. A provider's user never takes over an existing account of the same name, whatever
     * its kind (names are not unique or verified at every provider): an administrator must resolve it.
     * The proxy vouches for names, so for it an existing account of that name was found above.
     */
    private UserRecord create(ExternalIdentity identity, String username) {
        if (identity.subject().isPresent() && users.byUsername(username).isPresent()) {
            throw new SignInRefused("An account named " + username + " already exists on this server and is not linked to "
                    + identity.source() + ". Ask your administrator to link or rename it.");
        }
        UserRecord created = new UserRecord(username, username, null, false, OffsetDateTime.now(clock));
        created.externalSubject = identity.subject().orElse(null);
        users.insert(created);
        return created;
    }

    private static String displayName(ExternalIdentity identity, UserRecord record) {
        String name = identity.displayName();
        return name == null || name.isBlank() ? record.displayName : name.strip().substring(0, Math.min(255, name.strip().length()));
    }

    static List<String> bounded(Collection<String> groups) {
        List<String> kept = new ArrayList<>();
        int total = 0;
        for (String group : groups) {
            if (group == null || group.isBlank() || group.length() > MAX_GROUP_LENGTH || group.chars().anyMatch(Character::isISOControl)
                    || kept.contains(group.strip())) {
                continue;
            }
            total += group.strip().length() + 1;
            if (kept.size() == MAX_GROUPS || total > MAX_GROUPS_TOTAL) {
                break;
            }
            kept.add(group.strip());
        }
        return List.copyOf(kept);
    }
}
