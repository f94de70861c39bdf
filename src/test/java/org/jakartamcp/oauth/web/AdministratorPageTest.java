package org.jakartamcp.oauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Paging of the administrators' lists: any page parameter is a page, and one row beyond the page tells that another follows. */
class AdministratorPageTest {

    @Test
    void anyPageParameterIsAPage() {
        assertEquals(1, AdministratorPage.parsePage(null));
        assertEquals(1, AdministratorPage.parsePage("abc"));
        assertEquals(1, AdministratorPage.parsePage("-3"));
        assertEquals(1, AdministratorPage.parsePage("0"));
        assertEquals(7, AdministratorPage.parsePage("7"));
        assertEquals(1, AdministratorPage.parsePage("9".repeat(40)));
        assertEquals(AdministratorPage.LAST_PAGE, AdministratorPage.parsePage("999999"));
    }

    @Test
    void oneRowBeyondThePageMeansANextPage() {
        AdministratorPage page = new AdministratorPage() {
        };
        page.pageSize = 2;
        page.setPage("3");
        assertEquals(4, page.offset());
        assertEquals(3, page.fetchSize());
        assertEquals(List.of("e", "f"), page.onePage(List.of("e", "f", "g")));
        assertTrue(page.isHasNext());
        assertTrue(page.isHasPrevious());
        assertEquals(List.of("e"), page.onePage(List.of("e")));
        assertFalse(page.isHasNext());
    }
}
