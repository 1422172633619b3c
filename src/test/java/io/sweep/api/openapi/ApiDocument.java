package io.sweep.api.openapi;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document as the server serves it, with its schemas compiled by a JSON Schema
 * 2020-12 validator in OpenAPI 3.1's dialect: the document itself is the schema resource, so a
 * response schema is found by its JSON pointer and its {@code $ref}s to components resolve as in
 * any OpenAPI tool.
 */
final class ApiDocument {
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final String URI = "https://sweep.invalid/api/openapi.json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final JsonNode root;
    private final SchemaRegistry schemas;

    ApiDocument(String json) {
        this.root = JSON.readTree(json);
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), b -> b.schemas(Map.of(URI, json)));
    }

    JsonNode root() {
        return root;
    }

    /** Every documented operation as "METHOD /path/{template}". */
    List<String> operations() {
        List<String> operations = new ArrayList<>();
        root.path("paths").properties().forEach(path -> METHODS.forEach(m -> {
            if (path.getValue().has(m)) operations.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey());
        }));
        return operations;
    }

    /**
     * What in an answer the document does not describe: its status, a header it gives as required
     * but the answer lacks, its media type, its body.
     */
    List<String> check(String method, String template, int status, Function<String, Optional<String>> headers, String contentType, String body) {
        String opPointer = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT);
        if (root.at(opPointer).isMissingNode()) return List.of("the operation is not in the document");
        String responsePointer = resolve(opPointer + "/responses/" + status);
        if (responsePointer == null) return List.of("HTTP " + status + " is not documented: " + body);
        List<String> problems = new ArrayList<>();
        root.at(responsePointer + "/headers").properties().forEach(header -> {
            String pointer = resolve(responsePointer + "/headers/" + escape(header.getKey()));
            if (root.at(pointer + "/required").asBoolean(false) && headers.apply(header.getKey()).isEmpty()) {
                problems.add("HTTP " + status + " lacks the header " + header.getKey());
            }
        });
        problems.addAll(checkBody(responsePointer, status, contentType, body));
        return problems;
    }

    private List<String> checkBody(String responsePointer, int status, String contentType, String body) {
        JsonNode content = root.at(responsePointer + "/content");
        if (content.isMissingNode() || content.isEmpty()) {
            return body.isEmpty() ? List.of() : List.of("HTTP " + status + " is documented without a body, got " + body);
        }
        String mediaType = contentType.split(";")[0].trim();
        if (!content.has(mediaType)) return List.of("media type " + mediaType + " is not documented for HTTP " + status);
        if (!mediaType.equals("application/json")) return List.of();
        String schemaPointer = responsePointer + "/content/" + escape(mediaType) + "/schema";
        return validate(schemaPointer, JSON.readTree(body));
    }

    /** The messages of {@code value} against the schema at {@code pointer} (none when it fits). */
    List<String> validate(String pointer, JsonNode value) {
        Schema schema = schemas.getSchema(SchemaLocation.of(URI + "#" + pointer));
        return schema.validate(value).stream().map(e -> e.toString() + " in " + abbreviate(value.toString())).toList();
    }

    /** Follows {@code $ref}s from a pointer; null where nothing is. */
    String resolve(String pointer) {
        JsonNode node = root.at(pointer);
        for (int hops = 0; node.has("$ref") && hops < 10; hops++) {
            pointer = node.get("$ref").asString().substring(1);
            node = root.at(pointer);
        }
        return node.isMissingNode() ? null : pointer;
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
