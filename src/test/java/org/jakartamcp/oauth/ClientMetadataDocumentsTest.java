package org.jakartamcp.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** A client_id URL on a private address is refused without saying which address: that goes to the log. */
class ClientMetadataDocumentsTest {

    @Test
    void theRefusalOfAPrivateHostNamesNoAddress() {
        ClientMetadataDocuments documents = new ClientMetadataDocuments();
        documents.allowPrivateNetwork = false;
        List<String> logged = new ArrayList<>();
        Logger log = Logger.getLogger(ClientMetadataDocuments.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try {
            AuthorizationError refused = assertThrows(AuthorizationError.class,
                    () -> documents.checkedUrl("https://localhost:8443/client.json"));
            assertEquals("This client cannot be used: " + ClientMetadataDocuments.NOT_FETCHED, refused.getMessage());
            assertFalse(refused.getMessage().contains("127.0.0.1"), refused.getMessage());
            assertTrue(logged.stream().anyMatch(line -> line.contains("https://localhost:8443/client.json")
                    && (line.contains("127.0.0.1") || line.contains("0:0:0:0:0:0:0:1"))), logged.toString());
        } finally {
            log.removeHandler(capture);
        }
    }

    @Test
    void whatIsWrongWithTheUrlItselfIsSaid() {
        ClientMetadataDocuments documents = new ClientMetadataDocuments();
        AuthorizationError refused = assertThrows(AuthorizationError.class, () -> documents.checkedUrl("http://client.example/c.json"));
        assertTrue(refused.getMessage().contains("must be an https URL"), refused.getMessage());
    }
}
