package org.jakartamcp.conformance;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jakartamcp.mcp.spi.CompletePrompt;
import org.jakartamcp.mcp.spi.Content;
import org.jakartamcp.mcp.spi.Prompt;
import org.jakartamcp.mcp.spi.PromptArg;
import org.jakartamcp.mcp.spi.PromptMessage;
import org.jakartamcp.mcp.spi.Resource;
import org.jakartamcp.mcp.spi.ResourceContents;
import org.jakartamcp.mcp.spi.ResourceTemplate;

/** Test-only: the resources, prompts and completions the conformance suite reads by name. */
@ApplicationScoped
public class ConformanceResources {

    @Resource(uri = "test://static-text", name = "static-text", description = "A static text resource")
    public String staticText() {
        return "This is the content of the static text resource.";
    }

    @Resource(uri = "test://static-binary", name = "static-binary", description = "A static binary resource", mimeType = "image/png")
    public byte[] staticBinary() {
        return Media.RED_PIXEL_PNG;
    }

    @Resource(uri = "test://watched-resource", name = "watched-resource", description = "A resource to subscribe to")
    public String watched() {
        return "Watched resource content";
    }

    @ResourceTemplate(uriTemplate = "test://template/{id}/data", name = "template", description = "Data by id",
            mimeType = "application/json")
    public String templated(String id) {
        return "{\"id\":\"" + id + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id + "\"}";
    }

    @Prompt(name = "test_simple_prompt", description = "A prompt without arguments")
    public String simplePrompt() {
        return "This is a simple prompt for testing.";
    }

    @Prompt(name = "test_prompt_with_arguments", description = "A prompt with arguments")
    public String promptWithArguments(@PromptArg(description = "First test argument") String arg1,
                                      @PromptArg(description = "Second test argument") String arg2) {
        return "Prompt with arguments: arg1='" + arg1 + "', arg2='" + arg2 + "'";
    }

    @CompletePrompt("test_prompt_with_arguments")
    public List<String> completeArg1(String arg1) {
        return List.of("paris", "park", "party").stream().filter(value -> value.startsWith(arg1)).toList();
    }

    @Prompt(name = "test_prompt_with_embedded_resource", description = "A prompt with an embedded resource")
    public List<PromptMessage> promptWithResource(@PromptArg(description = "URI of the resource to embed") String resourceUri) {
        return List.of(PromptMessage.user(new Content.EmbeddedResource(ResourceContents.text(resourceUri, "text/plain",
                        "Embedded resource content for testing."))),
                PromptMessage.user("Please process the embedded resource above."));
    }

    @Prompt(name = "test_prompt_with_image", description = "A prompt with an image")
    public List<PromptMessage> promptWithImage() {
        return List.of(PromptMessage.user(Content.Image.of(Media.RED_PIXEL_PNG, "image/png")),
                PromptMessage.user("Please analyze the image above."));
    }
}
