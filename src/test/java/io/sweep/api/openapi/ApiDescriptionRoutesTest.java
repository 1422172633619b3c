package io.sweep.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.errors.ErrorCode;
import io.sweep.testsupport.Backend;
import io.sweep.testsupport.TestServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The document and the server name the same routes, read from Javalin's router: a route added
 * without a description, or a description left behind by a removed route, fails the build. The
 * error codes it lists are those of {@link ErrorCode}.
 */
class ApiDescriptionRoutesTest {
    private final TestServer server = TestServer.shared(Backend.H2);

    @Test
    void every_registered_route_is_described_and_every_described_route_is_registered() {
        ApiDocument document = served();
        List<String> registered = server.app().routes().stream().map(r -> r.method() + " " + r.path()).distinct().toList();

        assertThat(document.operations()).as("operations the document describes")
                .containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void the_described_error_codes_are_the_servers() {
        List<String> described = new ArrayList<>();
        served().root().path("x-error-codes").forEach(e ->
                described.add(e.path("http").asInt() + " " + e.path("code").asString() + " " + e.path("message").asString()));
        List<String> codes = Arrays.stream(ErrorCode.values()).map(e -> e.httpStatus() + " " + e.code() + " " + e.message()).toList();

        assertThat(described).containsExactlyInAnyOrderElementsOf(codes);
    }

    @Test
    void the_document_is_openapi_3_1_and_open_to_everyone() {
        var response = server.http().get("/api/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(new ApiDocument(response.body()).root().path("openapi").asString()).startsWith("3.1.");
    }

    private ApiDocument served() {
        return new ApiDocument(server.http().get("/api/openapi.json").body());
    }
}
