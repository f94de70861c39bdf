package org.jakartamcp.mcp.spi;

import java.util.Base64;

/** What a resource holds: text, or binary data as base64 ({@code blob}). Exactly one of the two is set. */
public record ResourceContents(String uri, String mimeType, String text, String blob) {

    public static ResourceContents text(String uri, String mimeType, String text) {
        return new ResourceContents(uri, mimeType, text, null);
    }

    public static ResourceContents binary(String uri, String mimeType, byte[] data) {
        return new ResourceContents(uri, mimeType, null, Base64.getEncoder().encodeToString(data));
    }
}
