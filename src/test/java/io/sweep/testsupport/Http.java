package io.sweep.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A small HTTP client for tests: real requests to the real server, JSON bodies parsed. */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String token;
    private final List<String> headers;
    private final HttpClient client;

    public Http(String base) {
        this(base, null, List.of(), CLIENT);
    }

    private Http(String base, String token, List<String> headers, HttpClient client) {
        this.base = base;
        this.token = token;
        this.headers = headers;
        this.client = client;
    }

    public Http withToken(String t) {
        return new Http(base, t, headers, client);
    }

    /**
     * Connects from another loopback address (127.0.0.2, …), so the server sees another client
     * address. The server is reached at 127.0.0.1, the same family.
     */
    public Http fromAddress(String loopbackAddress) {
        try {
            var client = HttpClient.newBuilder().localAddress(java.net.InetAddress.getByName(loopbackAddress)).build();
            return new Http(base.replace("://localhost:", "://127.0.0.1:"), token, headers, client);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(loopbackAddress, e);
        }
    }

    /** Adds a raw header to every request (name, value). */
    public Http withHeader(String name, String value) {
        var h = new ArrayList<>(headers);
        h.add(name);
        h.add(value);
        return new Http(base, token, h, client);
    }

    public String base() {
        return base;
    }

    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    /**
     * Reads {@code /api/jobs/{id}} until the job has ended and every chunk is closed (two minutes
     * at most); a FAILED job's chunks stay as they were.
     */
    public JsonNode waitForJobEnd(String id) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = get("/api/jobs/" + id).json();
            String status = job.path("status").asText();
            boolean ended = !List.of("SCHEDULED", "RUNNING").contains(status);
            boolean chunksClosed = job.path("chunks").path("done").asInt() == job.path("chunks").path("total").asInt();
            if (ended && (chunksClosed || status.equals("FAILED"))) return job;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for job " + id, e);
            }
        }
        throw new AssertionError("job " + id + " did not end");
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** POSTs a body with no Content-Type header, as some Zoho clients do. */
    public Response post(String path, String body) {
        return send("POST", path, body);
    }

    public Response put(String path, String body) {
        return send("PUT", path, body);
    }

    /** A GET answered with bytes (a spreadsheet download), with its status and content type. */
    public record Download(int status, String contentType, String disposition, byte[] body) {}

    public Download download(String path) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) builder.header("Authorization", "Zoho-oauthtoken " + token);
        for (int i = 0; i < headers.size(); i += 2) builder.header(headers.get(i), headers.get(i + 1));
        try {
            var response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Response send(String method, String path, String body) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) builder.header("Authorization", "Zoho-oauthtoken " + token);
        for (int i = 0; i < headers.size(); i += 2) builder.header(headers.get(i), headers.get(i + 1));
        try {
            var response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
