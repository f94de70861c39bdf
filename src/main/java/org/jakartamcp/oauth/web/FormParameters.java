package org.jakartamcp.oauth.web;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jakartamcp.oauth.OAuthException;

/**
 * An application/x-www-form-urlencoded request body, read up to a bound. A parameter sent twice is
 * refused, as RFC 6749 3.1 and 3.2 require; an empty value counts as absent.
 */
final class FormParameters {

    private FormParameters() {
    }

    static Map<String, String> read(InputStream body) {
        String text = OAuthJson.text(body);
        Map<String, String> parameters = new HashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthException.invalidRequest("The form is not correctly URL-encoded");
            }
            if (parameters.containsKey(name)) {
                throw OAuthException.invalidRequest("Parameter " + name + " appears more than once");
            }
            if (!value.isEmpty()) {
                parameters.put(name, value);
            }
        }
        return parameters;
    }
}
