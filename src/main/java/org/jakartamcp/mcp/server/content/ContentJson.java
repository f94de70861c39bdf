package org.jakartamcp.mcp.server.content;

import static org.jakartamcp.platform.json.JsonP.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.jakartamcp.mcp.spi.Content;
import org.jakartamcp.mcp.spi.ResourceContents;

/** The MCP JSON form of content blocks and resource contents. */
public final class ContentJson {

    private ContentJson() {
    }

    public static JsonArray array(List<? extends Content> content) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        content.forEach(block -> array.add(of(block)));
        return array.build();
    }

    public static JsonObject of(Content content) {
        if (content instanceof Content.Text text) {
            return JSON.createObjectBuilder().add("type", "text").add("text", text.text()).build();
        }
        if (content instanceof Content.Image image) {
            return JSON.createObjectBuilder().add("type", "image").add("data", image.data()).add("mimeType", image.mimeType()).build();
        }
        if (content instanceof Content.Audio audio) {
            return JSON.createObjectBuilder().add("type", "audio").add("data", audio.data()).add("mimeType", audio.mimeType()).build();
        }
        Content.EmbeddedResource embedded = (Content.EmbeddedResource) content;
        return JSON.createObjectBuilder().add("type", "resource").add("resource", of(embedded.resource())).build();
    }

    public static JsonObject of(ResourceContents contents) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("uri", contents.uri());
        if (contents.mimeType() != null) {
            json.add("mimeType", contents.mimeType());
        }
        if (contents.blob() != null) {
            json.add("blob", contents.blob());
        } else {
            json.add("text", contents.text() == null ? "" : contents.text());
        }
        return json.build();
    }
}
