package io.sweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweep.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A running Sweep server's /api, as the command line uses it: JSON in and out, the token on every call. */
final class SweepClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String baseUrl;
    private final String token;
    private final java.util.Map<String, String> headers;

    SweepClient(String baseUrl, String token) {
        this(baseUrl, token, java.util.Map.of());
    }

    private SweepClient(String baseUrl, String token, java.util.Map<String, String> headers) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.headers = headers;
    }

    /** The same client, sending this header too. */
    SweepClient withHeader(String name, String value) {
        var more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new SweepClient(baseUrl, token, java.util.Map.copyOf(more));
    }

    String baseUrl() {
        return baseUrl;
    }

    record Answer(int status, JsonNode body) {
        /**
         * A 2xx answer that is not an error: Zoho answers some refusals ({@code LIMIT_EXCEEDED},
         * {@code ALREADY_SCHEDULED}) with 200 and the error wrapped in {@code data}.
         */
        boolean ok() {
            return status >= 200 && status < 300 && errorEntry() == null;
        }

        /** Sweep's error as one line: {@code CODE: message {details}}. */
        String error() {
            JsonNode entry = errorEntry();
            if (entry == null) entry = body;
            String details = entry.path("details").isObject() && !entry.path("details").isEmpty() ? " " + entry.get("details") : "";
            return entry.path("code").asText("HTTP_" + status) + ": " + entry.path("message").asText("") + details;
        }

        /** The error the body carries, bare or as the first entry of {@code data} (SPEC §1.4); null when it carries none. */
        private JsonNode errorEntry() {
            if ("error".equals(body.path("status").asText())) return body;
            JsonNode first = body.path("data").path(0);
            if ("error".equals(first.path("status").asText())) return first;
            return status >= 200 && status < 300 ? null : body;
        }
    }

    Answer get(String path) {
        return send(request(path).GET().build());
    }

    Answer post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    /**
     * Writes what {@code GET path} answers to {@code file} (through a file beside it, so a broken
     * transfer never leaves a half file under the name), and answers its size; an error answer fails.
     */
    long download(String path, java.nio.file.Path file) {
        java.nio.file.Path part = file.resolveSibling(file.getFileName() + ".part");
        HttpResponse<java.nio.file.Path> response;
        try {
            response = HTTP.send(request(path).timeout(Duration.ofHours(1)).GET().build(), HttpResponse.BodyHandlers.ofFile(part));
            if (response.statusCode() != 200) {
                String text = java.nio.file.Files.readString(part, StandardCharsets.UTF_8);
                java.nio.file.Files.deleteIfExists(part);
                JsonNode body = text.isBlank() ? Json.object() : Json.MAPPER.readTree(text);
                throw new CliFailure(ExitCodes.FAILED, new Answer(response.statusCode(), body).error());
            }
            java.nio.file.Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return java.nio.file.Files.size(file);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.UNAVAILABLE, "cannot fetch " + path + " from Sweep at " + baseUrl + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.INTERRUPTED, "interrupted");
        }
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(2)).header("Accept", "application/json");
        if (token != null) builder.header("Authorization", "Zoho-oauthtoken " + token);
        headers.forEach(builder::header);
        return builder;
    }

    private Answer send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.UNAVAILABLE, "cannot reach Sweep at " + baseUrl + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.INTERRUPTED, "interrupted");
        }
        JsonNode body;
        try {
            body = response.body().isBlank() ? Json.object() : Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.UNAVAILABLE, baseUrl + " answered " + response.statusCode() + " with something that is not JSON; is it Sweep?");
        }
        return new Answer(response.statusCode(), body);
    }
}
