package org.jakartamcp.mcp.server.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.jakartamcp.tools.math.ConstantsResources;
import org.jakartamcp.tools.math.MathPrompts;
import org.jakartamcp.testing.PlainBeans;
import org.junit.jupiter.api.Test;

/** completion/complete finds a template's completer by the template's URI, as ref/resource names it. */
class CompletionHandlerTest {

    private final CompletionHandler handler = PlainCompletion.handler(
            PlainBeans.methods(new ConstantsResources(), new MathPrompts()), ConstantsResources.class, MathPrompts.class);

    @Test
    void aTemplateVariableCompletesByTheTemplatesUri() {
        assertEquals(List.of("phi", "pi"), values("{\"type\":\"ref/resource\",\"uri\":\"constants://{name}/{digits}\"}", "name", "p"));
        assertEquals(List.of("e", "ln2", "phi", "pi", "sqrt2"),
                values("{\"type\":\"ref/resource\",\"uri\":\"constants://{name}/{digits}\"}", "name", ""));
    }

    @Test
    void theTemplatesNameIsNotAUri() {
        // before, the completer was keyed by the template's name, so only this non-spec form worked
        assertEquals(List.of(), values("{\"type\":\"ref/resource\",\"uri\":\"constant\"}", "name", "p"));
        assertEquals(List.of(), values("{\"type\":\"ref/resource\",\"uri\":\"constants://{name}/{digits}\"}", "digits", "1"));
        assertEquals(List.of("phi", "pi"), values("{\"type\":\"ref/resource\",\"uri\":\"constants://{name}/{digits}\"}", "name", "p"));
    }

    @Test
    void promptArgumentsStillCompleteByThePromptsName() {
        assertEquals(List.of("engineer"), values("{\"type\":\"ref/prompt\",\"name\":\"step_by_step\"}", "audience", "e"));
    }

    @Test
    void aTemplateMayBeNamedByNameOrUriInTheAnnotation() {
        Map<String, String> uris = Map.of("constant", "constants://{name}/{digits}");
        assertEquals("constants://{name}/{digits}", CompletionDiscoveryExtension.templateUri("constant", uris));
        assertEquals("constants://{name}/{digits}", CompletionDiscoveryExtension.templateUri("constants://{name}/{digits}", uris));
        assertEquals(null, CompletionDiscoveryExtension.templateUri("constants://{other}", uris));
    }

    private List<String> values(String ref, String argument, String value) {
        JsonObject params = Json.createReader(new StringReader("{\"ref\":" + ref + ",\"argument\":{\"name\":\"" + argument
                + "\",\"value\":\"" + value + "\"}}")).readObject();
        return handler.request("completion/complete", params, null).getJsonObject("completion").getJsonArray("values")
                .getValuesAs(JsonString::getString);
    }
}
