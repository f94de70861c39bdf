package org.jakartamcp.oauth.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jakartamcp.identity.User;
import org.jakartamcp.identity.UserRepository;

/**
 * A page for administrators only: others are sent to sign in, or get 403 and no data. Its list goes
 * through all rows a page at a time ({@code ?page=n}, {@code admin.page-size} rows each, in a stable order).
 */
abstract class AdministratorPage {

    /** The longest id a row's hidden field carries: a client id (the column's size). */
    static final int MAX_ID = 512;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");
    static final int MAX_PAGE_SIZE = 200;
    /** Beyond any real list; keeps the offset an int and the database from scanning for nothing. */
    static final int LAST_PAGE = 100_000;

    @Inject
    @ConfigProperty(name = "admin.page-size", defaultValue = "50")
    int pageSize;

    private int page = 1;
    private boolean hasNext;

    @Inject
    SignInSession signIn;

    @Inject
    UserRepository users;

    private User administrator;

    /** The view action: sign in first; anyone but an administrator gets 403. */
    public String check() {
        if (signIn.user().isEmpty()) {
            return "/login.xhtml?faces-redirect=true";
        }
        if (!isAllowed()) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(403);
        }
        return null;
    }

    /** Read from the database once per request, so that an administrator demoted or disabled meanwhile loses the pages at once. */
    public boolean isAllowed() {
        if (administrator == null) {
            administrator = administrator(signIn, users).orElse(null);
        }
        return administrator != null;
    }

    /** The signed-in user if an administrator, as the database has it now (not as when they signed in). */
    static Optional<User> administrator(SignInSession signIn, UserRepository users) {
        return signIn.user().flatMap(user -> users.find(user.id())).filter(User::administrator);
    }

    String administrator() {
        if (!isAllowed()) {
            throw new IllegalStateException("not an administrator");
        }
        return administrator.username();
    }

    /**
     * The value of a row's hidden field in the form being submitted (what the administrator saw, not a
     * row index); null when absent or longer than any id (client ids and grant numbers are far shorter).
     */
    static String submitted(String name) {
        String value = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
        return value != null && value.length() <= MAX_ID ? value : null;
    }

    static void done(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    /** The page number, from the view parameter {@code page} (kept on the page's form posts); anything but a page number is the first. */
    public String getPage() {
        return Integer.toString(page);
    }

    public void setPage(String value) {
        page = parsePage(value);
    }

    static int parsePage(String value) {
        if (value == null || !value.matches("[0-9]{1,6}")) {
            return 1;
        }
        return Math.max(1, Math.min(LAST_PAGE, Integer.parseInt(value)));
    }

    public int getPageNumber() {
        return page;
    }

    public boolean isHasPrevious() {
        return page > 1;
    }

    public boolean isHasNext() {
        return hasNext;
    }

    int pageSize() {
        return Math.max(1, Math.min(MAX_PAGE_SIZE, pageSize));
    }

    /** Where this page's rows start. */
    int offset() {
        return (page - 1) * pageSize();
    }

    /** How many rows to fetch: one more than a page, which tells whether there is a next page. */
    int fetchSize() {
        return pageSize() + 1;
    }

    /** The rows of this page, from {@link #fetchSize} rows fetched at {@link #offset}. */
    <T> List<T> onePage(List<T> fetched) {
        hasNext = fetched.size() > pageSize();
        return hasNext ? fetched.subList(0, pageSize()) : fetched;
    }

    public String when(OffsetDateTime time) {
        return time == null ? "" : WHEN.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
