package io.sweep.api.openapi;

import io.sweep.testsupport.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sends real requests and holds each answer to the API description: the status the walk expects,
 * and then the status, media type and body the description gives for that operation. Problems are
 * collected, so one run names every drift at once; the operations walked are remembered, so a
 * documented operation nobody calls is found too.
 */
final class ApiWalk {
    private static final String REQUEST_ID = "X-Request-Id";

    private final ApiDocument document;
    private int calls;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> walked = new LinkedHashSet<>();
    /** With {@code -Dopenapi.dump=FILE}, every exchange is written there too, to read real bodies while writing the description. */
    private final Path dump = System.getProperty("openapi.dump") == null ? null : Path.of(System.getProperty("openapi.dump"));

    ApiWalk(ApiDocument document) {
        this.document = document;
    }

    /**
     * Sends {@code method path} (an instance of the documented {@code template}) with a request id
     * of its own, and checks the answer, which must carry that id back.
     */
    Http.Response call(Http as, String method, String template, String path, String body, int expectedStatus) {
        String requestId = "walk-" + (++calls);
        Http.Response response = as.withHeader(REQUEST_ID, requestId).send(method, path, body);
        String what = method + " " + path + " (" + template + ")";
        walked.add(method + " " + template);
        write(what, response);
        if (response.status() != expectedStatus) {
            problems.add(what + ": expected HTTP " + expectedStatus + ", got " + response);
        }
        var headers = response.raw().headers();
        if (!headers.firstValue(REQUEST_ID).equals(Optional.of(requestId))) {
            problems.add(what + ": " + REQUEST_ID + " " + requestId + " came back as " + headers.firstValue(REQUEST_ID));
        }
        problems.addAll(document.check(method, template, response.status(), headers::firstValue, response.contentType(), response.body())
                .stream().map(p -> what + ": " + p).toList());
        return response;
    }

    List<String> problems() {
        return problems;
    }

    Set<String> walked() {
        return walked;
    }

    private void write(String what, Http.Response response) {
        if (dump == null) return;
        try {
            Files.writeString(dump, "### " + what + " -> " + response.status() + " " + response.contentType() + "\n"
                            + (response.body().length() > 3000 ? response.body().substring(0, 3000) + "…" : response.body()) + "\n\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
