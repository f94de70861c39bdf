package org.jakartamcp.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Accounts of people whose identity comes from elsewhere (the company's identity provider, an SSO
 * proxy): found or created at sign-in, their groups and name refreshed each time. Who may sign in
 * at all is decided here, by group ({@code auth.allowed-groups}); members of
 * {@code auth.administrator-groups} become administrators.
 */
@ApplicationScoped
@Transactional
public class ExternalAccounts {

    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,255}");
    static final int MAX_GROUPS = 200;
    static final int MAX_GROUP_LENGTH = 255;

    @Inject
    UserRepository users;

    @Inject
    @ConfigProperty(name = "auth.allowed-groups")
    Optional<List<String>> allowedGroups;

    @Inject
    @ConfigProperty(name = "auth.administrator-groups")
    Optional<List<String>> administratorGroups;

    private final Clock clock = Clock.systemUTC();

    /** The account for this identity, created on first sight; {@link SignInRefused} says why not. */
    public User signIn(ExternalIdentity identity) {
        String username = identity.username();
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new SignInRefused("The sign-in from " + identity.source() + " names no usable username (letters, digits and . _ @ + -, "
                    + "at most 255).");
        }
        Optional<List<String>> groups = identity.groups().map(ExternalAccounts::bounded);
        checkAllowed(username, groups);
        UserRecord record = identity.subject().isPresent() ? byProvider(identity, username) : byProxy(username);
        if (record.disabled) {
            throw new SignInRefused("The account " + record.username + " is disabled on this server.");
        }
        boolean administrator = administratorGroups.isPresent() && groups.isPresent()
                ? groups.get().stream().anyMatch(administratorGroups.get()::contains) : record.administrator;
        record.update(displayName(identity, record), groups.orElseGet(() -> record.toUser().groups()), administrator);
        return record.toUser();
    }

    private void checkAllowed(String username, Optional<List<String>> groups) {
        if (allowedGroups.isEmpty()) {
            return;
        }
        if (groups.isEmpty() || groups.get().stream().noneMatch(allowedGroups.get()::contains)) {
            throw new SignInRefused(username + " is not in a group that may use this server (" + String.join(", ", allowedGroups.get())
                    + "). Ask your administrator for access.");
        }
    }

    /** Known by issuer and subject; an account of the same name is taken over only if it has no password and no other provider. */
    private UserRecord byProvider(ExternalIdentity identity, String username) {
        String subject = identity.subject().orElseThrow();
        Optional<UserRecord> linked = users.byExternalSubject(subject);
        if (linked.isPresent()) {
            return linked.get();
        }
        Optional<UserRecord> sameName = users.byUsername(username);
        if (sameName.isPresent()) {
            UserRecord existing = sameName.get();
            if (existing.passwordHash != null || existing.externalSubject != null) {
                throw new SignInRefused("An account named " + username + " already exists on this server and is not linked to "
                        + identity.source() + ". Ask your administrator to link or rename it.");
            }
            existing.externalSubject = subject;
            return existing;
        }
        UserRecord created = new UserRecord(username, username, null, false, OffsetDateTime.now(clock));
        created.externalSubject = subject;
        users.insert(created);
        return created;
    }

    /** The proxy vouches for a name: that account, or a new one without a password. */
    private UserRecord byProxy(String username) {
        return users.byUsername(username).orElseGet(() -> {
            UserRecord created = new UserRecord(username, username, null, false, OffsetDateTime.now(clock));
            users.insert(created);
            return created;
        });
    }

    private static String displayName(ExternalIdentity identity, UserRecord record) {
        String name = identity.displayName();
        return name == null || name.isBlank() ? record.displayName : name.strip().substring(0, Math.min(255, name.strip().length()));
    }

    static List<String> bounded(Collection<String> groups) {
        return groups.stream().filter(group -> group != null && !group.isBlank() && group.length() <= MAX_GROUP_LENGTH
                        && group.chars().noneMatch(Character::isISOControl))
                .map(String::strip).distinct().limit(MAX_GROUPS).toList();
    }
}
