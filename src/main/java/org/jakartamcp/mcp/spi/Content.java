package org.jakartamcp.mcp.spi;

import java.util.Base64;

/** A piece of a tool result or prompt message. */
public sealed interface Content {

    record Text(String text) implements Content {
    }

    /** An image, base64-encoded. */
    record Image(String data, String mimeType) implements Content {
        public static Image of(byte[] bytes, String mimeType) {
            return new Image(Base64.getEncoder().encodeToString(bytes), mimeType);
        }
    }

    /** Audio, base64-encoded. */
    record Audio(String data, String mimeType) implements Content {
        public static Audio of(byte[] bytes, String mimeType) {
            return new Audio(Base64.getEncoder().encodeToString(bytes), mimeType);
        }
    }

    /** A resource's contents, inline. */
    record EmbeddedResource(ResourceContents resource) implements Content {
    }

    static Content text(String text) {
        return new Text(text);
    }
}
