package org.jakartamcp.conformance;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;

/** Test-only: the elicitation and input schemas the conformance scenarios expect. */
final class Schemas {

    /** The suite's JSON_SCHEMA_2020_12_FIXTURE (SEP-1613, SEP-2106): every keyword must reach tools/list unchanged. */
    static final String JSON_SCHEMA_2020_12 = """
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
             "$defs":{"address":{"$anchor":"addressDef","type":"object",
               "properties":{"street":{"type":"string"},"city":{"type":"string"}}}},
             "properties":{"name":{"type":"string"},"address":{"$ref":"#/$defs/address"},
               "contactMethod":{"type":"string","enum":["phone","email"]},"phone":{"type":"string"},"email":{"type":"string"}},
             "allOf":[{"anyOf":[{"required":["phone"]},{"required":["email"]}]}],
             "if":{"properties":{"contactMethod":{"const":"phone"}},"required":["contactMethod"]},
             "then":{"required":["phone"]},
             "else":{"required":["email"]},
             "additionalProperties":false}""";

    static final JsonObject USER_DETAILS = json("""
            {"type":"object","properties":{"username":{"type":"string","description":"User's response"},
             "email":{"type":"string","description":"User's email address"}},"required":["username","email"]}""");

    static final JsonObject WITH_DEFAULTS = json("""
            {"type":"object","properties":{
              "name":{"type":"string","default":"John Doe"},
              "age":{"type":"integer","default":30},
              "score":{"type":"number","default":95.5},
              "status":{"type":"string","enum":["active","inactive","pending"],"default":"active"},
              "verified":{"type":"boolean","default":true}}}""");

    static final JsonObject ENUMS = json("""
            {"type":"object","properties":{
              "untitledSingle":{"type":"string","enum":["option1","option2","option3"]},
              "titledSingle":{"type":"string","oneOf":[{"const":"value1","title":"First Option"},
                {"const":"value2","title":"Second Option"},{"const":"value3","title":"Third Option"}]},
              "legacyEnum":{"type":"string","enum":["opt1","opt2","opt3"],"enumNames":["Option One","Option Two","Option Three"]},
              "untitledMulti":{"type":"array","items":{"type":"string","enum":["option1","option2","option3"]}},
              "titledMulti":{"type":"array","items":{"anyOf":[{"const":"value1","title":"First Choice"},
                {"const":"value2","title":"Second Choice"},{"const":"value3","title":"Third Choice"}]}}}}""");

    private Schemas() {
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
