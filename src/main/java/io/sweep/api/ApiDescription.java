package io.sweep.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.1 description of every route Sweep answers,
 * written by hand in {@code openapi/sweep.yaml} and served as JSON. Tests hold it to the routes
 * the server registers and to the bodies it really sends, so it cannot drift from them.
 */
public final class ApiDescription {
    /** Where the description lives on the classpath. */
    public static final String RESOURCE = "/openapi/sweep.yaml";

    private final byte[] json;

    public ApiDescription() {
        // read once: a missing or broken description stops the start, not a later request
        this.json = toJson(RESOURCE);
    }

    public void register(RoutesConfig routes) {
        // it describes the API, nothing of anyone's data: a client may read it before it holds a token
        routes.get("/api/openapi.json", this::serve, Access.open());
    }

    private void serve(Context ctx) {
        ctx.status(200).contentType(JsonResponse.CONTENT_TYPE).result(json);
    }

    static byte[] toJson(String resource) {
        try (InputStream in = ApiDescription.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("the API description " + resource + " is not on the classpath");
            return new ObjectMapper().writeValueAsBytes(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("the API description " + resource + " cannot be read", e);
        }
    }
}
