package org.jakartamcp.oauth.web;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import org.jakartamcp.oauth.OAuthException;
import org.jakartamcp.platform.web.BoundedBody;

/** JSON in and out of the OAuth endpoints. */
final class OAuthJson {

    /** The largest body an OAuth endpoint reads: client metadata and token requests are small. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    private OAuthJson() {
    }

    /** The body of an OAuth request as text, refused with 413 past {@link #MAX_BODY_BYTES} and 400 when it is not UTF-8. */
    static String text(InputStream body) {
        try {
            return BoundedBody.read(body, MAX_BODY_BYTES);
        } catch (BoundedBody.TooLarge e) {
            throw new OAuthException("invalid_request", "The request body exceeds " + MAX_BODY_BYTES + " bytes", 413);
        } catch (BoundedBody.NotUtf8 e) {
            throw OAuthException.invalidRequest("The request body is not UTF-8");
        } catch (IOException e) {
            throw OAuthException.invalidRequest("The request body could not be read");
        }
    }

    static JsonObject object(InputStream body) {
        String text = text(body);
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (JsonException | NumberFormatException e) {
            // falls through to the refusal; the parser's BigDecimal refuses a number like 1e99999999999 with the latter
        }
        throw OAuthException.invalidClientMetadata("The request body must be a JSON object");
    }

    /** An OAuth error response: a JSON body with error and error_description, never cached. */
    static Response error(OAuthException error) {
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE).cacheControl(NO_STORE)
                .entity(JSON.createObjectBuilder().add("error", error.error())
                        .add("error_description", error.getMessage()).build()).build();
    }
}
