package bench;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** The baseline: read a JSON-RPC request, answer the JSON a tool call answers, nothing else. */
@Path("echo")
public class EchoResource {

    private static final JsonProvider JSON = JsonProvider.provider();

    @POST
    @Consumes("application/json")
    @Produces("application/json")
    public JsonObject echo(JsonObject request) {
        return JSON.createObjectBuilder().add("jsonrpc", "2.0").add("id", request.get("id"))
                .add("result", JSON.createObjectBuilder().add("content", JSON.createArrayBuilder()
                        .add(JSON.createObjectBuilder().add("type", "text").add("text", "42"))))
                .build();
    }
}
